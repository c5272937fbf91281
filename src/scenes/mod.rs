//! One folder per scene: its sub-state, derived data, captions and figures.

pub mod average_first;
pub mod estimator;
pub mod one_point;
pub mod training;
