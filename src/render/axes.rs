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
    let (l, t) = (frame.left.round() as i32, frame.top.round() as i32);
    let (r, b) = (
        (frame.left + frame.width).round() as i32,
        (frame.top + frame.height).round() as i32,
    );
    let tick_len = canvas.px(5.0) as i32;
    let line = |from: (i32, i32), to: (i32, i32), color: &RGBColor| {
        drawn(area.draw(&PathElement::new(
            vec![from, to],
            color.stroke_width(canvas.px(1.0)),
        )))
    };
    let font = (FIGURE_FONT, canvas.pxf(12.0)).into_font().color(&INK);
    for (v, text) in x_ticks {
        let (x, _) = frame.to_px([*v, frame.y.0]);
        if grid {
            line((x, t), (x, b), &GRID)?;
        }
        line((x, b), (x, b + tick_len), &INK)?;
        let style = font.pos(Pos::new(HPos::Center, VPos::Top));
        drawn(area.draw(&Text::new(
            text.clone(),
            (x, b + tick_len + canvas.px(2.0) as i32),
            style,
        )))?;
    }
    for (v, text) in y_ticks {
        let (_, y) = frame.to_px([frame.x.0, *v]);
        if grid {
            line((l, y), (r, y), &GRID)?;
        }
        line((l - tick_len, y), (l, y), &INK)?;
        let style = font.pos(Pos::new(HPos::Right, VPos::Center));
        drawn(area.draw(&Text::new(
            text.clone(),
            (l - tick_len - canvas.px(3.0) as i32, y),
            style,
        )))?;
    }
    drawn(area.draw(&Rectangle::new(
        [(l, t), (r, b)],
        INK.stroke_width(canvas.px(1.0)),
    )))?;
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
