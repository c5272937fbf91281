//! The words of scene 2, generated from the cloud they describe.

use crate::core::data::DataOrder;
use crate::core::estimator::{estimator_covariance, trace, CloudStats};
use crate::core::sampler::SamplingMode;
use crate::core::text::{
    fmt_count, fmt_difference, fmt_raw, fmt_sig, fmt_vec, fmt_vec_difference, fmt_vec_rounded,
    is_rounding, plural,
};
use crate::page::model::Model;
use crate::page::readout::Readout;
use crate::scenes::estimator::bias_test::{verdict, why_exact, INTERVAL_SE};
use crate::scenes::estimator::cloud::BatchCloud;
use crate::scenes::estimator::passes_text::pass_text;

fn mode_words(mode: SamplingMode) -> &'static str {
    match mode {
        SamplingMode::WithReplacement => "drawn with replacement",
        SamplingMode::WithoutReplacement => "each a fresh random batch of distinct examples",
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
    // ∇C and what is set against it carry the measured ∇C's error (MAE,
    // Huber); the spread of the per-example gradients only rounding.
    let scale = model.cost_gradient_scale();
    let rounding = model.gradient_scale();
    let mut out = vec![
        Readout::new(
            "readout-grad",
            format!(
                "{}; the dashed arrow is −∇C",
                fmt_vec_rounded(grad, 4, scale)
            ),
        ),
        Readout::new("readout-draws", cloud.draws.len().to_string()),
        Readout::new("readout-sigma", fmt_sig(trace(&cloud.sigma), 4)),
        Readout::new(
            "readout-theory",
            match cloud.theory {
                Some(c) => fmt_difference(trace(&c), rounding * rounding),
                None => "none: sequential batches are not random".into(),
            },
        ),
        Readout::new("caption-data", data_caption(model, cloud)),
        Readout::new("caption-param", param_caption(model, cloud)),
        Readout::new("caption-spread", spread_caption(n, cloud)),
        Readout::new("pass", pass_text(model, cloud)),
    ];
    let Some(stats) = cloud.stats else {
        for id in ["readout-mean", "readout-bias", "readout-measured"] {
            out.push(Readout::new(id, "no draws yet".into()));
        }
        return out;
    };
    let bias = [stats.mean[0] - grad[0], stats.mean[1] - grad[1]];
    let se = stats.standard_error;
    out.push(Readout::new(
        "readout-mean",
        fmt_vec_rounded(stats.mean, 4, scale),
    ));
    let bias_text = if let Some(why) = why_exact(model, cloud) {
        format!("0 (to rounding): {why}")
    } else if cloud.mode == SamplingMode::Sequential {
        format!(
            "{}: no standard error, since sequential batches are not a random sample",
            fmt_vec_difference(bias, scale)
        )
    } else if stats.count < 2 {
        format!("{}: one draw, no standard error yet", fmt_vec(bias, 2))
    } else {
        // A part whose every estimate is ∇C's to rounding (the intercept
        // when every per-example intercept gradient is the same) says so.
        let part = |k: usize| {
            if is_rounding(bias[k].abs(), scale) && is_rounding(INTERVAL_SE * se[k], scale) {
                "0 (to rounding)".to_string()
            } else {
                format!(
                    "{} ± {}",
                    fmt_sig(bias[k], 2),
                    fmt_sig(INTERVAL_SE * se[k], 2)
                )
            }
        };
        format!("({}, {})", part(0), part(1))
    };
    out.push(Readout {
        slot: "readout-bias",
        text: bias_text,
        title: format!(
            "mean − ∇C = ({}, {}); standard errors ({}, {})",
            fmt_raw(bias[0]),
            fmt_raw(bias[1]),
            fmt_raw(se[0]),
            fmt_raw(se[1])
        ),
    });
    let measured = if stats.count > 1 {
        fmt_difference(trace(&stats.cov), rounding * rounding)
    } else {
        "needs two draws".into()
    };
    out.push(Readout::new("readout-measured", measured));
    out
}

fn data_caption(model: &Model, cloud: &BatchCloud) -> String {
    let n = model.problem.num_examples();
    let order = order_words(model.shared.order);
    let examples = plural(n, "example", "examples");
    if cloud.last_batch.is_empty() {
        return format!("{examples}, stored {order}. Draw a batch to see which examples it holds.");
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
    let took = if shown.len() == 1 {
        "example"
    } else {
        "examples"
    };
    format!(
        "{examples}, stored {order}. Draw {} took {took} {}, highlighted in blue: {}.",
        fmt_count(cloud.draws.len()),
        shown.join(", "),
        mode_words(cloud.mode)
    )
}

fn param_caption(model: &Model, cloud: &BatchCloud) -> String {
    let (b, n) = (cloud.batch, model.problem.num_examples());
    let grads = plural(b, "gradient", "gradients");
    let Some(stats) = cloud.stats else {
        return format!(
            "At θ = {}, the exact gradient is the dashed arrow, −∇C. A mini-batch of B = {b} of the {}, {}, \
             gives an estimate: the mean of its {grads}. Draw batches to see where the estimates land.",
            fmt_vec(model.theta(), 3),
            plural(n, "example", "examples"),
            mode_words(cloud.mode)
        );
    };
    let verdict = verdict(model, cloud, &stats);
    let story = match cloud.mode {
        _ if why_exact(model, cloud).is_some() => String::new(),
        SamplingMode::Sequential => sequential_story(model, cloud),
        _ => random_story(cloud, &stats),
    };
    format!(
        "{} of B = {b}, {}. {verdict}{story}",
        plural(stats.count, "batch", "batches"),
        mode_words(cloud.mode)
    )
}

fn random_story(cloud: &BatchCloud, stats: &CloudStats) -> String {
    let b = cloud.batch;
    let coverage = match cloud.inside_theory {
        Some(share) if stats.count > 1 => {
            let pct = (100.0 * share).round();
            let note = if (pct - 95.0).abs() > 3.0 {
                " (the estimates are not Gaussian, so the 95% need not hold)"
            } else {
                ""
            };
            format!(
                " The dashed one holds {pct}% of these {}{note}.",
                plural(stats.count, "draw", "draws")
            )
        }
        _ => String::new(),
    };
    let each = if b == 1 {
        "Each estimate is a single gradient picked uniformly".to_string()
    } else {
        format!("Each estimate is the mean of {b} gradients picked uniformly")
    };
    format!(
        " Every dot is an independent batch. {each}, and a uniformly picked gradient has mean ∇C, so the estimates \
         centre on ∇C. The ellipses (measured solid, theory dashed) are drawn 2.45 standard deviations out, where a \
         Gaussian cloud would have 95% of its dots inside.{coverage}"
    )
}

fn sequential_story(model: &Model, cloud: &BatchCloud) -> String {
    let (b, n) = (cloud.batch, model.problem.num_examples());
    let k = cloud.passes.as_ref().map_or(1, |p| p.batches);
    let repeat = if k == 1 {
        " Without shuffling the same batch comes round every time, so the cloud holds only that one point.".to_string()
    } else {
        format!(
            " Without shuffling the same {k} batches come round every pass, so however many you draw, the cloud holds only those {k} points."
        )
    };
    if model.shared.order != DataOrder::Generated {
        return format!(
            "{repeat} Each holds {b} neighbours of the sorted data, whose gradients pull the same way, so every estimate is off \
             the same way as its neighbours: the points sit far from ∇C, one per position in the pass. Shuffling makes every \
             batch a fair sample of all the examples."
        );
    }
    let measured = cloud.stats.map_or(0.0, |s| trace(&s.cov));
    let fresh = estimator_covariance(&cloud.sigma, n, b, SamplingMode::WithoutReplacement)
        .map_or(0.0, |c| trace(&c));
    format!(
        "{repeat} The stored order is random, so these {k} are as good as any {k} random batches, but they are a fixed few: \
         their spread is {}, where fresh random batches of the same size spread {}.",
        fmt_sig(measured, 3),
        fmt_sig(fresh, 3)
    )
}

fn spread_caption(n: usize, cloud: &BatchCloud) -> String {
    let measured = match cloud.mode {
        SamplingMode::Sequential => {
            "sequential batches (not a random sample: their spread is that of the batch positions)"
        }
        SamplingMode::WithReplacement => "independent random batches with replacement",
        SamplingMode::WithoutReplacement => "independent random batches without replacement",
    };
    format!(
        "Green dots: the total variance of the estimate measured from real draws of {measured}, with 95% bars. \
         Black line: theory with replacement, tr Σ / B, which halves each time B doubles. Orange dashes: theory without \
         replacement, tr Σ / B · (N − B)/(N − 1), which falls to exactly 0 at B = N = {n}, where every batch is the whole \
         dataset (a log axis cannot show 0: the arrow at the bottom marks it)."
    )
}
