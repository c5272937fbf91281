//! The spread chart of scene 2: the total variance of the mini-batch
//! estimate against the batch size, log–log, measured (with 95% bars) over
//! the theory for both random modes.

use crate::core::estimator::{trace, Cov2};
use crate::core::geometry::PlotFrame;
use crate::core::math::LibmExt;
use crate::core::text::{fmt_power_of_ten, fmt_sig};
use crate::render::axes::{draw_axes_with_ticks, Tick};
use crate::render::font::FIGURE_FONT;
use crate::render::palette::{BATCH_ARROW, GRID, INK, THEORY_WITHOUT};
use crate::render::{drawn, Area, Canvas, DrawResult};
use crate::render::{inset_frame, CHART_MARGINS};
use crate::scenes::estimator::spread::SpreadPoint;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the chart shows.
pub struct SpreadChart<'a> {
    pub n: usize,
    pub sigma: Cov2,
    pub measured: &'a [SpreadPoint],
    /// The batch size chosen now, marked by a vertical line.
    pub current: usize,
}

impl SpreadChart<'_> {
    /// The frame in log₁₀ coordinates: x = log B over 1…N, y = log of the
    /// total variance over the measured and theoretical values.
    pub fn frame(&self, canvas: &Canvas) -> PlotFrame {
        let tr = trace(&self.sigma);
        let top_value = tr.max(self.measured.iter().map(|p| p.high).fold(0.0, f64::max));
        // The range holds the measured values that are not zero to rounding,
        // and the theory down to tr Σ / N; the finite-population curve dives
        // below that towards 0 at B = N.
        let floor = tr / self.n.max(1) as f64 / 3.0;
        let bottom_value = self
            .measured
            .iter()
            .filter(|p| !is_zero(p.measured, tr))
            .map(|p| p.low.max(p.measured / 3.0))
            .fold(floor, f64::min);
        let (top, bottom) = (
            top_value.max(f64::MIN_POSITIVE).log10_() + 0.15,
            bottom_value.max(f64::MIN_POSITIVE).log10_() - 0.35,
        );
        let x = (-0.05, (self.n.max(2) as f64).log10_() + 0.05);
        inset_frame(
            canvas,
            CHART_MARGINS,
            x,
            (bottom, if top > bottom { top } else { bottom + 1.0 }),
        )
    }
}

/// True when a measured variance is zero up to rounding: below 10⁻²⁰ of the
/// variance of single gradients (the squares of rounding errors).
pub fn is_zero(measured: f64, trace_sigma: f64) -> bool {
    measured <= 1e-20 * trace_sigma
}

/// Ticks at 1, 2 and 5 times powers of ten when the range spans few
/// decades, and at powers of ten otherwise; positions are log₁₀ values.
fn log_ticks(lo: f64, hi: f64) -> Vec<Tick> {
    let steps: &[f64] = if hi - lo < 2.5 {
        &[1.0, 2.0, 5.0]
    } else {
        &[1.0]
    };
    let mut out = Vec::new();
    for decade in (lo.floor() as i32)..=(hi.ceil() as i32) {
        for &k in steps {
            let v = k * 10f64.powi(decade);
            if (lo..=hi).contains(&v.log10_()) {
                let label = if k == 1.0 {
                    fmt_power_of_ten(decade)
                } else {
                    fmt_sig(v, 1)
                };
                out.push((v.log10_(), label));
            }
        }
    }
    out
}

/// Draws the chart.
pub fn draw_spread_chart<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    chart: &SpreadChart,
) -> DrawResult {
    drawn(area.fill(&WHITE))?;
    let frame = chart.frame(canvas);
    // Values below the frame are drawn on its bottom edge.
    let at = |b: f64, v: f64| {
        frame.to_px([b.log10_(), v.max(f64::MIN_POSITIVE).log10_().max(frame.y.0)])
    };
    let bottom = (frame.top + frame.height).round() as i32;
    let ticks = (
        log_ticks(frame.x.0, frame.x.1),
        log_ticks(frame.y.0, frame.y.1),
    );
    draw_axes_with_ticks(
        area,
        canvas,
        &frame,
        ("batch size B (log scale)", "total variance tr Cov(ĝ) (log)"),
        true,
        (&ticks.0, &ticks.1),
    )?;
    let n = chart.n;
    // The batch size chosen now.
    let (cx, _) = at(chart.current as f64, 1.0);
    drawn(area.draw(&PathElement::new(
        vec![(cx, frame.top.round() as i32), (cx, bottom)],
        GRID.mix(1.0).stroke_width(canvas.px(3.0)),
    )))?;
    // Theory: a straight line with replacement, and the finite-population
    // curve without, which reaches 0 at B = N (off the bottom of a log axis).
    let sizes: Vec<f64> = (0..=200)
        .map(|k| (n as f64).powf_(k as f64 / 200.0))
        .collect();
    let with: Vec<(i32, i32)> = sizes
        .iter()
        .map(|&b| at(b, trace(&chart.sigma) / b))
        .collect();
    drawn(area.draw(&PathElement::new(with, INK.stroke_width(canvas.px(1.5)))))?;
    if n > 1 {
        // The curve stops where it leaves the frame; an arrow at B = N
        // points down to its 0, which a log axis cannot show.
        let (tr, nf) = (trace(&chart.sigma), n as f64);
        let without: Vec<(i32, i32)> = sizes
            .iter()
            .map(|&b| (b, tr / b * (nf - b) / (nf - 1.0)))
            .take_while(|&(_, v)| v > 0.0 && v.log10_() >= frame.y.0)
            .map(|(b, v)| at(b, v))
            .collect();
        let style = THEORY_WITHOUT.stroke_width(canvas.px(2.5));
        drawn(area.draw(&DashedPathElement::new(
            without,
            canvas.px(7.0),
            canvas.px(4.0),
            style,
        )))?;
        let (nx, _) = at(nf, 1.0);
        let r = canvas.px(5.0) as i32;
        let tip = bottom - canvas.px(2.0) as i32;
        drawn(area.draw(&PathElement::new(
            vec![(nx, tip - 4 * r), (nx, tip)],
            THEORY_WITHOUT.stroke_width(canvas.px(2.0)),
        )))?;
        drawn(area.draw(&Polygon::new(
            vec![
                (nx, tip),
                (nx - r, tip - r - r / 2),
                (nx + r, tip - r - r / 2),
            ],
            THEORY_WITHOUT.filled(),
        )))?;
        let label = (FIGURE_FONT, canvas.pxf(12.0))
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Right, VPos::Bottom));
        drawn(area.draw(&Text::new("0 at B = N", (nx - r - 2, tip), label)))?;
    }
    // Measured points with their 95% bars; an exact 0 sits on the bottom edge.
    let r = canvas.px(4.0) as i32;
    for p in chart.measured {
        let (x, _) = at(p.batch as f64, 1.0);
        if is_zero(p.measured, trace(&chart.sigma)) {
            let tri = vec![
                (x, bottom - 2 * r),
                (x - r, bottom - 3 * r),
                (x + r, bottom - 3 * r),
            ];
            drawn(area.draw(&Polygon::new(tri, BATCH_ARROW.filled())))?;
            continue;
        }
        let (_, y_low) = at(1.0, p.low.max(10f64.powf_(frame.y.0)));
        let (_, y_high) = at(1.0, p.high);
        drawn(area.draw(&PathElement::new(
            vec![(x, y_low), (x, y_high)],
            BATCH_ARROW.stroke_width(canvas.px(1.5)),
        )))?;
        drawn(area.draw(&Circle::new(
            at(p.batch as f64, p.measured),
            r,
            BATCH_ARROW.filled(),
        )))?;
    }
    Ok(())
}
