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
///
/// `current`, the window framed before, is kept while it still frames the
/// runs well (every point inside, the box at least half as wide as the
/// window): a new η or a small step of θ₀ then leaves the surface, and
/// its costly repaint, as they were.
pub fn framed_view(model: &Model, training: &Training, current: Option<ViewWindow>) -> ViewWindow {
    let default = model.view;
    let mut lo = model.theta();
    let mut hi = lo;
    let mut take = |t: [f64; 2]| {
        for k in 0..2 {
            lo[k] = lo[k].min(t[k]);
            hi[k] = hi[k].max(t[k]);
        }
    };
    if let Some(best) = model.minimum {
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
    if let Some(c) = current {
        let inside = (0..2).all(|k| lo[k] >= c.center[k] - c.half && hi[k] <= c.center[k] + c.half);
        if inside && half >= 0.5 * c.half && c.half <= default.half {
            return c;
        }
    }
    ViewWindow {
        center: [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0],
        half,
    }
}
