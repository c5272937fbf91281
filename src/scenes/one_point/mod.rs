//! Scene 1, "one point, many gradients" (T1–T3, T9, T12).

pub mod captions;
pub mod mistaken;
pub mod scene;
pub mod settings;
