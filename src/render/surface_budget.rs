//! How finely to draw a surface that costs `per_point` loss evaluations at
//! each point of the window: C under MSE costs 1 (from the moments), C under
//! MAE or Huber costs N (summed example by example), the running mean of
//! scene 5 costs k. Cheap surfaces are drawn at full resolution; costly ones
//! in cells large enough that one drawing stays within a budget of
//! evaluations, so that a frame stays short at N = 10,000.

use crate::render::HeatmapMode;

/// Loss evaluations allowed for one drawing of a costly surface, heatmap
/// and contours together (about 20–40 ms of wasm).
pub const SUM_BUDGET: f64 = 2e7;

/// The heatmap mode for a surface costing `per_point` evaluations a point,
/// in a frame whose longer side is `frame_px` pixels: `mode` when that is
/// cheap, else square cells big enough for half of `budget`.
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
        HeatmapMode::Bitmap => HeatmapMode::Cells(side.max(2)),
    }
}

/// Contour grid cells on the longer side for such a surface: `cheap` when
/// it costs one evaluation a point, else within half of `budget` (12 to 64).
pub fn budgeted_contour_cells(per_point: usize, budget: f64, cheap: usize) -> usize {
    if per_point <= 1 {
        return cheap;
    }
    ((budget / 2.0 / per_point as f64).sqrt() as usize).clamp(12, 64)
}

/// The budget of one drawing: a tenth of [`SUM_BUDGET`] while something is
/// dragged (a student moving one of 10,000 points redraws C every frame),
/// the whole of it at rest; the page repaints at rest when a drag ends.
pub fn drawing_budget(dragging: bool) -> f64 {
    if dragging {
        SUM_BUDGET / 10.0
    } else {
        SUM_BUDGET
    }
}

/// Cells on the longer side of the grid a costly surface's colour scale is
/// read from: about a tenth of `budget`, 6 to 16.
pub fn budgeted_scale_cells(per_point: usize, budget: f64) -> usize {
    ((budget / 10.0 / per_point.max(1) as f64).sqrt() as usize).clamp(6, 16)
}
