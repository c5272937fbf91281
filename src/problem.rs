//! A validated MSE linear-regression problem: the core of the JS `Problem`.
//!
//! Every method checks its arguments and returns a [`ProblemError`] whose
//! message names the problem, so that bad input from JavaScript becomes a
//! clear JS `Error` rather than a wasm trap.

use crate::data::Dataset;
use crate::linear::{self, Theta};
use crate::moments::Moments;
use crate::objective::{self, Objective};
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
        let data = objective::check_examples(xs, ys)?;
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
        objective::check_theta(self, theta)?;
        Ok([theta[0], theta[1]])
    }

    /// C(θ) = (1/N) Σᵢ (yᵢ − θ₀xᵢ − θ₁)², summed example by example.
    pub fn loss(&self, theta: &[f64]) -> Result<f64, ProblemError> {
        objective::loss(self, theta)
    }

    /// Lᵢ(θ) for every example, in order.
    pub fn example_losses(&self, theta: &[f64]) -> Result<Vec<f64>, ProblemError> {
        objective::example_losses(self, theta)
    }

    /// The N×P matrix of per-example gradients, row-major: row i is ∇Lᵢ(θ).
    pub fn example_gradients(&self, theta: &[f64]) -> Result<Vec<f64>, ProblemError> {
        objective::example_gradients(self, theta)
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
        objective::check_batch(self, indices)?;
        Ok(linear::mean_gradient(
            &self.data.xs,
            &self.data.ys,
            indices.iter().map(|&i| i as usize),
            t,
        ))
    }

    /// One step θ − lr·g_B(θ). Fails when lr is not finite.
    pub fn batch_update(
        &self,
        theta: &[f64],
        indices: &[u32],
        lr: f64,
    ) -> Result<Theta, ProblemError> {
        let next = objective::batch_update(self, theta, indices, lr)?;
        Ok([next[0], next[1]])
    }
}

impl Objective for LinearProblem {
    fn num_examples(&self) -> usize {
        self.data.len()
    }

    fn num_params(&self) -> usize {
        2
    }

    fn param_names(&self) -> String {
        "(slope, intercept)".into()
    }

    fn example_loss(&self, i: usize, theta: &[f64]) -> f64 {
        linear::example_loss(self.data.xs[i], self.data.ys[i], [theta[0], theta[1]])
    }

    fn example_gradient(&self, i: usize, theta: &[f64], out: &mut [f64]) {
        out.copy_from_slice(&linear::example_gradient(
            self.data.xs[i],
            self.data.ys[i],
            [theta[0], theta[1]],
        ));
    }

    /// ∇C from the sufficient statistics, independently of the per-example gradients.
    fn cost_gradient(&self, theta: &[f64]) -> Vec<f64> {
        self.moments.gradient([theta[0], theta[1]]).to_vec()
    }

    /// ∇L(x̄, ȳ; θ) = −2(ȳ − θ₀x̄ − θ₁)·(x̄, 1): the loss of the averaged
    /// example, differentiated once. Its intercept part, −2m, always equals
    /// ∂C/∂θ₁; its slope part misses ∂C/∂θ₀ by −2(cov(x, y) − θ₀·var(x)),
    /// which vanishes only at the least-squares slope.
    fn shortcut_gradient(&self, theta: &[f64]) -> Vec<f64> {
        let m = self.moments.mean_residual([theta[0], theta[1]]);
        vec![-2.0 * m * self.moments.mean_x, -2.0 * m]
    }
}
