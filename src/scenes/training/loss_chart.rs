//! Scene 3's loss curves: the excess cost C(θₜ) − C(θ*) of every run, on a
//! log scale, against epochs or against per-example gradient evaluations.

use crate::core::geometry::PlotFrame;
use crate::core::math::LibmExt;
use crate::core::surface::ticks;
use crate::core::text::{fmt_power_of_ten, fmt_tick};
use crate::render::axes::{draw_axes_with_ticks, draw_axis_lines, Tick};
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

/// The chart's pixel frame and the mapping of (epoch, excess cost) into it.
struct ChartGeometry {
    frame: PlotFrame,
    floor: f64,
    per_epoch: f64,
}

impl ChartGeometry {
    fn new(canvas: &Canvas, training: &Training, epochs: f64, against_compute: bool) -> Self {
        Self {
            frame: loss_frame(canvas, training, epochs, against_compute),
            floor: excess_floor(training),
            per_epoch: if against_compute {
                training.n as f64
            } else {
                1.0
            },
        }
    }

    /// The pixel of excess cost `excess` at time `epoch`.
    fn at(&self, epoch: f64, excess: f64) -> (i32, i32) {
        self.frame
            .to_px([epoch * self.per_epoch, excess.max(self.floor).log10_()])
    }

    /// Round-number ticks along x and a tick at every power of ten along y.
    fn ticks(&self, canvas: &Canvas) -> (Vec<Tick>, Vec<Tick>) {
        let frame = &self.frame;
        let target_x = (frame.width / canvas.pxf(80.0)).round().max(2.0) as usize;
        let x_ticks = ticks(frame.x.0, frame.x.1, target_x)
            .into_iter()
            .map(|v| (v, fmt_tick(v)))
            .collect();
        let y_ticks = ((frame.y.0.ceil() as i32)..=(frame.y.1.floor() as i32))
            .map(|k| (k as f64, fmt_power_of_ten(k)))
            .collect();
        (x_ticks, y_ticks)
    }

    /// The dashed line of the target (1% of C(θ*), or an absolute excess
    /// when C(θ*) = 0), from the first dash at or left of pixel column
    /// `from_x`, so that a part drawn again lines up with the whole.
    fn draw_target<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        canvas: &Canvas,
        training: &Training,
        from_x: i32,
    ) -> DrawResult {
        let (_, y) = self
            .frame
            .to_px([0.0, Target::of(training).tolerance.log10_()]);
        let (l, _, r, _) = self.frame.edges_px();
        let (dash, gap) = (canvas.px(3.0) as i32, canvas.px(3.0) as i32);
        let start = l + (from_x - l).max(0) / (dash + gap) * (dash + gap);
        drawn(area.draw(&DashedPathElement::new(
            vec![(start, y), (r, y)],
            dash,
            gap,
            INK.mix(0.6).stroke_width(canvas.px(1.0)),
        )))
    }
}

/// The chart's background: axes, the target line (see [`Target`]) and
/// every run's curve up to time `until` (in epochs). While a run plays,
/// `until` is the last epoch and [`draw_loss_time`]'s cover hides what has
/// not been reached, so the curves are drawn once, not every frame.
pub fn draw_loss_curves<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    training: &Training,
    epochs: f64,
    until: f64,
    against_compute: bool,
) -> DrawResult {
    drawn(area.fill(&WHITE))?;
    let chart = ChartGeometry::new(canvas, training, epochs, against_compute);
    let (x_ticks, y_ticks) = chart.ticks(canvas);
    let x_title = if against_compute {
        "per-example gradient evaluations (compute)"
    } else {
        "epochs (passes over the data)"
    };
    draw_axes_with_ticks(
        area,
        canvas,
        &chart.frame,
        (x_title, "C(θ) − C(θ*) (log)"),
        true,
        (&x_ticks, &y_ticks),
    )?;
    chart.draw_target(area, canvas, training, 0)?;
    for k in RUN_DRAW_ORDER {
        let run = &training.runs[k];
        let last = run.step_at(until, training.n);
        let points = columns(
            run.known_costs(0)
                .take_while(|&(t, _)| t <= last)
                .map(|(t, c)| chart.at(run.epoch_of(t, training.n), c - training.c_min)),
        );
        draw_run_line(area, canvas, k, points)?;
    }
    Ok(())
}

/// The chart's layer for the time shown, `epoch`: a band at that time and,
/// with `cover` (the background holds the whole runs, while they play),
/// the chart from that time on drawn again without the curves.
pub fn draw_loss_time<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    training: &Training,
    epochs: f64,
    epoch: f64,
    against_compute: bool,
    cover: bool,
) -> DrawResult {
    let chart = ChartGeometry::new(canvas, training, epochs, against_compute);
    let frame = &chart.frame;
    let (x_now, _) = chart.at(epoch, chart.floor);
    let (_, t, r, b) = frame.edges_px();
    if cover {
        let edge = canvas.px(1.0) as i32;
        drawn(area.draw(&Rectangle::new(
            [(x_now, t - edge), (r + edge, b + edge)],
            WHITE.filled(),
        )))?;
        let (x_ticks, y_ticks) = chart.ticks(canvas);
        draw_axis_lines(area, canvas, frame, true, (&x_ticks, &y_ticks), x_now)?;
        chart.draw_target(area, canvas, training, x_now)?;
    }
    drawn(area.draw(&PathElement::new(
        vec![(x_now, t), (x_now, b)],
        GRID.stroke_width(canvas.px(3.0)),
    )))
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
