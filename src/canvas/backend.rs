//! A plotters backend for an HTML canvas: plotters-canvas's own backend,
//! plus two speed-ups that keep the frame budget. `blit_bitmap` is one
//! `putImageData` instead of a `fillRect` per pixel, and paths, polygons,
//! circles and filled rectangles of one style are batched and traced in one
//! call (see
//! [`super::batch`]). Every other call flushes the batch first, so the
//! drawing order is kept.

use super::batch::{Paint, PathBatch, Shape};
use crate::render::dual::{lift, TextError};
use plotters::prelude::DrawingBackend;
use plotters_backend::{BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

#[wasm_bindgen(inline_js = "export function trace(ctx, shape, c, lengths) {
  ctx.beginPath();
  if (shape === 0) {
    let k = 0;
    for (let s = 0; s < lengths.length; s++) {
      const end = k + 2 * lengths[s];
      ctx.moveTo(c[k], c[k + 1]);
      for (k += 2; k < end; k += 2) ctx.lineTo(c[k], c[k + 1]);
    }
  } else if (shape === 1) {
    for (let k = 0; k < c.length; k += 4) { ctx.moveTo(c[k + 3], c[k + 1]); ctx.arc(c[k], c[k + 1], c[k + 2], 0, 2 * Math.PI); }
  } else {
    for (let k = 0; k < c.length; k += 4) ctx.rect(c[k], c[k + 1], c[k + 2], c[k + 3]);
  }
}")]
extern "C" {
    /// Traces a batch's shapes into the current path (see [`Shape`]): the
    /// only JavaScript of the adapter, a loop of path calls and no math.
    fn trace(context: &CanvasRenderingContext2d, shape: u32, coords: &[f32], lengths: &[u32]);
}

/// What the page's scenes draw through: the canvas, or SVG for a download
/// (one backend type, so the scene code is compiled once).
pub type Page = crate::render::dual::Dual<'static, WebCanvas>;

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

    /// The 2-D context, for clearing and clipping around a plotters pass.
    pub fn context(&self) -> &CanvasRenderingContext2d {
        &self.context
    }

    /// Paints the waiting batch, if any.
    fn flush(&mut self) -> Result<(), DrawingErrorKind<TextError>> {
        let Some(((paint, shape), coords, lengths)) = self.batch.take() else {
            return Ok(());
        };
        trace(&self.context, shape.code(), &coords, &lengths);
        match paint {
            Paint::Stroke(_, width) => {
                self.context.set_stroke_style_str(&paint.css_color());
                self.context.set_line_width(width as f64);
                self.context.stroke();
            }
            Paint::Fill(_) => {
                self.context.set_fill_style_str(&paint.css_color());
                self.context.fill();
            }
        }
        Ok(())
    }

    /// The batch for `key`, flushing a batch of another paint or shape first.
    fn batch_for(
        &mut self,
        key: (Paint, Shape),
    ) -> Result<&mut PathBatch, DrawingErrorKind<TextError>> {
        if !self.batch.accepts(key) {
            self.flush()?;
        }
        self.batch.key = Some(key);
        Ok(&mut self.batch)
    }
}

/// A failed canvas call (the JS error is not formatted: Debug formatting
/// would cost the wasm a kilobyte for a banner that never shows).
fn js_error(_: JsValue) -> DrawingErrorKind<TextError> {
    DrawingErrorKind::DrawingError(TextError("a canvas call failed".into()))
}

impl DrawingBackend for WebCanvas {
    type ErrorType = TextError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<TextError>> {
        self.inner.ensure_prepared().map_err(lift)
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<TextError>> {
        self.flush()?;
        self.inner.present().map_err(lift)
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: plotters_backend::BackendColor,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        self.flush()?;
        self.inner.draw_pixel(point, color).map_err(lift)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        self.flush()?;
        self.inner.draw_line(from, to, style).map_err(lift)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        if fill && style.color().alpha > 0.0 {
            self.batch_for((Paint::Fill(style.color().into()), Shape::Rects))?
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
    ) -> Result<(), DrawingErrorKind<TextError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let key = (
            Paint::Stroke(style.color().into(), style.stroke_width()),
            Shape::Lines,
        );
        self.batch_for(key)?.polyline(path);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let key = (Paint::Fill(style.color().into()), Shape::Lines);
        self.batch_for(key)?.polyline(vert);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let paint = if fill {
            Paint::Fill(style.color().into())
        } else {
            Paint::Stroke(style.color().into(), style.stroke_width())
        };
        self.batch_for((paint, Shape::Circles))?
            .circle(center, radius);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        self.flush()?;
        self.inner.draw_text(text, style, pos).map_err(lift)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<TextError>> {
        self.inner.estimate_text_size(text, style).map_err(lift)
    }

    /// Puts an RGB image at `pos` with one `putImageData` call.
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (w, h): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<TextError>> {
        // Shapes waiting in the batch were drawn before the image: paint them first.
        self.flush()?;
        let mut rgba = vec![[0; 4]; (w * h) as usize];
        let row = w.max(1) as usize;
        for (pixels, src) in rgba.chunks_exact_mut(row).zip(src.chunks_exact(3 * row)) {
            opaque_row(src, pixels);
        }
        let rgba = rgba.into_flattened();
        let image =
            ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), w, h).map_err(js_error)?;
        self.context
            .put_image_data(&image, pos.0 as f64, pos.1 as f64)
            .map_err(js_error)
    }
}

/// One row of RGB bytes as opaque RGBA. Indexed, as the size-optimised build
/// would call an iterator per pixel; a function of its own (not inlined), so
/// that a browser's first, baseline-compiled run switches to its optimised
/// code after a few rows (wasm code is swapped only between calls).
#[inline(never)]
fn opaque_row(src: &[u8], pixels: &mut [[u8; 4]]) {
    for k in 0..pixels.len() {
        pixels[k] = [src[3 * k], src[3 * k + 1], src[3 * k + 2], 255];
    }
}
