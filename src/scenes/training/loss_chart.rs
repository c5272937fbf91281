//! Scene 3's loss curves: the excess cost C(θₜ) − C(θ*) of every run, on a
//! log scale, against epochs or against per-example gradient evaluations.

use crate::core::geometry::PlotFrame;
use crate::core::math::LibmExt;
use crate::core::surface::ticks;
use crate::core::text::{fmt_power_of_ten, fmt_tick};
use crate::render::axes::{draw_axes_with_ticks, Tick};
use crate::render::palette::{GRID, INK, RUN_DRAW_ORDER};
use crate::render::{drawn, Area, Canvas, DrawResult};
use crate::render::{inset_frame, CHART_MARGINS};
use crate::scenes::training::run_style::draw_run_line;
use crate::scenes::training::runs::Training;
use crate::scenes::training::verdict::Target;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// The chart's frame: x in epochs (or evaluations), y = log₁₀ of the excess cost.
pub fn loss_frame(
    canvas: &Canvas,
    training: &Training,
    epochs: f64,
    against_compute: bool,
) -> PlotFrame {
    let floor = excess_floor(training);
    let top = training
        .runs
        .iter()
        .flat_map(|r| r.costs.first())
        .map(|&c| c - training.c_min)
        .fold(floor * 10.0, f64::max);
    let x_max = if against_compute {
        epochs * training.n as f64
    } else {
        epochs
    };
    inset_frame(
        canvas,
        CHART_MARGINS,
        (0.0, x_max.max(1e-9)),
        (floor.log10_(), top.log10_() + 0.2),
    )
}

/// The smallest excess cost the chart shows: 10⁻⁶ of C(θ*) (below it, the
/// difference is mostly rounding), or 10⁻¹² when the fit is perfect, and
/// always a decade below the target line.
fn excess_floor(training: &Training) -> f64 {
    (training.c_min * 1e-6)
        .max(1e-12)
        .min(Target::of(training).tolerance / 10.0)
}

/// Draws every run's curve up to time `epoch`, the line where a run is
/// of the target (see [`Target`]), and the time shown.
pub fn draw_loss_chart<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    training: &Training,
    epochs: f64,
    epoch: f64,
    against_compute: bool,
) -> DrawResult {
    drawn(area.fill(&WHITE))?;
    let frame = loss_frame(canvas, training, epochs, against_compute);
    let floor = excess_floor(training);
    let x_of = |e: f64| {
        if against_compute {
            e * training.n as f64
        } else {
            e
        }
    };
    let at = |e: f64, excess: f64| frame.to_px([x_of(e), excess.max(floor).log10_()]);
    let target_x = (frame.width / canvas.pxf(80.0)).round().max(2.0) as usize;
    let x_ticks: Vec<Tick> = ticks(frame.x.0, frame.x.1, target_x)
        .into_iter()
        .map(|v| (v, fmt_tick(v)))
        .collect();
    let y_ticks: Vec<Tick> = ((frame.y.0.ceil() as i32)..=(frame.y.1.floor() as i32))
        .map(|k| (k as f64, fmt_power_of_ten(k)))
        .collect();
    let x_title = if against_compute {
        "per-example gradient evaluations (compute)"
    } else {
        "epochs (passes over the data)"
    };
    draw_axes_with_ticks(
        area,
        canvas,
        &frame,
        (x_title, "C(θ) − C(θ*) (log)"),
        true,
        (&x_ticks, &y_ticks),
    )?;
    // The target: 1% of C(θ*), or an absolute excess when C(θ*) = 0.
    {
        let (_, y) = frame.to_px([0.0, Target::of(training).tolerance.log10_()]);
        let (l, r) = (
            frame.left.round() as i32,
            (frame.left + frame.width).round() as i32,
        );
        drawn(area.draw(&DashedPathElement::new(
            vec![(l, y), (r, y)],
            canvas.px(3.0),
            canvas.px(3.0),
            INK.mix(0.6).stroke_width(canvas.px(1.0)),
        )))?;
    }
    let (x_now, _) = at(epoch, floor);
    drawn(area.draw(&PathElement::new(
        vec![
            (x_now, frame.top.round() as i32),
            (x_now, (frame.top + frame.height).round() as i32),
        ],
        GRID.stroke_width(canvas.px(3.0)),
    )))?;
    for k in RUN_DRAW_ORDER {
        let run = &training.runs[k];
        let last = run.step_at(epoch, training.n);
        let points = columns(
            run.known_costs(0)
                .take_while(|&(t, _)| t <= last)
                .map(|(t, c)| at(run.epoch_of(t, training.n), c - training.c_min)),
        );
        draw_run_line(area, canvas, k, points)?;
    }
    Ok(())
}

/// A long curve reduced to what one pixel column can show: per column, the
/// first point, the lowest and highest, and the last, in order.
fn columns(points: impl Iterator<Item = (i32, i32)>) -> Vec<(i32, i32)> {
    let mut out = Vec::new();
    let mut column: Option<(i32, i32, i32, i32, i32)> = None; // x, first, min, max, last
    let flush = |c: (i32, i32, i32, i32, i32), out: &mut Vec<(i32, i32)>| {
        let (x, first, lo, hi, last) = c;
        for y in [first, lo, hi, last] {
            if out.last() != Some(&(x, y)) {
                out.push((x, y));
            }
        }
    };
    for (x, y) in points {
        column = match column {
            Some((cx, first, lo, hi, _)) if cx == x => Some((cx, first, lo.min(y), hi.max(y), y)),
            Some(c) => {
                flush(c, &mut out);
                Some((x, y, y, y, y))
            }
            None => Some((x, y, y, y, y)),
        };
    }
    if let Some(c) = column {
        flush(c, &mut out);
    }
    out
}
