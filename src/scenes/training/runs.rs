//! Scene 3, "training", as pure data: four runs from the same θ₀ (full-batch
//! GD, shuffled mini-batches, SGD, and sequential mini-batches in stored
//! order), their costs step by step, and where each stands at a time given
//! in epochs.

use crate::core::models::loss::Loss;
use crate::core::sampler::SamplingMode;
use crate::core::train::{train_path, Schedule, TrainPath};
use crate::core::Theta;
use crate::page::model::Model;
use crate::scenes::training::settings::TrainingSettings;

/// The four kinds of run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunKind {
    FullBatch,
    MiniBatch,
    Sgd,
    Sequential,
}

impl RunKind {
    /// Every run, in legend order.
    pub const ALL: [RunKind; 4] = [
        Self::FullBatch,
        Self::MiniBatch,
        Self::Sgd,
        Self::Sequential,
    ];

    /// The run's name in legends and captions.
    pub fn label(self, batch: usize) -> String {
        match self {
            Self::FullBatch => "full-batch GD".into(),
            Self::MiniBatch => format!("mini-batch, B = {batch}, shuffled"),
            Self::Sgd => "SGD, B = 1, shuffled".into(),
            Self::Sequential => format!("mini-batch, B = {batch}, sequential"),
        }
    }

    /// Its batch size, given N and the chosen B.
    pub fn batch(self, n: usize, b: usize) -> usize {
        match self {
            Self::FullBatch => n,
            Self::Sgd => 1,
            Self::MiniBatch | Self::Sequential => b.clamp(1, n),
        }
    }

    /// Its sampling mode. Full-batch GD takes all N examples in order each
    /// step, which is the sequential mode with B = N.
    pub fn mode(self) -> SamplingMode {
        match self {
            Self::FullBatch | Self::Sequential => SamplingMode::Sequential,
            Self::MiniBatch | Self::Sgd => SamplingMode::WithoutReplacement,
        }
    }
}

/// One run: its path, the cost C(θₜ) after every step, and the learning
/// rate of every step taken.
pub struct Run {
    pub kind: RunKind,
    pub batch: usize,
    pub path: TrainPath,
    /// C at the steps in `cost_steps`.
    pub costs: Vec<f64>,
    /// The steps whose cost is known, increasing, the first and the last
    /// included: every step under MSE (C in O(1) from the moments), one in
    /// k under MAE, Huber and the cross-entropy, where each cost is a pass over the examples
    /// (see [`COST_BUDGET`]).
    pub cost_steps: Vec<usize>,
    pub learning_rates: Vec<f64>,
}

/// Loss evaluations for the costs of all four runs together (counted as
/// [`Loss::evaluation_cost`] says): under MAE, Huber and the cross-entropy
/// a run of many steps at large N gets its cost every k steps. About 20 ms
/// of wasm; at 2·10⁷, with the cross-entropy's evaluations counted as one,
/// Lighthouse's mobile score of `?loss=logistic&scene=training&n=1000` was 74.
pub const COST_BUDGET: usize = 4_000_000;

impl Run {
    /// Epochs done after `step` steps: examples processed over N.
    pub fn epoch_of(&self, step: usize, n: usize) -> f64 {
        (step * self.batch) as f64 / n as f64
    }

    /// The last step done by time `epoch` (within the path).
    pub fn step_at(&self, epoch: f64, n: usize) -> usize {
        let step = (epoch * n as f64 / self.batch as f64 + 1e-9)
            .floor()
            .max(0.0) as usize;
        step.min(self.path.thetas.len() - 1)
    }

    /// The first step of the run's last epoch (its last N examples).
    pub fn last_epoch_start(&self, n: usize) -> usize {
        let last = self.path.thetas.len() - 1;
        self.step_at((self.epoch_of(last, n) - 1.0).max(0.0), n)
    }

    /// Its final cost.
    pub fn end_cost(&self) -> f64 {
        self.costs[self.costs.len() - 1]
    }

    /// The last step at or before `step` whose cost is known, and that cost.
    pub fn cost_at(&self, step: usize) -> (usize, f64) {
        let j = self.cost_steps.partition_point(|&s| s <= step).max(1) - 1;
        (self.cost_steps[j], self.costs[j])
    }

    /// The known (step, cost) pairs from step `from` on.
    pub fn known_costs(&self, from: usize) -> impl Iterator<Item = (usize, f64)> + Clone + '_ {
        let j = self.cost_steps.partition_point(|&s| s < from);
        self.cost_steps[j..]
            .iter()
            .copied()
            .zip(self.costs[j..].iter().copied())
    }
}

/// The four runs of the state's settings, from θ₀ = the state's θ.
pub struct Training {
    pub runs: Vec<Run>,
    pub n: usize,
    /// C(θ*), the smallest cost.
    pub c_min: f64,
    /// True when the best line fits every example (C(θ*) = 0 to rounding).
    pub exact_fit: bool,
    /// With decay on: each run's final excess cost C − C(θ*) had η stayed
    /// constant (∞ for a run that would have diverged), to say what decay cost.
    pub without_decay: Option<Vec<f64>>,
}

/// The four runs from the shared θ₀, with or without decay.
fn run_all(model: &Model, s: &TrainingSettings, decay: bool) -> Vec<Run> {
    let shared = &model.shared;
    let (p, n) = (&model.problem, model.problem.num_examples());
    let per_cost = match model.loss() {
        Loss::Mse => 1,
        loss => n * loss.evaluation_cost(),
    };
    let costs_per_run = (COST_BUDGET / RunKind::ALL.len() / per_cost).max(2);
    RunKind::ALL
        .iter()
        .enumerate()
        .map(|(k, &kind)| {
            let batch = kind.batch(n, shared.batch);
            let steps = (s.epochs * n).div_ceil(batch);
            let schedule = if decay {
                Schedule::EpochDecay {
                    lr: shared.lr,
                    steps_per_epoch: (n / batch).max(1),
                    start_epoch: decay_start(s.epochs),
                }
            } else {
                Schedule::Constant(shared.lr)
            };
            let seed = shared.draw_seed.wrapping_add(k as u32);
            let path = train_path(p, shared.theta, schedule, steps, batch, kind.mode(), seed)
                .unwrap_or(TrainPath {
                    thetas: vec![shared.theta],
                    diverged_at: None,
                });
            let last = path.thetas.len() - 1;
            let stride = last.div_ceil(costs_per_run - 1).max(1);
            let cost_steps: Vec<usize> = (0..last)
                .step_by(stride)
                .chain(std::iter::once(last))
                .collect();
            let costs = cost_steps
                .iter()
                .map(|&t| model.cost_at(path.thetas[t]))
                .collect();
            let learning_rates = (0..last).map(|t| schedule.at(t)).collect();
            Run {
                kind,
                batch,
                path,
                costs,
                cost_steps,
                learning_rates,
            }
        })
        .collect()
}

/// The epoch from which the learning rate decays, when it does: halfway,
/// so that every run first makes its way down at the full rate.
pub fn decay_start(epochs: usize) -> usize {
    (epochs / 2).max(1)
}

impl Training {
    /// The excess cost C − C(θ*) of a cost `c` (never below 0: rounding
    /// can put a cost a hair under the minimum).
    pub fn excess(&self, c: f64) -> f64 {
        (c - self.c_min).max(0.0)
    }

    /// The excess costs of `run` over its last epoch.
    pub fn last_epoch_excess<'a>(&'a self, run: &'a Run) -> impl Iterator<Item = f64> + Clone + 'a {
        run.known_costs(run.last_epoch_start(self.n))
            .map(|(_, c)| self.excess(c))
    }

    /// Runs all four for `s.epochs` epochs, with the shared θ₀, B, η and
    /// seed; with decay on, also their ends without it.
    pub fn new(model: &Model, s: &TrainingSettings) -> Self {
        let c_min = model.min_cost();
        let runs = run_all(model, s, s.decay);
        let without_decay = s.decay.then(|| {
            run_all(model, s, false)
                .iter()
                .map(|r| match r.path.diverged_at {
                    Some(_) => f64::INFINITY,
                    None => (r.end_cost() - c_min).max(0.0),
                })
                .collect()
        });
        Self {
            runs,
            n: model.problem.num_examples(),
            c_min,
            exact_fit: model.fits_exactly(),
            without_decay,
        }
    }

    /// Where each run stands at time `epoch`: its step and θ.
    pub fn positions(&self, epoch: f64) -> Vec<(usize, Theta)> {
        self.runs
            .iter()
            .map(|r| {
                let step = r.step_at(epoch, self.n);
                (step, r.path.thetas[step])
            })
            .collect()
    }
}
