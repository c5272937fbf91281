//! The page state: one plain struct, everything a link must reproduce.
//!
//! The state is pure data. It is written to and read from the URL by
//! [`crate::query`], and every figure, readout and caption is a function of it.

use crate::data::DataRecipe;
use crate::linear::Theta;

/// The largest N the page accepts. Above this the per-frame arrows stop
/// being readable and the frame budget is exceeded.
pub const MAX_EXAMPLES: usize = 10_000;

/// The scenes of the page. Only the first exists so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scene {
    /// "One point, many gradients".
    OnePoint,
}

impl Scene {
    /// The name used in the URL (`scene=...`).
    pub fn key(self) -> &'static str {
        match self {
            Scene::OnePoint => "one-point",
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

/// A window onto parameter space with equal scale on both axes: its centre
/// and its half-extent along the shorter side of the figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewWindow {
    pub center: Theta,
    pub half: f64,
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
        }
    }
}
