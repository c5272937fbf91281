//! Scene 3's window onto θ: framed on the four runs' paths, so that the
//! paths, their markers and their next-step arrows fill the figure instead
//! of a corner of the data's default window.

use crate::core::geometry::ViewWindow;
use crate::page::model::Model;
use crate::scenes::training::runs::Training;

/// The window around every point of the runs that did not diverge, with θ₀
/// and θ*: centred on their bounding box, with half-width 0.6 × its larger
/// side (a 20% margin each way), and never wider than the data's own
/// window nor narrower than a twentieth of it.
pub fn framed_view(model: &Model, training: &Training) -> ViewWindow {
    let default = model.view;
    let mut lo = model.theta();
    let mut hi = lo;
    let mut take = |t: [f64; 2]| {
        for k in 0..2 {
            lo[k] = lo[k].min(t[k]);
            hi[k] = hi[k].max(t[k]);
        }
    };
    if let Some(best) = model.problem.moments().minimum() {
        take(best);
    }
    for run in training
        .runs
        .iter()
        .filter(|r| r.path.diverged_at.is_none())
    {
        for &t in &run.path.thetas {
            take(t);
        }
    }
    let side = (hi[0] - lo[0]).max(hi[1] - lo[1]);
    let half = (0.6 * side).clamp(default.half / 20.0, default.half);
    if !half.is_finite() {
        return default;
    }
    ViewWindow {
        center: [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0],
        half,
    }
}
