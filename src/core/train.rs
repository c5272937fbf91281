//! Training: gradient-descent paths, one mini-batch step at a time, with
//! the batches of the one sampler, and a stop when a run diverges.

use crate::core::error::ProblemError;
use crate::core::models::linear::mean_gradient;
use crate::core::models::linear::LinearProblem;
use crate::core::sampler::{batch_indices, SamplingMode};
use crate::core::Theta;

/// A run explodes when its cost exceeds this many times the larger of its
/// starting cost and 1.
pub const EXPLODE_FACTOR: f64 = 1e8;

/// The learning rate at step t (0-based): constant, or decayed epoch by
/// epoch from a later start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Schedule {
    /// η at every step.
    Constant(f64),
    /// η for the first `start_epoch` epochs, then η/2, η/3, … one epoch
    /// after another: with e(t) = ⌊t / S⌋ the epoch of step t,
    /// ηₜ = η / (1 + max(0, e(t) − e₀ + 1)). Starting late lets every run,
    /// full-batch GD too, make its way down at the full rate first, and the
    /// decay then shrinks only the jitter around the minimum.
    EpochDecay {
        lr: f64,
        steps_per_epoch: usize,
        start_epoch: usize,
    },
}

impl Schedule {
    /// η at step t.
    pub fn at(&self, t: usize) -> f64 {
        match *self {
            Schedule::Constant(lr) => lr,
            Schedule::EpochDecay {
                lr,
                steps_per_epoch,
                start_epoch,
            } => {
                let epoch = t / steps_per_epoch.max(1);
                lr / (1 + (epoch + 1).saturating_sub(start_epoch)) as f64
            }
        }
    }
}

/// A path θ₀ … θₖ and, if it stopped early, the step at which it diverged.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainPath {
    pub thetas: Vec<Theta>,
    /// `Some(k + 1)` when step k + 1 would have made θ or C non-finite or
    /// made C explode; the path then ends at θₖ.
    pub diverged_at: Option<usize>,
}

/// Runs `steps` steps from θ₀. Step t (1-based) sets
/// θₜ = θₜ₋₁ − ηₜ₋₁ · (1/B) Σ_{i ∈ draw t−1} ∇Lᵢ(θₜ₋₁), with the draws of
/// `batch_indices(N, batch, steps, mode, seed)`.
pub fn train_path(
    problem: &LinearProblem,
    theta0: Theta,
    schedule: Schedule,
    steps: usize,
    batch: usize,
    mode: SamplingMode,
    seed: u32,
) -> Result<TrainPath, ProblemError> {
    let theta0 = problem.check_theta(&theta0)?;
    if !schedule.at(0).is_finite() {
        return Err(ProblemError(format!(
            "the learning rate is {}, but it must be finite",
            schedule.at(0)
        )));
    }
    let indices = batch_indices(problem.num_examples(), batch, steps, mode, seed)?;
    let (d, m) = (problem.data(), problem.moments());
    let limit = EXPLODE_FACTOR * m.cost(theta0).max(1.0);
    let mut thetas = Vec::with_capacity(steps + 1);
    thetas.push(theta0);
    let mut theta = theta0;
    for (t, rows) in indices.chunks(batch.max(1)).enumerate() {
        let g = mean_gradient(&d.xs, &d.ys, rows.iter().map(|&i| i as usize), theta);
        let lr = schedule.at(t);
        let next = [theta[0] - lr * g[0], theta[1] - lr * g[1]];
        let cost = m.cost(next);
        if !(next[0].is_finite() && next[1].is_finite() && cost.is_finite()) || cost > limit {
            return Ok(TrainPath {
                thetas,
                diverged_at: Some(t + 1),
            });
        }
        thetas.push(next);
        theta = next;
    }
    Ok(TrainPath {
        thetas,
        diverged_at: None,
    })
}
