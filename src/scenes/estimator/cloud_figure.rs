//! Scene 2's layer over the parameter figure: the last batch's estimate,
//! the cloud of estimate tips, its running mean, and the measured and
//! theoretical 2.45σ ellipses (95% if Gaussian) around ∇C.

use crate::core::estimator::{ellipse, RADIUS_95};
use crate::core::sampler::SamplingMode;
use crate::page::model::{GradArrow, Model};
use crate::render::arrows::{draw_arrow, draw_dashed_arrow, ArrowStyle};
use crate::render::palette::{BATCH_ARROW, CLOUD, GRAD_C, INK, MEAN_ARROW};
use crate::render::param_figure::{draw_theta_marker, ParamLayout};
use crate::render::{drawn, Area, DrawResult};
use crate::scenes::estimator::cloud::BatchCloud;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// Draws the cloud of `cloud` at θ on a parameter figure laid out as `layout`.
pub fn draw_cloud_overlay<DB: DrawingBackend>(
    area: &Area<DB>,
    model: &Model,
    layout: &ParamLayout,
    cloud: &BatchCloud,
) -> DrawResult {
    let (canvas, frame, unit) = (&layout.canvas, &layout.frame, model.arrow_unit);
    let theta = model.theta();
    let tip = |g: [f64; 2]| {
        GradArrow {
            from: theta,
            grad: g,
        }
        .tip(unit)
    };
    let px = |p: [f64; 2]| frame.to_px_f(p);
    let ipx = |p: [f64; 2]| frame.to_px(p);
    let grad_c = model.cost_gradient();
    // The cloud: every draw's tip, small and translucent; beyond 1,000 draws
    // as 2-pixel squares, which read the same at that size and paint faster.
    if cloud.draws.len() > 1000 {
        let side = canvas.px(2.0) as i32;
        for g in &cloud.draws {
            let (x, y) = ipx(tip(*g));
            drawn(area.draw(&Rectangle::new(
                [
                    (x - side / 2, y - side / 2),
                    (x + side - side / 2, y + side - side / 2),
                ],
                CLOUD.filled(),
            )))?;
        }
    } else {
        let dot = canvas.px(2.5) as i32;
        for g in &cloud.draws {
            drawn(area.draw(&Circle::new(ipx(tip(*g)), dot, CLOUD.filled())))?;
        }
    }
    // The theoretical 2.45σ ellipse around ∇C (tips scale by unit², so the covariance does).
    if let Some(theory) = cloud.theory {
        let scaled = theory.map(|row| row.map(|v| v * unit * unit));
        let points: Vec<(i32, i32)> = ellipse(tip(grad_c), &scaled, RADIUS_95, 96)
            .into_iter()
            .map(ipx)
            .collect();
        let style = GRAD_C.stroke_width(canvas.px(1.5));
        drawn(area.draw(&DashedPathElement::new(
            points,
            canvas.px(5.0),
            canvas.px(4.0),
            style,
        )))?;
    }
    if let Some(stats) = cloud.stats {
        // Sequential draws are a few fixed batches, not a sample: no ellipse.
        if stats.count > 2 && cloud.mode != SamplingMode::Sequential {
            let scaled = stats.cov.map(|row| row.map(|v| v * unit * unit));
            let points: Vec<(i32, i32)> = ellipse(tip(stats.mean), &scaled, RADIUS_95, 96)
                .into_iter()
                .map(ipx)
                .collect();
            drawn(area.draw(&PathElement::new(
                points,
                BATCH_ARROW.stroke_width(canvas.px(2.0)),
            )))?;
        }
        // The running mean, converging on ∇C, and where it has got to.
        let path: Vec<(i32, i32)> = cloud.running.iter().map(|&m| ipx(tip(m))).collect();
        drawn(area.draw(&PathElement::new(
            path,
            MEAN_ARROW.stroke_width(canvas.px(2.0)),
        )))?;
        drawn(area.draw(&Circle::new(
            ipx(tip(stats.mean)),
            canvas.px(5.0) as i32,
            MEAN_ARROW.filled(),
        )))?;
        drawn(area.draw(&Circle::new(
            ipx(tip(stats.mean)),
            canvas.px(5.0) as i32,
            WHITE.stroke_width(canvas.px(1.5)),
        )))?;
    }
    if let Some(last) = cloud.draws.last() {
        let style = ArrowStyle {
            color: BATCH_ARROW.to_rgba(),
            width: canvas.px(3.5),
            head: canvas.pxf(14.0),
        };
        draw_arrow(area, px(theta), px(tip(*last)), style)?;
    }
    let exact = ArrowStyle {
        color: GRAD_C.to_rgba(),
        width: canvas.px(2.0),
        head: canvas.pxf(14.0),
    };
    draw_dashed_arrow(area, px(theta), px(tip(grad_c)), exact, canvas.px(5.0))?;
    drawn(area.draw(&Circle::new(
        ipx(tip(grad_c)),
        canvas.px(3.0) as i32,
        INK.filled(),
    )))?;
    draw_theta_marker(area, canvas, px(theta))
}
