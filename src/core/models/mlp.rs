//! A tiny neural network (claim T11): 1 input, H hidden units (tanh, or
//! linear for comparison), a linear output, squared error.
//! θ = [w₁ (H), b₁ (H), w₂ (H), b₂], P = 3H + 1.
//!
//! Forward: zⱼ = w₁ⱼx + b₁ⱼ, hⱼ = σ(zⱼ), ŷ = Σⱼ w₂ⱼhⱼ + b₂, L = (ŷ − y)².
//! Backward, with e = ŷ − y and σ′ written from hⱼ (tanh′ = 1 − hⱼ²; 1 for
//! linear units): ∂L/∂b₂ = 2e, ∂L/∂w₂ⱼ = 2e·hⱼ, ∂L/∂b₁ⱼ = 2e·w₂ⱼ·σ′,
//! ∂L/∂w₁ⱼ = 2e·w₂ⱼ·σ′·x.

use crate::core::data::Dataset;
use crate::core::error::ProblemError;
use crate::core::objective::{check_examples, Objective};
use crate::core::tanh;

/// The widest hidden layer the API accepts.
pub const MAX_HIDDEN: usize = 64;

/// What the hidden units compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    /// hⱼ = tanh zⱼ, the page's network.
    Tanh,
    /// hⱼ = zⱼ: no nonlinearity, to show what the nonlinearity breaks.
    Linear,
}

impl Activation {
    /// σ′ written from the activation h = σ(z): 1 − h² for tanh, 1 for linear.
    fn slope_from(self, h: f64) -> f64 {
        match self {
            Self::Tanh => 1.0 - h * h,
            Self::Linear => 1.0,
        }
    }
}

/// The network's loss on fixed examples.
pub struct MlpProblem {
    data: Dataset,
    hidden: usize,
    activation: Activation,
}

/// Views of θ: (w₁, b₁, w₂, b₂).
fn split(theta: &[f64], h: usize) -> (&[f64], &[f64], &[f64], f64) {
    (
        &theta[..h],
        &theta[h..2 * h],
        &theta[2 * h..3 * h],
        theta[3 * h],
    )
}

impl MlpProblem {
    /// A 1 → `hidden` → 1 tanh network on (xs[i], ys[i]).
    pub fn new(xs: &[f64], ys: &[f64], hidden: usize) -> Result<Self, ProblemError> {
        Self::with_activation(xs, ys, hidden, Activation::Tanh)
    }

    /// A 1 → `hidden` → 1 network with the given hidden units.
    pub fn with_activation(
        xs: &[f64],
        ys: &[f64],
        hidden: usize,
        activation: Activation,
    ) -> Result<Self, ProblemError> {
        if hidden == 0 || hidden > MAX_HIDDEN {
            return Err(ProblemError(format!(
                "hidden must be a whole number from 1 to {MAX_HIDDEN}, got {hidden}"
            )));
        }
        Ok(Self {
            data: check_examples(xs, ys)?,
            hidden,
            activation,
        })
    }

    /// H.
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// The hidden activations hⱼ = σ(w₁ⱼx + b₁ⱼ) into `h`, and ŷ. The
    /// layer's zⱼ are formed first and go through tanh together, two at a
    /// time where the build has SIMD ([`tanh::tanh_in_place`]).
    fn forward(&self, x: f64, theta: &[f64], h: &mut [f64]) -> f64 {
        let (w1, b1, w2, b2) = split(theta, self.hidden);
        let h = &mut h[..self.hidden];
        for ((hj, w), b) in h.iter_mut().zip(w1).zip(b1) {
            *hj = w * x + b;
        }
        if self.activation == Activation::Tanh {
            tanh::tanh_in_place(h);
        }
        let mut y = b2;
        for (w, hj) in w2.iter().zip(h.iter()) {
            y += w * hj;
        }
        y
    }

    /// Back-propagates an output error e through activations h at input x:
    /// the gradient of the squared error, written into `out`.
    fn backward(&self, x: f64, e: f64, theta: &[f64], h: &[f64], out: &mut [f64]) {
        let hn = self.hidden;
        let w2 = &theta[2 * hn..3 * hn];
        for j in 0..hn {
            let dz = 2.0 * e * w2[j] * self.activation.slope_from(h[j]);
            out[j] = dz * x;
            out[hn + j] = dz;
            out[2 * hn + j] = 2.0 * e * h[j];
        }
        out[3 * hn] = 2.0 * e;
    }
}

impl MlpProblem {
    /// ∇C by averaging the losses first and back-propagating once, as a
    /// training loop's `loss.mean().backward()` does: one reverse pass over
    /// C = (1/N) Σᵢ (ŷᵢ − yᵢ)², whose output seeds are ∂C/∂ŷᵢ = 2eᵢ/N and whose
    /// parameter gradients accumulate across the examples. This is exact:
    /// the mean is taken after the last nonlinearity, of the losses.
    pub fn mean_loss_backward(&self, theta: &[f64]) -> Vec<f64> {
        let (hn, n) = (self.hidden, self.data.len() as f64);
        let w2 = &theta[2 * hn..3 * hn];
        let mut out = vec![0.0; 3 * hn + 1];
        let mut h = vec![0.0; hn];
        for (&x, &y) in self.data.xs.iter().zip(&self.data.ys) {
            let seed = 2.0 * (self.forward(x, theta, &mut h) - y) / n;
            self.add_backward(x, seed, w2, &h, &mut out);
        }
        out
    }

    /// Adds one reverse pass from output seed ∂/∂ŷ = `seed` at input x
    /// through activations h to `out`: b₂ += seed, w₂ⱼ += seed·hⱼ,
    /// b₁ⱼ += seed·w₂ⱼ·σ′ⱼ, w₁ⱼ += seed·w₂ⱼ·σ′ⱼ·x.
    fn add_backward(&self, x: f64, seed: f64, w2: &[f64], h: &[f64], out: &mut [f64]) {
        let hn = self.hidden;
        for j in 0..hn {
            let dz = seed * w2[j] * self.activation.slope_from(h[j]);
            out[j] += dz * x;
            out[hn + j] += dz;
            out[2 * hn + j] += seed * h[j];
        }
        out[3 * hn] += seed;
    }
}

impl Objective for MlpProblem {
    fn num_examples(&self) -> usize {
        self.data.len()
    }

    fn num_params(&self) -> usize {
        3 * self.hidden + 1
    }

    fn param_names(&self) -> String {
        format!("(w1 ×{h}, b1 ×{h}, w2 ×{h}, b2)", h = self.hidden)
    }

    fn example_loss(&self, i: usize, theta: &[f64]) -> f64 {
        let mut h = [0.0; MAX_HIDDEN];
        let e = self.forward(self.data.xs[i], theta, &mut h) - self.data.ys[i];
        e * e
    }

    fn example_gradient(&self, i: usize, theta: &[f64], out: &mut [f64]) {
        let mut h = [0.0; MAX_HIDDEN];
        let e = self.forward(self.data.xs[i], theta, &mut h) - self.data.ys[i];
        self.backward(self.data.xs[i], e, theta, &h, out);
    }

    // The kernels below reuse one activation buffer for every example; the
    // Objective defaults would zero a fresh one per example through
    // example_loss/example_gradient, which measurably slows H = 8 (bench).

    fn cost(&self, theta: &[f64]) -> f64 {
        let mut h = [0.0; MAX_HIDDEN];
        let sum: f64 = self
            .data
            .xs
            .iter()
            .zip(&self.data.ys)
            .map(|(&x, &y)| {
                let e = self.forward(x, theta, &mut h) - y;
                e * e
            })
            .sum();
        sum / self.data.len() as f64
    }

    fn losses_into(&self, theta: &[f64], out: &mut [f64]) {
        let mut h = [0.0; MAX_HIDDEN];
        for ((l, &x), &y) in out.iter_mut().zip(&self.data.xs).zip(&self.data.ys) {
            let e = self.forward(x, theta, &mut h) - y;
            *l = e * e;
        }
    }

    fn gradients_into(&self, theta: &[f64], out: &mut [f64]) {
        let mut h = [0.0; MAX_HIDDEN];
        for ((row, &x), &y) in out
            .chunks_exact_mut(self.num_params())
            .zip(&self.data.xs)
            .zip(&self.data.ys)
        {
            let e = self.forward(x, theta, &mut h) - y;
            self.backward(x, e, theta, &h, row);
        }
    }

    /// The mean of the per-example gradients, accumulated in one pass:
    /// each example's entries are [`Self::backward`]'s (seed 2e), added as
    /// they are formed, with no row in between.
    fn cost_gradient(&self, theta: &[f64]) -> Vec<f64> {
        let (hn, mut h) = (self.hidden, [0.0; MAX_HIDDEN]);
        let w2 = &theta[2 * hn..3 * hn];
        let mut sum = vec![0.0; self.num_params()];
        for (&x, &y) in self.data.xs.iter().zip(&self.data.ys) {
            let e = self.forward(x, theta, &mut h) - y;
            self.add_backward(x, 2.0 * e, w2, &h, &mut sum);
        }
        let n = self.data.len() as f64;
        sum.iter().map(|s| s / n).collect()
    }

    /// Average first: the mean output error ē = mean(ŷᵢ − yᵢ), back-propagated
    /// once as if it were one example's, through the mean hidden activations
    /// h̄ⱼ and the mean input x̄:
    ///
    ///   b₂: 2ē,  w₂ⱼ: 2ē·h̄ⱼ,  b₁ⱼ: 2ē·w₂ⱼ·σ′(h̄ⱼ),  w₁ⱼ: 2ē·w₂ⱼ·σ′(h̄ⱼ)·x̄,
    ///
    /// with σ′(h̄ⱼ) = 1 − h̄ⱼ² for tanh (which is not tanh′ at any example).
    /// The true entries are means of per-example products, 2eᵢ·hᵢⱼ,
    /// 2eᵢ·w₂ⱼ·σ′ᵢⱼ, 2eᵢ·w₂ⱼ·σ′ᵢⱼ·xᵢ, and the mean of a product is not the
    /// product of the means. Only b₂ is always exact; with linear hidden
    /// units (σ′ = 1) b₁ is exact too.
    fn shortcut_gradient(&self, theta: &[f64]) -> Vec<f64> {
        let (n, hn) = (self.data.len() as f64, self.hidden);
        let (mut h, mut h_mean, mut e_mean, mut x_mean) = (vec![0.0; hn], vec![0.0; hn], 0.0, 0.0);
        for (&x, &y) in self.data.xs.iter().zip(&self.data.ys) {
            e_mean += (self.forward(x, theta, &mut h) - y) / n;
            x_mean += x / n;
            for (m, v) in h_mean.iter_mut().zip(&h) {
                *m += v / n;
            }
        }
        let mut out = vec![0.0; 3 * hn + 1];
        self.backward(x_mean, e_mean, theta, &h_mean, &mut out);
        out
    }
}
