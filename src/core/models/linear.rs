//! MSE linear regression: f(x) = θ₀·x + θ₁ (θ₀ the slope, θ₁ the intercept).
//!
//! The loss of example i is the squared residual, its gradient follows by
//! the chain rule:
//!
//! - rᵢ(θ) = yᵢ − θ₀xᵢ − θ₁
//! - Lᵢ(θ) = rᵢ²
//! - ∇Lᵢ(θ) = −2·rᵢ·(xᵢ, 1)
//! - C(θ) = (1/N) Σ Lᵢ(θ), ∇C(θ) = (1/N) Σ ∇Lᵢ(θ) (linearity)
//!
//! [`LinearProblem`] is the validated problem behind the JS `Problem`: every
//! method checks its arguments and returns a [`ProblemError`] whose message
//! names the problem, so that bad input from JavaScript becomes a clear JS
//! `Error` rather than a wasm trap.

use crate::core::data::Dataset;
use crate::core::error::ProblemError;
use crate::core::moments::Moments;
use crate::core::objective::{self, Objective};
use crate::core::Theta;

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
        Ok(mean_gradient(
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
        Ok(mean_gradient(
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
        example_loss(self.data.xs[i], self.data.ys[i], [theta[0], theta[1]])
    }

    fn example_gradient(&self, i: usize, theta: &[f64], out: &mut [f64]) {
        out.copy_from_slice(&example_gradient(
            self.data.xs[i],
            self.data.ys[i],
            [theta[0], theta[1]],
        ));
    }

    /// C(θ) in O(1) from the moments where that is accurate (C at least a
    /// thousandth of the terms it is computed from, so its relative error
    /// stays near 1e-13); near a perfect fit, one pass over the examples.
    fn cost(&self, theta: &[f64]) -> f64 {
        let t = [theta[0], theta[1]];
        let c = self.moments.cost(t);
        if c >= 1e-3 * self.moments.cost_scale(t) {
            return c;
        }
        let (xs, ys) = (&self.data.xs, &self.data.ys);
        let sum: f64 = xs
            .iter()
            .zip(ys)
            .map(|(&x, &y)| example_loss(x, y, t))
            .sum();
        sum / xs.len() as f64
    }

    // The kernels below write each result once into a vector collected
    // from an exact-size iterator: no zeroing pass, no call per example.

    fn losses(&self, theta: &[f64]) -> Vec<f64> {
        let t = [theta[0], theta[1]];
        let (xs, ys) = (&self.data.xs, &self.data.ys);
        xs.iter()
            .zip(ys)
            .map(|(&x, &y)| example_loss(x, y, t))
            .collect()
    }

    fn gradients(&self, theta: &[f64]) -> Vec<f64> {
        let t = [theta[0], theta[1]];
        let (xs, ys) = (&self.data.xs, &self.data.ys);
        let mut out = Vec::with_capacity(2 * xs.len());
        out.extend(
            xs.iter()
                .zip(ys)
                .flat_map(|(&x, &y)| example_gradient(x, y, t)),
        );
        out
    }

    fn batch_mean_gradient(&self, theta: &[f64], indices: &[u32]) -> Vec<f64> {
        let t = [theta[0], theta[1]];
        mean_gradient(
            &self.data.xs,
            &self.data.ys,
            indices.iter().map(|&i| i as usize),
            t,
        )
        .to_vec()
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

/// The residual rᵢ = yᵢ − (θ₀xᵢ + θ₁): how far the example lies above the line.
#[inline(always)]
pub fn residual(x: f64, y: f64, theta: Theta) -> f64 {
    y - (theta[0] * x + theta[1])
}

/// The per-example loss Lᵢ(θ) = rᵢ².
#[inline(always)]
pub fn example_loss(x: f64, y: f64, theta: Theta) -> f64 {
    let r = residual(x, y, theta);
    r * r
}

/// The per-example gradient ∇Lᵢ(θ) = −2·rᵢ·(xᵢ, 1).
///
/// Its direction is always ±(xᵢ, 1), whatever θ is: only its length and sign
/// change as θ moves.
#[inline(always)]
pub fn example_gradient(x: f64, y: f64, theta: Theta) -> Theta {
    let r = residual(x, y, theta);
    [-2.0 * r * x, -2.0 * r]
}

/// The mean of the per-example gradients over `indices`,
/// (1/|B|) Σ_{i∈B} ∇Lᵢ(θ). The caller checks that `indices` is not empty
/// and in range.
pub fn mean_gradient(
    xs: &[f64],
    ys: &[f64],
    indices: impl Iterator<Item = usize>,
    theta: Theta,
) -> Theta {
    let mut sum = [0.0, 0.0];
    let mut count = 0usize;
    for i in indices {
        let g = example_gradient(xs[i], ys[i], theta);
        sum[0] += g[0];
        sum[1] += g[1];
        count += 1;
    }
    let n = count as f64;
    [sum[0] / n, sum[1] / n]
}
