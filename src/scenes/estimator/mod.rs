//! Scene 2, "a mini-batch is an estimate" (T5, T6).

pub mod bias_test;
pub mod captions;
pub mod cloud;
pub mod cloud_figure;
pub mod passes_text;
pub mod scene;
pub mod settings;
pub mod spread;
pub mod spread_chart;
