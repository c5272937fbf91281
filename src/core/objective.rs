//! A cost that is the mean of per-example losses, for any model: the trait
//! every JS `Problem` is built on, and its argument-checked operations.
//!
//! C(θ) = (1/N) Σᵢ Lᵢ(θ), and by linearity ∇C(θ) = (1/N) Σᵢ ∇Lᵢ(θ). The
//! "shortcut" is what a student might try instead: average the examples (or
//! the output errors) first and differentiate once.

use crate::core::data::Dataset;
use crate::core::error::ProblemError;

/// A learning problem whose cost is the mean of per-example losses.
pub trait Objective {
    /// N.
    fn num_examples(&self) -> usize;
    /// P.
    fn num_params(&self) -> usize;
    /// What the parameters are, for error messages: "(slope, intercept)".
    fn param_names(&self) -> String;
    /// Lᵢ(θ) for a θ already checked.
    fn example_loss(&self, i: usize, theta: &[f64]) -> f64;
    /// ∇Lᵢ(θ) into `out` (length P), for a θ already checked.
    fn example_gradient(&self, i: usize, theta: &[f64], out: &mut [f64]);
    /// ∇C(θ). By default the mean of the per-example gradients; a model may
    /// compute it another way (linear regression uses sufficient statistics).
    fn cost_gradient(&self, theta: &[f64]) -> Vec<f64> {
        mean_gradient(self, theta, 0..self.num_examples())
    }

    // Whole-dataset kernels. The defaults go example by example through the
    // methods above; a model overrides them with one loop of its own, with
    // no call per example, which is what makes the wasm fast.

    /// C(θ) = (1/N) Σᵢ Lᵢ(θ), for a θ already checked.
    fn cost(&self, theta: &[f64]) -> f64 {
        let n = self.num_examples();
        (0..n).map(|i| self.example_loss(i, theta)).sum::<f64>() / n as f64
    }
    /// C(θ), or a cheap upper bound on it within a modest factor, with the
    /// same limit at infinity: enough to tell that a run diverges (it is
    /// called at every step of a training path). A model that has C, or
    /// such a bound, in O(1) overrides it.
    fn rough_cost(&self, theta: &[f64]) -> f64 {
        self.cost(theta)
    }
    /// Lᵢ(θ) for every i into `out` (length N), for a θ already checked.
    fn losses_into(&self, theta: &[f64], out: &mut [f64]) {
        for (i, l) in out.iter_mut().enumerate() {
            *l = self.example_loss(i, theta);
        }
    }
    /// The N×P matrix of ∇Lᵢ(θ), row-major, into `out` (length N·P), for a
    /// θ already checked.
    fn gradients_into(&self, theta: &[f64], out: &mut [f64]) {
        for (i, row) in out.chunks_exact_mut(self.num_params()).enumerate() {
            self.example_gradient(i, theta, row);
        }
    }
    /// Lᵢ(θ) for every i, for a θ already checked.
    fn losses(&self, theta: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; self.num_examples()];
        self.losses_into(theta, &mut out);
        out
    }
    /// The N×P matrix of ∇Lᵢ(θ), row-major, for a θ already checked.
    fn gradients(&self, theta: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; self.num_examples() * self.num_params()];
        self.gradients_into(theta, &mut out);
        out
    }
    /// (1/|B|) Σ_{i∈B} ∇Lᵢ(θ) over checked, in-range, non-empty `indices`.
    fn batch_mean_gradient(&self, theta: &[f64], indices: &[u32]) -> Vec<f64> {
        mean_gradient(self, theta, indices.iter().map(|&i| i as usize))
    }
    /// The average-first shortcut, which is ∇C only in special cases.
    fn shortcut_gradient(&self, theta: &[f64]) -> Vec<f64>;
}

/// (1/|B|) Σ_{i∈B} ∇Lᵢ(θ) over a non-empty set of in-range indices.
pub fn mean_gradient<O: Objective + ?Sized>(
    o: &O,
    theta: &[f64],
    indices: impl Iterator<Item = usize>,
) -> Vec<f64> {
    let p = o.num_params();
    let (mut sum, mut row, mut count) = (vec![0.0; p], vec![0.0; p], 0usize);
    for i in indices {
        o.example_gradient(i, theta, &mut row);
        for (s, g) in sum.iter_mut().zip(&row) {
            *s += g;
        }
        count += 1;
    }
    sum.iter().map(|s| s / count as f64).collect()
}

/// Checks that the examples can make a problem: equal lengths, at least
/// one, every value finite.
pub fn check_examples(xs: &[f64], ys: &[f64]) -> Result<Dataset, ProblemError> {
    if xs.len() != ys.len() {
        return Err(ProblemError(format!(
            "xs and ys must have the same length, got {} and {}",
            xs.len(),
            ys.len()
        )));
    }
    if xs.is_empty() {
        return Err(ProblemError(
            "a problem needs at least one example, got none".into(),
        ));
    }
    for (name, values) in [("xs", xs), ("ys", ys)] {
        if let Some(i) = values.iter().position(|v| !v.is_finite()) {
            return Err(ProblemError(format!(
                "{name}[{i}] is {}, but every value must be finite",
                values[i]
            )));
        }
    }
    Ok(Dataset {
        xs: xs.to_vec(),
        ys: ys.to_vec(),
    })
}

/// Checks that θ has P finite entries.
pub fn check_theta<O: Objective + ?Sized>(o: &O, theta: &[f64]) -> Result<(), ProblemError> {
    let p = o.num_params();
    if theta.len() != p {
        return Err(ProblemError(format!(
            "theta must have {p} entries {}, got {}",
            o.param_names(),
            theta.len()
        )));
    }
    if let Some(i) = theta.iter().position(|v| !v.is_finite()) {
        return Err(ProblemError(format!(
            "theta[{i}] is {}, but theta must be finite",
            theta[i]
        )));
    }
    Ok(())
}

/// Checks a batch: not empty, every index below N.
pub fn check_batch<O: Objective + ?Sized>(o: &O, indices: &[u32]) -> Result<(), ProblemError> {
    if indices.is_empty() {
        return Err(ProblemError(
            "the batch is empty: give at least one example index".into(),
        ));
    }
    let n = o.num_examples();
    if let Some(&bad) = indices.iter().find(|&&i| i as usize >= n) {
        return Err(ProblemError(format!(
            "index {bad} is out of range: there are {n} examples (0 to {})",
            n - 1
        )));
    }
    Ok(())
}

/// C(θ), the mean of the per-example losses.
pub fn loss<O: Objective + ?Sized>(o: &O, theta: &[f64]) -> Result<f64, ProblemError> {
    check_theta(o, theta)?;
    Ok(o.cost(theta))
}

/// Lᵢ(θ) for every example.
pub fn example_losses<O: Objective + ?Sized>(
    o: &O,
    theta: &[f64],
) -> Result<Vec<f64>, ProblemError> {
    check_theta(o, theta)?;
    Ok(o.losses(theta))
}

/// The N×P matrix of per-example gradients, row-major.
pub fn example_gradients<O: Objective + ?Sized>(
    o: &O,
    theta: &[f64],
) -> Result<Vec<f64>, ProblemError> {
    check_theta(o, theta)?;
    Ok(o.gradients(theta))
}

/// ∇C(θ).
pub fn gradient<O: Objective + ?Sized>(o: &O, theta: &[f64]) -> Result<Vec<f64>, ProblemError> {
    check_theta(o, theta)?;
    Ok(o.cost_gradient(theta))
}

/// The mean of the per-example gradients at `indices`.
pub fn batch_gradient<O: Objective + ?Sized>(
    o: &O,
    theta: &[f64],
    indices: &[u32],
) -> Result<Vec<f64>, ProblemError> {
    check_theta(o, theta)?;
    check_batch(o, indices)?;
    Ok(o.batch_mean_gradient(theta, indices))
}

/// θ − lr · batch_gradient(θ, indices).
pub fn batch_update<O: Objective + ?Sized>(
    o: &O,
    theta: &[f64],
    indices: &[u32],
    lr: f64,
) -> Result<Vec<f64>, ProblemError> {
    if !lr.is_finite() {
        return Err(ProblemError(format!(
            "the learning rate is {lr}, but it must be finite"
        )));
    }
    let g = batch_gradient(o, theta, indices)?;
    Ok(theta.iter().zip(&g).map(|(t, g)| t - lr * g).collect())
}

/// The average-first shortcut gradient.
pub fn shortcut_gradient<O: Objective + ?Sized>(
    o: &O,
    theta: &[f64],
) -> Result<Vec<f64>, ProblemError> {
    check_theta(o, theta)?;
    Ok(o.shortcut_gradient(theta))
}
