//! Scene 2, "a mini-batch is an estimate", as pure data: the cloud of real,
//! independent mini-batch gradients drawn at θ, its statistics next to the
//! theory, and what full passes over the data give.

use crate::core::estimator::{
    cloud_stats, estimator_covariance, gradient_covariance, running_means, sample_cloud,
    share_inside, CloudStats, Cov2, RADIUS_95,
};
use crate::core::passes::{full_passes, Passes};
use crate::core::sampler::SamplingMode;
use crate::core::Theta;
use crate::page::model::Model;
use crate::scenes::estimator::settings::EstimatorSettings;

/// How many shuffled epochs the pass readout averages.
pub const PASSES_SHOWN: usize = 3;

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
    /// The share of the draws inside the theory's 2.45σ ellipse, which
    /// holds 95% of a Gaussian cloud (`None` without theory or draws).
    pub inside_theory: Option<f64>,
    /// Full passes as training takes them: shuffled epochs, or the
    /// sequential pass and its per-position bias (`None` with replacement).
    pub passes: Option<Passes>,
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
            sample_cloud(p, theta, batch, s.draws, s.mode, seed).unwrap_or_default();
        let last_batch = indices[indices.len().saturating_sub(batch)..].to_vec();
        let sigma = gradient_covariance(p, theta);
        let theory = estimator_covariance(&sigma, n, batch, s.mode);
        let grad = model.cost_gradient();
        let inside_theory = theory.and_then(|c| share_inside(&draws, grad, &c, RADIUS_95));
        // The epochs use a seed of their own, so they are not the cloud's draws.
        let passes = full_passes(p, theta, batch, s.mode, seed ^ 0x5EED_0E0C, PASSES_SHOWN)
            .ok()
            .flatten();
        Self {
            batch,
            mode: s.mode,
            running: running_means(&draws),
            stats: (!draws.is_empty()).then(|| cloud_stats(&draws)),
            theory,
            inside_theory,
            sigma,
            passes,
            draws,
            last_batch,
        }
    }
}
