//! The whole-dataset kernels each model writes for speed (`losses_into`,
//! `gradients_into`, `cost`, `cost_gradient`, `batch_mean_gradient`) give
//! the per-example methods' numbers: bit for bit where they add nothing up,
//! to rounding where they sum.

use gradavg::core::models::linear::LinearProblem;
use gradavg::core::models::linear_cost::LinearCostProblem;
use gradavg::core::models::logistic;
use gradavg::core::models::loss::Loss;
use gradavg::core::models::mlp::{Activation, MlpProblem};
use gradavg::core::objective::Objective;

/// Every model the API offers, on the same 37 examples.
fn models() -> Vec<(&'static str, Box<dyn Objective>)> {
    let xs: Vec<f64> = (0..37).map(|i| (i as f64 * 0.77).sin() * 2.0).collect();
    let ys: Vec<f64> = xs.iter().map(|x| 1.5 * x - 0.4 + (7.0 * x).cos()).collect();
    let labels: Vec<f64> = xs
        .iter()
        .map(|x| f64::from(u8::from((3.0 * x).sin() > -0.2)))
        .collect();
    let linear = |loss| Box::new(LinearProblem::with_loss(&xs, &ys, loss).unwrap());
    vec![
        ("mse", linear(Loss::Mse) as Box<dyn Objective>),
        ("mae", linear(Loss::Mae)),
        ("huber", linear(Loss::Huber { delta: 0.5 })),
        (
            "logistic",
            Box::new(logistic::problem(&xs, &labels).unwrap()),
        ),
        (
            "linear cost",
            Box::new(LinearCostProblem::new(&xs, &ys).unwrap()),
        ),
        (
            "tanh network",
            Box::new(MlpProblem::new(&xs, &ys, 5).unwrap()),
        ),
        (
            "linear network",
            Box::new(MlpProblem::with_activation(&xs, &ys, 3, Activation::Linear).unwrap()),
        ),
    ]
}

/// A θ of P entries that puts examples on both sides of every kink.
fn theta(p: usize) -> Vec<f64> {
    (0..p)
        .map(|k| 0.9 * ((k as f64) * 1.3 + 0.2).sin())
        .collect()
}

#[test]
fn whole_dataset_kernels_give_the_per_example_numbers() {
    for (name, o) in models() {
        let (n, p) = (o.num_examples(), o.num_params());
        let t = theta(p);
        let mut losses = vec![f64::NAN; n];
        let mut rows = vec![f64::NAN; n * p];
        // Twice into the same buffers, as the API's scratch is reused.
        for _ in 0..2 {
            o.losses_into(&t, &mut losses);
            o.gradients_into(&t, &mut rows);
        }
        let mut row = vec![0.0; p];
        let (mut sum_loss, mut sum_grad) = (0.0, vec![0.0; p]);
        for i in 0..n {
            assert_eq!(
                losses[i].to_bits(),
                o.example_loss(i, &t).to_bits(),
                "{name}: L{i}"
            );
            o.example_gradient(i, &t, &mut row);
            assert_eq!(&rows[i * p..(i + 1) * p], &row[..], "{name}: ∇L{i}");
            sum_loss += losses[i];
            for (s, g) in sum_grad.iter_mut().zip(&row) {
                *s += g;
            }
        }
        assert_eq!(o.losses(&t), losses, "{name}: losses");
        assert_eq!(o.gradients(&t), rows, "{name}: gradients");
        let scale = 1.0 + sum_loss.abs() / n as f64;
        assert!(
            (o.cost(&t) - sum_loss / n as f64).abs() <= 1e-12 * scale,
            "{name}: C"
        );
        let all: Vec<u32> = (0..n as u32).collect();
        for (k, (c, b)) in o
            .cost_gradient(&t)
            .iter()
            .zip(o.batch_mean_gradient(&t, &all))
            .enumerate()
        {
            let mean = sum_grad[k] / n as f64;
            let tol = 1e-12 * (1.0 + mean.abs());
            assert!(
                (c - mean).abs() <= tol && (b - mean).abs() <= tol,
                "{name}: ∂C/∂θ{k}"
            );
        }
    }
}
