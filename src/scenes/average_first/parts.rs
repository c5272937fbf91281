//! Scene 4, "you can't average first", as pure data: for each part, the
//! true gradient next to what averaging first would give, at the state's θ.
//!
//! - Averaged inputs (T8): ∇C(θ) next to ∇L(x̄, ȳ; θ) = −2m(θ)·(x̄, 1), with
//!   m = ȳ − θ₀x̄ − θ₁ the mean error. Their slope parts differ by
//!   −2(cov(x, y) − θ₀·var(x)). Squaring the mean error, m², gives a valley
//!   of minima: every line through the centroid (x̄, ȳ).
//! - A linear cost (T10): J = mean(yᵢ − θ₀xᵢ − θ₁) = m(θ), a plane whose
//!   gradient (−x̄, −1) is the same everywhere, so J has no minimum.
//! - A non-additive cost (T7): J = maxᵢ Lᵢ(θ), the worst example's loss. Its
//!   gradient is that example's ∇Lᵢ*, not the mean of the ∇Lᵢ.
//! - A tiny network (T11): see [`crate::scenes::average_first::network`].

use crate::core::models::linear::LinearProblem;
use crate::core::models::linear::{example_gradient, example_loss};
use crate::core::models::linear_cost::LinearCostProblem;
use crate::core::objective::Objective;
use crate::core::Theta;

/// Steps of the descents drawn in scene 4.
pub const DESCENT_STEPS: usize = 40;

/// The mean error m(θ) = ȳ − θ₀x̄ − θ₁ = J(θ) for the linear cost.
pub fn mean_error(problem: &LinearProblem, theta: Theta) -> f64 {
    problem.moments().mean_residual(theta)
}

/// The shortcut ∇L(x̄, ȳ; θ) = −2m(θ)·(x̄, 1).
pub fn averaged_input_gradient(problem: &LinearProblem, theta: Theta) -> Theta {
    let m = problem.moments();
    let e = m.mean_residual(theta);
    [-2.0 * e * m.mean_x, -2.0 * e]
}

/// ∂C/∂θ₀ minus the shortcut's slope part: −2(cov(x, y) − θ₀·var(x)).
pub fn slope_gap(problem: &LinearProblem, theta: Theta) -> f64 {
    let m = problem.moments();
    -2.0 * (m.cov_xy - theta[0] * m.var_x)
}

/// Gradient descent on m(θ)² from θ with η = 1/(4(x̄² + 1)), which halves
/// the mean error each step. It moves along (x̄, 1) and stops where it first
/// meets the valley m = 0: a line through the centroid, but in general not
/// the least-squares line θ*.
pub fn valley_descent(problem: &LinearProblem, from: Theta) -> Vec<Theta> {
    let mx = problem.moments().mean_x;
    let lr = 0.25 / (mx * mx + 1.0);
    let mut path = vec![from];
    let mut t = from;
    for _ in 0..DESCENT_STEPS {
        let g = averaged_input_gradient(problem, t);
        t = [t[0] - lr * g[0], t[1] - lr * g[1]];
        path.push(t);
    }
    path
}

/// ∇J for the linear cost: (−x̄, −1) at every θ.
pub fn linear_cost_gradient(problem: &LinearProblem) -> Theta {
    [-problem.moments().mean_x, -1.0]
}

/// The linear cost's gradient computed both ways, as a real check: the mean
/// of the per-example gradients ∇Jᵢ = (−xᵢ, −1), and the gradient at the
/// averaged example, (−x̄, −1). They agree because J is linear in every
/// example.
pub fn linear_cost_both_ways(problem: &LinearProblem) -> (Theta, Theta) {
    let d = problem.data();
    let j = LinearCostProblem::new(&d.xs, &d.ys).expect("the page's data is finite and non-empty");
    let (mean, short) = (
        j.cost_gradient(&[0.0, 0.0]),
        j.shortcut_gradient(&[0.0, 0.0]),
    );
    ([mean[0], mean[1]], [short[0], short[1]])
}

/// Descent on the linear cost with step `lr`: θₜ = θ₀ + t·lr·(x̄, 1), a
/// straight line that never stops.
pub fn linear_cost_descent(problem: &LinearProblem, from: Theta, lr: f64) -> Vec<Theta> {
    let g = linear_cost_gradient(problem);
    (0..=DESCENT_STEPS)
        .map(|t| {
            [
                from[0] - t as f64 * lr * g[0],
                from[1] - t as f64 * lr * g[1],
            ]
        })
        .collect()
}

/// The worst example at θ (the first one if several tie) and its loss.
pub fn worst_example(problem: &LinearProblem, theta: Theta) -> (usize, f64) {
    let d = problem.data();
    d.xs.iter()
        .zip(&d.ys)
        .map(|(&x, &y)| example_loss(x, y, theta))
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |best, (i, l)| {
            if l > best.1 {
                (i, l)
            } else {
                best
            }
        })
}

/// J(θ) = maxᵢ Lᵢ(θ).
pub fn max_cost(problem: &LinearProblem, theta: Theta) -> f64 {
    worst_example(problem, theta).1
}

/// ∇J(θ) = ∇Lᵢ*(θ) for the worst example i* (where it is unique, J is
/// differentiable and this is its gradient).
pub fn max_cost_gradient(problem: &LinearProblem, theta: Theta) -> Theta {
    let (i, _) = worst_example(problem, theta);
    let d = problem.data();
    example_gradient(d.xs[i], d.ys[i], theta)
}

/// The examples on the convex hull of the points (xᵢ, yᵢ), by Andrew's
/// monotone chain. The largest |yᵢ − θ₀xᵢ − θ₁| over all examples is a
/// maximum of linear functions of the point, so it is reached on the hull:
/// J = maxᵢ Lᵢ needs only these examples, a handful however large N is.
pub fn hull(problem: &LinearProblem) -> Vec<usize> {
    let d = problem.data();
    let mut order: Vec<usize> = (0..d.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        d.xs[a]
            .total_cmp(&d.xs[b])
            .then(d.ys[a].total_cmp(&d.ys[b]))
    });
    let cross = |o: usize, a: usize, b: usize| {
        (d.xs[a] - d.xs[o]) * (d.ys[b] - d.ys[o]) - (d.ys[a] - d.ys[o]) * (d.xs[b] - d.xs[o])
    };
    // Lower hull left to right, then upper hull right to left; each chain's
    // last point starts the other, so it is dropped.
    let mut out: Vec<usize> = Vec::new();
    for points in [order.clone(), order.iter().rev().copied().collect()] {
        let start = out.len();
        for p in points {
            while out.len() >= start + 2 && cross(out[out.len() - 2], out[out.len() - 1], p) <= 0.0
            {
                out.pop();
            }
            out.push(p);
        }
        out.pop();
    }
    // A single example is its own hull.
    if out.is_empty() {
        out = order;
    }
    out
}

/// J(θ) = maxᵢ Lᵢ(θ), looking only at the examples in `hull` (see [`hull`]).
pub fn max_cost_on(problem: &LinearProblem, hull: &[usize], theta: Theta) -> f64 {
    let d = problem.data();
    hull.iter()
        .map(|&i| example_loss(d.xs[i], d.ys[i], theta))
        .fold(f64::NEG_INFINITY, f64::max)
}
