//! The page state: one plain struct, everything a link must reproduce.
//!
//! The state is pure data. It is written to and read from the URL by
//! [`crate::page::settings`], and every figure, readout and caption is a function of it.

use crate::core::data::{DataOrder, DataRecipe};
use crate::core::geometry::ViewWindow;
use crate::core::sampler::SamplingMode;
use crate::core::Theta;
use crate::scenes::average_first::parts::Part;

/// The largest N the page accepts. Above this the per-frame arrows stop
/// being readable and the frame budget is exceeded.
pub const MAX_EXAMPLES: usize = 10_000;

/// The most epochs a training run may last.
pub const MAX_EPOCHS: usize = 100;

/// The largest number of mini-batch draws a cloud may hold.
pub const MAX_DRAWS: usize = 20_000;

/// The scenes of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scene {
    /// 1, "one point, many gradients".
    OnePoint,
    /// 2, "a mini-batch is an estimate".
    Estimator,
    /// 3, "training".
    Training,
    /// 4, "you can't average first".
    AverageFirst,
}

impl Scene {
    /// Every scene, in page order.
    pub const ALL: [Scene; 4] = [
        Scene::OnePoint,
        Scene::Estimator,
        Scene::Training,
        Scene::AverageFirst,
    ];

    /// The name used in the URL (`scene=...`).
    pub fn key(self) -> &'static str {
        match self {
            Scene::OnePoint => "one-point",
            Scene::Estimator => "estimator",
            Scene::Training => "training",
            Scene::AverageFirst => "average-first",
        }
    }
}

/// Where the per-example arrows are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    /// The true picture: every arrow starts at the one θ.
    True,
    /// The mistaken picture of the original question: each example's arrow
    /// sits at its own place, as if the surface were drawn over the examples.
    Mistaken,
}

/// Everything the page shows, and nothing else.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub scene: Scene,
    pub recipe: DataRecipe,
    /// θ = [slope, intercept], where every gradient is evaluated.
    pub theta: Theta,
    /// A multiplier on the automatic arrow length.
    pub arrow_scale: f64,
    /// `None` frames the window automatically around the minimum.
    pub view: Option<ViewWindow>,
    pub picture: Picture,
    /// The example picked by a tap or click, if any.
    pub selected: Option<usize>,
    /// How the examples are stored: as generated, or sorted.
    pub order: DataOrder,
    /// B, the mini-batch size of scene 2.
    pub batch: usize,
    /// How scene 2 draws its batches.
    pub mode: SamplingMode,
    /// How many batches scene 2 has drawn (its cloud); 0 is no cloud.
    pub draws: usize,
    /// The seed of scene 2's draws and of scene 3's batches.
    pub draw_seed: u32,
    /// η, the learning rate of scene 3.
    pub lr: f64,
    /// How many epochs scene 3's runs last.
    pub epochs: usize,
    /// Whether scene 3 decays the learning rate as 1/t.
    pub decay: bool,
    /// The time shown in scene 3, in epochs.
    pub at: f64,
    /// How fast scene 3 plays, in epochs per second.
    pub speed: f64,
    /// Whether scene 3's loss curves are drawn against gradient evaluations
    /// (the compute) rather than epochs.
    pub against_compute: bool,
    /// Which part of scene 4 is shown.
    pub part: Part,
    /// Whether scene 4's averaged-inputs part shows the surface of (mean
    /// error)² instead of C.
    pub valley: bool,
    /// H, the hidden units of scene 4's network.
    pub hidden: usize,
    /// The two network parameters on the slice's axes (`None`: w₂[1] and b₂).
    pub slice: Option<[usize; 2]>,
    /// Where the two sliced parameters stand (`None`: at the seeded start).
    pub net_at: Option<[f64; 2]>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            scene: Scene::OnePoint,
            recipe: DataRecipe {
                n: 12,
                slope: 1.5,
                intercept: 0.5,
                noise: 0.5,
                x_min: -1.0,
                x_max: 2.0,
                seed: 7,
            },
            theta: [0.0, 0.0],
            arrow_scale: 1.0,
            view: None,
            picture: Picture::True,
            selected: None,
            order: DataOrder::Generated,
            batch: 4,
            mode: SamplingMode::WithoutReplacement,
            draws: 0,
            draw_seed: 1,
            lr: 0.1,
            epochs: 20,
            decay: false,
            at: 20.0,
            speed: 2.0,
            against_compute: false,
            part: Part::Inputs,
            valley: false,
            hidden: 4,
            slice: None,
            net_at: None,
        }
    }
}
