//! The pure math: models, data, sampling, estimators, training, surfaces,
//! geometry and number formatting. Nothing here knows the page, a scene,
//! a figure or the web (tests/architecture.rs checks it).

pub mod csv;
pub mod data;
pub mod decimal;
pub mod error;
pub mod estimator;
pub mod geometry;
pub mod grid_job;
pub mod isolines;
pub mod math;
pub mod models;
pub mod moments;
pub mod objective;
pub mod passes;
pub mod points;
pub mod rng;
pub mod sampler;
pub mod stability;
pub mod surface;
pub mod tanh;
pub mod text;
pub mod train;

/// A point of the two-parameter plane: θ = [slope, intercept] for the linear
/// models, or any two parameters on a slice.
pub type Theta = [f64; 2];
