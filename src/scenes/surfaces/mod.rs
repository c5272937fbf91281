//! Scene 5, "every example has its own surface" (claim T4): each example's
//! loss Lᵢ(θ) drawn over θ, and their running mean becoming C.

pub mod captions;
pub mod derived;
pub mod numbers;
pub mod panels;
pub mod scene;
pub mod settings;
pub mod sum;
pub mod table;
