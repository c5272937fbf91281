//! How each training run is drawn: colour, line and marker, the same in
//! every figure and in the legend.

use crate::render::palette::{RUN_ALPHA, RUN_COLORS, RUN_DASHED, RUN_WIDTHS};
use crate::render::{drawn, Area, Canvas, DrawResult};
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// Draws a polyline of run `k` through pixel points.
pub fn draw_run_line<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    k: usize,
    points: Vec<(i32, i32)>,
) -> DrawResult {
    if points.len() < 2 {
        return Ok(());
    }
    let style = RUN_COLORS[k]
        .mix(RUN_ALPHA[k])
        .stroke_width(canvas.px(RUN_WIDTHS[k]));
    if RUN_DASHED[k] {
        drawn(area.draw(&DashedPathElement::new(
            points,
            canvas.px(7.0),
            canvas.px(4.0),
            style,
        )))
    } else {
        drawn(area.draw(&PathElement::new(points, style)))
    }
}

/// Draws the marker of run `k` at pixel `at`: circle, square, triangle or
/// diamond, white-edged so it reads on any background.
pub fn draw_run_marker<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    k: usize,
    at: (i32, i32),
) -> DrawResult {
    let r = canvas.px(6.0) as i32;
    let (x, y) = at;
    let shape = match k {
        0 => None,
        1 => Some(vec![
            (x - r, y - r),
            (x + r, y - r),
            (x + r, y + r),
            (x - r, y + r),
        ]),
        2 => Some(vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)]),
        _ => Some(vec![
            (x, y - r - 2),
            (x + r + 2, y),
            (x, y + r + 2),
            (x - r - 2, y),
        ]),
    };
    let edge = WHITE.stroke_width(canvas.px(1.5));
    match shape {
        None => {
            drawn(area.draw(&Circle::new(at, r, RUN_COLORS[k].filled())))?;
            drawn(area.draw(&Circle::new(at, r, edge)))
        }
        Some(points) => {
            drawn(area.draw(&Polygon::new(points.clone(), RUN_COLORS[k].filled())))?;
            let mut closed = points.clone();
            closed.push(points[0]);
            drawn(area.draw(&PathElement::new(closed, edge)))
        }
    }
}
