//! The words of scene 3, generated from the runs they describe.

use crate::core::text::{fmt_sig, fmt_vec};
use crate::page::model::Model;
use crate::page::readout::Readout;
use crate::scenes::training::runs::{Run, RunKind, Training};
use crate::scenes::training::settings::TrainingSettings;

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

/// Every text of scene 3, at time `epoch`.
pub fn training_text(
    model: &Model,
    s: &TrainingSettings,
    training: &Training,
    epoch: f64,
) -> Vec<Readout> {
    let shared = &model.shared;
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
            "η = {} decaying as 1/t (halved after one epoch)",
            fmt_sig(shared.lr, 3)
        )
    } else {
        format!("constant η = {}", fmt_sig(shared.lr, 3))
    };
    out.push(Readout::new(
        "readout-time",
        format!(
            "{} of {}",
            epochs_text(epoch.min(s.epochs as f64)),
            s.epochs
        ),
    ));
    out.push(Readout::new(
        "caption-param",
        format!(
            "Four runs start at the same θ₀ = {} (the white dot; drag it) with {rate}. Each marker is where its run has got to after {}; \
             its arrow is the step it takes next, −ĝ, from its own batch. Full-batch GD follows the surface smoothly; the mini-batch runs \
             wander because each step uses an estimate.",
            fmt_vec(shared.theta, 3),
            epochs_text(epoch.min(s.epochs as f64))
        ),
    ));
    out.push(Readout::new(
        "caption-loss",
        race_caption(training, s.epochs),
    ));
    out.push(Readout::new(
        "caption-data",
        format!("The lines of the four runs' current θ over the {n} examples. The marker shapes in the legend match the lines' colours and dashes."),
    ));
    out
}

/// Who got within 1% of the minimum loss, and at what cost in epochs and
/// per-example gradient evaluations.
fn race_caption(training: &Training, epochs: usize) -> String {
    let n = training.n;
    let parts: Vec<String> = training
        .runs
        .iter()
        .map(|run| {
            if let Some(k) = run.path.diverged_at {
                return format!("{} diverged at step {k}: the learning rate is too large for it.", name(run));
            }
            match run.first_within(training.c_min, 0.01) {
                Some(step) => {
                    let reached = format!(
                        "{} reached within 1% of the minimum loss after {}, which is {} gradient evaluations",
                        name(run),
                        epochs_text(run.epoch_of(step, n)),
                        step * run.batch
                    );
                    // Over the last epoch, does it stay there or bounce in a noise ball?
                    let last_epoch = run.step_at((run.epoch_of(run.costs.len() - 1, n) - 1.0).max(0.0), n);
                    let worst = run.costs[last_epoch..].iter().copied().fold(0.0, f64::max);
                    let above = (worst / training.c_min - 1.0) * 100.0;
                    if training.c_min > 0.0 && above > 1.0 {
                        format!("{reached}, but its noise keeps it bouncing up to {}% above in the last epoch.", fmt_sig(above, 2))
                    } else {
                        format!("{reached}.")
                    }
                }
                None => {
                    let last = run.costs.last().copied().unwrap_or(f64::NAN);
                    let above = if training.c_min > 0.0 { (last / training.c_min - 1.0) * 100.0 } else { f64::INFINITY };
                    format!(
                        "{} did not get within 1% in {epochs} epochs: it ends {}% above the minimum.",
                        name(run),
                        fmt_sig(above, 2)
                    )
                }
            }
        })
        .collect();
    format!(
        "The dashed line marks 1% above the minimum cost C(θ*). {} Switch the x-axis to compute to compare what each run paid.",
        parts.join(" ")
    )
}
