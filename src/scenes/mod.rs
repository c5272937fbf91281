//! One folder per scene: its sub-state and URL keys (`settings.rs`), its
//! derived data, captions and figures, and its [`Scene`] implementation.
//! This file is the registry: the scene keys, and which type shows each.

pub mod average_first;
pub mod estimator;
pub mod export;
pub mod one_point;
pub mod scene;
pub mod state;
pub mod surfaces;
pub mod training;

/// The scenes of the page, in page order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SceneKey {
    /// 1, "one point, many gradients".
    #[default]
    OnePoint,
    /// 2, "a mini-batch is an estimate".
    Estimator,
    /// 3, "training".
    Training,
    /// 4, "you can't average first".
    AverageFirst,
    /// 5, "every example has its own surface".
    Surfaces,
}

impl SceneKey {
    /// Every scene, in page order.
    pub const ALL: [SceneKey; 5] = [
        SceneKey::OnePoint,
        SceneKey::Estimator,
        SceneKey::Training,
        SceneKey::AverageFirst,
        SceneKey::Surfaces,
    ];

    /// The name used in the URL (`scene=...`) and in `data-scene`.
    pub fn key(self) -> &'static str {
        match self {
            SceneKey::OnePoint => "one-point",
            SceneKey::Estimator => "estimator",
            SceneKey::Training => "training",
            SceneKey::AverageFirst => "average-first",
            SceneKey::Surfaces => "surfaces",
        }
    }

    /// The scene's number and name, as its section's label says.
    pub fn title(self) -> &'static str {
        match self {
            SceneKey::OnePoint => "Scene 1: one point, many gradients",
            SceneKey::Estimator => "Scene 2: a mini-batch is an estimate",
            SceneKey::Training => "Scene 3: training",
            SceneKey::AverageFirst => "Scene 4: you can't average first",
            SceneKey::Surfaces => "Scene 5: every example has its own surface",
        }
    }
}

use crate::render::HeatmapMode;
use plotters::prelude::DrawingBackend;
use scene::Scene;
use state::State;

/// The registry: a new scene of kind `key` for the page in `state`. The
/// heatmap mode is the host's (a bitmap on a canvas, cells in SVG).
pub fn make<DB: DrawingBackend>(
    key: SceneKey,
    state: &State,
    heatmap: HeatmapMode,
) -> Box<dyn Scene<DB>> {
    match key {
        SceneKey::OnePoint => Box::new(one_point::scene::OnePoint::new(state, heatmap)),
        SceneKey::Estimator => Box::new(estimator::scene::Estimator::new(heatmap)),
        SceneKey::Training => Box::new(training::scene::TrainingScene::new(heatmap)),
        SceneKey::AverageFirst => Box::new(average_first::scene::AverageFirst::new(heatmap)),
        SceneKey::Surfaces => Box::new(surfaces::scene::Surfaces::new(heatmap)),
    }
}
