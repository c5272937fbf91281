//! gradavg: why gradient descent averages per-example gradients.
//!
//! This file is the only `#[wasm_bindgen]` boundary of the math: the JS
//! `Problem` API of DESIGN.md. It converts types and turns every
//! [`problem::ProblemError`] into a JS `Error`. The page itself is driven
//! through [`canvas::App`], the one canvas adapter. Every other module is
//! pure Rust, built and tested natively.

pub mod canvas;
pub mod captions;
pub mod data;
pub mod frame;
pub mod hit;
pub mod interaction;
pub mod linear;
pub mod mistaken;
pub mod moments;
pub mod one_point;
pub mod problem;
pub mod query;
pub mod render;
pub mod rng;
pub mod state;
pub mod surface;
pub mod text;

use problem::{LinearProblem, ProblemError};
use wasm_bindgen::prelude::*;

fn js_error(e: ProblemError) -> JsError {
    JsError::new(&e.0)
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
