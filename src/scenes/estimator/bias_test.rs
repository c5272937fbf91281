//! Scene 2's bias test, worded as the test it is: ∇C inside or outside
//! mean ± 2 standard errors, with standard errors from independent draws
//! only, and never a claim beyond what the test shows.

use crate::core::estimator::{trace, CloudStats};
use crate::core::sampler::SamplingMode;
use crate::core::text::{fmt_sig, is_rounding};
use crate::page::model::Model;
use crate::scenes::estimator::cloud::BatchCloud;

/// How many standard errors either side of the mean the stated interval spans.
pub const INTERVAL_SE: f64 = 2.0;

/// How far ∇C lies from the mean of independent draws, in standard errors,
/// per coordinate: |mean − ∇C| / SE. A coordinate whose draws do not vary
/// (SE = 0) counts 0 when its gap is rounding, and ∞ otherwise.
pub fn gaps_in_se(mean: [f64; 2], grad: [f64; 2], se: [f64; 2], scale: f64) -> [f64; 2] {
    [0, 1].map(|k| {
        let gap = (mean[k] - grad[k]).abs();
        if !is_rounding(se[k], scale) {
            gap / se[k]
        } else if is_rounding(gap, scale) {
            0.0
        } else {
            f64::INFINITY
        }
    })
}

/// Why every estimate is ∇C itself, if it is: without replacement at
/// B = N every batch is the whole dataset; and where every per-example
/// gradient is the same (tr Σ = 0 to rounding, as at a perfect fit's
/// minimum, or with one example), so is every batch's mean.
pub fn why_exact(model: &Model, cloud: &BatchCloud) -> Option<&'static str> {
    let n = model.problem.num_examples();
    let scale = model.gradient_scale();
    if is_rounding(trace(&cloud.sigma).sqrt(), scale) {
        Some("every per-example gradient is the same here")
    } else if cloud.mode == SamplingMode::WithoutReplacement && cloud.batch >= n {
        Some("every batch is the whole dataset")
    } else {
        None
    }
}

/// The bias test, worded as what it shows and no more.
pub fn verdict(model: &Model, cloud: &BatchCloud, stats: &CloudStats) -> String {
    if let Some(why) = why_exact(model, cloud) {
        // Capitalised by its first letter ("every …" → "Every …").
        let mut rest = why.chars();
        let first = rest.next().map(|c| c.to_ascii_uppercase());
        let why = format!("{}{}", first.unwrap_or_default(), rest.as_str());
        return format!("{why}, so every estimate is ∇C itself (to rounding).");
    }
    if cloud.mode == SamplingMode::Sequential {
        return "These draws are not a random sample, so no standard error applies: see each batch's own bias below.".into();
    }
    if stats.count < 2 {
        return "One draw says little; draw more.".into();
    }
    let z = gaps_in_se(
        stats.mean,
        model.cost_gradient(),
        stats.standard_error,
        model.cost_gradient_scale(),
    );
    let (worst, name) = if z[0] >= z[1] {
        (z[0], "slope")
    } else {
        (z[1], "intercept")
    };
    if worst <= INTERVAL_SE {
        format!(
            "∇C lies inside mean ± 2 standard errors in both coordinates (the larger gap is {} SE): \
             consistent with no bias. A test like this can fail to find a bias, never prove there is none.",
            fmt_sig(worst, 2)
        )
    } else {
        format!(
            "∇C lies {} standard errors from the mean in the {name} coordinate, outside mean ± 2 SE. \
             An unbiased sampler lands there about 1 time in 20 per coordinate: draw more and see whether it persists.",
            fmt_sig(worst, 2)
        )
    }
}
