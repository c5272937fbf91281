//! A plotters backend for an HTML canvas: plotters-canvas's own backend,
//! plus two speed-ups that keep the frame budget. `blit_bitmap` is one
//! `putImageData` instead of a `fillRect` per pixel, and paths, polygons,
//! circles and filled rectangles of one style are batched into a single `Path2D` (see
//! [`super::batch`]). Every other call flushes the batch first, so the
//! drawing order is kept.

use super::batch::{Paint, PathBatch};
use plotters::prelude::DrawingBackend;
use plotters_backend::{BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData, Path2d};

/// plotters-canvas's backend with a bitmap blit of its own.
pub struct WebCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    batch: PathBatch,
}

impl WebCanvas {
    /// A backend drawing on `canvas` at its current pixel size.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Self {
            inner,
            context,
            batch: PathBatch::default(),
        })
    }

    /// Paints the waiting batch, if any.
    fn flush(&mut self) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        let Some((paint, data)) = self.batch.take() else {
            return Ok(());
        };
        let path = Path2d::new_with_path_string(&data).map_err(js_error)?;
        match paint {
            Paint::Stroke(_, width) => {
                self.context.set_stroke_style_str(&paint.css_color());
                self.context.set_line_width(width as f64);
                self.context.stroke_with_path(&path);
            }
            Paint::Fill(_) => {
                self.context.set_fill_style_str(&paint.css_color());
                self.context.fill_with_path_2d(&path);
            }
        }
        Ok(())
    }

    /// The batch for `paint`, flushing a batch of another paint first.
    fn batch_for(
        &mut self,
        paint: Paint,
    ) -> Result<&mut PathBatch, DrawingErrorKind<WebCanvasError>> {
        if !self.batch.accepts(paint) {
            self.flush()?;
        }
        self.batch.paint = Some(paint);
        Ok(&mut self.batch)
    }

    /// The 2-D context, for clearing and clipping around a plotters pass.
    pub fn context(&self) -> &CanvasRenderingContext2d {
        &self.context
    }
}

/// A canvas drawing error, as text.
#[derive(Debug)]
pub struct WebCanvasError(String);

impl std::fmt::Display for WebCanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WebCanvasError {}

fn js_error(e: JsValue) -> DrawingErrorKind<WebCanvasError> {
    DrawingErrorKind::DrawingError(WebCanvasError(format!("{e:?}")))
}

fn lift<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<WebCanvasError> {
    match e {
        DrawingErrorKind::DrawingError(c) => {
            DrawingErrorKind::DrawingError(WebCanvasError(format!("{c:?}")))
        }
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    }
}

impl DrawingBackend for WebCanvas {
    type ErrorType = WebCanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        self.inner.ensure_prepared().map_err(lift)
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        self.flush()?;
        self.inner.present().map_err(lift)
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: plotters_backend::BackendColor,
    ) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        self.flush()?;
        self.inner.draw_pixel(point, color).map_err(lift)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        self.flush()?;
        self.inner.draw_line(from, to, style).map_err(lift)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        if fill && style.color().alpha > 0.0 {
            self.batch_for(Paint::Fill(style.color().into()))?
                .rect(ul, br);
            return Ok(());
        }
        self.flush()?;
        self.inner.draw_rect(ul, br, style, fill).map_err(lift)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.batch_for(Paint::Stroke(style.color().into(), style.stroke_width()))?
            .polyline(path);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.batch_for(Paint::Fill(style.color().into()))?
            .polygon(vert);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let paint = if fill {
            Paint::Fill(style.color().into())
        } else {
            Paint::Stroke(style.color().into(), style.stroke_width())
        };
        self.batch_for(paint)?.circle(center, radius);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        self.flush()?;
        self.inner.draw_text(text, style, pos).map_err(lift)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<WebCanvasError>> {
        self.inner.estimate_text_size(text, style).map_err(lift)
    }

    /// Puts an RGB image at `pos` with one `putImageData` call.
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (w, h): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<WebCanvasError>> {
        // Shapes waiting in the batch were drawn before the image: paint them first.
        self.flush()?;
        let mut rgba = Vec::with_capacity((w * h * 4) as usize);
        for px in src.chunks_exact(3) {
            rgba.extend_from_slice(&[px[0], px[1], px[2], 255]);
        }
        let image =
            ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), w, h).map_err(js_error)?;
        self.context
            .put_image_data(&image, pos.0 as f64, pos.1 as f64)
            .map_err(js_error)
    }
}
