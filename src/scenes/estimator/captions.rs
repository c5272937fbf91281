//! The words of scene 2, generated from the cloud they describe.

use crate::core::data::DataOrder;
use crate::core::estimator::trace;
use crate::core::math::LibmExt;
use crate::core::sampler::SamplingMode;
use crate::core::text::{fmt_difference, fmt_raw, fmt_sig, fmt_vec};
use crate::page::model::Model;
use crate::page::readout::Readout;
use crate::scenes::estimator::cloud::BatchCloud;

fn mode_words(mode: SamplingMode) -> &'static str {
    match mode {
        SamplingMode::WithReplacement => "drawn with replacement",
        SamplingMode::WithoutReplacement => "drawn without replacement (shuffled epochs)",
        SamplingMode::Sequential => "taken in stored order, without shuffling",
    }
}

fn order_words(order: DataOrder) -> &'static str {
    match order {
        DataOrder::Generated => "in the random order they were generated",
        DataOrder::SortedByX => "sorted by x",
        DataOrder::SortedByY => "sorted by y",
    }
}

/// Every text of scene 2.
pub fn estimator_text(model: &Model, cloud: &BatchCloud) -> Vec<Readout> {
    let n = model.problem.num_examples();
    let grad = model.cost_gradient();
    let tr_sigma = trace(&cloud.sigma);
    let mut out = vec![
        Readout::new("readout-grad", fmt_vec(grad, 4)),
        Readout::new("readout-draws", cloud.draws.len().to_string()),
        Readout::new("readout-sigma", fmt_sig(tr_sigma, 4)),
        Readout::new(
            "readout-theory",
            match cloud.theory {
                Some(c) => fmt_sig(trace(&c), 4),
                None => "none: sequential batches are not random".into(),
            },
        ),
        Readout::new("caption-data", data_caption(model, cloud)),
        Readout::new("caption-param", param_caption(model, cloud)),
        Readout::new("caption-spread", spread_caption(n, cloud)),
        Readout::new("pass", pass_text(model, cloud)),
    ];
    match cloud.stats {
        Some(stats) => {
            let bias = [stats.mean[0] - grad[0], stats.mean[1] - grad[1]];
            let se = stats.standard_error;
            out.push(Readout::new("readout-mean", fmt_vec(stats.mean, 4)));
            let bias_text = if stats.count > 1 {
                format!(
                    "({} ± {}, {} ± {})",
                    fmt_sig(bias[0], 2),
                    fmt_sig(se[0], 2),
                    fmt_sig(bias[1], 2),
                    fmt_sig(se[1], 2)
                )
            } else {
                format!("{} (one draw: no standard error yet)", fmt_vec(bias, 2))
            };
            out.push(Readout {
                slot: "readout-bias",
                text: bias_text,
                title: format!("mean − ∇C = ({}, {})", fmt_raw(bias[0]), fmt_raw(bias[1])),
            });
            let measured = if stats.count > 1 {
                fmt_sig(trace(&stats.cov), 4)
            } else {
                "needs two draws".into()
            };
            out.push(Readout::new("readout-measured", measured));
        }
        None => {
            for id in ["readout-mean", "readout-bias", "readout-measured"] {
                out.push(Readout::new(id, "no draws yet".into()));
            }
        }
    }
    out
}

fn data_caption(model: &Model, cloud: &BatchCloud) -> String {
    let n = model.problem.num_examples();
    let order = order_words(model.shared.order);
    if cloud.last_batch.is_empty() {
        return format!(
            "{n} examples, stored {order}. Draw a batch to see which examples it holds."
        );
    }
    let mut shown: Vec<String> = cloud
        .last_batch
        .iter()
        .take(12)
        .map(|i| (i + 1).to_string())
        .collect();
    if cloud.last_batch.len() > 12 {
        shown.push(format!("… ({} in all)", cloud.last_batch.len()));
    }
    format!(
        "{n} examples, stored {order}. Draw {} took examples {}, highlighted in blue: {}.",
        cloud.draws.len(),
        shown.join(", "),
        mode_words(cloud.mode)
    )
}

fn param_caption(model: &Model, cloud: &BatchCloud) -> String {
    let (b, n) = (cloud.batch, model.problem.num_examples());
    let Some(stats) = cloud.stats else {
        return format!(
            "At θ = {}, the exact gradient is the dashed arrow, −∇C. A mini-batch of B = {b} of the {n} examples, {}, \
             gives an estimate: the mean of its {b} per-example gradients. Draw batches to see where the estimates land.",
            fmt_vec(model.theta(), 3),
            mode_words(cloud.mode)
        );
    };
    let grad = model.cost_gradient();
    let bias = [stats.mean[0] - grad[0], stats.mean[1] - grad[1]];
    let within = stats.count > 1
        && (0..2).all(|k| {
            bias[k].abs()
                <= 3.0 * stats.standard_error[k] + 64.0 * f64::EPSILON * grad[k].abs().max(1e-300)
        });
    let verdict = if stats.count < 2 {
        "One draw says little; draw more.".to_string()
    } else if cloud.mode == SamplingMode::Sequential {
        format!(
            "Their spread, {} against {} for single gradients, says how far a single step can be off.",
            fmt_sig(trace(&stats.cov), 3),
            fmt_sig(trace(&cloud.sigma), 3)
        )
    } else if within {
        format!("The mean of the {} estimates (orange dot) lies within 3 standard errors of ∇C: no sign of bias.", stats.count)
    } else {
        format!("The mean of the {} estimates (orange dot) lies more than 3 standard errors from ∇C: these batches are biased.", stats.count)
    };
    let sorted = model.shared.order != DataOrder::Generated;
    let story = match (cloud.mode, sorted) {
        (SamplingMode::Sequential, true) => format!(
            " Each sequential batch holds {b} neighbours of the sorted data, so every estimate is pulled the same way as its neighbours: \
             the cloud breaks into clusters, one per position in the pass, each far from ∇C. Shuffling makes every batch a fair sample \
             of all {n} examples, which centres every estimate on ∇C."
        ),
        (SamplingMode::Sequential, false) => " The stored order is random, so consecutive examples are unrelated and sequential batches behave almost like shuffled ones.".to_string(),
        _ => format!(" Each estimate is the mean of {b} gradients picked uniformly, and a uniformly picked gradient has mean ∇C, so the estimates centre on ∇C; the 95% ellipses (measured solid, theory dashed) show their spread."),
    };
    format!(
        "{} batches of B = {b}, {}. {verdict}{story}",
        stats.count,
        mode_words(cloud.mode)
    )
}

fn spread_caption(n: usize, cloud: &BatchCloud) -> String {
    let measured = match cloud.mode {
        SamplingMode::Sequential => {
            "sequential batches (not a random sample: their spread is that of the batch positions)"
        }
        SamplingMode::WithReplacement => "random batches with replacement",
        SamplingMode::WithoutReplacement => "random batches without replacement",
    };
    format!(
        "Green dots: the total variance of the estimate measured from real draws of {measured}, with 95% bars. \
         Black line: theory with replacement, tr Σ / B, which halves each time B doubles. Orange dashes: theory without replacement, \
         tr Σ / B · (N − B)/(N − 1), which falls to exactly 0 at B = N = {n}, where every batch is the whole dataset."
    )
}

fn pass_text(model: &Model, cloud: &BatchCloud) -> String {
    let Some((draws, mean)) = cloud.pass else {
        return String::new();
    };
    let grad = model.cost_gradient();
    let gap = (mean[0] - grad[0]).hypot_(mean[1] - grad[1]);
    format!(
        "Averaged over one full pass ({draws} sequential draws, each example used equally often), the estimates give {}, and ∇C is {}: they differ by {}.",
        fmt_vec(mean, 4),
        fmt_vec(grad, 4),
        fmt_difference(gap, model.gradient_scale())
    )
}
