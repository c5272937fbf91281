//! One backend type for both hosts of a scene: the page's canvas backend
//! `C`, or plotters' SVG backend for a downloaded figure. Every scene's
//! drawing code is generic over its backend, so drawing the page and the
//! files through this one type compiles that code once instead of twice
//! (about 16 KB of the gzipped wasm).

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_svg::SVGBackend;

/// A canvas backend `C`, or SVG written into a borrowed string.
pub enum Dual<'a, C> {
    Canvas(C),
    Svg(SVGBackend<'a>),
}

/// A drawing error, as text: either backend's here, and the page's canvas
/// backend's own.
pub struct TextError(pub String);

/// The text as it is: a derived Debug would escape it, and pull the
/// escaping code into the wasm for nothing.
impl std::fmt::Debug for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TextError {}

/// A backend's error as a [`TextError`], by its message.
pub fn lift<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<TextError> {
    match e {
        DrawingErrorKind::DrawingError(c) => {
            DrawingErrorKind::DrawingError(TextError(c.to_string()))
        }
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    }
}

/// The SVG backend writes into a String, which cannot fail; its error type
/// is io::Error, whose messages would cost the wasm about a kilobyte.
fn lift_svg(e: DrawingErrorKind<std::io::Error>) -> DrawingErrorKind<TextError> {
    match e {
        DrawingErrorKind::DrawingError(_) => {
            DrawingErrorKind::DrawingError(TextError("writing the SVG failed".into()))
        }
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    }
}

/// Calls the same method on whichever backend this is.
macro_rules! both {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            Dual::Canvas($b) => $call.map_err(lift),
            Dual::Svg($b) => $call.map_err(lift_svg),
        }
    };
}

impl<C: DrawingBackend> DrawingBackend for Dual<'_, C> {
    type ErrorType = TextError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Dual::Canvas(b) => b.get_size(),
            Dual::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.draw_rect(ul, br, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.draw_path(path, style))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<TextError>> {
        both!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<TextError>> {
        both!(self, b => b.blit_bitmap(pos, size, src))
    }
}
