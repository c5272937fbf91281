//! Axes around a plot frame: ticks at round numbers, labels, titles.

use super::palette::{GRID, INK};
use super::{drawn, Area, Canvas, DrawResult};
use crate::frame::PlotFrame;
use crate::text::fmt_tick;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Round tick values in [lo, hi]: steps of 1, 2 or 5 times a power of ten,
/// about `target` of them.
pub fn ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let span = hi - lo;
    if span.is_nan() || span <= 0.0 || !span.is_finite() {
        return Vec::new();
    }
    let raw = span / target.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|k| k * power)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * power);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// Draws the frame's border, ticks with labels on the left and bottom, and
/// the axis titles. With `grid`, light lines run across at each tick.
pub fn draw_axes<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    frame: &PlotFrame,
    titles: (&str, &str),
    grid: bool,
) -> DrawResult {
    let (l, t) = (frame.left.round() as i32, frame.top.round() as i32);
    let (r, b) = (
        (frame.left + frame.width).round() as i32,
        (frame.top + frame.height).round() as i32,
    );
    let tick_len = canvas.px(5.0) as i32;
    let font = ("sans-serif", canvas.pxf(12.0)).into_font().color(&INK);
    let target_x = (frame.width / canvas.pxf(70.0)).round().max(2.0) as usize;
    let target_y = (frame.height / canvas.pxf(45.0)).round().max(2.0) as usize;
    for v in ticks(frame.x.0, frame.x.1, target_x) {
        let (x, _) = frame.to_px([v, frame.y.0]);
        if grid {
            drawn(area.draw(&PathElement::new(
                vec![(x, t), (x, b)],
                GRID.stroke_width(canvas.px(1.0)),
            )))?;
        }
        drawn(area.draw(&PathElement::new(
            vec![(x, b), (x, b + tick_len)],
            INK.stroke_width(canvas.px(1.0)),
        )))?;
        let style = font.pos(Pos::new(HPos::Center, VPos::Top));
        drawn(area.draw(&Text::new(
            fmt_tick(v),
            (x, b + tick_len + canvas.px(2.0) as i32),
            style,
        )))?;
    }
    for v in ticks(frame.y.0, frame.y.1, target_y) {
        let (_, y) = frame.to_px([frame.x.0, v]);
        if grid {
            drawn(area.draw(&PathElement::new(
                vec![(l, y), (r, y)],
                GRID.stroke_width(canvas.px(1.0)),
            )))?;
        }
        drawn(area.draw(&PathElement::new(
            vec![(l - tick_len, y), (l, y)],
            INK.stroke_width(canvas.px(1.0)),
        )))?;
        let style = font.pos(Pos::new(HPos::Right, VPos::Center));
        drawn(area.draw(&Text::new(
            fmt_tick(v),
            (l - tick_len - canvas.px(3.0) as i32, y),
            style,
        )))?;
    }
    drawn(area.draw(&Rectangle::new(
        [(l, t), (r, b)],
        INK.stroke_width(canvas.px(1.0)),
    )))?;
    let title_font = ("sans-serif", canvas.pxf(13.0)).into_font().color(&INK);
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
