//! ∇C measured from C alone, the page's second, independent way to get ∇C
//! where there is no closed form (MAE, Huber, logistic): central differences
//!
//!   ∂C/∂θₖ ≈ (C(θ + h·eₖ) − C(θ − h·eₖ)) / 2h,
//!
//! with C summed example by example. Between kinks every ℓ is linear or
//! quadratic in θ, and a central difference of a quadratic is exact, so the
//! only error is rounding, as long as no example's residual crosses a kink
//! of ℓ (MAE: r = 0; Huber: |r| = δ) within the step. The step is therefore
//! the largest that crosses none: half the distance, along axis k, to the
//! nearest kink, and at most `reach`. An example sitting exactly on MAE's
//! kink adds (|h·a| − |h·a|)/2h = 0, which is the page's sign(0) = 0; one
//! within rounding of a kink is counted in the error bound (see [`step`]).
//! The cross-entropy has no kink but is not quadratic: its step balances
//! the difference's own error against rounding (see [`smooth_step`]).

use crate::core::math::LibmExt;
use crate::core::models::linear::LinearProblem;
use crate::core::models::loss::Loss;
use crate::core::Theta;

/// ∇C by central differences and how far from the true ∇C it can be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasuredGradient {
    pub gradient: Theta,
    /// A bound on |measured − true| in each entry: rounding of the two sums
    /// over the step, plus the error of examples exactly on a Huber kink.
    pub error: f64,
    /// Under MAE, an example's residual is 0 to rounding: C has no gradient
    /// at θ (Huber's kinks keep a gradient, its ℓ′ being continuous).
    pub on_kink: bool,
}

/// ∇C of `p` at θ by central differences with steps of at most `reach`.
pub fn measured_gradient(p: &LinearProblem, theta: Theta, reach: f64) -> MeasuredGradient {
    let loss = p.loss_kind();
    let mut gradient = [0.0; 2];
    let (mut error, mut on_kink): (f64, bool) = (0.0, false);
    for (k, g) in gradient.iter_mut().enumerate() {
        let (h, kink_error, near_kink) = step(p, theta, k, reach);
        // Along the intercept (aᵢ = 1) the step sees every example.
        on_kink |= loss == Loss::Mae && k == 1 && near_kink;
        let mut plus = theta;
        let mut minus = theta;
        plus[k] += h;
        minus[k] -= h;
        let d = p.data();
        let n = d.len() as f64;
        let (mut sum, mut size) = (0.0, 0.0);
        for (&x, &y) in d.xs.iter().zip(&d.ys) {
            let (lp, lm) = (
                loss.example_loss(x, y, plus),
                loss.example_loss(x, y, minus),
            );
            sum += lp - lm;
            // Each loss carries rounding of its residual's terms times its
            // slope, and of its own value.
            let terms = y.abs() + (theta[0] * x).abs() + theta[1].abs() + h * (x.abs() + 1.0);
            let z = theta[0] * x + theta[1];
            let slope = loss.dz(y, z).abs() + 2.0 * h * (x.abs() + 1.0);
            size += slope * terms + lp.abs() + lm.abs();
        }
        // θ ± h rounds, so divide by the step actually taken.
        let span = plus[k] - minus[k];
        *g = sum / (span * n);
        error = error.max(8.0 * f64::EPSILON * size / (span * n) + kink_error / n);
    }
    MeasuredGradient {
        gradient,
        error,
        on_kink,
    }
}

/// The step along axis k (0: slope, 1: intercept) that crosses no kink,
/// what the examples on a kink may add to the error, times N, and whether
/// any example along that axis is within rounding of a kink. An example is
/// on a kink when its distance to it is within the rounding of its residual
/// (4ε of |yᵢ| + |θ₀xᵢ| + |θ₁|): which side it is on cannot be told. Near
/// MAE's kink its arrow's sign is then a coin toss of rounding, up to aᵢ
/// (aᵢ = |xᵢ| or 1), unless rᵢ is exactly 0; on Huber's, where ℓ′ is
/// continuous, the step's error is up to h·aᵢ².
fn step(p: &LinearProblem, theta: Theta, k: usize, reach: f64) -> (f64, f64, bool) {
    let kink = match p.loss_kind() {
        Loss::Mse => return (reach, 0.0, false),
        Loss::Logistic => return smooth_step(p, theta, k, reach),
        Loss::Mae => 0.0,
        Loss::Huber { delta } => delta,
    };
    let d = p.data();
    let mut h = reach;
    let (mut on_kink, mut near) = (Vec::new(), false);
    for (&x, &y) in d.xs.iter().zip(&d.ys) {
        let a = if k == 0 { x.abs() } else { 1.0 };
        let r = (y - (theta[0] * x + theta[1])).abs();
        let rounding = 4.0 * f64::EPSILON * (y.abs() + (theta[0] * x).abs() + theta[1].abs());
        let distance = (r - kink).abs();
        if a == 0.0 {
            continue;
        }
        if distance <= rounding {
            near = true;
            // Exactly on MAE's kink, both take sign(0) = 0: nothing to add.
            if kink > 0.0 || distance > 0.0 {
                on_kink.push(a);
            }
        } else {
            h = h.min(0.5 * (distance - rounding) / a);
        }
    }
    let error = if kink > 0.0 {
        on_kink.iter().map(|a| h * a * a).sum()
    } else {
        on_kink.iter().sum()
    };
    (h, error, near)
}

/// The step along axis k for the cross-entropy, which has no kink but is
/// not quadratic: a central difference is off by (h²/6)·∂³C, and
/// |∂³Lᵢ/∂θₖ³| = |σ″(zᵢ)|·|aᵢ|³ ≤ |aᵢ|³/(6√3). With A = mean |aᵢ|³/(36√3)
/// the error is at most A·h² from the step plus about 4ε·S/h from rounding
/// (S the size of the terms, as in [`measured_gradient`]), least at
/// h = ∛(2ε·S/A). Returns h (at most `reach`) and A·h²·N.
fn smooth_step(p: &LinearProblem, theta: Theta, k: usize, reach: f64) -> (f64, f64, bool) {
    let d = p.data();
    let (mut cubes, mut size) = (0.0, 0.0);
    for (&x, &y) in d.xs.iter().zip(&d.ys) {
        let a = if k == 0 { x.abs() } else { 1.0 };
        let z = theta[0] * x + theta[1];
        let terms = (theta[0] * x).abs() + theta[1].abs();
        cubes += a * a * a;
        size += Loss::Logistic.dz(y, z).abs() * terms + 2.0 * Loss::Logistic.at(y, z).abs();
    }
    let curl = cubes / (36.0 * 3f64.sqrt());
    if curl == 0.0 {
        return (reach, 0.0, false);
    }
    let h = (2.0 * f64::EPSILON * size.max(f64::MIN_POSITIVE) / curl)
        .powf_(1.0 / 3.0)
        .min(reach);
    (h, curl * h * h, false)
}
