//! Logistic regression on one feature: labels yᵢ ∈ {0, 1}, θ = [w, b].
//!
//! - zᵢ = w·xᵢ + b, pᵢ = σ(zᵢ) = 1 / (1 + e^(−zᵢ))
//! - Lᵢ(θ) = −yᵢ ln pᵢ − (1 − yᵢ) ln(1 − pᵢ) = softplus(zᵢ) − yᵢzᵢ,
//!   with softplus(z) = ln(1 + eᶻ) = max(z, 0) + ln(1 + e^(−|z|)),
//!   which never overflows and is exact at |z| = 1000
//! - ∇Lᵢ(θ) = (pᵢ − yᵢ)·(xᵢ, 1), since softplus′ = σ
//!
//! As with linear regression every arrow points along ±(xᵢ, 1); its length
//! is the example's error |pᵢ − yᵢ| < 1 times |(xᵢ, 1)|.

use crate::core::data::Dataset;
use crate::core::error::ProblemError;
use crate::core::math::LibmExt;
use crate::core::models::linear::LinearProblem;
use crate::core::models::loss::Loss;
use crate::core::Theta;

/// Cross-entropy logistic regression on (xs[i], labels[i]): the line
/// z = w·x + b under [`Loss::Logistic`]. Fails like every problem on bad
/// examples, and on a label that is not 0 or 1.
pub fn problem(xs: &[f64], labels: &[f64]) -> Result<LinearProblem, ProblemError> {
    let p = LinearProblem::with_loss(xs, labels, Loss::Logistic)?;
    if let Some(i) = labels.iter().position(|&y| y != 0.0 && y != 1.0) {
        return Err(ProblemError(format!(
            "labels[{i}] is {}, but every label must be 0 or 1",
            labels[i]
        )));
    }
    Ok(p)
}

/// softplus(z) = ln(1 + eᶻ), computed as max(z, 0) + ln(1 + e^(−|z|)).
#[inline]
pub fn softplus(z: f64) -> f64 {
    z.max(0.0) + (-z.abs()).exp_().ln_1p_()
}

/// σ(z) = 1 / (1 + e^(−z)), computed from e^(−|z|) so that it never overflows.
#[inline]
pub fn sigmoid(z: f64) -> f64 {
    let e = (-z.abs()).exp_();
    if z >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    }
}

/// Lᵢ(θ) = softplus(zᵢ) − yᵢzᵢ, the cross-entropy of one example.
#[inline(always)]
pub fn example_loss(x: f64, y: f64, theta: Theta) -> f64 {
    let z = theta[0] * x + theta[1];
    softplus(z) - y * z
}

/// ∇Lᵢ(θ) = (σ(zᵢ) − yᵢ)·(xᵢ, 1).
#[inline(always)]
pub fn example_gradient(x: f64, y: f64, theta: Theta) -> Theta {
    let e = sigmoid(theta[0] * x + theta[1]) - y;
    [e * x, e]
}

/// The smallest and largest x of label 0, then of label 1 (∞, −∞ for a
/// label no example has).
fn class_ranges(data: &Dataset) -> ((f64, f64), (f64, f64)) {
    let range = |label: f64| {
        let xs = data.xs.iter().zip(&data.ys).filter(|(_, &y)| y == label);
        xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (&x, _)| {
            (lo.min(x), hi.max(x))
        })
    };
    (range(0.0), range(1.0))
}

/// True when a threshold on x splits the two classes (or there is only
/// one): then C keeps falling along a direction of θ and never reaches its
/// floor (see [`infimum`]), so C has no lowest point. With every x the same and both classes
/// present C's lowest points form a line instead (see
/// [`lowest_on_the_line`](crate::core::models::lowest_point::lowest_on_the_line)),
/// which is not called separable.
pub fn separable(data: &Dataset) -> bool {
    let ((lo0, hi0), (lo1, hi1)) = class_ranges(data);
    if lo0 > hi0 || lo1 > hi1 {
        return true;
    }
    let one_x = lo0 == hi0 && lo1 == hi1 && lo0 == lo1;
    !one_x && (hi0 <= lo1 || hi1 <= lo0)
}

/// The floor C falls towards when the classes are [`separable`]: 0 when
/// the threshold splits them strictly; when both labels meet at the
/// threshold x* (the largest x of one class is the smallest of the other),
/// the examples at x* keep a cost whatever θ does, least when their z is
/// logit(q), q the share of label 1 among them: (m/N)·H(q), with m of them
/// and H(q) = −q ln q − (1 − q) ln(1 − q). Returns the floor and x*.
pub fn infimum(data: &Dataset) -> (f64, Option<f64>) {
    let ((lo0, hi0), (lo1, hi1)) = class_ranges(data);
    let meet = match (hi0 == lo1, hi1 == lo0) {
        (true, _) => hi0,
        (_, true) => hi1,
        _ => return (0.0, None),
    };
    let at_meet = data.xs.iter().zip(&data.ys).filter(|(&x, _)| x == meet);
    let (m, ones) = at_meet.fold((0.0, 0.0), |(m, ones), (_, &y)| (m + 1.0, ones + y));
    let q: f64 = ones / m;
    let entropy = -(q * q.ln_() + (1.0 - q) * (1.0 - q).ln_());
    (m / data.len() as f64 * entropy, Some(meet))
}

/// θ* of the mean cross-entropy by Newton's method, or `None` when the
/// classes are [`separable`] or every x is the same. C is smooth and
/// strictly convex otherwise, with
///
///   ∇C = (1/N) Σ (pᵢ − yᵢ)·(xᵢ, 1),  ∇²C = (1/N) Σ pᵢ(1 − pᵢ)·(xᵢ, 1)(xᵢ, 1)ᵀ,
///
/// starting from w = 0, b = logit(ȳ); a step that would raise C (beyond
/// rounding) is halved. It stops when ∇C is 0 to rounding (each pᵢ − yᵢ
/// carries an absolute error of a few ε, so ∇C's is a few ε of mean
/// (|xᵢ| + 1), and a sum of N of them up to √N times that), or when no
/// fraction of a step down to 2⁻³⁰ keeps C from rising.
pub fn lowest_point(data: &Dataset) -> Option<Theta> {
    let one_x = data.xs.iter().all(|&x| x == data.xs[0]);
    if one_x || separable(data) {
        return None;
    }
    let n = data.len() as f64;
    let mean_y = data.ys.iter().sum::<f64>() / n;
    let cost = |t: Theta| -> f64 {
        let each = data.xs.iter().zip(&data.ys);
        each.map(|(&x, &y)| example_loss(x, y, t)).sum::<f64>() / n
    };
    let size = data.xs.iter().map(|x| x.abs() + 1.0).sum::<f64>() / n * n.sqrt();
    let mut t = [0.0, (mean_y / (1.0 - mean_y)).ln_()];
    let mut c = cost(t);
    for _ in 0..100 {
        let (mut g, mut h) = ([0.0; 2], [0.0; 3]);
        for (&x, &y) in data.xs.iter().zip(&data.ys) {
            let p = sigmoid(t[0] * x + t[1]);
            let (e, w) = (p - y, p * (1.0 - p));
            g = [g[0] + e * x, g[1] + e];
            h = [h[0] + w * x * x, h[1] + w * x, h[2] + w];
        }
        let (g, h) = (g.map(|v| v / n), h.map(|v| v / n));
        // Within rounding: one more step, which Newton's quadratic
        // convergence takes to the floor of rounding, and done.
        let converged = g[0].abs().max(g[1].abs()) <= 64.0 * f64::EPSILON * size;
        let det = h[0] * h[2] - h[1] * h[1];
        if det.is_nan() || det <= 0.0 {
            return Some(t);
        }
        let step = [
            (h[2] * g[0] - h[1] * g[1]) / det,
            (h[0] * g[1] - h[1] * g[0]) / det,
        ];
        // Close to θ*, where the step would lower C by gᵀH⁻¹g/2 < 10⁻¹⁰ (less
        // than the rounding of C's sum can tell), take it whole.
        if g[0] * step[0] + g[1] * step[1] < 1e-10 {
            t = [t[0] - step[0], t[1] - step[1]];
            c = cost(t);
            if converged {
                return Some(t);
            }
            continue;
        }
        // Further away, halve until C does not rise; if even 2⁻³⁰ of the step
        // raises it, C cannot be lowered along it: θ is the lowest point.
        let next = (0..30).map(|k| 0.5f64.powi(k)).find_map(|scale| {
            let next = [t[0] - scale * step[0], t[1] - scale * step[1]];
            let next_cost = cost(next);
            (next_cost <= c + 4.0 * f64::EPSILON * c).then_some((next, next_cost))
        });
        let Some(better) = next else { return Some(t) };
        (t, c) = better;
        if converged {
            return Some(t);
        }
    }
    Some(t)
}
