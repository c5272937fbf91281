//! The words of scene 3, generated from the runs they describe: each run's
//! verdict (settled, bouncing, unstable, diverged, not there yet) is decided
//! from its costs in [`verdict`], so the words match the curves.

use crate::core::data::DataOrder;
use crate::core::estimator::{gradient_covariance, trace};
use crate::core::models::loss::Loss;
use crate::core::text::{fmt_sig, fmt_vec, is_rounding, plural};
use crate::page::loss_words::floor_words;
use crate::page::model::Model;
use crate::page::readout::Readout;
use crate::scenes::training::path_sampling::{stride, DRAWN_STEPS};
use crate::scenes::training::runs::{decay_start, Run, RunKind, Training};
use crate::scenes::training::settings::TrainingSettings;
use crate::scenes::training::verdict::{verdict, Limits, Target, Verdict};

/// Ids of the four legend entries, in run order.
pub const LEGEND_IDS: [&str; 4] = ["legend-0", "legend-1", "legend-2", "legend-3"];

fn name(run: &Run) -> String {
    match run.kind {
        RunKind::FullBatch => "Full-batch GD".into(),
        RunKind::MiniBatch => format!("Shuffled mini-batches (B = {})", run.batch),
        RunKind::Sgd => "SGD".into(),
        RunKind::Sequential => format!("Sequential mini-batches (B = {})", run.batch),
    }
}

/// How many epochs, with few digits.
fn epochs_text(e: f64) -> String {
    let digits = if e < 10.0 { 2 } else { 3 };
    format!(
        "{} epoch{}",
        fmt_sig(e, digits),
        if (e - 1.0).abs() < 1e-12 { "" } else { "s" }
    )
}

/// An excess cost as the caption states it: a percentage of C(θ*) when the
/// target is relative, the value itself when C(θ*) is 0.
fn excess_text(excess: f64, training: &Training, target: Target) -> String {
    if target.relative {
        format!("{}%", fmt_sig(100.0 * excess / training.c_min, 2))
    } else {
        fmt_sig(excess, 2)
    }
}

/// What `run` had done by step `step`, read off the loss chart: its label,
/// the step, the epoch (when `n`, the number of examples, is given), the
/// gradient evaluations it paid, and its cost.
pub fn run_at_step(run: &Run, step: usize, n: Option<usize>) -> String {
    let epoch = n
        .map(|n| format!(", epoch {}", fmt_sig(run.epoch_of(step, n), 3)))
        .unwrap_or_default();
    // Under MAE and Huber at large N costs are known one step in k.
    let (known, cost) = run.cost_at(step);
    let when = if known == step {
        String::new()
    } else {
        format!(" (at step {known}; its cost is computed every few steps)")
    };
    format!(
        "{}: step {step}{epoch}, {} gradient evaluations, C = {}{when}",
        run.kind.label(run.batch),
        step * run.batch,
        fmt_sig(cost, 4)
    )
}

/// Every text of scene 3, at time `epoch`; `locked` when θ₀ cannot be
/// dragged (`lock=1`), so the caption does not invite it.
pub fn training_text(
    model: &Model,
    s: &TrainingSettings,
    training: &Training,
    epoch: f64,
    locked: bool,
) -> Vec<Readout> {
    let shared = &model.shared;
    let limits = Limits::of(model);
    let n = training.n;
    let mut out: Vec<Readout> = training
        .runs
        .iter()
        .zip(LEGEND_IDS)
        .map(|(run, id)| {
            let label = run.kind.label(run.batch);
            let text = match run.path.diverged_at {
                Some(k) => format!("{label}: diverged at step {k}"),
                None => label,
            };
            Readout::new(id, text)
        })
        .collect();
    let rate = if s.decay {
        format!(
            "η = {}, constant for {}, then η/2, η/3, … one epoch after another",
            fmt_sig(shared.lr, 3),
            plural(decay_start(s.epochs), "epoch", "epochs")
        )
    } else {
        format!("constant η = {}", fmt_sig(shared.lr, 3))
    };
    let shown = epochs_text(epoch.min(s.epochs as f64));
    let sampled = training
        .positions(epoch)
        .iter()
        .map(|&(step, _)| stride(step + 1))
        .max()
        .filter(|&k| k > 1)
        .map(|k| {
            format!(
                " Paths longer than {} steps are drawn through one step in {k} before their last {DRAWN_STEPS}.",
                2 * DRAWN_STEPS
            )
        })
        .unwrap_or_default();
    out.push(Readout::new(
        "readout-time",
        format!("{shown} of {}", s.epochs),
    ));
    out.push(Readout::new(
        "caption-param",
        format!(
            "Four runs start at the same θ₀ = {} (the white dot{}) with {rate}. Each marker is where its run has got to after {shown}; \
             its arrow is the step it takes next, −ĝ, from its own batch. Full-batch GD follows the surface smoothly; the mini-batch runs \
             wander because each step uses an estimate.{sampled}",
            fmt_vec(shared.theta, 3),
            if locked { "" } else { "; drag it" },
        ),
    ));
    out.push(Readout::new(
        "caption-loss",
        race_caption(model, s, training, limits),
    ));
    out.push(Readout::new("noise-ball", noise_ball_text(model, training)));
    out.push(Readout::new(
        "stability",
        stability_text(model, training, limits),
    ));
    out.push(Readout::new(
        "caption-data",
        format!("The {} of the four runs' current θ over the {}. The marker shapes in the legend match the lines' colours and dashes.",
            if model.loss() == Loss::Logistic { "curves p(x) = σ(θ₀x + θ₁)" } else { "lines" },
            plural(n, "example", "examples")),
    ));
    out
}

/// What each run did, and at what cost in epochs and gradient evaluations.
fn race_caption(
    model: &Model,
    s: &TrainingSettings,
    training: &Training,
    limits: Limits,
) -> String {
    let (n, lr) = (training.n, model.shared.lr);
    let target = Target::of(training);
    let reach = if target.relative {
        "within 1%".to_string()
    } else {
        format!("within {}", fmt_sig(target.tolerance, 2))
    };
    let intro = if model.separable && target.relative {
        format!(
            "A threshold on x splits the labels, so C has no lowest point and only falls {}: the dashed line marks 1% \
             above that.",
            floor_words(model.floor())
        )
    } else if target.relative {
        "The dashed line marks 1% above the minimum cost C(θ*).".to_string()
    } else if model.separable {
        format!(
            "A threshold on x splits the labels, so C has no lowest point and only falls towards 0: a percentage of 0 means \
             nothing, and the dashed line marks a cost of {}, a millionth of where the runs start.",
            fmt_sig(target.tolerance, 2)
        )
    } else {
        format!(
            "The best line fits every example, so C(θ*) = 0 and a percentage of it means nothing: the dashed line marks an \
             excess cost of {}, a millionth of where the runs start.",
            fmt_sig(target.tolerance, 2)
        )
    };
    let parts: Vec<String> = training
        .runs
        .iter()
        .map(|run| {
            let who = name(run);
            let excess = |e: f64| excess_text(e, training, target);
            // Without a lowest point (separable labels) the excess is C itself.
            let above = |e: f64| {
                if model.separable {
                    format!("at C = {}", fmt_sig(e + training.c_min, 2))
                } else {
                    format!("{} above the minimum", excess(e))
                }
            };
            // With costs known one step in k (MAE, Huber at large N) the
            // first step found within the target is an upper bound.
            let sampled = run.cost_steps.len() < run.path.thetas.len();
            let when = |step: usize| {
                format!(
                    "{} {}, {}",
                    if sampled { "by" } else { "after" },
                    epochs_text(run.epoch_of(step, n)),
                    plural(step * run.batch, "gradient evaluation", "gradient evaluations")
                )
            };
            match verdict(run, training, target, limits, lr) {
                Verdict::Diverged(k) if limits.for_batch(run.batch, n).is_finite() => format!(
                    "{who} diverged at step {k}: η = {} is above its stability limit 2/λ = {}.",
                    fmt_sig(lr, 3),
                    fmt_sig(limits.for_batch(run.batch, n), 3)
                ),
                Verdict::Diverged(k) => format!(
                    "{who} ran off at step {k}: η = {} makes every step too long to come back.",
                    fmt_sig(lr, 3)
                ),
                Verdict::Unstable { worst } => format!(
                    "{who} is unstable, not just noisy: η = {} is above 2/λ = {} for {}, so steps that lean on it overshoot, \
                     and in the last epoch its cost rose to {}, higher than where it started.",
                    fmt_sig(lr, 3),
                    fmt_sig(limits.for_batch(run.batch, n), 3),
                    if run.batch >= n { "C itself" } else { "the steepest single example" },
                    above(worst)
                ),
                Verdict::Settled { step: 0 } => format!("{who} starts {reach} and stays there."),
                Verdict::Settled { step } => format!("{who} got {reach} {} and stayed there.", when(step)),
                Verdict::Bouncing { step, worst } => {
                    let overshoot = if lr > limits.for_batch(run.batch, n) {
                        format!(
                            " At this η, steps that lean on the steepest example also overshoot (η > 2/λ = {}).",
                            fmt_sig(limits.for_batch(run.batch, n), 3)
                        )
                    } else {
                        String::new()
                    };
                    format!(
                        "{who} got {reach} {}, but keeps jittering around the minimum, up to {} above it in the last epoch.{overshoot}",
                        when(step),
                        excess(worst)
                    )
                }
                Verdict::NotYet { last } => format!(
                    "{who} has not got {reach} in {}: it ends {}.",
                    plural(s.epochs, "epoch", "epochs"),
                    above(last)
                ),
            }
        })
        .collect();
    let decay = match &training.without_decay {
        Some(ends) => {
            let each: Vec<String> = training
                .runs
                .iter()
                .zip(ends)
                .map(|(run, &e)| {
                    let end = training.excess(run.end_cost());
                    let constant = if e.is_finite() {
                        excess_text(e, training, target)
                    } else {
                        "diverged".into()
                    };
                    format!(
                        "{} {} ({constant})",
                        run.kind.label(run.batch),
                        excess_text(end, training, target)
                    )
                })
                .collect();
            format!(
                " What decay did, final excess cost with decay (and with constant η): {}. It shrinks the jitter of the noisy runs; \
                 a run still on its way down only slows.",
                each.join("; ")
            )
        }
        None => String::new(),
    };
    let sorted = if model.shared.order != DataOrder::Generated {
        sorted_text(training, target)
    } else {
        String::new()
    };
    format!(
        "{intro} {}{sorted}{decay} Switch the x-axis to compute to compare what each run paid.",
        parts.join(" ")
    )
}

/// Over sorted data: the range of the sequential run's excess cost within
/// its last pass, next to the shuffled run's over its last epoch.
fn sorted_text(training: &Training, target: Target) -> String {
    let range = |kind: RunKind| {
        let run = training
            .runs
            .iter()
            .find(|r| r.kind == kind && r.path.diverged_at.is_none())?;
        let excess = training.last_epoch_excess(run);
        let lo = excess.clone().fold(f64::INFINITY, f64::min);
        Some((lo, excess.fold(0.0, f64::max)))
    };
    let Some((lo, hi)) = range(RunKind::Sequential) else {
        return String::new();
    };
    let text = |v: f64| excess_text(v, training, target);
    let shuffled = range(RunKind::MiniBatch)
        .map(|(a, b)| {
            format!(
                " (shuffled batches over their last epoch: {} to {})",
                text(a),
                text(b)
            )
        })
        .unwrap_or_default();
    format!(
        " Over sorted data each sequential batch pulls θ towards the line through its own neighbours. Over a pass the pulls \
         nearly cancel (exactly only as η shrinks to 0), so what remains is a loop: within its last pass the sequential run's \
         excess cost runs from {} to {}{shuffled}.",
        text(lo),
        text(hi)
    )
}

/// What sets the noise ball: η, B and Σ(θ*), the spread of the per-example
/// gradients at the minimum; at a perfect fit there is none.
fn noise_ball_text(model: &Model, training: &Training) -> String {
    let Some(best) = model.minimum else {
        return String::new();
    };
    let spread = trace(&gradient_covariance(&model.problem, best));
    let scale = model.gradient_scale();
    if is_rounding(spread.sqrt(), scale) || training.c_min <= 0.0 {
        "At the minimum every per-example gradient is 0: the line fits every example, so Σ(θ*) = 0. A mini-batch estimate \
         there is exact, so the noisy runs have no noise ball: they can go all the way down at a constant η."
            .into()
    } else if model.loss() == Loss::Mae {
        format!(
            "At the lowest point C has a kink, and the per-example arrows keep their full length |(xᵢ, 1)|: they spread \
             tr Σ(θ*) = {} there. A step of η·ĝ from there lands about η·√(tr Σ(θ*)/B) away, and under the absolute error \
             that spread does not shrink as a run gets closer, so the noise ball is set by η and B alone.",
            fmt_sig(spread, 3)
        )
    } else {
        let vanishes = if model.loss() == Loss::Logistic {
            "Under the cross-entropy it never vanishes: an error pᵢ − yᵢ is 0 only at p = 0 or 1, which no finite θ reaches."
        } else {
            "It vanishes only when the model fits every example."
        };
        format!(
            "At the minimum ∇C = 0, but the per-example gradients are not: they spread tr Σ(θ*) = {} around it. A step of η·ĝ \
             from there lands about η·√(tr Σ(θ*)/B) away, so that spread, η and B set the size of the noise ball. {vanishes}",
            fmt_sig(spread, 3)
        )
    }
}

/// The stability limits, η < 2/λ, from the data's curvatures.
fn stability_text(model: &Model, training: &Training, limits: Limits) -> String {
    let lr = model.shared.lr;
    if model.loss() == Loss::Mae {
        return format!(
            "Stable steps: under the absolute error every arrow has the same length |(xᵢ, 1)| however far its example is, so no η makes              the steps grow without bound, and none makes them shrink near the minimum either: the runs keep stepping about η·|(x, 1)|              across the valley floor. Only a smaller η, or its decay, brings them closer. η = {}.",
            fmt_sig(lr, 3)
        );
    }
    let (example_curvature, huber) = match model.loss() {
        Loss::Huber { delta } => ("λᵢ = 2(xᵢ² + 1)", format!(
            " Under Huber (δ = {}) the curvature is the squared error's within δ of the line and 0 beyond, so these limits are safe, not tight.",
            fmt_sig(delta, 3)
        )),
        Loss::Logistic => ("at most λᵢ = (xᵢ² + 1)/4", " Under the cross-entropy an example curves by pᵢ(1 − pᵢ)(xᵢ² + 1), largest where pᵢ = ½, \
             so these limits are safe, not tight: far from the curve's middle much larger steps stay stable.".to_string()),
        _ => ("λᵢ = 2(xᵢ² + 1)", String::new()),
    };
    let verdict_words = if lr >= limits.full_batch {
        "above both: every run overshoots"
    } else if lr >= limits.every_batch {
        "stable for full-batch GD, but not for every single example's step"
    } else {
        "below both: no step overshoots"
    };
    format!(
        "Stable steps: a step overshoots along a direction of curvature λ once η > 2/λ. C's steepest curvature gives full-batch GD \
         the limit {}; one example's loss curves by {example_curvature}, so a batch of one example can overshoot once η > {} (the \
         steepest of the {}). η = {} is {verdict_words}.{huber}",
        fmt_sig(limits.full_batch, 3),
        fmt_sig(limits.every_batch, 3),
        plural(training.n, "example", "examples"),
        fmt_sig(lr, 3)
    )
}
