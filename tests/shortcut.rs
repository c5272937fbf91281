//! Averaging first (claims T7, T8, T10, T11): the new models' gradients
//! against central differences, and the shortcut exact exactly where theory
//! says it is, and wrong elsewhere.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::models::linear_cost::LinearCostProblem;
use gradavg::core::models::mlp::{Activation, MlpProblem};
use gradavg::core::objective::{self, Objective};
use gradavg::core::rng::SeededRng;

fn data(n: usize, seed: u32) -> Dataset {
    Dataset::generate(&DataRecipe {
        n,
        slope: 1.5,
        intercept: 0.5,
        noise: 0.5,
        x_min: -1.0,
        x_max: 2.0,
        seed,
    })
}

/// A noisy sine, the network's data: y = sin(2x) + 0.1·ε.
fn sine(n: usize, seed: u32) -> (Vec<f64>, Vec<f64>) {
    let mut rng = SeededRng::new(seed);
    let xs: Vec<f64> = (0..n).map(|_| rng.uniform_in(-2.0, 2.0)).collect();
    let ys = xs
        .iter()
        .map(|&x| (2.0 * x).sin() + 0.1 * rng.standard_normal())
        .collect();
    (xs, ys)
}

/// Central differences of f at θ, step h, every coordinate.
fn numeric_gradient(f: impl Fn(&[f64]) -> f64, theta: &[f64], h: f64) -> Vec<f64> {
    (0..theta.len())
        .map(|k| {
            let (mut up, mut down) = (theta.to_vec(), theta.to_vec());
            up[k] += h;
            down[k] -= h;
            (f(&up) - f(&down)) / (2.0 * h)
        })
        .collect()
}

fn random_theta(rng: &mut SeededRng, p: usize) -> Vec<f64> {
    (0..p).map(|_| rng.uniform_in(-1.5, 1.5)).collect()
}

#[test]
fn network_gradients_match_central_differences() {
    // The loss is smooth (tanh), so with h = 1e-5 the central difference is
    // accurate to about h²·|L'''| ≈ 1e-9; allow 1e-6 relative to the scale.
    let (xs, ys) = sine(40, 3);
    let mut rng = SeededRng::new(11);
    for hidden in [1, 2, 5, 8] {
        let p = MlpProblem::new(&xs, &ys, hidden).unwrap();
        for _ in 0..10 {
            let theta = random_theta(&mut rng, p.num_params());
            for i in [0, 17, 39] {
                let mut analytic = vec![0.0; p.num_params()];
                p.example_gradient(i, &theta, &mut analytic);
                let numeric = numeric_gradient(|t| p.example_loss(i, t), &theta, 1e-5);
                for (a, n) in analytic.iter().zip(&numeric) {
                    assert!(
                        (a - n).abs() <= 1e-6 * (1.0 + a.abs()),
                        "H={hidden} example {i}: {a} vs {n}"
                    );
                }
            }
            let g = objective::gradient(&p, &theta).unwrap();
            let numeric = numeric_gradient(|t| objective::loss(&p, t).unwrap(), &theta, 1e-5);
            for (a, n) in g.iter().zip(&numeric) {
                assert!(
                    (a - n).abs() <= 1e-6 * (1.0 + a.abs()),
                    "H={hidden} ∇C: {a} vs {n}"
                );
            }
        }
    }
}

#[test]
fn linear_cost_gradient_is_constant_and_matches_central_differences() {
    let d = data(30, 4);
    let p = LinearCostProblem::new(&d.xs, &d.ys).unwrap();
    let mean_x = d.xs.iter().sum::<f64>() / 30.0;
    let mut rng = SeededRng::new(2);
    for _ in 0..20 {
        let theta = random_theta(&mut rng, 2);
        let g = objective::gradient(&p, &theta).unwrap();
        assert!(
            (g[0] + mean_x).abs() < 1e-14 && (g[1] + 1.0).abs() < 1e-14,
            "∇J = {g:?} at {theta:?}"
        );
        let numeric = numeric_gradient(|t| objective::loss(&p, t).unwrap(), &theta, 1e-3);
        assert!((numeric[0] - g[0]).abs() < 1e-9 && (numeric[1] - g[1]).abs() < 1e-9);
        // Averaging first is exact for a cost linear in the errors.
        assert_eq!(objective::shortcut_gradient(&p, &theta).unwrap(), g);
    }
    // No minimum: every step of descent lowers J by the same amount, for ever.
    let lr = 0.5;
    let mut theta = vec![0.0, 0.0];
    let drop = lr * (mean_x * mean_x + 1.0);
    for _ in 0..100 {
        let before = objective::loss(&p, &theta).unwrap();
        theta = objective::batch_update(&p, &theta, &(0..30).collect::<Vec<u32>>(), lr).unwrap();
        let after = objective::loss(&p, &theta).unwrap();
        assert!((before - after - drop).abs() < 1e-9 * (1.0 + before.abs()));
    }
}

#[test]
fn linear_shortcut_is_exact_for_the_intercept_and_at_the_least_squares_slope_only() {
    let d = data(50, 6);
    let p = LinearProblem::new(&d.xs, &d.ys).unwrap();
    let m = *p.moments();
    let slope_star = m.minimum().unwrap()[0];
    let mut rng = SeededRng::new(5);
    for _ in 0..50 {
        let theta = random_theta(&mut rng, 2);
        let true_g = objective::gradient(&p, &theta).unwrap();
        let short = objective::shortcut_gradient(&p, &theta).unwrap();
        assert!(
            (true_g[1] - short[1]).abs() < 1e-12,
            "intercept parts differ at {theta:?}"
        );
        // The slope parts differ by exactly −2(cov(x, y) − θ₀·var(x)).
        let expected = -2.0 * (m.cov_xy - theta[0] * m.var_x);
        assert!(
            (true_g[0] - short[0] - expected).abs() < 1e-12,
            "slope gap at {theta:?}"
        );
        assert!(expected.abs() > 1e-3 || (theta[0] - slope_star).abs() < 1e-3);
        // At the least-squares slope (any intercept) the shortcut is exact.
        let at_star = [slope_star, theta[1]];
        let (t2, s2) = (
            objective::gradient(&p, &at_star).unwrap(),
            objective::shortcut_gradient(&p, &at_star).unwrap(),
        );
        assert!((t2[0] - s2[0]).abs() < 1e-12 && (t2[1] - s2[1]).abs() < 1e-12);
    }
    // (mean error)² is the loss of the averaged example: a valley of lines through the centroid.
    let theta = [0.3, -0.2];
    let ebar =
        d.ys.iter()
            .zip(&d.xs)
            .map(|(y, x)| y - theta[0] * x - theta[1])
            .sum::<f64>()
            / 50.0;
    let at_centroid = m.mean_y - theta[0] * m.mean_x - theta[1];
    assert!((ebar * ebar - at_centroid * at_centroid).abs() < 1e-12);
}

#[test]
fn network_shortcut_is_exact_only_for_the_output_bias() {
    let (xs, ys) = sine(60, 8);
    let mut rng = SeededRng::new(21);
    for hidden in [2, 4, 8] {
        let p = MlpProblem::new(&xs, &ys, hidden).unwrap();
        let mut wrong = 0usize;
        let mut total = 0usize;
        for _ in 0..10 {
            let theta = random_theta(&mut rng, p.num_params());
            let true_g = objective::gradient(&p, &theta).unwrap();
            let short = objective::shortcut_gradient(&p, &theta).unwrap();
            let last = 3 * hidden;
            assert!(
                (true_g[last] - short[last]).abs() < 1e-12,
                "∂/∂b₂ must be exact"
            );
            for k in 0..last {
                total += 1;
                if (true_g[k] - short[k]).abs() > 1e-6 * (1.0 + true_g[k].abs()) {
                    wrong += 1;
                }
            }
        }
        // On seeded data almost every other entry is off (a coincidence may hit one).
        assert!(
            wrong as f64 >= 0.95 * total as f64,
            "H={hidden}: only {wrong} of {total} shortcut entries differ"
        );
    }
}

#[test]
fn new_problems_refuse_bad_arguments_with_reasons() {
    let msg = |e: gradavg::core::error::ProblemError| e.0;
    assert_eq!(
        msg(MlpProblem::new(&[1.0], &[1.0], 0).err().unwrap()),
        "hidden must be a whole number from 1 to 64, got 0"
    );
    assert!(msg(MlpProblem::new(&[1.0, 2.0], &[1.0], 3).err().unwrap()).contains("same length"));
    assert!(msg(LinearCostProblem::new(&[], &[]).err().unwrap()).contains("at least one example"));
    let p = MlpProblem::new(&[0.0, 1.0], &[0.0, 1.0], 2).unwrap();
    assert_eq!(
        msg(objective::loss(&p, &[0.0; 6]).unwrap_err()),
        "theta must have 7 entries (w1 ×2, b1 ×2, w2 ×2, b2), got 6"
    );
}

/// |a − b| over the entries of one parameter group, relative to |a| there.
fn group_gap(a: &[f64], b: &[f64], hidden: usize, group: usize) -> f64 {
    let range = group * hidden..((group + 1) * hidden).min(a.len());
    let gap: f64 = range
        .clone()
        .map(|k| (a[k] - b[k]).powi(2))
        .sum::<f64>()
        .sqrt();
    let size: f64 = range.map(|k| a[k] * a[k]).sum::<f64>().sqrt();
    gap / size
}

#[test]
fn with_linear_hidden_units_the_b1_shortcut_is_exact_and_with_tanh_it_is_not() {
    // The table's reason for b₁: each example's term is its error times its
    // own tanh′, a product. Remove the nonlinearity (slope 1) and b₁'s
    // shortcut becomes exact, as b₂'s always is; w₁ and w₂ still multiply
    // by per-example values (xᵢ, hᵢⱼ) and stay wrong.
    let (xs, ys) = sine(40, 3);
    let mut rng = SeededRng::new(5);
    for hidden in [2, 4, 8] {
        let tanh = MlpProblem::new(&xs, &ys, hidden).unwrap();
        let linear = MlpProblem::with_activation(&xs, &ys, hidden, Activation::Linear).unwrap();
        for _ in 0..10 {
            let theta = random_theta(&mut rng, tanh.num_params());
            let (t_true, t_short) = (tanh.cost_gradient(&theta), tanh.shortcut_gradient(&theta));
            let (l_true, l_short) = (
                linear.cost_gradient(&theta),
                linear.shortcut_gradient(&theta),
            );
            // Groups: 0 = w₁, 1 = b₁, 2 = w₂, 3 = b₂.
            assert!(group_gap(&l_true, &l_short, hidden, 1) < 1e-12, "linear b₁");
            assert!(group_gap(&l_true, &l_short, hidden, 3) < 1e-12, "linear b₂");
            assert!(group_gap(&t_true, &t_short, hidden, 3) < 1e-12, "tanh b₂");
            assert!(
                group_gap(&t_true, &t_short, hidden, 1) > 1e-3,
                "tanh b₁ exact?"
            );
            assert!(
                group_gap(&l_true, &l_short, hidden, 0) > 1e-3,
                "linear w₁ exact?"
            );
            assert!(
                group_gap(&l_true, &l_short, hidden, 2) > 1e-3,
                "linear w₂ exact?"
            );
        }
    }
}

#[test]
fn averaging_the_losses_then_back_propagating_once_is_exact() {
    // loss.mean().backward(): one reverse pass of the mean loss. It must be
    // ∇C, checked against central differences of C and the mean of the
    // per-example gradients.
    let (xs, ys) = sine(40, 3);
    let mut rng = SeededRng::new(9);
    for hidden in [2, 5] {
        let p = MlpProblem::new(&xs, &ys, hidden).unwrap();
        for _ in 0..5 {
            let theta = random_theta(&mut rng, p.num_params());
            let once = p.mean_loss_backward(&theta);
            let mean = p.cost_gradient(&theta);
            let numeric = numeric_gradient(|t| objective::loss(&p, t).unwrap(), &theta, 1e-5);
            for ((a, m), n) in once.iter().zip(&mean).zip(&numeric) {
                assert!((a - m).abs() <= 1e-13 * (1.0 + m.abs()), "{a} vs mean {m}");
                assert!(
                    (a - n).abs() <= 1e-6 * (1.0 + n.abs()),
                    "{a} vs numeric {n}"
                );
            }
        }
    }
}
