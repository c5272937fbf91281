//! Many arrows from one point, drawn as what the eye can take in: above
//! [`DENSITY_ABOVE`] examples, the tips of all the arrows as a density on a
//! grid of 3-pixel cells (darker: more tips), with one arrow in k drawn
//! whole so that the picture still says "arrows from θ". Stroking 10,000
//! translucent arrows cost a frame more than its 16 ms; a few thousand
//! cells and a few hundred arrows do not.

use super::arrows::{draw_arrows, ArrowStyle, PxSegment};
use super::palette::EXAMPLE_ARROW;
use super::{drawn, Area, Canvas, DrawResult};
use crate::core::geometry::PlotFrame;
use crate::core::math::LibmExt;
use plotters::prelude::*;

/// Above this many examples the arrows are drawn as a density of tips.
pub const DENSITY_ABOVE: usize = 2_000;

/// How many arrows are still drawn whole over the density.
pub const WHOLE_ARROWS: usize = 200;

/// The density's shades between one tip (opacity 0.2) and the densest
/// cell (0.95): steps of 0.047 in opacity, finer than the eye tells apart
/// on a 3-pixel cell.
pub const SHADES: usize = 16;

/// One arrow in this many is drawn whole, for `n` arrows.
pub fn whole_stride(n: usize) -> usize {
    n.div_ceil(WHOLE_ARROWS).max(1)
}

/// Draws `segments` (all from one point) as a density of their tips inside
/// `frame`, with one in [`whole_stride`] drawn as a thin arrow.
pub fn draw_tip_density<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    frame: &PlotFrame,
    segments: &[PxSegment],
    thin: ArrowStyle,
) -> DrawResult {
    let cell = canvas.pxf(3.0).max(1.0);
    let cols = (frame.width / cell).ceil() as usize + 1;
    let rows = (frame.height / cell).ceil() as usize + 1;
    let mut counts = vec![0u32; cols * rows];
    for &(_, (x, y)) in segments {
        let (cx, cy) = ((x - frame.left) / cell, (y - frame.top) / cell);
        if cx >= 0.0 && cy >= 0.0 && (cx as usize) < cols && (cy as usize) < rows {
            counts[cy as usize * cols + cx as usize] += 1;
        }
    }
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    // Log shading: one tip is faint, the densest cell nearly solid, in
    // SHADES steps. The cells are drawn shade by shade, so a frame fills
    // a few batches of rectangles rather than one per cell (700 fills a
    // frame at N = 10,000).
    let mut by_shade = vec![Vec::new(); SHADES + 1];
    for (k, &c) in counts.iter().enumerate().filter(|(_, &c)| c > 0) {
        let t = (1.0 + c as f64).ln_() / (1.0 + most).ln_();
        by_shade[(t * SHADES as f64).round() as usize].push(k);
    }
    let RGBAColor(r, g, b, _) = EXAMPLE_ARROW;
    for (shade, cells) in by_shade.iter().enumerate() {
        let alpha = 0.2 + 0.75 * shade as f64 / SHADES as f64;
        for &k in cells {
            let (x0, y0) = (
                frame.left + (k % cols) as f64 * cell,
                frame.top + (k / cols) as f64 * cell,
            );
            drawn(area.draw(&Rectangle::new(
                [
                    (x0.round() as i32, y0.round() as i32),
                    ((x0 + cell).round() as i32, (y0 + cell).round() as i32),
                ],
                RGBAColor(r, g, b, alpha).filled(),
            )))?;
        }
    }
    let sample: Vec<PxSegment> = segments
        .iter()
        .step_by(whole_stride(segments.len()))
        .copied()
        .collect();
    draw_arrows(area, &sample, thin)
}
