//! Axes around a plot frame: ticks at round numbers, labels, titles.

use super::palette::{GRID, INK};
use super::{drawn, Area, Canvas, DrawResult};
use crate::core::geometry::PlotFrame;
use crate::core::surface::ticks;
use crate::core::text::fmt_tick;
use crate::render::font::FIGURE_FONT;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A tick: where (in frame coordinates) and its label.
pub type Tick = (f64, String);

/// Draws the frame's border, round-number ticks with labels on the left and
/// bottom, and the axis titles. With `grid`, light lines cross at each tick.
pub fn draw_axes<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    frame: &PlotFrame,
    titles: (&str, &str),
    grid: bool,
) -> DrawResult {
    let target_x = (frame.width / canvas.pxf(70.0)).round().max(2.0) as usize;
    let target_y = (frame.height / canvas.pxf(45.0)).round().max(2.0) as usize;
    let label = |v: f64| (v, fmt_tick(v));
    let xt: Vec<Tick> = ticks(frame.x.0, frame.x.1, target_x)
        .into_iter()
        .map(label)
        .collect();
    let yt: Vec<Tick> = ticks(frame.y.0, frame.y.1, target_y)
        .into_iter()
        .map(label)
        .collect();
    draw_axes_with_ticks(area, canvas, frame, titles, grid, (&xt, &yt))
}

/// [`draw_axes`] with the ticks given: for log axes, whose ticks sit at
/// logarithms and are labelled with the numbers themselves.
pub fn draw_axes_with_ticks<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    frame: &PlotFrame,
    titles: (&str, &str),
    grid: bool,
    (x_ticks, y_ticks): (&[Tick], &[Tick]),
) -> DrawResult {
    let (l, t, r, b) = frame.edges_px();
    let tick_len = canvas.px(5.0) as i32;
    draw_axis_lines(area, canvas, frame, grid, (x_ticks, y_ticks), l)?;
    let font = (FIGURE_FONT, canvas.pxf(12.0)).into_font().color(&INK);
    for (v, text) in x_ticks {
        let (x, _) = frame.to_px([*v, frame.y.0]);
        let style = font.pos(Pos::new(HPos::Center, VPos::Top));
        drawn(area.draw(&Text::new(
            text.clone(),
            (x, b + tick_len + canvas.px(2.0) as i32),
            style,
        )))?;
    }
    for (v, text) in y_ticks {
        let (_, y) = frame.to_px([frame.x.0, *v]);
        let style = font.pos(Pos::new(HPos::Right, VPos::Center));
        drawn(area.draw(&Text::new(
            text.clone(),
            (l - tick_len - canvas.px(3.0) as i32, y),
            style,
        )))?;
    }
    let title_font = (FIGURE_FONT, canvas.pxf(13.0)).into_font().color(&INK);
    let below = title_font.pos(Pos::new(HPos::Center, VPos::Bottom));
    let (_, height) = area.dim_in_pixel();
    drawn(area.draw(&Text::new(
        titles.0.to_string(),
        ((l + r) / 2, height as i32 - canvas.px(4.0) as i32),
        below,
    )))?;
    let side = title_font
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Center, VPos::Top));
    drawn(area.draw(&Text::new(
        titles.1.to_string(),
        (canvas.px(4.0) as i32, (t + b) / 2),
        side,
    )))
}

/// The lines of [`draw_axes_with_ticks`] from pixel column `from_x` to the
/// frame's right edge: the grid (with `grid`), the tick marks below the
/// frame and its border, drawn exactly as the whole axes draw them, so that
/// a layer that covers part of a chart can draw that part again.
pub fn draw_axis_lines<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    frame: &PlotFrame,
    grid: bool,
    (x_ticks, y_ticks): (&[Tick], &[Tick]),
    from_x: i32,
) -> DrawResult {
    let (l, t, r, b) = frame.edges_px();
    let from_x = from_x.max(l);
    let tick_len = canvas.px(5.0) as i32;
    let line = |from: (i32, i32), to: (i32, i32), color: &RGBColor| {
        drawn(area.draw(&PathElement::new(
            vec![from, to],
            color.stroke_width(canvas.px(1.0)),
        )))
    };
    for (v, _) in x_ticks {
        let (x, _) = frame.to_px([*v, frame.y.0]);
        if x < from_x {
            continue;
        }
        if grid {
            line((x, t), (x, b), &GRID)?;
        }
        line((x, b), (x, b + tick_len), &INK)?;
    }
    for (v, _) in y_ticks {
        let (_, y) = frame.to_px([frame.x.0, *v]);
        if grid {
            line((from_x, y), (r, y), &GRID)?;
        }
        if from_x == l {
            line((l - tick_len, y), (l, y), &INK)?;
        }
    }
    if from_x == l {
        return drawn(area.draw(&Rectangle::new(
            [(l, t), (r, b)],
            INK.stroke_width(canvas.px(1.0)),
        )));
    }
    // One path, so that its corners are joined as the rectangle's are.
    drawn(area.draw(&PathElement::new(
        vec![(from_x, t), (r, t), (r, b), (from_x, b)],
        INK.stroke_width(canvas.px(1.0)),
    )))
}
