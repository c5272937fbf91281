//! Scene 3, "training" (T5, T6).

pub mod captions;
pub mod framing;
pub mod loss_chart;
pub mod path_sampling;
pub mod run_style;
pub mod runs;
pub mod scene;
pub mod settings;
pub mod trajectories;
pub mod verdict;
