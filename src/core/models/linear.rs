//! A line z = θ₀·x + θ₁ (θ₀ the slope, θ₁ the intercept) under a loss:
//! linear regression, or logistic regression with z the log-odds.
//!
//! The loss of example i is a function of its target and its zᵢ (MSE by
//! default, see [`Loss`]), and its gradient follows by the chain rule:
//!
//! - rᵢ(θ) = yᵢ − θ₀xᵢ − θ₁ (regression)
//! - Lᵢ(θ) = ℓ(rᵢ), for MSE rᵢ²; for logistic softplus(zᵢ) − yᵢzᵢ
//! - ∇Lᵢ(θ) = −ℓ′(rᵢ)·(xᵢ, 1), for MSE −2·rᵢ·(xᵢ, 1); for logistic (pᵢ − yᵢ)·(xᵢ, 1)
//! - C(θ) = (1/N) Σ Lᵢ(θ), ∇C(θ) = (1/N) Σ ∇Lᵢ(θ) (linearity)
//!
//! Under MSE, C and ∇C also come from five sums of the data ([`Moments`]),
//! which is how the page computes ∇C a second, independent way.
//!
//! [`LinearProblem`] is the validated problem behind the JS `Problem`: every
//! method checks its arguments and returns a [`ProblemError`] whose message
//! names the problem, so that bad input from JavaScript becomes a clear JS
//! `Error` rather than a wasm trap.

use crate::core::data::Dataset;
use crate::core::error::ProblemError;
use crate::core::models::logistic;
use crate::core::models::loss::Loss;
use crate::core::models::lowest_point::lowest_point;
use crate::core::moments::Moments;
use crate::core::objective::{self, Objective};
use crate::core::Theta;

/// A line on a fixed dataset under a loss, θ = [slope, intercept].
#[derive(Clone, Debug)]
pub struct LinearProblem {
    data: Dataset,
    moments: Moments,
    loss: Loss,
}

impl LinearProblem {
    /// The MSE problem on the examples (xs[i], ys[i]). Fails when the
    /// lengths differ, when there are no examples, or when a value is not finite.
    pub fn new(xs: &[f64], ys: &[f64]) -> Result<Self, ProblemError> {
        Self::with_loss(xs, ys, Loss::Mse)
    }

    /// The problem with loss `loss`; fails like [`LinearProblem::new`].
    pub fn with_loss(xs: &[f64], ys: &[f64], loss: Loss) -> Result<Self, ProblemError> {
        let data = objective::check_examples(xs, ys)?;
        let moments = Moments::of(xs, ys);
        Ok(Self {
            data,
            moments,
            loss,
        })
    }

    /// The loss of a residual.
    pub fn loss_kind(&self) -> Loss {
        self.loss
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
        Ok(self.mean_gradient_of(0..self.num_examples(), t))
    }

    /// (1/|B|) Σ_{i∈B} ∇Lᵢ(θ). Fails on an empty batch or an index ≥ N.
    pub fn batch_gradient(&self, theta: &[f64], indices: &[u32]) -> Result<Theta, ProblemError> {
        let t = self.check_theta(theta)?;
        objective::check_batch(self, indices)?;
        Ok(self.mean_gradient_of(indices.iter().map(|&i| i as usize), t))
    }

    /// (1/|B|) Σ_{i∈B} ∇Lᵢ(θ) over in-range `indices` (not empty).
    pub fn mean_gradient_of(&self, indices: impl Iterator<Item = usize>, theta: Theta) -> Theta {
        let (xs, ys) = (&self.data.xs, &self.data.ys);
        match self.loss {
            Loss::Mse => mean_gradient(indices, |i| example_gradient(xs[i], ys[i], theta)),
            Loss::Logistic => {
                mean_gradient(indices, |i| logistic::example_gradient(xs[i], ys[i], theta))
            }
            loss => mean_gradient(indices, |i| loss.example_gradient(xs[i], ys[i], theta)),
        }
    }

    /// θ*, the lowest point of C under this problem's loss (see
    /// [`lowest_point`]); `None` when every x is the same.
    pub fn lowest_point(&self) -> Option<Theta> {
        lowest_point(&self.data, &self.moments, self.loss)
    }

    /// ∇Lᵢ(θ) of example i under this problem's loss.
    pub fn gradient_of(&self, i: usize, theta: Theta) -> Theta {
        self.loss
            .example_gradient(self.data.xs[i], self.data.ys[i], theta)
    }

    /// Lᵢ(θ) of example i under this problem's loss.
    pub fn loss_of(&self, i: usize, theta: Theta) -> f64 {
        self.loss
            .example_loss(self.data.xs[i], self.data.ys[i], theta)
    }

    /// C(θ) for a θ already checked (see [`Objective::cost`]).
    pub fn cost_at(&self, theta: Theta) -> f64 {
        Objective::cost(self, &theta)
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
        match self.loss {
            Loss::Logistic => "(w, b)".into(),
            _ => "(slope, intercept)".into(),
        }
    }

    fn example_loss(&self, i: usize, theta: &[f64]) -> f64 {
        self.loss_of(i, [theta[0], theta[1]])
    }

    fn example_gradient(&self, i: usize, theta: &[f64], out: &mut [f64]) {
        out.copy_from_slice(&self.gradient_of(i, [theta[0], theta[1]]));
    }

    /// C(θ). Under MSE in O(1) from the moments where that is accurate (C
    /// at least a thousandth of the terms it is computed from, so its
    /// relative error stays near 1e-13); otherwise one pass over the examples.
    fn cost(&self, theta: &[f64]) -> f64 {
        let t = [theta[0], theta[1]];
        if self.loss == Loss::Mse {
            let c = self.moments.cost(t);
            if c >= 1e-3 * self.moments.cost_scale(t) {
                return c;
            }
        }
        // One loop per loss, summing as it goes (no vector of losses): the
        // same additions in the same order as summing `losses`.
        let each = self.data.xs.iter().zip(&self.data.ys);
        let sum: f64 = match self.loss {
            Loss::Mse => each.map(|(&x, &y)| example_loss(x, y, t)).sum(),
            Loss::Logistic => each.map(|(&x, &y)| logistic::example_loss(x, y, t)).sum(),
            loss => each.map(|(&x, &y)| loss.example_loss(x, y, t)).sum(),
        };
        sum / self.data.len() as f64
    }

    /// In O(1) from the moments, with Q = (1/N) Σ rᵢ² (MSE's C, whatever its
    /// relative error near the minimum): under MSE Q itself; under MAE √Q,
    /// since mean |rᵢ| ≤ √(mean rᵢ²) ≤ √N · mean |rᵢ|; under Huber min(Q, 2δ√Q),
    /// since ℓ(r) ≤ r² and ℓ(r) ≤ 2δ|r|. Under logistic ln 2 + |θ₀|·√(mean x²)
    /// + |θ₁|, since softplus(z) − yz ≤ ln 2 + |z| and mean |xᵢ| ≤ √(mean xᵢ²).
    fn rough_cost(&self, theta: &[f64]) -> f64 {
        let m = &self.moments;
        let q = m.cost([theta[0], theta[1]]).max(0.0);
        match self.loss {
            Loss::Mse => q,
            Loss::Mae => q.sqrt(),
            Loss::Huber { delta } => q.min(2.0 * delta * q.sqrt()),
            Loss::Logistic => {
                let rms_x = (m.var_x + m.mean_x * m.mean_x).sqrt();
                std::f64::consts::LN_2 + theta[0].abs() * rms_x + theta[1].abs()
            }
        }
    }

    // The kernels below are one loop per loss (the match is outside it),
    // with no call per example.

    fn losses_into(&self, theta: &[f64], out: &mut [f64]) {
        let t = [theta[0], theta[1]];
        let each = out.iter_mut().zip(&self.data.xs).zip(&self.data.ys);
        match self.loss {
            Loss::Mse => each.for_each(|((l, &x), &y)| *l = example_loss(x, y, t)),
            Loss::Logistic => each.for_each(|((l, &x), &y)| *l = logistic::example_loss(x, y, t)),
            loss => each.for_each(|((l, &x), &y)| *l = loss.example_loss(x, y, t)),
        }
    }

    fn gradients_into(&self, theta: &[f64], out: &mut [f64]) {
        let t = [theta[0], theta[1]];
        let each = out
            .chunks_exact_mut(2)
            .zip(&self.data.xs)
            .zip(&self.data.ys);
        match self.loss {
            Loss::Mse => {
                each.for_each(|((g, &x), &y)| g.copy_from_slice(&example_gradient(x, y, t)))
            }
            Loss::Logistic => each
                .for_each(|((g, &x), &y)| g.copy_from_slice(&logistic::example_gradient(x, y, t))),
            loss => {
                each.for_each(|((g, &x), &y)| g.copy_from_slice(&loss.example_gradient(x, y, t)))
            }
        }
    }

    fn batch_mean_gradient(&self, theta: &[f64], indices: &[u32]) -> Vec<f64> {
        let t = [theta[0], theta[1]];
        self.mean_gradient_of(indices.iter().map(|&i| i as usize), t)
            .to_vec()
    }

    /// ∇C: under MSE from the sufficient statistics, independently of the
    /// per-example gradients; under the other losses their mean.
    fn cost_gradient(&self, theta: &[f64]) -> Vec<f64> {
        let t = [theta[0], theta[1]];
        match self.loss {
            Loss::Mse => self.moments.gradient(t).to_vec(),
            _ => self.mean_gradient_of(0..self.data.len(), t).to_vec(),
        }
    }

    /// ∇L(x̄, ȳ; θ) = ∂L/∂z(ȳ, θ₀x̄ + θ₁)·(x̄, 1): the loss of the averaged
    /// example, differentiated once; for regression −ℓ′(m)·(x̄, 1) with
    /// m = ȳ − θ₀x̄ − θ₁. Under MSE its intercept part, −2m, always equals
    /// ∂C/∂θ₁; its slope part misses ∂C/∂θ₀ by −2(cov(x, y) − θ₀·var(x)),
    /// which vanishes only at the least-squares slope. Under logistic it is
    /// (σ(θ₀x̄ + θ₁) − ȳ)·(x̄, 1): σ is not linear, so mean σ(zᵢ) ≠ σ(mean zᵢ)
    /// and neither part is ∇C in general.
    fn shortcut_gradient(&self, theta: &[f64]) -> Vec<f64> {
        let m = &self.moments;
        let s = match self.loss {
            Loss::Logistic => self.loss.dz(m.mean_y, theta[0] * m.mean_x + theta[1]),
            loss => -loss.slope(m.mean_residual([theta[0], theta[1]])),
        };
        vec![s * m.mean_x, s]
    }
}

/// The residual rᵢ = yᵢ − (θ₀xᵢ + θ₁): how far the example lies above the line.
#[inline(always)]
pub fn residual(x: f64, y: f64, theta: Theta) -> f64 {
    y - (theta[0] * x + theta[1])
}

/// The MSE per-example loss Lᵢ(θ) = rᵢ².
#[inline(always)]
pub fn example_loss(x: f64, y: f64, theta: Theta) -> f64 {
    let r = residual(x, y, theta);
    r * r
}

/// The MSE per-example gradient ∇Lᵢ(θ) = −2·rᵢ·(xᵢ, 1).
///
/// Its direction is always ±(xᵢ, 1), whatever θ is: only its length and sign
/// change as θ moves.
#[inline(always)]
pub fn example_gradient(x: f64, y: f64, theta: Theta) -> Theta {
    let r = residual(x, y, theta);
    [-2.0 * r * x, -2.0 * r]
}

/// The mean (1/|B|) Σ_{i∈B} gᵢ of `gradient_of(i)` over `indices`. The
/// caller checks that `indices` is not empty and in range.
#[inline(always)]
pub fn mean_gradient(
    indices: impl Iterator<Item = usize>,
    gradient_of: impl Fn(usize) -> Theta,
) -> Theta {
    let mut sum = [0.0, 0.0];
    let mut count = 0usize;
    for i in indices {
        let g = gradient_of(i);
        sum[0] += g[0];
        sum[1] += g[1];
        count += 1;
    }
    let n = count as f64;
    [sum[0] / n, sum[1] / n]
}
