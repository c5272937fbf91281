//! Scene 3, "training", as pure data: four runs from the same θ₀ (full-batch
//! GD, shuffled mini-batches, SGD, and sequential mini-batches in stored
//! order), their costs step by step, and where each stands at a time given
//! in epochs.

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
    pub costs: Vec<f64>,
    pub learning_rates: Vec<f64>,
}

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

    /// The first step whose cost is within `fraction` of the minimum,
    /// C(θₜ) ≤ (1 + fraction)·C(θ*).
    pub fn first_within(&self, c_min: f64, fraction: f64) -> Option<usize> {
        self.costs
            .iter()
            .position(|&c| c <= c_min * (1.0 + fraction))
    }
}

/// The four runs of the state's settings, from θ₀ = the state's θ.
pub struct Training {
    pub runs: Vec<Run>,
    pub n: usize,
    /// C(θ*), the smallest cost.
    pub c_min: f64,
}

impl Training {
    /// Runs all four for `s.epochs` epochs, with the shared θ₀, B, η and seed.
    pub fn new(model: &Model, s: &TrainingSettings) -> Self {
        let shared = &model.shared;
        let (p, n) = (&model.problem, model.problem.num_examples());
        let m = p.moments();
        let runs = RunKind::ALL
            .iter()
            .enumerate()
            .map(|(k, &kind)| {
                let batch = kind.batch(n, shared.batch);
                let steps = (s.epochs * n).div_ceil(batch);
                let per_epoch = (n / batch).max(1);
                let schedule = if s.decay {
                    Schedule::InverseTime {
                        lr: shared.lr,
                        steps_per_epoch: per_epoch,
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
                let costs = path.thetas.iter().map(|&t| m.cost(t)).collect();
                let learning_rates = (0..path.thetas.len() - 1).map(|t| schedule.at(t)).collect();
                Run {
                    kind,
                    batch,
                    path,
                    costs,
                    learning_rates,
                }
            })
            .collect();
        Self {
            runs,
            n,
            c_min: m.min_cost(),
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
