//! When a gradient step overshoots. Along a direction where a quadratic
//! loss has curvature λ, a step θ − η∇ multiplies the distance to the
//! minimum by (1 − ηλ). It shrinks only while |1 − ηλ| < 1, that is
//!
//!   η < 2 / λ.
//!
//! For MSE linear regression the curvatures come from the data alone:
//! - C has Hessian 2·[[E x², x̄], [x̄, 1]]; its largest eigenvalue λ_C sets
//!   the limit for full-batch GD;
//! - one example's loss Lᵢ has Hessian 2·[[xᵢ², xᵢ], [xᵢ, 1]], of rank one,
//!   with curvature λᵢ = 2(xᵢ² + 1) along (xᵢ, 1). Their mean, 2(E x² + 1),
//!   is the trace of C's Hessian, at least λ_C, and the steepest example can
//!   be far above it: a step that is stable for GD can overshoot on a single
//!   example (SGD). That is instability, not noise.

use crate::core::moments::Moments;

/// λ_C, the largest eigenvalue of C's Hessian 2·[[var x + x̄², x̄], [x̄, 1]].
pub fn cost_curvature(m: &Moments) -> f64 {
    let (a, b, d) = (m.var_x + m.mean_x * m.mean_x, m.mean_x, 1.0);
    let mid = (a + d) / 2.0;
    let half_gap = (((a - d) / 2.0).powi(2) + b * b).sqrt();
    2.0 * (mid + half_gap)
}

/// λᵢ = 2(xᵢ² + 1), the curvature of one example's loss along (xᵢ, 1).
pub fn example_curvature(x: f64) -> f64 {
    2.0 * (x * x + 1.0)
}

/// The largest λᵢ over the examples: above η = 2 / this, some
/// single-example step overshoots.
pub fn steepest_example_curvature(xs: &[f64]) -> f64 {
    xs.iter().map(|&x| example_curvature(x)).fold(0.0, f64::max)
}
