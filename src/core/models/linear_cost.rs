//! A cost linear in the errors (claim T10): Jᵢ(θ) = yᵢ − θ₀xᵢ − θ₁, so
//! J(θ) = ȳ − θ₀x̄ − θ₁, a plane. Its gradient (−x̄, −1) is the same at every
//! θ, so there is nothing to stop descent: J has no minimum. Here averaging
//! first is exact, since the loss of the averaged example is J itself.

use crate::core::data::Dataset;
use crate::core::error::ProblemError;
use crate::core::objective::{check_examples, Objective};

/// J on fixed examples, θ = [slope, intercept].
pub struct LinearCostProblem {
    data: Dataset,
    mean_x: f64,
}

impl LinearCostProblem {
    /// The problem on (xs[i], ys[i]); fails like every problem on bad examples.
    pub fn new(xs: &[f64], ys: &[f64]) -> Result<Self, ProblemError> {
        let data = check_examples(xs, ys)?;
        let mean_x = data.xs.iter().sum::<f64>() / data.len() as f64;
        Ok(Self { data, mean_x })
    }
}

impl Objective for LinearCostProblem {
    fn num_examples(&self) -> usize {
        self.data.len()
    }

    fn num_params(&self) -> usize {
        2
    }

    fn param_names(&self) -> String {
        "(slope, intercept)".into()
    }

    /// Jᵢ(θ) = yᵢ − θ₀xᵢ − θ₁.
    fn example_loss(&self, i: usize, theta: &[f64]) -> f64 {
        self.data.ys[i] - theta[0] * self.data.xs[i] - theta[1]
    }

    /// ∇Jᵢ = (−xᵢ, −1), whatever θ is.
    fn example_gradient(&self, i: usize, _theta: &[f64], out: &mut [f64]) {
        out[0] = -self.data.xs[i];
        out[1] = -1.0;
    }

    /// ∇J(x̄, ȳ) = (−x̄, −1): equal to the true gradient, because J is linear.
    fn shortcut_gradient(&self, _theta: &[f64]) -> Vec<f64> {
        vec![-self.mean_x, -1.0]
    }
}
