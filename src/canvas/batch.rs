//! Batching of same-style shapes into one SVG path string, so that a
//! thousand arrows cost one `Path2D` and one `stroke()` instead of
//! thousands of calls across the wasm–JS boundary.

use plotters_backend::{BackendColor, BackendCoord};
use std::fmt::Write;

/// A colour that can be compared (plotters' `BackendColor` cannot).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub f64);

impl From<BackendColor> for Rgba {
    fn from(c: BackendColor) -> Self {
        Rgba(c.rgb.0, c.rgb.1, c.rgb.2, c.alpha)
    }
}

/// How a batch is painted: stroked with a colour and width, or filled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paint {
    Stroke(Rgba, u32),
    Fill(Rgba),
}

impl Paint {
    /// The CSS colour of the paint, `rgba(r,g,b,a)`.
    pub fn css_color(&self) -> String {
        let (Paint::Stroke(Rgba(r, g, b, a), _) | Paint::Fill(Rgba(r, g, b, a))) = self;
        format!("rgba({r},{g},{b},{a})")
    }
}

/// Shapes waiting to be painted with one paint, as SVG path data.
#[derive(Default)]
pub struct PathBatch {
    pub paint: Option<Paint>,
    pub data: String,
}

impl PathBatch {
    /// True when `paint` can join the shapes already waiting.
    pub fn accepts(&self, paint: Paint) -> bool {
        self.paint == Some(paint) || self.data.is_empty()
    }

    /// Adds an open polyline: "M x y L x y …".
    pub fn polyline(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        for (k, (x, y)) in points.into_iter().enumerate() {
            let _ = write!(self.data, "{}{x} {y}", if k == 0 { 'M' } else { 'L' });
        }
    }

    /// Adds a closed polygon: a polyline and "Z".
    pub fn polygon(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.polyline(points);
        self.data.push('Z');
    }

    /// Adds an axis-aligned rectangle from corner `a` to corner `b`.
    pub fn rect(&mut self, a: BackendCoord, b: BackendCoord) {
        let _ = write!(self.data, "M{} {}H{}V{}H{}Z", a.0, a.1, b.0, b.1, a.0);
    }

    /// Adds a circle as two half-circle arcs.
    pub fn circle(&mut self, (x, y): BackendCoord, r: u32) {
        let r = r as i32;
        let _ = write!(
            self.data,
            "M{} {y}A{r} {r} 0 1 0 {} {y}A{r} {r} 0 1 0 {} {y}Z",
            x + r,
            x - r,
            x + r
        );
    }

    /// Takes the waiting shapes, leaving the batch empty.
    pub fn take(&mut self) -> Option<(Paint, String)> {
        let paint = self.paint.take()?;
        let data = std::mem::take(&mut self.data);
        (!data.is_empty()).then_some((paint, data))
    }
}
