//! What each run of scene 3 did, decided from its costs, so that the words
//! ("settles", "bounces", "unstable") match the curves drawn.
//!
//! "Close to the minimum" is an excess cost C(θ) − C(θ*) within a target:
//! 1% of C(θ*) when the best line leaves some error, and, when it fits
//! every example (C(θ*) = 0 to rounding, where a percentage of 0 means
//! nothing), a millionth of the excess the runs started with.

use crate::core::models::loss::Loss;
use crate::core::stability::{cost_curvature, steepest_example_curvature};
use crate::page::model::Model;
use crate::scenes::training::runs::{Run, Training};

/// How close counts as at the minimum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    /// The largest excess cost that counts as there.
    pub tolerance: f64,
    /// True when the tolerance is 1% of C(θ*); false when it is absolute.
    pub relative: bool,
}

impl Target {
    /// The target for runs from a start whose cost is `c_start`, when the
    /// best cost is `c_min`, or 0 to rounding if `exact_fit`.
    pub fn new(c_min: f64, c_start: f64, exact_fit: bool) -> Self {
        if exact_fit {
            Self {
                tolerance: (1e-6 * (c_start - c_min)).max(1e-12),
                relative: false,
            }
        } else {
            Self {
                tolerance: 0.01 * c_min,
                relative: true,
            }
        }
    }

    /// The target of the runs of `training` (which all start at one θ₀).
    pub fn of(training: &Training) -> Self {
        let start = training.runs.first().map_or(0.0, |r| r.costs[0]);
        Self::new(training.c_min, start, training.exact_fit)
    }
}

/// What one run did by the end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// Its cost blew up at this step.
    Diverged(usize),
    /// η is above 2/λ for some of its steps, and its late cost rose above
    /// where it started: overshooting, not noise. `worst` is the late excess.
    Unstable { worst: f64 },
    /// It reached the target at `step` and stayed there through the last epoch.
    Settled { step: usize },
    /// It reached the target at `step`, but in the last epoch its excess
    /// cost rose back above the target, up to `worst`: it jitters around
    /// the minimum.
    Bouncing { step: usize, worst: f64 },
    /// It has not reached the target; `last` is its final excess cost.
    NotYet { last: f64 },
}

/// The stability limits of the data: η below 2/λ_C keeps full-batch GD
/// from overshooting; η below 2/max λᵢ keeps every batch's step from it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub full_batch: f64,
    pub every_batch: f64,
}

impl Limits {
    /// The limits of the model's data. Huber's curvature is that of the
    /// squared error within δ and 0 beyond, so the squared error's limits
    /// hold for it too (they are then sufficient, not necessary). The
    /// absolute error has no curvature to overshoot along: its steps never
    /// blow up, and its limits are ∞. The cross-entropy curves at most an
    /// eighth as much as the squared error, so 8 times its limits are safe.
    pub fn of(model: &Model) -> Self {
        if model.loss() == Loss::Mae {
            return Self {
                full_batch: f64::INFINITY,
                every_batch: f64::INFINITY,
            };
        }
        let m = model.problem.moments();
        // The cross-entropy's curvature pᵢ(1 − pᵢ)(xᵢ, 1)(xᵢ, 1)ᵀ is at most a
        // quarter of (xᵢ, 1)(xᵢ, 1)ᵀ, an eighth of the squared error's.
        let flatter = if model.loss() == Loss::Logistic {
            8.0
        } else {
            1.0
        };
        Self {
            full_batch: flatter * 2.0 / cost_curvature(m),
            every_batch: flatter * 2.0 / steepest_example_curvature(&model.problem.data().xs),
        }
    }

    /// The limit that applies to a run with batches of `batch` out of `n`.
    pub fn for_batch(&self, batch: usize, n: usize) -> f64 {
        if batch >= n {
            self.full_batch
        } else {
            self.every_batch
        }
    }
}

/// The verdict on `run`, trained at base rate `lr`.
pub fn verdict(run: &Run, training: &Training, target: Target, limits: Limits, lr: f64) -> Verdict {
    if let Some(k) = run.path.diverged_at {
        return Verdict::Diverged(k);
    }
    let excess = |c: f64| training.excess(c);
    let n = training.n;
    let last_epoch_start = run.last_epoch_start(n);
    let worst = training.last_epoch_excess(run).fold(0.0, f64::max);
    let start = excess(run.costs[0]);
    if lr > limits.for_batch(run.batch, n) && worst > start.max(target.tolerance) {
        return Verdict::Unstable { worst };
    }
    match run
        .known_costs(0)
        .find(|&(_, c)| excess(c) <= target.tolerance)
    {
        None => Verdict::NotYet {
            last: excess(run.end_cost()),
        },
        Some((step, _)) => {
            // After it first got there (within the last epoch), did it leave?
            let from = step.max(last_epoch_start);
            let worst = run
                .known_costs(from)
                .map(|(_, c)| excess(c))
                .fold(0.0, f64::max);
            if worst <= target.tolerance {
                Verdict::Settled { step }
            } else {
                Verdict::Bouncing { step, worst }
            }
        }
    }
}
