//! How the spread of the mini-batch estimate falls with the batch size:
//! measured from real draws at a ladder of batch sizes, next to the theory.

use crate::core::estimator::{cloud_stats, estimator_covariance, sample_cloud, trace, Cov2};
use crate::core::models::linear::LinearProblem;
use crate::core::sampler::SamplingMode;
use crate::core::Theta;

/// The total variance measured at one batch size, with a 95% interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpreadPoint {
    pub batch: usize,
    /// tr Ĉov(ĝ), the mean squared distance of the draws from their mean
    /// (divided by draws − 1).
    pub measured: f64,
    /// measured ± 1.96 standard errors of that estimate, the lower end kept ≥ 0.
    pub low: f64,
    pub high: f64,
}

/// Batch sizes 1, 2, 4, … doubling, and N itself: the x values of the chart.
pub fn batch_ladder(n: usize) -> Vec<usize> {
    let mut out: Vec<usize> = std::iter::successors(Some(1usize), |b| b.checked_mul(2))
        .take_while(|&b| b < n)
        .collect();
    out.push(n);
    out
}

/// The theoretical total variance tr Cov(ĝ) at batch size `b`, or `None`
/// for sequential batches.
pub fn theory_trace(sigma: &Cov2, n: usize, b: usize, mode: SamplingMode) -> Option<f64> {
    estimator_covariance(sigma, n, b, mode).map(|c| trace(&c))
}

/// Measures the total variance from `draws` real draws at every batch size
/// of the ladder (seed `seed + k` at the k-th size). The interval uses the
/// standard error of a mean of squared distances, sd(|ĝ − ḡ|²)/√draws, valid
/// because the draws of the random modes are independent (see [`sample_cloud`]).
pub fn measure_spread(
    problem: &LinearProblem,
    theta: Theta,
    mode: SamplingMode,
    seed: u32,
    draws: usize,
) -> Vec<SpreadPoint> {
    batch_ladder(problem.num_examples())
        .into_iter()
        .enumerate()
        .filter_map(|(k, b)| {
            let (samples, _) =
                sample_cloud(problem, theta, b, draws, mode, seed.wrapping_add(k as u32)).ok()?;
            let stats = cloud_stats(&samples);
            let squared: Vec<f64> = samples
                .iter()
                .map(|g| (g[0] - stats.mean[0]).powi(2) + (g[1] - stats.mean[1]).powi(2))
                .collect();
            let m = squared.iter().sum::<f64>() / draws as f64;
            let sd =
                (squared.iter().map(|s| (s - m).powi(2)).sum::<f64>() / (draws - 1) as f64).sqrt();
            let measured = trace(&stats.cov);
            let half = 1.96 * sd / (draws as f64).sqrt() * draws as f64 / (draws - 1) as f64;
            Some(SpreadPoint {
                batch: b,
                measured,
                low: (measured - half).max(0.0),
                high: measured + half,
            })
        })
        .collect()
}
