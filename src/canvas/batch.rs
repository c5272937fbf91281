//! Batching of same-style shapes, so that a thousand arrows cost one
//! `stroke()` instead of thousands of calls across the wasm–JS boundary.
//! The geometry is kept as numbers and traced by one small JavaScript loop
//! (`trace` in backend.rs), which is faster than formatting and parsing
//! SVG path strings.

use plotters_backend::{BackendColor, BackendCoord};

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

/// What a batch holds, which decides how its numbers are traced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Polylines: `lengths[k]` points (x, y) each. Filled, each is a
    /// polygon: `fill` closes every subpath itself.
    Lines,
    /// Circles: (x, y, r, x + r) quadruples (the last is where each circle's
    /// subpath starts, so the JavaScript loop needs no arithmetic).
    Circles,
    /// Rectangles: (x, y, width, height) quadruples.
    Rects,
}

impl Shape {
    /// The code the JavaScript loop switches on.
    pub fn code(self) -> u32 {
        match self {
            Shape::Lines => 0,
            Shape::Circles => 1,
            Shape::Rects => 2,
        }
    }
}

/// What a batch is painted with and what it holds.
pub type BatchKey = (Paint, Shape);

/// A batch taken out to be painted: its key, coordinates and polyline lengths.
pub type TakenBatch = (BatchKey, Vec<f32>, Vec<u32>);

/// Shapes of one kind waiting to be painted with one paint.
#[derive(Default)]
pub struct PathBatch {
    pub key: Option<BatchKey>,
    pub coords: Vec<f32>,
    pub lengths: Vec<u32>,
}

impl PathBatch {
    /// True when shapes of `key` can join the ones already waiting.
    pub fn accepts(&self, key: BatchKey) -> bool {
        self.key == Some(key) || self.coords.is_empty()
    }

    /// Adds a polyline (a polygon, in a filled batch).
    pub fn polyline(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        let before = self.coords.len();
        for (x, y) in points {
            self.coords.extend_from_slice(&[x as f32, y as f32]);
        }
        self.lengths.push(((self.coords.len() - before) / 2) as u32);
    }

    /// Adds an axis-aligned rectangle from corner `a` to corner `b`.
    pub fn rect(&mut self, a: BackendCoord, b: BackendCoord) {
        self.coords.extend_from_slice(&[
            a.0 as f32,
            a.1 as f32,
            (b.0 - a.0) as f32,
            (b.1 - a.1) as f32,
        ]);
    }

    /// Adds a circle.
    pub fn circle(&mut self, (x, y): BackendCoord, r: u32) {
        let r = r as i32;
        self.coords
            .extend_from_slice(&[x as f32, y as f32, r as f32, (x + r) as f32]);
    }

    /// Takes the waiting shapes, leaving the batch empty.
    pub fn take(&mut self) -> Option<TakenBatch> {
        let key = self.key.take()?;
        let (coords, lengths) = (
            std::mem::take(&mut self.coords),
            std::mem::take(&mut self.lengths),
        );
        (!coords.is_empty()).then_some((key, coords, lengths))
    }
}
