//! A validated MSE linear-regression problem: the core of the JS `Problem`.
//!
//! Every method checks its arguments and returns a [`ProblemError`] whose
//! message names the problem, so that bad input from JavaScript becomes a
//! clear JS `Error` rather than a wasm trap.

use crate::data::Dataset;
use crate::linear::{self, Theta};
use crate::moments::Moments;
use std::fmt;

/// What was wrong with the arguments, in words a course author can act on.
#[derive(Clone, Debug, PartialEq)]
pub struct ProblemError(pub String);

impl fmt::Display for ProblemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProblemError {}

fn fail<T>(message: String) -> Result<T, ProblemError> {
    Err(ProblemError(message))
}

/// MSE linear regression on a fixed dataset, θ = [slope, intercept].
#[derive(Clone, Debug)]
pub struct LinearProblem {
    data: Dataset,
    moments: Moments,
}

impl LinearProblem {
    /// A problem on the examples (xs[i], ys[i]). Fails when the lengths
    /// differ, when there are no examples, or when a value is not finite.
    pub fn new(xs: &[f64], ys: &[f64]) -> Result<Self, ProblemError> {
        if xs.len() != ys.len() {
            return fail(format!(
                "xs and ys must have the same length, got {} and {}",
                xs.len(),
                ys.len()
            ));
        }
        if xs.is_empty() {
            return fail("a problem needs at least one example, got none".into());
        }
        for (name, values) in [("xs", xs), ("ys", ys)] {
            if let Some(i) = values.iter().position(|v| !v.is_finite()) {
                return fail(format!(
                    "{name}[{i}] is {}, but every value must be finite",
                    values[i]
                ));
            }
        }
        let data = Dataset {
            xs: xs.to_vec(),
            ys: ys.to_vec(),
        };
        let moments = Moments::of(xs, ys);
        Ok(Self { data, moments })
    }

    /// A problem on a dataset already known to be valid (generated data).
    pub fn from_dataset(data: Dataset) -> Result<Self, ProblemError> {
        Self::new(&data.xs, &data.ys)
    }

    /// The examples.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The sufficient statistics of the examples.
    pub fn moments(&self) -> &Moments {
        &self.moments
    }

    /// N.
    pub fn num_examples(&self) -> usize {
        self.data.len()
    }

    /// P = 2: slope and intercept.
    pub fn num_params(&self) -> usize {
        2
    }

    /// Checks that θ has P finite entries.
    pub fn check_theta(&self, theta: &[f64]) -> Result<Theta, ProblemError> {
        if theta.len() != 2 {
            return fail(format!(
                "theta must have 2 entries (slope, intercept), got {}",
                theta.len()
            ));
        }
        if let Some(i) = theta.iter().position(|v| !v.is_finite()) {
            return fail(format!(
                "theta[{i}] is {}, but theta must be finite",
                theta[i]
            ));
        }
        Ok([theta[0], theta[1]])
    }

    /// C(θ) = (1/N) Σᵢ (yᵢ − θ₀xᵢ − θ₁)², summed example by example.
    pub fn loss(&self, theta: &[f64]) -> Result<f64, ProblemError> {
        let losses = self.example_losses(theta)?;
        Ok(losses.iter().sum::<f64>() / losses.len() as f64)
    }

    /// Lᵢ(θ) for every example, in order.
    pub fn example_losses(&self, theta: &[f64]) -> Result<Vec<f64>, ProblemError> {
        let t = self.check_theta(theta)?;
        Ok(self
            .data
            .xs
            .iter()
            .zip(&self.data.ys)
            .map(|(&x, &y)| linear::example_loss(x, y, t))
            .collect())
    }

    /// The N×P matrix of per-example gradients, row-major: row i is ∇Lᵢ(θ).
    pub fn example_gradients(&self, theta: &[f64]) -> Result<Vec<f64>, ProblemError> {
        let t = self.check_theta(theta)?;
        let mut out = Vec::with_capacity(2 * self.num_examples());
        for (&x, &y) in self.data.xs.iter().zip(&self.data.ys) {
            out.extend_from_slice(&linear::example_gradient(x, y, t));
        }
        Ok(out)
    }

    /// ∇C(θ), computed from the sufficient statistics and not as a mean of
    /// per-example gradients (see [`Moments::gradient`]).
    pub fn gradient(&self, theta: &[f64]) -> Result<Theta, ProblemError> {
        let t = self.check_theta(theta)?;
        Ok(self.moments.gradient(t))
    }

    /// The mean of the per-example gradients over all N examples.
    pub fn mean_example_gradient(&self, theta: &[f64]) -> Result<Theta, ProblemError> {
        let t = self.check_theta(theta)?;
        Ok(linear::mean_gradient(
            &self.data.xs,
            &self.data.ys,
            0..self.num_examples(),
            t,
        ))
    }

    /// (1/|B|) Σ_{i∈B} ∇Lᵢ(θ). Fails on an empty batch or an index ≥ N.
    pub fn batch_gradient(&self, theta: &[f64], indices: &[u32]) -> Result<Theta, ProblemError> {
        let t = self.check_theta(theta)?;
        if indices.is_empty() {
            return fail("the batch is empty: give at least one example index".into());
        }
        let n = self.num_examples();
        if let Some(&bad) = indices.iter().find(|&&i| i as usize >= n) {
            return fail(format!(
                "index {bad} is out of range: there are {n} examples (0 to {})",
                n - 1
            ));
        }
        let idx = indices.iter().map(|&i| i as usize);
        Ok(linear::mean_gradient(&self.data.xs, &self.data.ys, idx, t))
    }

    /// One step θ − lr·g_B(θ). Fails when lr is not finite.
    pub fn batch_update(
        &self,
        theta: &[f64],
        indices: &[u32],
        lr: f64,
    ) -> Result<Theta, ProblemError> {
        if !lr.is_finite() {
            return fail(format!("the learning rate is {lr}, but it must be finite"));
        }
        let t = self.check_theta(theta)?;
        let g = self.batch_gradient(theta, indices)?;
        Ok([t[0] - lr * g[0], t[1] - lr * g[1]])
    }
}
