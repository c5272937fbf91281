//! Figures, drawn through plotters' `DrawingBackend` so that the same code
//! paints a browser canvas (through `crate::canvas`) and writes SVG natively.
//!
//! Each figure has a background layer (what changes only with the data or
//! the window) and an overlay layer (what moves with θ). A canvas host draws
//! the two on stacked canvases; an SVG host draws both into one document.

pub mod arrows;
pub mod axes;
pub mod data_figure;
pub mod dual;
pub mod figures;
pub mod font;
pub mod grid_source;
pub mod heatmap;
pub mod palette;
pub mod param_figure;
pub mod surface_budget;
pub mod tip_density;

use plotters::coord::Shift;
use plotters::prelude::DrawingArea;

/// A drawing area in device pixels.
pub type Area<DB> = DrawingArea<DB, Shift>;

/// A drawing failure, as text (the backend's own error types differ).
pub type DrawResult = Result<(), String>;

/// Converts any plotters error into a [`DrawResult`] error.
pub fn drawn<T, E: std::fmt::Display>(r: Result<T, E>) -> DrawResult {
    r.map(|_| ()).map_err(|e| format!("drawing failed: {e}"))
}

/// How the heatmap's colours reach the backend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeatmapMode {
    /// One bitmap blit at full resolution (the canvas adapter makes it fast).
    Bitmap,
    /// Filled squares of this many pixels (small SVG files).
    Cells(u32),
    /// One bitmap blit, with C evaluated only every this many pixels and
    /// the colours in between interpolated (surfaces that cost N
    /// evaluations a point, on the canvas).
    Smooth(u32),
}

/// The pixel size of a figure and the device-pixel ratio it is drawn for.
/// Line widths and fonts are given in CSS pixels and scaled by `dpr`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Canvas {
    pub width: u32,
    pub height: u32,
    pub dpr: f64,
}

impl Canvas {
    /// `css` CSS pixels in device pixels, at least 1.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.dpr).round().max(1.0) as u32
    }

    /// `css` CSS pixels in device pixels, as a float.
    pub fn pxf(&self, css: f64) -> f64 {
        css * self.dpr
    }
}

/// CSS-pixel margins around a plot: left, top, right, bottom.
pub type Margins = (f64, f64, f64, f64);

/// Margins of the data-style charts (ticks and titles on the left and bottom).
pub const CHART_MARGINS: Margins = (58.0, 12.0, 14.0, 46.0);

/// Margins of the data figures.
pub const DATA_MARGINS: Margins = (52.0, 22.0, 14.0, 46.0);

/// A plot frame inside `canvas` with `margins` (CSS pixels) showing x × y.
pub fn inset_frame(
    canvas: &Canvas,
    margins: Margins,
    x: (f64, f64),
    y: (f64, f64),
) -> crate::core::geometry::PlotFrame {
    let (left, top, right, bottom) = (
        canvas.pxf(margins.0),
        canvas.pxf(margins.1),
        canvas.pxf(margins.2),
        canvas.pxf(margins.3),
    );
    crate::core::geometry::PlotFrame {
        left,
        top,
        width: (canvas.width as f64 - left - right).max(10.0).round(),
        height: (canvas.height as f64 - top - bottom).max(10.0).round(),
        x,
        y,
    }
}

/// Keeps a polyline's points only when they move at least one pixel from
/// the last one kept (and always the last point), so a path of 100,000
/// steps costs what it covers on screen.
pub fn thin_pixels(points: impl Iterator<Item = (i32, i32)>) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::new();
    let mut last_seen = None;
    for p in points {
        match out.last() {
            Some(&q) if (p.0 - q.0).abs() < 1 && (p.1 - q.1).abs() < 1 => {}
            _ => out.push(p),
        }
        last_seen = Some(p);
    }
    if let (Some(p), Some(&q)) = (last_seen, out.last()) {
        if p != q {
            out.push(p);
        }
    }
    out
}
