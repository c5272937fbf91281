//! Gradients: checked against central differences, against hand-computed
//! values, and the identity at the heart of the page, mean of ∇Lᵢ = ∇C.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::geometry::auto_view;
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::models::linear::{example_gradient, example_loss};
use gradavg::core::rng::SeededRng;

#[path = "common/numeric.rs"]
mod numeric;
use numeric::central_difference;

fn recipe(n: usize, seed: u32) -> DataRecipe {
    DataRecipe {
        n,
        slope: 1.5,
        intercept: 0.5,
        noise: 0.7,
        x_min: -1.0,
        x_max: 2.0,
        seed,
    }
}

/// Points spread over the auto-framed window the page plots, edges included.
fn window_points(p: &LinearProblem) -> Vec<[f64; 2]> {
    let v = auto_view(p.moments());
    let mut out = Vec::new();
    for i in 0..=6 {
        for j in 0..=6 {
            let u = -1.0 + i as f64 / 3.0;
            let w = -1.0 + j as f64 / 3.0;
            out.push([
                v.center[0] + u * 1.5 * v.half,
                v.center[1] + w * 1.5 * v.half,
            ]);
        }
    }
    out
}

/// Both losses are quadratics in θ, so the central difference is exact up to
/// rounding; the tolerance covers the cancellation in f(θ+h) − f(θ−h).
fn assert_close(analytic: [f64; 2], numeric: [f64; 2], scale: f64, what: &str) {
    for k in 0..2 {
        let err = (analytic[k] - numeric[k]).abs();
        assert!(
            err <= 1e-6 * (1.0 + scale),
            "{what}: component {k} analytic {} vs numeric {} (err {err:e})",
            analytic[k],
            numeric[k]
        );
    }
}

#[test]
fn per_example_gradient_matches_central_differences_across_the_window() {
    let data = Dataset::generate(&recipe(25, 11));
    let p = LinearProblem::from_dataset(data.clone()).unwrap();
    for t in window_points(&p) {
        for (&x, &y) in data.xs.iter().zip(&data.ys) {
            let numeric = central_difference(|th| example_loss(x, y, th), t, 1e-5);
            let analytic = example_gradient(x, y, t);
            assert_close(analytic, numeric, example_loss(x, y, t), "∇Lᵢ");
        }
    }
}

#[test]
fn cost_gradient_from_moments_matches_central_differences_of_the_direct_mean() {
    let p = LinearProblem::from_dataset(Dataset::generate(&recipe(200, 5))).unwrap();
    for t in window_points(&p) {
        let numeric = central_difference(|th| p.loss(&th).unwrap(), t, 1e-5);
        let analytic = p.gradient(&t).unwrap();
        assert_close(analytic, numeric, p.loss(&t).unwrap(), "∇C");
    }
}

#[test]
fn mean_of_example_gradients_equals_cost_gradient_to_rounding() {
    // Seeded random datasets and θ: the two independent computations agree
    // to a relative 1e-12 of the size of the terms being averaged.
    let mut rng = SeededRng::new(2024);
    for trial in 0..200 {
        let n = 1 + (rng.uniform() * 3000.0) as usize;
        let mut r = recipe(n, trial);
        r.slope = rng.uniform_in(-5.0, 5.0);
        r.intercept = rng.uniform_in(-5.0, 5.0);
        r.noise = rng.uniform_in(0.0, 3.0);
        r.x_min = rng.uniform_in(-10.0, 0.0);
        r.x_max = r.x_min + rng.uniform_in(0.1, 10.0);
        let p = LinearProblem::from_dataset(Dataset::generate(&r)).unwrap();
        let t = [rng.uniform_in(-10.0, 10.0), rng.uniform_in(-10.0, 10.0)];
        let mean = p.mean_example_gradient(&t).unwrap();
        let grad = p.gradient(&t).unwrap();
        let rows = p.example_gradients(&t).unwrap();
        let scale = rows.chunks(2).map(|g| g[0].hypot(g[1])).sum::<f64>() / n as f64;
        for k in 0..2 {
            let rel = (mean[k] - grad[k]).abs() / scale;
            assert!(
                rel <= 1e-12,
                "trial {trial}: N={n}, θ={t:?}: mean {mean:?} vs ∇C {grad:?} (relative {rel:e})"
            );
        }
    }
}

#[test]
fn hand_computed_three_point_case() {
    // Data (0, 1), (1, 3), (2, 2) at θ = (1, 0), worked by hand:
    // residuals r = (1, 2, 0); losses (1, 4, 0), so C = 5/3;
    // ∇Lᵢ = −2rᵢ(xᵢ, 1) = (0, −2), (−4, −4), (0, 0), mean (−4/3, −2).
    // Least squares: var(x) = 2/3, cov(x, y) = 1/3, slope 1/2, intercept 3/2,
    // residuals (−1/2, 1, −1/2), minimum C = 1/2.
    let p = LinearProblem::new(&[0.0, 1.0, 2.0], &[1.0, 3.0, 2.0]).unwrap();
    let t = [1.0, 0.0];
    let close = |a: f64, b: f64| (a - b).abs() < 1e-15;
    assert_eq!(p.example_losses(&t).unwrap(), vec![1.0, 4.0, 0.0]);
    assert!(close(p.loss(&t).unwrap(), 5.0 / 3.0));
    assert_eq!(
        p.example_gradients(&t).unwrap(),
        vec![0.0, -2.0, -4.0, -4.0, -0.0, -0.0]
    );
    let g = p.gradient(&t).unwrap();
    assert!(close(g[0], -4.0 / 3.0) && close(g[1], -2.0), "∇C = {g:?}");
    let b = p.batch_gradient(&t, &[0, 1]).unwrap();
    assert_eq!(b, [-2.0, -3.0], "mean of the first two rows");
    let step = p.batch_update(&t, &[0, 1], 0.5).unwrap();
    assert_eq!(step, [2.0, 1.5], "θ − 0.5·(−2, −3)");
    let m = p.moments();
    let min = m.minimum().unwrap();
    assert!(close(min[0], 0.5) && close(min[1], 1.5), "θ* = {min:?}");
    assert!(close(m.min_cost(), 0.5));
}

#[test]
fn the_gradient_vanishes_at_the_least_squares_minimum() {
    let p = LinearProblem::from_dataset(Dataset::generate(&recipe(500, 3))).unwrap();
    let min = p.moments().minimum().unwrap();
    let g = p.mean_example_gradient(&min).unwrap();
    assert!(
        g[0].abs() < 1e-12 && g[1].abs() < 1e-12,
        "mean gradient at θ* is {g:?}"
    );
    // Yet the individual examples still disagree: their arrows are far from zero.
    let rows = p.example_gradients(&min).unwrap();
    let longest = rows.chunks(2).map(|r| r[0].hypot(r[1])).fold(0.0, f64::max);
    assert!(
        longest > 0.5,
        "the per-example gradients at θ* should not all vanish (longest {longest})"
    );
}

#[test]
fn each_example_gradient_lies_along_x_one() {
    // ∇Lᵢ = −2rᵢ·(xᵢ, 1): the direction depends only on xᵢ, never on θ.
    let data = Dataset::generate(&recipe(30, 8));
    for t in [[0.0, 0.0], [3.0, -2.0], [-1.0, 4.0]] {
        for (&x, &y) in data.xs.iter().zip(&data.ys) {
            let g = example_gradient(x, y, t);
            assert!(
                (g[0] - x * g[1]).abs() <= 1e-12 * (1.0 + g[0].abs()),
                "∇L not along (x, 1) at x = {x}"
            );
        }
    }
}
