//! The mistaken picture of claim T2, and the animation that corrects it.
//!
//! The original question imagined each example sitting at its own place on
//! the error surface, with the surface's downhill direction there. We draw
//! exactly that: example i is placed by its data, (xᵢ, yᵢ) mapped into the
//! window, as if the surface were drawn over the examples, and its arrow is
//! −∇C at that place. The animation then moves every arrow to the one θ and
//! turns it into what back-propagation really computes there, −∇Lᵢ(θ).

use crate::core::geometry::PlotFrame;
use crate::core::models::loss::Loss;
use crate::page::model::{GradArrow, Model};

/// How long the animation between the two pictures lasts, in milliseconds.
pub const ANIMATION_MS: f64 = 1600.0;

/// Where the mistaken picture puts each example: (xᵢ, yᵢ) mapped linearly
/// into the middle 80% of the frame's window.
pub fn mistaken_places(scene: &Model, frame: &PlotFrame) -> Vec<[f64; 2]> {
    let d = scene.problem.data();
    let span = |v: &[f64]| {
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (lo, if hi > lo { hi - lo } else { 1.0 })
    };
    let ((x_lo, x_span), (y_lo, y_span)) = (span(&d.xs), span(&d.ys));
    let place = |u: f64, range: (f64, f64)| range.0 + (0.1 + 0.8 * u) * (range.1 - range.0);
    d.xs.iter()
        .zip(&d.ys)
        .map(|(&x, &y)| {
            [
                place((x - x_lo) / x_span, frame.x),
                place((y - y_lo) / y_span, frame.y),
            ]
        })
        .collect()
}

/// The mistaken arrows: −∇C at each example's own place. Under MSE ∇C
/// comes from the moments; otherwise it is the mean of the per-example
/// gradients there (one pass over the examples per place, so the scene
/// keeps the result while the data and the window stay the same).
pub fn mistaken_arrows(scene: &Model, places: &[[f64; 2]]) -> Vec<GradArrow> {
    let p = &scene.problem;
    places
        .iter()
        .map(|&at| GradArrow {
            from: at,
            grad: match scene.loss() {
                Loss::Mse => p.moments().gradient(at),
                _ => p.mean_gradient_of(0..p.num_examples(), at),
            },
        })
        .collect()
}

/// Smoothstep easing of progress t ∈ [0, 1]: 3t² − 2t³.
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// The arrows at progress `t` of the animation from `wrong` (t = 0) to
/// `right` (t = 1): start points and gradients both interpolated.
pub fn blend(wrong: &[GradArrow], right: &[GradArrow], t: f64) -> Vec<GradArrow> {
    let s = ease(t);
    let lerp = |a: f64, b: f64| a + (b - a) * s;
    wrong
        .iter()
        .zip(right)
        .map(|(w, r)| GradArrow {
            from: [lerp(w.from[0], r.from[0]), lerp(w.from[1], r.from[1])],
            grad: [lerp(w.grad[0], r.grad[0]), lerp(w.grad[1], r.grad[1])],
        })
        .collect()
}
