//! Scene 2's words on full passes: the exact cancellation over an epoch,
//! which training relies on, kept apart from the cloud of independent draws.

use crate::core::data::DataOrder;
use crate::core::math::LibmExt;
use crate::core::passes::MAX_PASS_INDICES;
use crate::core::sampler::SamplingMode;
use crate::core::text::{fmt_count, fmt_difference, fmt_sig, is_rounding, plural};
use crate::page::model::Model;
use crate::scenes::estimator::cloud::BatchCloud;

/// What full passes give, for the mode of `cloud`.
pub fn pass_text(model: &Model, cloud: &BatchCloud) -> String {
    let n = model.problem.num_examples();
    let (grad, scale) = (model.cost_gradient(), model.cost_gradient_scale());
    let Some(passes) = &cloud.passes else {
        return match cloud.mode {
            SamplingMode::WithReplacement => {
                "With replacement there are no passes: every draw is independent of the others, \
                 and no set of draws is guaranteed to cancel."
                    .into()
            }
            _ => format!(
                "One full pass at N = {n} and B = {} takes more than {} gradients, too many to compute here.",
                cloud.batch,
                fmt_count(MAX_PASS_INDICES)
            ),
        };
    };
    let b = cloud.batch;
    let k = passes.batches;
    let gaps: Vec<String> = passes
        .means
        .iter()
        .map(|m| gap_text(*m, grad, scale))
        .collect();
    match cloud.mode {
        SamplingMode::Sequential => {
            let sizes: Vec<f64> = passes
                .position_bias
                .iter()
                .map(|d| d[0].hypot_(d[1]))
                .collect();
            let (lo, hi) = sizes.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &s| {
                (lo.min(s), hi.max(s))
            });
            let each = if is_rounding(hi, scale) {
                "Every one of them is ∇C itself (to rounding).".to_string()
            } else if k == 1 {
                format!("That batch misses ∇C by {}.", fmt_sig(hi, 3))
            } else {
                // Over sorted data each position is biased; over a random
                // order each of the few fixed batches is merely off.
                let word = if model.shared.order == DataOrder::Generated {
                    "off on its own"
                } else {
                    "biased"
                };
                format!(
                    "Every one is {word}: |ĝ − ∇C| runs from {} to {} across the {k} positions (|∇C| is {}).",
                    fmt_sig(lo, 3),
                    fmt_sig(hi, 3),
                    fmt_sig(grad[0].hypot_(grad[1]), 3)
                )
            };
            format!(
                "One sequential pass is {} of B = {b}, after which the stored order comes round again. {each} \
                 Over the pass every example is used equally often, so their mean is ∇C: the gap is {}.",
                plural(k, "batch", "batches"),
                gaps.join(", ")
            )
        }
        _ => {
            let epochs = plural(passes.means.len(), "epoch", "epochs");
            if passes.used == n {
                format!(
                    "Training draws differently: each epoch cuts a fresh shuffle into {} of B = {b}, using every example once. \
                     Averaged over an epoch they give ∇C exactly: the gaps for {epochs} are {}. The dots above are \
                     independent batches instead, so that their spread and standard error mean what they say.",
                    plural(k, "batch", "batches"),
                    gaps.join(", ")
                )
            } else {
                let left = n - passes.used;
                format!(
                    "Training draws differently: each epoch cuts a fresh shuffle into {} of B = {b}, which use {} of the {n} \
                     examples; the other {left} sit that epoch out, a different {} each time. So an epoch's mean is close to \
                     ∇C but not equal: the gaps for {epochs} are {}. With B dividing N it would be exact.",
                    plural(k, "batch", "batches"),
                    passes.used,
                    if left == 1 { "one" } else { "few" },
                    gaps.join(", ")
                )
            }
        }
    }
}

/// The gap between a pass mean and ∇C, as a reader should see it.
pub fn gap_text(mean: [f64; 2], grad: [f64; 2], scale: f64) -> String {
    fmt_difference((mean[0] - grad[0]).hypot_(mean[1] - grad[1]), scale)
}
