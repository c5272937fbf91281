//! θ* under MAE and Huber (found numerically) and ∇C measured from C alone
//! by central differences: θ* is no higher than any point around it or on a
//! fine grid, Huber's gradient vanishes there, and the measured ∇C equals
//! the mean of the per-example gradients within its own error bound.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::models::loss::Loss;
use gradavg::core::models::lowest_point::median;
use gradavg::core::models::measured_gradient::measured_gradient;

fn data(n: usize, seed: u32, outliers: bool) -> Dataset {
    let mut d = Dataset::generate(&DataRecipe {
        n,
        slope: 1.5,
        intercept: 0.5,
        noise: 0.7,
        x_min: -1.0,
        x_max: 2.0,
        seed,
    });
    if outliers {
        for i in (0..n).step_by(7) {
            d.ys[i] += 25.0;
        }
    }
    d
}

const LOSSES: [Loss; 3] = [
    Loss::Mae,
    Loss::Huber { delta: 0.5 },
    Loss::Huber { delta: 3.0 },
];

fn problems() -> Vec<(String, LinearProblem)> {
    let mut out = Vec::new();
    for (n, seed, outliers) in [
        (1, 3, false),
        (2, 4, false),
        (12, 7, false),
        (13, 8, true),
        (300, 9, true),
    ] {
        let d = data(n, seed, outliers);
        for loss in LOSSES {
            if n == 1 {
                continue; // one example: every x is the same
            }
            let p = LinearProblem::with_loss(&d.xs, &d.ys, loss).unwrap();
            out.push((format!("N = {n}, {loss:?}, outliers {outliers}"), p));
        }
    }
    out
}

#[test]
fn nothing_around_the_lowest_point_or_on_a_grid_is_lower() {
    for (name, p) in problems() {
        let best = p.lowest_point().expect("x varies");
        let c = p.cost_at(best);
        let tol = 1e-12 * (1.0 + c);
        for radius in [1e-6, 1e-3, 0.1, 1.0] {
            for k in 0..16 {
                let a = k as f64 * std::f64::consts::PI / 8.0;
                let t = [best[0] + radius * a.cos(), best[1] + radius * a.sin()];
                assert!(
                    p.cost_at(t) >= c - tol,
                    "{name}: C{t:?} = {} below C(θ*) = {c}",
                    p.cost_at(t)
                );
            }
        }
        let mse = p.moments().minimum().unwrap();
        let grid_min = (0..=200)
            .flat_map(|i| {
                (0..=200).map(move |j| {
                    [
                        mse[0] - 5.0 + 0.05 * i as f64,
                        mse[1] - 5.0 + 0.05 * j as f64,
                    ]
                })
            })
            .map(|t| p.cost_at(t))
            .fold(f64::INFINITY, f64::min);
        assert!(
            c <= grid_min + tol,
            "{name}: the grid has {grid_min} below C(θ*) = {c}"
        );
    }
}

#[test]
fn huber_gradient_vanishes_at_its_lowest_point_and_large_delta_is_mse() {
    for (name, p) in problems() {
        if !matches!(p.loss_kind(), Loss::Huber { .. }) {
            continue;
        }
        let best = p.lowest_point().unwrap();
        let g = p.mean_gradient_of(0..p.num_examples(), best);
        assert!(
            g[0].abs() < 1e-9 && g[1].abs() < 1e-9,
            "{name}: ∇C(θ*) = {g:?}"
        );
    }
    let d = data(50, 5, false);
    let huge = LinearProblem::with_loss(&d.xs, &d.ys, Loss::Huber { delta: 1e6 }).unwrap();
    let (a, b) = (
        huge.lowest_point().unwrap(),
        huge.moments().minimum().unwrap(),
    );
    assert!(
        (a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9,
        "{a:?} vs {b:?}"
    );
}

#[test]
fn every_x_the_same_has_no_single_lowest_point() {
    let p = LinearProblem::with_loss(&[2.0, 2.0, 2.0], &[1.0, 3.0, 4.0], Loss::Mae).unwrap();
    assert_eq!(p.lowest_point(), None);
}

#[test]
fn measured_gradient_is_the_mean_of_the_arrows_within_its_bound() {
    for (name, p) in problems() {
        let best = p.lowest_point().unwrap();
        for k in 0..40 {
            let a = k as f64 * 0.7;
            let t = [
                best[0] + 2.0 * a.cos() * (k as f64 / 40.0),
                best[1] + 3.0 * a.sin(),
            ];
            let m = measured_gradient(&p, t, 1.0);
            let mean = p.mean_gradient_of(0..p.num_examples(), t);
            for i in 0..2 {
                assert!(
                    (m.gradient[i] - mean[i]).abs() <= m.error,
                    "{name} at {t:?}: {m:?} vs {mean:?}"
                );
            }
            // Off every kink the bound is rounding; at MAE's θ* (k = 0) two
            // residuals are 0 to rounding and C has no gradient there.
            if k > 0 {
                assert!(m.error < 1e-6, "{name} at {t:?}: a loose bound {}", m.error);
            }
        }
    }
    // On MAE's kink: example 0 has r = 0 exactly, and its share is sign(0) = 0.
    let p = LinearProblem::with_loss(&[0.0, 1.0, 2.0], &[1.0, 0.0, 5.0], Loss::Mae).unwrap();
    let t = [0.5, 1.0];
    let m = measured_gradient(&p, t, 1.0);
    let mean = p.mean_gradient_of(0..3, t);
    assert!(
        (m.gradient[0] - mean[0]).abs() <= m.error && (m.gradient[1] - mean[1]).abs() <= m.error
    );
    // The bound is not vacuous: a wrong gradient is outside it.
    assert!(m.error < 1e-9, "{m:?}");
}

#[test]
fn median_is_the_middle_of_the_sorted_values() {
    let mut state = 12345u64;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as f64 / 2f64.powi(31)
    };
    for n in [1, 2, 3, 4, 5, 10, 101, 1000] {
        for shape in 0..4 {
            let v: Vec<f64> = (0..n)
                .map(|i| match shape {
                    0 => next(),
                    1 => i as f64,               // sorted
                    2 => (n - i) as f64,         // reversed
                    _ => (next() * 3.0).floor(), // few distinct values
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            let mut work = v.clone();
            assert_eq!(median(&mut work), sorted[n / 2], "n = {n}, shape {shape}");
        }
    }
}
