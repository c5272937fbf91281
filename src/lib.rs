//! gradavg: why gradient descent averages per-example gradients.
//!
//! This file is the only `#[wasm_bindgen]` boundary of the math: the JS
//! `Problem` API of DESIGN.md (linear regression, a linear cost, a tiny
//! network). It converts types and turns every [`core::error::ProblemError`]
//! into a JS `Error`. The page itself is driven
//! through [`canvas::App`], the one canvas adapter. Every other module is
//! pure Rust, built and tested natively.

#[cfg(feature = "web")]
pub mod canvas;
pub mod core;
pub mod page;
pub mod render;
pub mod scenes;

#[cfg(feature = "api")]
pub use bindings::Problem;

/// The JS `Problem` API (behind the `api` feature).
#[cfg(feature = "api")]
mod bindings {
    use crate::core::error::ProblemError;
    use crate::core::grid_job;
    use crate::core::models::linear::LinearProblem;
    use crate::core::models::linear_cost::LinearCostProblem;
    use crate::core::models::logistic;
    use crate::core::models::loss::Loss;
    use crate::core::models::mlp::{self, MlpProblem};
    use crate::core::objective::{self, Objective};
    use crate::core::sampler::{self, SamplingMode};
    use crate::core::{estimator, train};
    use js_sys::Float64Array;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

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

    /// The models a `Problem` can hold.
    enum Kind {
        /// A line under a loss: linear regression, or logistic regression.
        Linear(LinearProblem),
        LinearCost(LinearCostProblem),
        Mlp(MlpProblem),
    }

    /// A learning problem on fixed data: linear regression (MSE, MAE or
    /// Huber), logistic regression, a cost linear in the errors, or a tiny
    /// tanh network. Every method checks its arguments and throws a JS Error
    /// that names the problem.
    #[wasm_bindgen]
    pub struct Problem {
        kind: Kind,
        /// Where the per-example kernels write before the copy into JS.
        scratch: RefCell<Vec<f64>>,
    }

    impl Problem {
        fn new(kind: Kind) -> Problem {
            Problem {
                kind,
                scratch: RefCell::new(Vec::new()),
            }
        }

        /// Runs `kernel` on `len` numbers of wasm memory kept from call to
        /// call (no fresh pages to touch), then copies them out: into `out`
        /// in one `set`, or into a new Float64Array made as a copy of them
        /// (which, unlike a new zeroed array filled after, writes its
        /// fresh pages once).
        fn through_scratch(
            &self,
            out: Option<Float64Array>,
            len: usize,
            kernel: impl FnOnce(&mut [f64]),
        ) -> Float64Array {
            let mut scratch = self.scratch.borrow_mut();
            scratch.resize(len, 0.0);
            kernel(&mut scratch);
            match out {
                Some(out) => {
                    out.copy_from(&scratch);
                    out
                }
                None => Float64Array::from(&scratch[..]),
            }
        }

        fn objective(&self) -> &dyn Objective {
            match &self.kind {
                Kind::Linear(p) => p,
                Kind::LinearCost(p) => p,
                Kind::Mlp(p) => p,
            }
        }
    }

    /// The loss of `Problem.linear`'s options: `undefined`, `null` or an
    /// object with `loss` (a string) and `delta` (a number), both optional.
    fn loss_options(options: &JsValue) -> Result<Loss, JsError> {
        if options.is_undefined() || options.is_null() {
            return Ok(Loss::Mse);
        }
        if !options.is_object() {
            return Err(JsError::new(&format!(
                "options must be an object like {{ loss: \"huber\", delta: 1 }}, got {}",
                describe(options)
            )));
        }
        for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if key != "loss" && key != "delta" {
                return Err(JsError::new(&format!(
                    "unknown option \"{key}\": the options are loss and delta"
                )));
            }
        }
        let get = |key: &str| js_sys::Reflect::get(options, &key.into()).unwrap_or_default();
        let (loss, delta) = (get("loss"), get("delta"));
        let name = match loss.as_string() {
            Some(name) => Some(name),
            None if loss.is_undefined() => None,
            None => {
                return Err(JsError::new(&format!(
                    "options.loss must be a string (\"mse\", \"mae\" or \"huber\"), got {}",
                    describe(&loss)
                )))
            }
        };
        let delta = match delta.as_f64() {
            Some(d) => Some(d),
            None if delta.is_undefined() => None,
            None => {
                return Err(JsError::new(&format!(
                    "options.delta must be a number, got {}",
                    describe(&delta)
                )))
            }
        };
        Loss::from_options(name.as_deref(), delta).map_err(js_error)
    }

    /// `out` as the array a kernel returns its `len` numbers in: `None`
    /// (a new array) when `out` is `undefined` or `null`, else `out`
    /// itself, which must be a Float64Array of exactly `len` entries
    /// (`size` says how many in words, for the error).
    fn output_array(out: JsValue, len: usize, size: &str) -> Result<Option<Float64Array>, JsError> {
        if out.is_undefined() || out.is_null() {
            return Ok(None);
        }
        let array = out.dyn_into::<Float64Array>().map_err(|out| {
            JsError::new(&format!(
                "out must be a Float64Array of {size} = {len} entries, got {}",
                describe(&out)
            ))
        })?;
        if array.length() as usize != len {
            return Err(JsError::new(&format!(
                "out must have {size} = {len} entries, got {}",
                array.length()
            )));
        }
        Ok(Some(array))
    }

    /// A JS value as an error message shows it: a string or number with
    /// its value, anything else by its type.
    fn describe(v: &JsValue) -> String {
        if let Some(s) = v.as_string() {
            format!("the string \"{s}\"")
        } else if let Some(n) = v.as_f64() {
            format!("the number {n}")
        } else if js_sys::Array::is_array(v) {
            "an array".into()
        } else if let Some(object) = v.dyn_ref::<js_sys::Object>() {
            let name = String::from(object.constructor().name());
            let article = if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {name}")
        } else {
            v.js_typeof().as_string().unwrap_or_default()
        }
    }

    #[wasm_bindgen]
    impl Problem {
        /// Linear regression on (xs[i], ys[i]), θ = [slope, intercept], with
        /// options `{ loss: "mse" | "mae" | "huber", delta }` (MSE by default;
        /// δ = 1 by default for Huber).
        pub fn linear(xs: &[f64], ys: &[f64], options: JsValue) -> Result<Problem, JsError> {
            let loss = loss_options(&options)?;
            let p = LinearProblem::with_loss(xs, ys, loss).map_err(js_error)?;
            Ok(Problem::new(Kind::Linear(p)))
        }

        /// Logistic regression on (xs[i], labels[i]), labels 0 or 1, θ = [w, b]:
        /// Lᵢ = softplus(zᵢ) − yᵢzᵢ with zᵢ = w·xᵢ + b.
        pub fn logistic(xs: &[f64], labels: &[f64]) -> Result<Problem, JsError> {
            let p = logistic::problem(xs, labels).map_err(js_error)?;
            Ok(Problem::new(Kind::Linear(p)))
        }

        /// J = mean(yᵢ − θ₀xᵢ − θ₁), a cost linear in the errors, θ = [slope, intercept].
        #[wasm_bindgen(js_name = linearCost)]
        pub fn linear_cost(xs: &[f64], ys: &[f64]) -> Result<Problem, JsError> {
            let p = LinearCostProblem::new(xs, ys).map_err(js_error)?;
            Ok(Problem::new(Kind::LinearCost(p)))
        }

        /// A 1 → hidden → 1 tanh network with a linear output and squared
        /// error; θ = [w1 (hidden), b1 (hidden), w2 (hidden), b2].
        pub fn mlp(xs: &[f64], ys: &[f64], hidden: f64) -> Result<Problem, JsError> {
            let h = whole("hidden", hidden, mlp::MAX_HIDDEN as f64)? as usize;
            let p = MlpProblem::new(xs, ys, h).map_err(js_error)?;
            Ok(Problem::new(Kind::Mlp(p)))
        }

        /// N, the number of examples.
        #[wasm_bindgen(js_name = numExamples)]
        pub fn num_examples(&self) -> usize {
            self.objective().num_examples()
        }

        /// P, the number of parameters.
        #[wasm_bindgen(js_name = numParams)]
        pub fn num_params(&self) -> usize {
            self.objective().num_params()
        }

        /// C(θ) = (1/N) Σ Lᵢ(θ).
        pub fn loss(&self, theta: &[f64]) -> Result<f64, JsError> {
            objective::loss(self.objective(), theta).map_err(js_error)
        }

        /// Lᵢ(θ) for every example, into `out` when it is a Float64Array
        /// of N entries (reused from call to call, it saves allocating and
        /// touching N fresh numbers), else into a new one.
        #[wasm_bindgen(js_name = exampleLosses)]
        pub fn example_losses(&self, theta: &[f64], out: JsValue) -> Result<Float64Array, JsError> {
            let o = self.objective();
            objective::check_theta(o, theta).map_err(js_error)?;
            let n = o.num_examples();
            let out = output_array(out, n, "N")?;
            Ok(self.through_scratch(out, n, |scratch| o.losses_into(theta, scratch)))
        }

        /// The N×P per-example gradients, row-major: row i is ∇Lᵢ(θ); into
        /// `out` when it is a Float64Array of N·P entries, else into a new one.
        #[wasm_bindgen(js_name = exampleGradients)]
        pub fn example_gradients(
            &self,
            theta: &[f64],
            out: JsValue,
        ) -> Result<Float64Array, JsError> {
            let o = self.objective();
            objective::check_theta(o, theta).map_err(js_error)?;
            let len = o.num_examples() * o.num_params();
            let out = output_array(out, len, "N·P")?;
            Ok(self.through_scratch(out, len, |scratch| o.gradients_into(theta, scratch)))
        }

        /// ∇C(θ); for linear regression, computed independently of the
        /// per-example gradients (from sufficient statistics).
        pub fn gradient(&self, theta: &[f64]) -> Result<Vec<f64>, JsError> {
            objective::gradient(self.objective(), theta).map_err(js_error)
        }

        /// C(θ) over a grid of θ, for a heatmap or contours of your own:
        /// the nx × ny cell centres of θ₀ ∈ x = [x₀, x₁], θ₁ ∈ y = [y₀, y₁],
        /// entry j·nx + i at (x₀ + (i + ½)·Δx, y₀ + (j + ½)·Δy) with
        /// Δx = (x₁ − x₀)/nx and Δy = (y₁ − y₀)/ny, rows from θ₁ = y₀ up.
        /// Two-parameter problems only.
        #[wasm_bindgen(js_name = costGrid)]
        pub fn cost_grid(
            &self,
            x: &[f64],
            y: &[f64],
            nx: f64,
            ny: f64,
        ) -> Result<Vec<f64>, JsError> {
            grid_job::cost_grid(self.objective(), x, y, nx, ny).map_err(js_error)
        }

        /// The mean of the per-example gradients at `indices`.
        #[wasm_bindgen(js_name = batchGradient)]
        pub fn batch_gradient(&self, theta: &[f64], indices: &[u32]) -> Result<Vec<f64>, JsError> {
            objective::batch_gradient(self.objective(), theta, indices).map_err(js_error)
        }

        /// θ − lr · batchGradient(θ, indices).
        #[wasm_bindgen(js_name = batchUpdate)]
        pub fn batch_update(
            &self,
            theta: &[f64],
            indices: &[u32],
            lr: f64,
        ) -> Result<Vec<f64>, JsError> {
            objective::batch_update(self.objective(), theta, indices, lr).map_err(js_error)
        }

        /// The average-first shortcut. Linear regression: ∇L(x̄, ȳ; θ) =
        /// −2(ȳ − θ₀x̄ − θ₁)·(x̄, 1). Linear cost: (−x̄, −1). Network: the mean
        /// output error back-propagated once through the mean hidden activations.
        #[wasm_bindgen(js_name = shortcutGradient)]
        pub fn shortcut_gradient(&self, theta: &[f64]) -> Result<Vec<f64>, JsError> {
            objective::shortcut_gradient(self.objective(), theta).map_err(js_error)
        }

        /// Σ, the population covariance (divided by N) of the per-example
        /// gradients at θ, row-major P×P.
        #[wasm_bindgen(js_name = gradientCovariance)]
        pub fn gradient_covariance(&self, theta: &[f64]) -> Result<Vec<f64>, JsError> {
            let o = self.objective();
            objective::check_theta(o, theta).map_err(js_error)?;
            Ok(estimator::gradient_covariance_matrix(o, theta))
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
            sampler::batch_indices(self.num_examples(), b, d, m, s).map_err(js_error)
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
            let o = self.objective();
            objective::check_theta(o, theta).map_err(js_error)?;
            let (b, d, m, s) = batch_args(batch_size, ("draws", draws), mode, seed)?;
            estimator::sample_batch_gradients(o, theta, b, d, m, s).map_err(js_error)
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
            let o = self.objective();
            objective::check_theta(o, theta0).map_err(js_error)?;
            let (b, k, m, s) = batch_args(batch_size, ("steps", steps), mode, seed)?;
            let schedule = train::Schedule::Constant(lr);
            let (path, _) =
                train::train_path_flat(o, theta0, schedule, k, b, m, s).map_err(js_error)?;
            Ok(path)
        }
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
}
