//! Training paths: the contract of trainPath, divergence, and what noise and
//! order do to the runs (seeded, with stated tolerances).

use gradavg::core::data::DataOrder;
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::sampler::{batch_indices, SamplingMode::*};
use gradavg::core::train::{train_path, Schedule};

#[path = "common/problems.rs"]
mod problems;

/// The shared test problem, seed 4.
fn problem(n: usize, order: DataOrder) -> LinearProblem {
    problems::problem(n, order, 4)
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[test]
fn the_full_batch_path_is_plain_gradient_descent() {
    // B = N, sequential: every step uses all examples, so θₜ₊₁ = θₜ − η∇C(θₜ).
    let p = problem(300, DataOrder::Generated);
    let path = train_path(
        &p,
        [0.0, 0.0],
        Schedule::Constant(0.2),
        50,
        300,
        Sequential,
        0,
    )
    .unwrap();
    let mut theta = [0.0, 0.0];
    for (t, got) in path.thetas.iter().enumerate() {
        assert!(
            distance(*got, theta) < 1e-12,
            "step {t}: {got:?} vs {theta:?}"
        );
        let g = p.gradient(&theta).unwrap();
        theta = [theta[0] - 0.2 * g[0], theta[1] - 0.2 * g[1]];
    }
    assert_eq!(path.thetas.len(), 51);
    assert_eq!(path.diverged_at, None);
}

#[test]
fn a_path_follows_the_contract_exactly() {
    // Step t applies batchUpdate at the current θ with the indices of draw
    // t − 1 of batchIndices(B, steps, mode, seed): bit for bit.
    let p = problem(100, DataOrder::SortedByX);
    for mode in [WithReplacement, WithoutReplacement, Sequential] {
        let path = train_path(&p, [1.0, -1.0], Schedule::Constant(0.05), 40, 7, mode, 3).unwrap();
        let idx = batch_indices(100, 7, 40, mode, 3).unwrap();
        let mut theta = [1.0, -1.0];
        for (t, rows) in idx.chunks(7).enumerate() {
            theta = p.batch_update(&theta, rows, 0.05).unwrap();
            assert_eq!(path.thetas[t + 1], theta, "{mode:?} step {}", t + 1);
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_path() {
    let p = problem(200, DataOrder::Generated);
    let run = |seed| {
        train_path(
            &p,
            [0.0, 0.0],
            Schedule::Constant(0.1),
            500,
            1,
            WithoutReplacement,
            seed,
        )
        .unwrap()
    };
    assert_eq!(run(9), run(9));
    assert_ne!(run(9).thetas, run(10).thetas);
}

#[test]
fn sgd_with_decay_ends_near_the_minimum_and_closer_than_without() {
    // SGD (B = 1) for 30 epochs of N = 500. With η = 0.1 constant it keeps
    // bouncing in a noise ball; with 1/t decay per epoch from the second on (η/2, η/3, …) it
    // settles. Tolerances: the decayed run ends within 2% of C(θ*), and
    // its distance to θ* is less than half the constant run's mean distance
    // over the last epoch.
    let p = problem(500, DataOrder::Generated);
    let m = p.moments();
    let min = m.minimum().unwrap();
    let steps = 30 * 500;
    let decayed = train_path(
        &p,
        [0.0, 0.0],
        Schedule::EpochDecay {
            lr: 0.1,
            steps_per_epoch: 500,
            start_epoch: 1,
        },
        steps,
        1,
        WithoutReplacement,
        1,
    )
    .unwrap();
    let constant = train_path(
        &p,
        [0.0, 0.0],
        Schedule::Constant(0.1),
        steps,
        1,
        WithoutReplacement,
        1,
    )
    .unwrap();
    let end = *decayed.thetas.last().unwrap();
    assert!(
        m.cost(end) < 1.02 * m.min_cost(),
        "decayed SGD ends at C = {} (min {})",
        m.cost(end),
        m.min_cost()
    );
    let ball: f64 = constant.thetas[steps - 500..]
        .iter()
        .map(|&t| distance(t, min))
        .sum::<f64>()
        / 500.0;
    assert!(
        distance(end, min) < 0.5 * ball,
        "decayed {} vs constant noise ball {ball}",
        distance(end, min)
    );
}

#[test]
fn sequential_batches_over_sorted_data_end_farther_from_the_minimum() {
    // Mini-batches of 20 over N = 1000 sorted by x, 20 epochs, η = 0.3. Each
    // sequential batch pulls towards the line through its own stretch of x,
    // and those pulls add up within an epoch. Over the last 5 epochs the mean
    // excess cost C/C(θ*) − 1 of the sequential run is at least 10 times the
    // shuffled run's (seed 5: about 22 against 0.05).
    let sorted = problem(1000, DataOrder::SortedByX);
    let m = sorted.moments();
    let steps = 20 * 50;
    let tail_excess = |mode| {
        let path = train_path(
            &sorted,
            [0.0, 0.0],
            Schedule::Constant(0.3),
            steps,
            20,
            mode,
            5,
        )
        .unwrap();
        path.thetas[steps - 250..]
            .iter()
            .map(|&t| m.cost(t) / m.min_cost() - 1.0)
            .sum::<f64>()
            / 250.0
    };
    let (sequential, shuffled) = (tail_excess(Sequential), tail_excess(WithoutReplacement));
    assert!(
        sequential > 10.0 * shuffled,
        "sequential {sequential} vs shuffled {shuffled}"
    );
}

#[test]
fn divergence_stops_the_path_with_only_finite_values() {
    // E x² ≈ 1 here, so η = 5 overshoots: |1 − 2η·λ| > 1 for the largest curvature λ.
    let p = problem(100, DataOrder::Generated);
    let path = train_path(
        &p,
        [0.0, 0.0],
        Schedule::Constant(5.0),
        10_000,
        100,
        Sequential,
        0,
    )
    .unwrap();
    let k = path.diverged_at.expect("η = 5 must diverge");
    assert_eq!(path.thetas.len(), k, "the path ends at θ of step k − 1");
    assert!(k < 200, "it diverged only at step {k}");
    assert!(path
        .thetas
        .iter()
        .all(|t| t[0].is_finite() && t[1].is_finite()));
    assert!(path
        .thetas
        .iter()
        .all(|&t| p.moments().cost(t) <= 1e8 * p.moments().cost([0.0, 0.0]).max(1.0)));
    // A bad start or rate is an error, not a path.
    assert!(train_path(
        &p,
        [f64::NAN, 0.0],
        Schedule::Constant(0.1),
        5,
        1,
        Sequential,
        0
    )
    .is_err());
    assert!(train_path(
        &p,
        [0.0, 0.0],
        Schedule::Constant(f64::INFINITY),
        5,
        1,
        Sequential,
        0
    )
    .is_err());
}
