//! What a full pass over the data gives. Training does not draw independent
//! batches: an epoch cuts the examples (shuffled, or in stored order) into
//! batches and uses each one once. Over a pass every example it uses counts
//! equally, so the batch estimates cancel:
//!
//!   (1/K) Σₖ ĝₖ = (1/(K·B)) Σ_{i used} ∇Lᵢ,
//!
//! which is ∇C exactly when the pass uses every example equally often. The
//! single batches of a sequential pass over sorted data are each biased;
//! only their mean over the pass is right.

use crate::core::error::ProblemError;
use crate::core::estimator::{batch_gradients, pairs};
use crate::core::models::linear::LinearProblem;
use crate::core::objective::Objective;
use crate::core::sampler::{batch_indices, SamplingMode};
use crate::core::Theta;

/// The most per-example gradients [`full_passes`] computes: a sequential
/// pass is lcm(N, B) of them, which for some N and B is too many for a frame.
pub const MAX_PASS_INDICES: usize = 1 << 20;

/// Full passes of one sampling mode at θ.
#[derive(Clone, Debug, PartialEq)]
pub struct Passes {
    /// Batches in one pass: ⌊N/B⌋ for shuffled epochs; N / gcd(N, B) for
    /// sequential batches, after which the stored order comes round again.
    pub batches: usize,
    /// Example slots one pass fills: ⌊N/B⌋·B for shuffled epochs (the other
    /// N mod B examples sit the epoch out); batches·B sequentially, where
    /// every example is used B / gcd(N, B) times.
    pub used: usize,
    /// The mean of the batch estimates over each pass, pass after pass.
    pub means: Vec<Theta>,
    /// Sequential only: ĝₖ − ∇C at each position k of the pass. The same
    /// batches repeat every pass, so these are the only estimates there are.
    pub position_bias: Vec<Theta>,
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// `count` passes (one for sequential batches, which repeat) of batches of
/// `batch` drawn as `mode` draws them with `seed`; `None` with replacement,
/// which has no passes. Fails when that takes more than
/// [`MAX_PASS_INDICES`] gradients.
pub fn full_passes(
    problem: &LinearProblem,
    theta: Theta,
    batch: usize,
    mode: SamplingMode,
    seed: u32,
    count: usize,
) -> Result<Option<Passes>, ProblemError> {
    let n = problem.num_examples();
    let (batches, count) = match mode {
        SamplingMode::WithReplacement => return Ok(None),
        SamplingMode::WithoutReplacement => (n / batch.max(1), count),
        SamplingMode::Sequential => (n / gcd(n, batch.max(1)), 1),
    };
    if batches * count * batch > MAX_PASS_INDICES {
        return Err(ProblemError(format!(
            "{count} pass(es) of {batches} batches of {batch} is more than {MAX_PASS_INDICES} gradients"
        )));
    }
    let indices = batch_indices(n, batch, batches * count, mode, seed)?;
    let estimates = pairs(&batch_gradients(
        problem as &dyn Objective,
        &theta,
        &indices,
        batch,
    ));
    let means = estimates
        .chunks(batches.max(1))
        .map(|pass| {
            let k = pass.len() as f64;
            let sum = pass
                .iter()
                .fold([0.0, 0.0], |s, g| [s[0] + g[0], s[1] + g[1]]);
            [sum[0] / k, sum[1] / k]
        })
        .collect();
    let position_bias = if mode == SamplingMode::Sequential {
        let grad = problem.gradient(&theta)?;
        estimates
            .iter()
            .map(|g| [g[0] - grad[0], g[1] - grad[1]])
            .collect()
    } else {
        Vec::new()
    };
    Ok(Some(Passes {
        batches,
        used: batches * batch,
        means,
        position_bias,
    }))
}
