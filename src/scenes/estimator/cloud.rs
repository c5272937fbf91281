//! Scene 2, "a mini-batch is an estimate", as pure data: the cloud of real
//! mini-batch gradients drawn at θ, its statistics next to the theory, and
//! the average over a full sequential pass.

use crate::core::estimator::{
    cloud_stats, estimator_covariance, gradient_covariance, running_means, sample_batch_gradients,
    sample_with_indices, CloudStats, Cov2,
};
use crate::core::sampler::SamplingMode;
use crate::core::Theta;
use crate::page::model::Model;
use crate::scenes::estimator::settings::EstimatorSettings;

/// The draws of scene 2 and what they show.
pub struct BatchCloud {
    /// B.
    pub batch: usize,
    pub mode: SamplingMode,
    /// ĝ₁ … ĝ_draws.
    pub draws: Vec<Theta>,
    /// The examples of the last draw (empty without draws).
    pub last_batch: Vec<u32>,
    /// The running means of the draws.
    pub running: Vec<Theta>,
    /// Mean, sample covariance and standard error (`None` without draws).
    pub stats: Option<CloudStats>,
    /// Σ, the population covariance of the per-example gradients.
    pub sigma: Cov2,
    /// Cov(ĝ) from theory (`None` for sequential batches).
    pub theory: Option<Cov2>,
    /// For sequential batches: the number of draws in one full pass,
    /// lcm(N, B)/B, after which every example has been used equally often,
    /// and the mean of the draws over that pass.
    pub pass: Option<(usize, Theta)>,
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

impl BatchCloud {
    /// The cloud of `s.draws` batches drawn as `s` says, with the shared B
    /// and seed, at the shared θ.
    pub fn new(model: &Model, s: &EstimatorSettings) -> Self {
        let shared = &model.shared;
        let (p, theta, n) = (&model.problem, shared.theta, model.problem.num_examples());
        let batch = shared.batch.clamp(1, n);
        let seed = shared.draw_seed;
        let (draws, indices) =
            sample_with_indices(p, theta, batch, s.draws, s.mode, seed).unwrap_or_default();
        let last_batch = indices[indices.len().saturating_sub(batch)..].to_vec();
        let sigma = gradient_covariance(p, theta);
        let pass = (s.mode == SamplingMode::Sequential).then(|| {
            let per_pass = n / gcd(n, batch);
            let pass_draws =
                sample_batch_gradients(p, theta, batch, per_pass, s.mode, seed).unwrap_or_default();
            (per_pass, cloud_stats(&pass_draws).mean)
        });
        Self {
            batch,
            mode: s.mode,
            running: running_means(&draws),
            stats: (!draws.is_empty()).then(|| cloud_stats(&draws)),
            theory: estimator_covariance(&sigma, n, batch, s.mode),
            sigma,
            pass,
            draws,
            last_batch,
        }
    }
}
