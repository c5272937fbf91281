//! gradavg: why gradient descent averages per-example gradients.
//!
//! This file is the only `#[wasm_bindgen]` boundary of the math: the JS
//! `Problem` API of DESIGN.md. It converts types and turns every
//! [`problem::ProblemError`] into a JS `Error`. The page itself is driven
//! through [`canvas::App`], the one canvas adapter. Every other module is
//! pure Rust, built and tested natively.

pub mod batch_cloud;
pub mod canvas;
pub mod captions;
pub mod captions_estimator;
pub mod captions_training;
pub mod data;
pub mod estimator;
pub mod frame;
pub mod hit;
pub mod interaction;
pub mod linear;
pub mod mistaken;
pub mod model;
pub mod moments;
pub mod problem;
pub mod query;
pub mod render;
pub mod rng;
pub mod sampler;
pub mod spread;
pub mod state;
pub mod surface;
pub mod text;
pub mod train;
pub mod training;

use problem::{LinearProblem, ProblemError};
use sampler::SamplingMode;
use wasm_bindgen::prelude::*;

fn js_error(e: ProblemError) -> JsError {
    JsError::new(&e.0)
}

/// A JS number that must be a whole number from 0 to `max`.
fn whole(name: &str, v: f64, max: f64) -> Result<f64, JsError> {
    if v.is_finite() && v >= 0.0 && v <= max && v.fract() == 0.0 {
        Ok(v)
    } else {
        Err(JsError::new(&format!(
            "{name} must be a whole number from 0 to {max}, got {v}"
        )))
    }
}

/// A learning problem on fixed data: MSE linear regression so far.
#[wasm_bindgen]
pub struct Problem {
    inner: LinearProblem,
}

#[wasm_bindgen]
impl Problem {
    /// MSE linear regression on (xs[i], ys[i]), θ = [slope, intercept].
    pub fn linear(xs: &[f64], ys: &[f64]) -> Result<Problem, JsError> {
        LinearProblem::new(xs, ys)
            .map(|inner| Problem { inner })
            .map_err(js_error)
    }

    /// N, the number of examples.
    #[wasm_bindgen(js_name = numExamples)]
    pub fn num_examples(&self) -> usize {
        self.inner.num_examples()
    }

    /// P, the number of parameters.
    #[wasm_bindgen(js_name = numParams)]
    pub fn num_params(&self) -> usize {
        self.inner.num_params()
    }

    /// C(θ) = (1/N) Σ (yᵢ − θ₀xᵢ − θ₁)².
    pub fn loss(&self, theta: &[f64]) -> Result<f64, JsError> {
        self.inner.loss(theta).map_err(js_error)
    }

    /// Lᵢ(θ) for every example.
    #[wasm_bindgen(js_name = exampleLosses)]
    pub fn example_losses(&self, theta: &[f64]) -> Result<Vec<f64>, JsError> {
        self.inner.example_losses(theta).map_err(js_error)
    }

    /// The N×P per-example gradients, row-major: row i is ∇Lᵢ(θ).
    #[wasm_bindgen(js_name = exampleGradients)]
    pub fn example_gradients(&self, theta: &[f64]) -> Result<Vec<f64>, JsError> {
        self.inner.example_gradients(theta).map_err(js_error)
    }

    /// ∇C(θ), computed independently of the per-example gradients.
    pub fn gradient(&self, theta: &[f64]) -> Result<Vec<f64>, JsError> {
        self.inner
            .gradient(theta)
            .map(|g| g.to_vec())
            .map_err(js_error)
    }

    /// The mean of the per-example gradients at `indices`.
    #[wasm_bindgen(js_name = batchGradient)]
    pub fn batch_gradient(&self, theta: &[f64], indices: &[u32]) -> Result<Vec<f64>, JsError> {
        self.inner
            .batch_gradient(theta, indices)
            .map(|g| g.to_vec())
            .map_err(js_error)
    }

    /// Σ, the population covariance (divided by N) of the per-example
    /// gradients at θ, row-major P×P.
    #[wasm_bindgen(js_name = gradientCovariance)]
    pub fn gradient_covariance(&self, theta: &[f64]) -> Result<Vec<f64>, JsError> {
        let t = self.inner.check_theta(theta).map_err(js_error)?;
        Ok(estimator::gradient_covariance(&self.inner, t).concat())
    }

    /// The indices of `draws` batches of `batchSize` examples, draw after
    /// draw, in mode "with-replacement", "without-replacement" or "sequential".
    #[wasm_bindgen(js_name = batchIndices)]
    pub fn batch_indices(
        &self,
        batch_size: f64,
        draws: f64,
        mode: &str,
        seed: f64,
    ) -> Result<Vec<u32>, JsError> {
        let (b, d, m, s) = batch_args(batch_size, ("draws", draws), mode, seed)?;
        sampler::batch_indices(self.inner.num_examples(), b, d, m, s).map_err(js_error)
    }

    /// Draw d is batchGradient(θ, the indices of draw d of batchIndices with
    /// the same arguments); P numbers per draw.
    #[wasm_bindgen(js_name = sampleBatchGradients)]
    pub fn sample_batch_gradients(
        &self,
        theta: &[f64],
        batch_size: f64,
        draws: f64,
        mode: &str,
        seed: f64,
    ) -> Result<Vec<f64>, JsError> {
        let t = self.inner.check_theta(theta).map_err(js_error)?;
        let (b, d, m, s) = batch_args(batch_size, ("draws", draws), mode, seed)?;
        let grads =
            estimator::sample_batch_gradients(&self.inner, t, b, d, m, s).map_err(js_error)?;
        Ok(grads.concat())
    }

    /// θ₀ … θₖ (k ≤ steps), P numbers each: step t applies batchUpdate at
    /// the current θ with the indices of draw t − 1 of
    /// batchIndices(batchSize, steps, mode, seed). The path stops early when
    /// the next θ or cost would be non-finite or the cost would exceed 10⁸
    /// times max(C(θ₀), 1); it never holds a non-finite value.
    #[wasm_bindgen(js_name = trainPath)]
    pub fn train_path(
        &self,
        theta0: &[f64],
        lr: f64,
        steps: f64,
        batch_size: f64,
        mode: &str,
        seed: f64,
    ) -> Result<Vec<f64>, JsError> {
        let (b, k, m, s) = batch_args(batch_size, ("steps", steps), mode, seed)?;
        let t0 = self.inner.check_theta(theta0).map_err(js_error)?;
        let path = train::train_path(&self.inner, t0, train::Schedule::Constant(lr), k, b, m, s)
            .map_err(js_error)?;
        Ok(path.thetas.concat())
    }

    /// θ − lr · batchGradient(θ, indices).
    #[wasm_bindgen(js_name = batchUpdate)]
    pub fn batch_update(
        &self,
        theta: &[f64],
        indices: &[u32],
        lr: f64,
    ) -> Result<Vec<f64>, JsError> {
        self.inner
            .batch_update(theta, indices, lr)
            .map(|g| g.to_vec())
            .map_err(js_error)
    }
}

/// Runs when the module loads: a panic logs to the console and shows the
/// page's error banner instead of leaving a dead page.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        canvas::dom::show_error_banner(&info.to_string());
    }));
}

/// Checks the numbers shared by the batch methods: batch size, a count
/// (draws or steps, named as the caller names it), mode, seed.
fn batch_args(
    batch_size: f64,
    (count_name, draws): (&str, f64),
    mode: &str,
    seed: f64,
) -> Result<(usize, usize, SamplingMode, u32), JsError> {
    let b = whole("batchSize", batch_size, sampler::MAX_INDICES as f64)? as usize;
    let d = whole(count_name, draws, sampler::MAX_INDICES as f64)? as usize;
    let m = SamplingMode::parse(mode).map_err(js_error)?;
    let s = whole("seed", seed, u32::MAX as f64)? as u32;
    Ok((b, d, m, s))
}
