//! Scene 4, "you can't average first" (T7, T8, T10, T11).

pub mod captions;
pub mod figure;
pub mod network;
pub mod network_figure;
pub mod parts;
pub mod scene;
pub mod settings;
