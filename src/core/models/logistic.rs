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
use crate::core::models::linear::mean_gradient;
use crate::core::objective::{check_examples, Objective};
use crate::core::Theta;

/// Cross-entropy logistic regression on fixed examples.
#[derive(Clone, Debug)]
pub struct LogisticProblem {
    data: Dataset,
    mean_x: f64,
    mean_y: f64,
}

impl LogisticProblem {
    /// The problem on (xs[i], labels[i]). Fails like every problem on bad
    /// examples, and on a label that is not 0 or 1.
    pub fn new(xs: &[f64], labels: &[f64]) -> Result<Self, ProblemError> {
        let data = check_examples(xs, labels)?;
        if let Some(i) = labels.iter().position(|&y| y != 0.0 && y != 1.0) {
            return Err(ProblemError(format!(
                "labels[{i}] is {}, but every label must be 0 or 1",
                labels[i]
            )));
        }
        let n = data.len() as f64;
        let mean_x = data.xs.iter().sum::<f64>() / n;
        let mean_y = data.ys.iter().sum::<f64>() / n;
        Ok(Self {
            data,
            mean_x,
            mean_y,
        })
    }

    /// The examples (ys are the labels).
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// ∇Lᵢ(θ) of example i.
    pub fn gradient_of(&self, i: usize, theta: Theta) -> Theta {
        example_gradient(self.data.xs[i], self.data.ys[i], theta)
    }
}

/// softplus(z) = ln(1 + eᶻ), computed as max(z, 0) + ln(1 + e^(−|z|)).
#[inline(always)]
pub fn softplus(z: f64) -> f64 {
    z.max(0.0) + (-z.abs()).exp_().ln_1p_()
}

/// σ(z) = 1 / (1 + e^(−z)), computed from e^(−|z|) so that it never overflows.
#[inline(always)]
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

impl Objective for LogisticProblem {
    fn num_examples(&self) -> usize {
        self.data.len()
    }

    fn num_params(&self) -> usize {
        2
    }

    fn param_names(&self) -> String {
        "(w, b)".into()
    }

    fn example_loss(&self, i: usize, theta: &[f64]) -> f64 {
        example_loss(self.data.xs[i], self.data.ys[i], [theta[0], theta[1]])
    }

    fn example_gradient(&self, i: usize, theta: &[f64], out: &mut [f64]) {
        out.copy_from_slice(&self.gradient_of(i, [theta[0], theta[1]]));
    }

    fn losses_into(&self, theta: &[f64], out: &mut [f64]) {
        let t = [theta[0], theta[1]];
        let each = out.iter_mut().zip(&self.data.xs).zip(&self.data.ys);
        each.for_each(|((l, &x), &y)| *l = example_loss(x, y, t));
    }

    fn gradients_into(&self, theta: &[f64], out: &mut [f64]) {
        let t = [theta[0], theta[1]];
        let each = out
            .chunks_exact_mut(2)
            .zip(&self.data.xs)
            .zip(&self.data.ys);
        each.for_each(|((g, &x), &y)| g.copy_from_slice(&example_gradient(x, y, t)));
    }

    fn batch_mean_gradient(&self, theta: &[f64], indices: &[u32]) -> Vec<f64> {
        let t = [theta[0], theta[1]];
        mean_gradient(indices.iter().map(|&i| i as usize), |i| {
            self.gradient_of(i, t)
        })
        .to_vec()
    }

    /// The averaged example (x̄, ȳ) differentiated once: (σ(w·x̄ + b) − ȳ)·(x̄, 1).
    /// Since σ is not linear, mean σ(zᵢ) ≠ σ(mean zᵢ), and neither part is ∇C
    /// in general.
    fn shortcut_gradient(&self, theta: &[f64]) -> Vec<f64> {
        example_gradient(self.mean_x, self.mean_y, [theta[0], theta[1]]).to_vec()
    }
}
