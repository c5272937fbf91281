//! The mini-batch estimator, checked statistically on real draws with
//! stated tolerances (all seeded, so the checks are repeatable).

use gradavg::core::data::DataOrder;
use gradavg::core::estimator::{
    cloud_stats, ellipse, estimator_covariance, gradient_covariance, pairs, running_means,
    sample_batch_gradients, trace, Cov2, RADIUS_95,
};
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::sampler::SamplingMode::{self, *};
use gradavg::core::Theta;
use gradavg::scenes::estimator::spread::{batch_ladder, measure_spread, theory_trace};

#[path = "common/problems.rs"]
mod problems;

/// The shared test problem, seed 3.
fn problem(n: usize, order: DataOrder) -> LinearProblem {
    problems::problem(n, order, 3)
}

const THETA: [f64; 2] = [0.2, -0.3];

/// What one run shows: the mean and covariance of the draws, ∇C, and the
/// theoretical covariance.
struct Run {
    mean: Theta,
    cov: Cov2,
    grad: Theta,
    theory: Cov2,
}

/// Draws, their statistics, the exact gradient and the theory.
fn run(p: &LinearProblem, b: usize, draws: usize, mode: SamplingMode, seed: u32) -> Run {
    let samples = pairs(&sample_batch_gradients(p, &THETA, b, draws, mode, seed).unwrap());
    let stats = cloud_stats(&samples);
    let sigma = gradient_covariance(p, THETA);
    let theory = estimator_covariance(&sigma, p.num_examples(), b, mode).unwrap();
    Run {
        mean: stats.mean,
        cov: stats.cov,
        grad: p.gradient(&THETA).unwrap(),
        theory,
    }
}

#[test]
fn random_batches_are_unbiased_in_both_modes() {
    // 20,000 draws: the mean must lie within 4 theoretical standard errors
    // of ∇C, √(Cov(ĝ)ₖₖ / draws). (Draws within one epoch are negatively
    // correlated, which only makes the true error of the mean smaller.)
    let p = problem(500, DataOrder::Generated);
    for mode in [WithReplacement, WithoutReplacement] {
        let draws = 20_000;
        let Run {
            mean, grad, theory, ..
        } = run(&p, 10, draws, mode, 11);
        for k in 0..2 {
            let se = (theory[k][k] / draws as f64).sqrt();
            assert!(
                (mean[k] - grad[k]).abs() < 4.0 * se,
                "{mode:?} component {k}: mean {} vs ∇C {} (SE {se})",
                mean[k],
                grad[k]
            );
        }
    }
}

#[test]
fn measured_covariance_matches_the_theory_in_both_modes() {
    // N = 100, B = 50: without replacement the covariance is (N−B)/(N−1) ≈ 0.505
    // of the one with replacement, a difference the test must see. With 20,000
    // draws the measured entries fall within 6% of the theory (the relative
    // standard error of a variance estimate here is about 1%).
    let p = problem(100, DataOrder::Generated);
    for mode in [WithReplacement, WithoutReplacement] {
        let Run { cov, theory, .. } = run(&p, 50, 20_000, mode, 5);
        let rel = |a: f64, b: f64| (a / b - 1.0).abs();
        assert!(
            rel(trace(&cov), trace(&theory)) < 0.06,
            "{mode:?}: measured {cov:?} theory {theory:?}"
        );
        for k in 0..2 {
            assert!(
                rel(cov[k][k], theory[k][k]) < 0.06,
                "{mode:?} entry {k}{k}: {} vs {}",
                cov[k][k],
                theory[k][k]
            );
        }
        let off_scale = (theory[0][0] * theory[1][1]).sqrt();
        assert!(
            (cov[0][1] - theory[0][1]).abs() < 0.06 * off_scale,
            "{mode:?} off-diagonal"
        );
    }
    let sigma = gradient_covariance(&p, THETA);
    let with = trace(&estimator_covariance(&sigma, 100, 50, WithReplacement).unwrap());
    let without = trace(&estimator_covariance(&sigma, 100, 50, WithoutReplacement).unwrap());
    assert!((without / with - 50.0 / 99.0).abs() < 1e-12);
}

#[test]
fn a_batch_of_all_n_without_replacement_is_exactly_the_gradient() {
    let p = problem(64, DataOrder::Generated);
    let grad = p.gradient(&THETA).unwrap();
    for g in pairs(&sample_batch_gradients(&p, &THETA, 64, 20, WithoutReplacement, 9).unwrap()) {
        assert!(
            (g[0] - grad[0]).abs() < 1e-12 && (g[1] - grad[1]).abs() < 1e-12,
            "{g:?} vs {grad:?}"
        );
    }
    let sigma = gradient_covariance(&p, THETA);
    assert_eq!(
        estimator_covariance(&sigma, 64, 64, WithoutReplacement),
        Some([[0.0; 2]; 2])
    );
    assert_eq!(estimator_covariance(&sigma, 64, 8, Sequential), None);
}

#[test]
fn sequential_batches_over_sorted_data_are_biased_but_a_pass_averages_to_the_gradient() {
    // N = 1000 sorted by x, B = 50: 20 batches per pass. Each batch mean
    // differs from ∇C by more than 3 standard deviations of a random batch,
    // √(tr Σ / B), in most positions; yet the mean over the pass is ∇C.
    let p = problem(1000, DataOrder::SortedByX);
    let grad = p.gradient(&THETA).unwrap();
    let sigma = gradient_covariance(&p, THETA);
    let random_sd = (trace(&sigma) / 50.0).sqrt();
    let batches = pairs(&sample_batch_gradients(&p, &THETA, 50, 20, Sequential, 0).unwrap());
    let far = batches
        .iter()
        .filter(|g| (g[0] - grad[0]).hypot(g[1] - grad[1]) > 3.0 * random_sd)
        .count();
    assert!(
        far >= 15,
        "only {far} of 20 sequential batches are far from ∇C"
    );
    let mean = cloud_stats(&batches).mean;
    assert!(
        (mean[0] - grad[0]).abs() < 1e-12 && (mean[1] - grad[1]).abs() < 1e-12,
        "pass mean {mean:?} vs ∇C {grad:?}"
    );
    // The same batches over shuffled data are not far off.
    let shuffled = problem(1000, DataOrder::Generated);
    let g2 = shuffled.gradient(&THETA).unwrap();
    let near = pairs(&sample_batch_gradients(&shuffled, &THETA, 50, 20, Sequential, 0).unwrap());
    let far2 = near
        .iter()
        .filter(|g| (g[0] - g2[0]).hypot(g[1] - g2[1]) > 3.0 * random_sd)
        .count();
    assert!(
        far2 <= 2,
        "{far2} of 20 batches of random-order data are far from ∇C"
    );
}

#[test]
fn spread_falls_like_one_over_b_with_replacement() {
    // Least-squares slope of log(measured) on log(B) over the ladder
    // (excluding B = N): within 0.1 of −1.
    let p = problem(1024, DataOrder::Generated);
    let points = measure_spread(&p, THETA, WithReplacement, 1, 400);
    assert_eq!(
        points.iter().map(|q| q.batch).collect::<Vec<_>>(),
        batch_ladder(1024)
    );
    let xy: Vec<(f64, f64)> = points
        .iter()
        .map(|q| ((q.batch as f64).ln(), q.measured.ln()))
        .collect();
    let (mx, my) = (
        xy.iter().map(|v| v.0).sum::<f64>() / xy.len() as f64,
        xy.iter().map(|v| v.1).sum::<f64>() / xy.len() as f64,
    );
    let slope = xy.iter().map(|(x, y)| (x - mx) * (y - my)).sum::<f64>()
        / xy.iter().map(|(x, _)| (x - mx).powi(2)).sum::<f64>();
    assert!((slope + 1.0).abs() < 0.1, "log-log slope {slope}");
    // Most 95% bars cover the theory.
    let sigma = gradient_covariance(&p, THETA);
    let covered = points.iter().filter(|q| {
        let t = theory_trace(&sigma, 1024, q.batch, WithReplacement).unwrap();
        q.low <= t && t <= q.high
    });
    assert!(covered.count() >= points.len() - 2);
    // Without replacement, B = N is exactly 0 in theory.
    assert_eq!(
        theory_trace(&sigma, 1024, 1024, WithoutReplacement),
        Some(0.0)
    );
}

#[test]
fn ellipses_and_running_means() {
    let cov = [[4.0, 1.5], [1.5, 1.0]];
    let inv_det = 1.0 / (4.0 * 1.0 - 1.5 * 1.5);
    for p in ellipse([1.0, -2.0], &cov, RADIUS_95, 40) {
        let (a, b) = (p[0] - 1.0, p[1] + 2.0);
        let m2 = inv_det * (1.0 * a * a - 2.0 * 1.5 * a * b + 4.0 * b * b);
        assert!(
            (m2.sqrt() - RADIUS_95).abs() < 1e-9,
            "Mahalanobis radius {}",
            m2.sqrt()
        );
    }
    // 95% of a 2-D normal lies inside radius √(−2 ln 0.05).
    assert!((1.0 - (-RADIUS_95 * RADIUS_95 / 2.0).exp() - 0.95).abs() < 1e-12);
    let draws = [[1.0, 0.0], [3.0, 2.0], [2.0, 4.0]];
    assert_eq!(
        running_means(&draws),
        vec![[1.0, 0.0], [2.0, 1.0], [2.0, 2.0]]
    );
    assert_eq!(cloud_stats(&draws).mean, [2.0, 2.0]);
}
