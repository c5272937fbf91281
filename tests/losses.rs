//! MAE, Huber and logistic regression: every per-example gradient and ∇C
//! against central differences over the plotted window, the conventions at
//! the kinks, Huber against MSE, and the cross-entropy at |z| = 1000.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::geometry::auto_view;
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::models::logistic;
use gradavg::core::models::loss::Loss;
use gradavg::core::objective::Objective;

#[path = "common/numeric.rs"]
mod numeric;
use numeric::central_difference;

fn data() -> Dataset {
    Dataset::generate(&DataRecipe {
        n: 40,
        slope: 1.5,
        intercept: 0.5,
        noise: 0.7,
        x_min: -1.0,
        x_max: 2.0,
        seed: 11,
    })
}

/// Labels 1 where y lies above its median, so both classes overlap in x.
fn labelled() -> (Vec<f64>, Vec<f64>) {
    let d = data();
    let mut sorted = d.ys.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let labels = d.ys.iter().map(|&y| f64::from(y >= median)).collect();
    (d.xs, labels)
}

/// Points over the window the page plots for this data, edges included.
fn window_points() -> Vec<[f64; 2]> {
    let d = data();
    let v = auto_view(LinearProblem::new(&d.xs, &d.ys).unwrap().moments());
    let mut out = Vec::new();
    for i in 0..=8 {
        for j in 0..=8 {
            let (u, w) = (-1.0 + i as f64 / 4.0, -1.0 + j as f64 / 4.0);
            out.push([v.center[0] + u * v.half, v.center[1] + w * v.half]);
        }
    }
    out
}

/// True when no residual of example i changes sign or crosses ±δ within h
/// of θ (in either parameter): there the loss is smooth and the central
/// difference is fair.
fn smooth_near(loss: Loss, x: f64, y: f64, t: [f64; 2], h: f64) -> bool {
    let r = y - t[0] * x - t[1];
    let reach = h * (x.abs() + 1.0) * 2.0;
    let kinks: &[f64] = match loss {
        Loss::Mse | Loss::Logistic => &[],
        Loss::Mae => &[0.0],
        Loss::Huber { delta } => &[-delta, delta],
    };
    kinks.iter().all(|k| (r - k).abs() > reach)
}

fn assert_close(a: [f64; 2], b: [f64; 2], what: &str) {
    for k in 0..2 {
        let err = (a[k] - b[k]).abs();
        assert!(
            err <= 1e-6 * (1.0 + a[k].abs()),
            "{what}: component {k}: analytic {} vs numeric {} (err {err:e})",
            a[k],
            b[k]
        );
    }
}

#[test]
fn every_linear_loss_gradient_matches_central_differences_away_from_kinks() {
    let d = data();
    let h = 1e-6;
    for loss in [
        Loss::Mae,
        Loss::Huber { delta: 0.5 },
        Loss::Huber { delta: 2.0 },
    ] {
        let p = LinearProblem::with_loss(&d.xs, &d.ys, loss).unwrap();
        let mut checked = 0;
        for t in window_points() {
            for i in 0..p.num_examples() {
                if !smooth_near(loss, d.xs[i], d.ys[i], t, h) {
                    continue;
                }
                let numeric = central_difference(|t| p.example_loss(i, &t), t, h);
                assert_close(
                    p.gradient_of(i, t),
                    numeric,
                    &format!("{loss:?} ∇L{i} at {t:?}"),
                );
                checked += 1;
            }
            if (0..p.num_examples()).all(|i| smooth_near(loss, d.xs[i], d.ys[i], t, h)) {
                let numeric = central_difference(|t| p.cost(&t), t, h);
                let g = p.cost_gradient(&t);
                assert_close([g[0], g[1]], numeric, &format!("{loss:?} ∇C at {t:?}"));
            }
        }
        assert!(checked > 3000, "{loss:?}: only {checked} smooth checks");
    }
}

#[test]
fn mae_uses_sign_zero_at_the_kink_and_every_arrow_has_the_same_length() {
    // Example (2, 3) lies on the line θ = (1, 1): r = 0 exactly.
    let p = LinearProblem::with_loss(&[2.0, 0.0, -1.0], &[3.0, 5.0, -4.0], Loss::Mae).unwrap();
    assert_eq!(p.gradient_of(0, [1.0, 1.0]), [-0.0, -0.0]);
    assert_eq!(p.example_loss(0, &[1.0, 1.0]), 0.0);
    // Elsewhere |∇Lᵢ| = |(xᵢ, 1)|, whatever the residual's size.
    for t in [[0.3, -2.0], [5.0, 4.0]] {
        for (i, x) in [2.0f64, 0.0, -1.0].into_iter().enumerate() {
            let g = p.gradient_of(i, t);
            assert_eq!(g[0].hypot(g[1]), x.hypot(1.0), "example {i} at {t:?}");
        }
    }
}

#[test]
fn huber_is_mse_inside_delta_and_continuous_with_a_continuous_slope_at_delta() {
    for delta in [0.1, 1.0, 3.7] {
        let huber = Loss::Huber { delta };
        for k in -100..=100 {
            let r = delta * k as f64 / 100.0;
            assert_eq!(huber.value(r), Loss::Mse.value(r), "inside δ = {delta}");
            assert_eq!(huber.slope(r), Loss::Mse.slope(r));
        }
        for edge in [-delta, delta] {
            let eps = 1e-9 * delta;
            let (inside, outside) = (edge * (1.0 - 1e-9), edge * (1.0 + 1e-9));
            assert!((huber.value(inside) - huber.value(outside)).abs() < 10.0 * eps * delta);
            assert!((huber.slope(inside) - huber.slope(outside)).abs() < 10.0 * eps);
            assert_eq!(huber.value(edge), delta * delta);
        }
        // Beyond δ the slope is capped at 2δ: the arrow's length stops growing.
        assert_eq!(huber.slope(50.0 * delta), 2.0 * delta);
        assert_eq!(huber.slope(-50.0 * delta), -2.0 * delta);
    }
}

#[test]
fn loss_options_parse_like_the_api_contract() {
    assert_eq!(Loss::from_options(None, None).unwrap(), Loss::Mse);
    assert_eq!(Loss::from_options(Some("mae"), None).unwrap(), Loss::Mae);
    assert_eq!(
        Loss::from_options(Some("huber"), None).unwrap(),
        Loss::Huber { delta: 1.0 }
    );
    for (name, delta, expected) in [
        ("l2", None, "unknown loss \"l2\""),
        ("huber", Some(-1.0), "delta is -1"),
        ("huber", Some(f64::INFINITY), "delta is inf"),
        ("mae", Some(1.0), "is for the \"huber\" loss only"),
        ("logistic", None, "use Problem.logistic(xs, labels)"),
    ] {
        let message = Loss::from_options(Some(name), delta).unwrap_err().0;
        assert!(message.contains(expected), "{message}");
    }
}

#[test]
fn the_mse_problem_is_unchanged_by_the_loss_field() {
    let d = data();
    let (a, b) = (
        LinearProblem::new(&d.xs, &d.ys).unwrap(),
        LinearProblem::with_loss(&d.xs, &d.ys, Loss::Mse).unwrap(),
    );
    for t in window_points() {
        assert_eq!(a.losses(&t), b.losses(&t));
        assert_eq!(a.cost_gradient(&t), b.cost_gradient(&t));
        let short = a.shortcut_gradient(&t);
        let m = a.moments();
        let mean_r = m.mean_y - t[0] * m.mean_x - t[1];
        assert_eq!(short, vec![-2.0 * mean_r * m.mean_x, -2.0 * mean_r]);
    }
}

#[test]
fn logistic_gradients_match_central_differences_and_their_mean_is_grad_c() {
    let (xs, labels) = labelled();
    let p = logistic::problem(&xs, &labels).unwrap();
    let h = 1e-6;
    for t in window_points() {
        for i in 0..p.num_examples() {
            let numeric = central_difference(|t| p.example_loss(i, &t), t, h);
            assert_close(p.gradient_of(i, t), numeric, &format!("∇L{i} at {t:?}"));
        }
        let numeric = central_difference(|t| p.cost(&t), t, h);
        let g = p.cost_gradient(&t);
        assert_close([g[0], g[1]], numeric, &format!("∇C at {t:?}"));
    }
}

#[test]
fn logistic_is_finite_and_exact_at_z_of_a_thousand() {
    // z = ±1000 (x = 1, θ = (±1000, 0)); e^(−1000) underflows to 0 in f64,
    // so each loss is exactly 0 or 1000 and each error exactly 0 or ±1.
    for (w, y, loss, error) in [
        (1000.0, 1.0, 0.0, 0.0),
        (1000.0, 0.0, 1000.0, 1.0),
        (-1000.0, 1.0, 1000.0, -1.0),
        (-1000.0, 0.0, 0.0, 0.0),
    ] {
        assert_eq!(
            logistic::example_loss(1.0, y, [w, 0.0]),
            loss,
            "z = {w}, y = {y}"
        );
        assert_eq!(logistic::example_gradient(1.0, y, [w, 0.0]), [error, error]);
    }
    // Near z = 0 the stable form agrees with the textbook one.
    for z in [-3.0f64, -0.1, 0.0, 0.4, 2.5] {
        let p = 1.0 / (1.0 + (-z).exp());
        let textbook = -(p.ln());
        assert!((logistic::example_loss(1.0, 1.0, [z, 0.0]) - textbook).abs() < 1e-14);
        assert!((logistic::sigmoid(z) - p).abs() < 1e-15);
    }
    assert_eq!(logistic::softplus(-1000.0), 0.0);
    assert_eq!(logistic::softplus(1000.0), 1000.0);
}

#[test]
fn logistic_rejects_labels_other_than_zero_and_one() {
    let message = logistic::problem(&[0.0, 1.0, 2.0], &[0.0, 1.0, 2.0])
        .unwrap_err()
        .0;
    assert_eq!(message, "labels[2] is 2, but every label must be 0 or 1");
}
