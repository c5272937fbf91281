//! The data figure: the examples (x, y), the line of the current θ, and the
//! residuals whose squares average to C(θ); under the cross-entropy the
//! labels 0 and 1, the curve p(x) = σ(θ₀x + θ₁) and each example's error
//! pᵢ − yᵢ, the factor that scales its arrow.

use super::axes::draw_axes;
use super::palette::{HIGHLIGHT, MODEL_LINE, POINT, RESIDUAL};
use super::{drawn, Area, Canvas, DrawResult};
use super::{inset_frame, DATA_MARGINS};
use crate::core::geometry::PlotFrame;
use crate::core::models::logistic::sigmoid;
use crate::core::models::loss::Loss;
use crate::page::model::Model;
use plotters::prelude::*;

/// Lays out a `canvas`-sized data figure: the window holds every example
/// with a margin of 8% and does not depend on θ, so the picture stays put
/// while θ is dragged.
pub fn data_layout(scene: &Model, canvas: Canvas) -> PlotFrame {
    let d = scene.problem.data();
    let range = |v: &[f64]| {
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let pad = if hi > lo { 0.08 * (hi - lo) } else { 1.0 };
        (lo - pad, hi + pad)
    };
    let ys = if scene.loss() == Loss::Logistic {
        (-0.12, 1.12)
    } else {
        range(&d.ys)
    };
    inset_frame(&canvas, DATA_MARGINS, range(&d.xs), ys)
}

/// The model's prediction at x for θ: the line θ₀x + θ₁, or under the
/// cross-entropy the probability of label 1, σ(θ₀x + θ₁).
fn prediction(loss: Loss, theta: [f64; 2]) -> impl Fn(f64) -> f64 {
    move |x| {
        let z = theta[0] * x + theta[1];
        match loss {
            Loss::Logistic => sigmoid(z),
            _ => z,
        }
    }
}

/// The pixels of the model at θ across the figure: the line's two ends, or
/// the curve σ(θ₀x + θ₁) a point every 3 pixels or so.
pub fn fit_path(
    loss: Loss,
    theta: [f64; 2],
    frame: &PlotFrame,
    canvas: &Canvas,
) -> Vec<(i32, i32)> {
    let pieces = if loss == Loss::Logistic {
        (frame.width / canvas.pxf(3.0)).clamp(16.0, 400.0) as usize
    } else {
        1
    };
    let fit = prediction(loss, theta);
    let along = |k: usize| frame.x.0 + (frame.x.1 - frame.x.0) * k as f64 / pieces as f64;
    (0..=pieces)
        .map(|k| frame.to_px([along(k), fit(along(k))]))
        .collect()
}

/// The radius of a data point in CSS pixels: smaller when there are many.
pub fn point_radius(n: usize) -> f64 {
    if n <= 50 {
        4.0
    } else if n <= 1000 {
        2.5
    } else {
        1.5
    }
}

/// The layer that changes only with the data: axes, grid and points.
pub fn draw_data_background<DB: DrawingBackend>(
    area: &Area<DB>,
    scene: &Model,
    canvas: &Canvas,
    frame: &PlotFrame,
) -> DrawResult {
    drawn(area.fill(&WHITE))?;
    let y_name = match scene.loss() {
        Loss::Logistic => "label",
        _ => "y",
    };
    draw_axes(area, canvas, frame, ("x", y_name), true)?;
    let d = scene.problem.data();
    let r = canvas.px(point_radius(d.len())) as i32;
    for (&x, &y) in d.xs.iter().zip(&d.ys) {
        drawn(area.draw(&Circle::new(frame.to_px([x, y]), r, POINT.filled())))?;
    }
    Ok(())
}

/// The layer that moves with θ: residuals (of every example, or with
/// `all_residuals` false only of the highlighted ones), the model line
/// y = θ₀x + θ₁, and the highlighted examples (one pointed at, or a batch).
pub fn draw_data_overlay<DB: DrawingBackend>(
    area: &Area<DB>,
    scene: &Model,
    canvas: &Canvas,
    frame: &PlotFrame,
    highlight: &[usize],
    all_residuals: bool,
) -> DrawResult {
    let d = scene.problem.data();
    let line_at = prediction(scene.loss(), scene.theta());
    // Above 200 examples, 1-pixel residuals: thin enough to tell apart, and
    // the canvas strokes them on its fast hairline path.
    let width = if d.len() > 200 {
        canvas.px(1.0)
    } else {
        canvas.px(1.5)
    };
    for (&x, &y) in d.xs.iter().zip(&d.ys).filter(|_| all_residuals) {
        let seg = vec![frame.to_px([x, y]), frame.to_px([x, line_at(x)])];
        drawn(area.draw(&PathElement::new(
            seg,
            RESIDUAL.mix(0.8).stroke_width(width),
        )))?;
    }
    let curve = fit_path(scene.loss(), scene.theta(), frame, canvas);
    drawn(area.draw(&PathElement::new(
        curve,
        MODEL_LINE.stroke_width(canvas.px(2.0)),
    )))?;
    // Residuals first, then rings and dots, so a batch paints in three batches.
    let picked: Vec<usize> = highlight.iter().copied().filter(|&i| i < d.len()).collect();
    let dot = canvas.px(point_radius(d.len())) as i32;
    let ring = canvas.px(point_radius(d.len()) + 4.0) as i32;
    for &i in &picked {
        let seg = vec![
            frame.to_px([d.xs[i], d.ys[i]]),
            frame.to_px([d.xs[i], line_at(d.xs[i])]),
        ];
        drawn(area.draw(&PathElement::new(
            seg,
            HIGHLIGHT.stroke_width(canvas.px(3.0)),
        )))?;
    }
    for &i in &picked {
        drawn(area.draw(&Circle::new(
            frame.to_px([d.xs[i], d.ys[i]]),
            ring,
            HIGHLIGHT.stroke_width(canvas.px(2.5)),
        )))?;
    }
    for &i in &picked {
        drawn(area.draw(&Circle::new(
            frame.to_px([d.xs[i], d.ys[i]]),
            dot,
            HIGHLIGHT.filled(),
        )))?;
    }
    Ok(())
}
