//! Training: gradient-descent paths, one mini-batch step at a time, with
//! the batches of the one sampler, and a stop when a run diverges.

use crate::core::error::ProblemError;
use crate::core::estimator::pairs;
use crate::core::objective::{check_theta, Objective};
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

/// A path θ₀ … θₖ of a two-parameter problem and, if it stopped early, the
/// step at which it diverged.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainPath {
    pub thetas: Vec<Theta>,
    /// `Some(k + 1)` when step k + 1 would have made θ or C non-finite or
    /// made C explode; the path then ends at θₖ.
    pub diverged_at: Option<usize>,
}

/// [`train_path_flat`] for a two-parameter problem, θ by θ.
pub fn train_path(
    o: &dyn Objective,
    theta0: Theta,
    schedule: Schedule,
    steps: usize,
    batch: usize,
    mode: SamplingMode,
    seed: u32,
) -> Result<TrainPath, ProblemError> {
    let (flat, diverged_at) = train_path_flat(o, &theta0, schedule, steps, batch, mode, seed)?;
    Ok(TrainPath {
        thetas: pairs(&flat),
        diverged_at,
    })
}

/// Runs `steps` steps from θ₀ on any problem; returns θ₀ … θₖ, P numbers
/// each, and the step at which it diverged, if it did. Step t (1-based) sets
/// θₜ = θₜ₋₁ − ηₜ₋₁ · (1/B) Σ_{i ∈ draw t−1} ∇Lᵢ(θₜ₋₁), with the draws of
/// `batch_indices(N, batch, steps, mode, seed)`. It stops before a step that
/// would make θ or C non-finite, or C exceed [`EXPLODE_FACTOR`] × max(C(θ₀), 1).
pub fn train_path_flat<O: Objective + ?Sized>(
    o: &O,
    theta0: &[f64],
    schedule: Schedule,
    steps: usize,
    batch: usize,
    mode: SamplingMode,
    seed: u32,
) -> Result<(Vec<f64>, Option<usize>), ProblemError> {
    check_theta(o, theta0)?;
    if !schedule.at(0).is_finite() {
        return Err(ProblemError(format!(
            "the learning rate is {}, but it must be finite",
            schedule.at(0)
        )));
    }
    let indices = batch_indices(o.num_examples(), batch, steps, mode, seed)?;
    let limit = EXPLODE_FACTOR * o.rough_cost(theta0).max(1.0);
    let p = theta0.len();
    let mut thetas = Vec::with_capacity((steps + 1) * p);
    thetas.extend_from_slice(theta0);
    let mut theta = theta0.to_vec();
    let mut next = vec![0.0; p];
    for (t, rows) in indices.chunks(batch.max(1)).enumerate() {
        let g = o.batch_mean_gradient(&theta, rows);
        let lr = schedule.at(t);
        for ((n, th), g) in next.iter_mut().zip(&theta).zip(&g) {
            *n = th - lr * g;
        }
        let finite = next.iter().all(|v| v.is_finite());
        let cost = if finite {
            o.rough_cost(&next)
        } else {
            f64::NAN
        };
        if !cost.is_finite() || cost > limit {
            return Ok((thetas, Some(t + 1)));
        }
        thetas.extend_from_slice(&next);
        std::mem::swap(&mut theta, &mut next);
    }
    Ok((thetas, None))
}
