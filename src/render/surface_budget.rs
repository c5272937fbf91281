//! How finely to draw a surface that costs `per_point` loss evaluations at
//! each point of the window: C under MSE costs 1 (from the moments), C under
//! MAE or Huber costs N (summed example by example), the running mean of
//! scene 5 costs k (the cross-entropy's count 4 times: see
//! [`Loss::evaluation_cost`](crate::core::models::loss::Loss::evaluation_cost)).
//! Cheap surfaces are drawn at full resolution; costly ones from a grid of
//! C coarse enough that one drawing stays within a budget of evaluations:
//! on the canvas the contours are traced on that grid and the heatmap is
//! interpolated from it (one evaluation per grid point), in SVG the heatmap
//! is drawn in cells with the other half of the budget.

use crate::render::HeatmapMode;

/// Loss evaluations allowed for one drawing of a costly surface, heatmap
/// and contours together; the canvas spends half of it (about 10–25 ms of
/// wasm at N = 10,000: a grid of 22 × 22 under MAE, 12 × 12 under the
/// cross-entropy; 70 and 35 a side at N = 1,000). Twice this kept
/// Lighthouse's mobile score of `?loss=logistic&n=1000` at 91.
pub const SUM_BUDGET: f64 = 1e7;

/// The heatmap mode for a surface costing `per_point` evaluations a point,
/// in a frame whose longer side is `frame_px` pixels: `mode` when that is
/// cheap, else C evaluated every so many pixels, enough for half of
/// `budget`: in cells (SVG) or interpolated between (the canvas).
pub fn budgeted_heatmap(
    mode: HeatmapMode,
    per_point: usize,
    frame_px: f64,
    budget: f64,
) -> HeatmapMode {
    if per_point <= 1 {
        return mode;
    }
    let cells = (budget / 2.0 / per_point as f64).max(64.0);
    let side = (frame_px * frame_px / cells).sqrt().ceil() as u32;
    match mode {
        HeatmapMode::Cells(c) => HeatmapMode::Cells(c.max(side)),
        HeatmapMode::Smooth(c) => HeatmapMode::Smooth(c.max(side)),
        HeatmapMode::Bitmap => HeatmapMode::Smooth(side.max(2)),
    }
}

/// Contour grid cells on the longer side for such a surface: `cheap` when
/// it costs one evaluation a point, else within half of `budget` (12 to 128).
pub fn budgeted_contour_cells(per_point: usize, budget: f64, cheap: usize) -> usize {
    if per_point <= 1 {
        return cheap;
    }
    ((budget / 2.0 / per_point as f64).sqrt() as usize).clamp(12, 128)
}

/// The share of a budget a drawing gets when it must be quick: while
/// something is dragged or animates, and while the worker computes the
/// fine grid (see [`crate::render::grid_source`]).
pub const COARSE_SHARE: f64 = 0.1;

/// The budget of one drawing: a tenth of [`SUM_BUDGET`] while something is
/// dragged (a student moving one of 10,000 points redraws C every frame),
/// the whole of it at rest; the page repaints at rest when a drag ends.
pub fn drawing_budget(dragging: bool) -> f64 {
    if dragging {
        SUM_BUDGET * COARSE_SHARE
    } else {
        SUM_BUDGET
    }
}
