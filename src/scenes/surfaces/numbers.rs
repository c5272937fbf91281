//! The numbers of the examples with panels, beside their points on the
//! data figure, so a student can match a panel with its point.

use crate::core::geometry::PlotFrame;
use crate::render::font::FIGURE_FONT;
use crate::render::palette::INK;
use crate::render::{drawn, Area, Canvas, DrawResult};
use crate::scenes::scene::Ctx;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The panel examples' numbers beside their points on the data figure.
pub fn number_points<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &Ctx,
    canvas: &Canvas,
    frame: &PlotFrame,
    shown: &[usize],
) -> DrawResult {
    let d = ctx.model.problem.data();
    let font = (FIGURE_FONT, canvas.pxf(12.0))
        .into_font()
        .style(FontStyle::Bold)
        .color(&INK)
        .pos(Pos::new(HPos::Left, VPos::Bottom));
    for &i in shown.iter().filter(|&&i| i < d.len()) {
        let (x, y) = frame.to_px([d.xs[i], d.ys[i]]);
        let size = canvas.pxf(12.0);
        // Above and to the right of its point; below it at the top of the plot,
        // and to its left at the right edge, so it stays inside the plot.
        let above = y - canvas.px(4.0) as i32;
        let below = y + size as i32 + canvas.px(4.0) as i32;
        let top = frame.top.round() as i32 + size as i32;
        let label = (i + 1).to_string();
        let w = (0.62 * size * label.len() as f64).round() as i32 + 2;
        let right_edge = (frame.left + frame.width).round() as i32;
        let left = if x + canvas.px(6.0) as i32 + w > right_edge {
            x - canvas.px(6.0) as i32 - w
        } else {
            x + canvas.px(6.0) as i32
        };
        let at = (left, if above < top { below } else { above });
        drawn(area.draw(&Rectangle::new(
            [(at.0 - 1, at.1 - size as i32 - 1), (at.0 + w, at.1 + 1)],
            WHITE.mix(0.85).filled(),
        )))?;
        drawn(area.draw(&Text::new(label, at, font.clone())))?;
    }
    Ok(())
}
