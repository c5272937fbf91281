//! Which steps of a long path are drawn. At N = 10,000 a run takes hundreds
//! of thousands of steps; stroking every one made each frame of *Play* cost
//! 50–100 ms. The latest steps are drawn one by one, the earlier ones
//! through one step in k, and the caption says so when it happens.

use crate::core::Theta;

/// The most steps of a path drawn one by one: the latest ones. Before them
/// a path is drawn through every k-th step, so that at N = 10,000 a frame
/// strokes a few thousand segments instead of hundreds of thousands.
pub const DRAWN_STEPS: usize = 600;

/// The points of `path` that are drawn: every one when there are at most
/// 2 × [`DRAWN_STEPS`]; otherwise an evenly spaced [`DRAWN_STEPS`] of the
/// earlier steps (the first included), then the latest [`DRAWN_STEPS`].
pub fn drawn_steps(path: &[Theta]) -> impl Iterator<Item = Theta> + '_ {
    let split = path.len().saturating_sub(DRAWN_STEPS);
    path[..split]
        .iter()
        .step_by(stride(path.len()))
        .chain(&path[split..])
        .copied()
}

/// The k of "every k-th step" for a path of `len` points (1: every step).
pub fn stride(len: usize) -> usize {
    len.saturating_sub(DRAWN_STEPS).div_ceil(DRAWN_STEPS).max(1)
}
