//! Where a costly surface's grid comes from. A figure asks a [`GridSource`]
//! for the grid of C it wants; SVG, printing, tests and anything dragged
//! compute it at once ([`ComputeHere`]), while the page at rest may hand it
//! to a web worker (`canvas::grids`) and draw a coarser grid until the fine
//! one comes back.

use super::surface_budget::{budgeted_contour_cells, COARSE_SHARE};
use crate::core::geometry::PlotFrame;
use crate::core::grid_job::GridJob;
use crate::core::models::linear::LinearProblem;
use crate::core::surface::SurfaceGrid;

/// Gives the grid of a [`GridJob`], now or later.
pub trait GridSource {
    /// The grid of `job`, or None when it is on its way (then asked for:
    /// the figure is painted again when it arrives).
    fn grid(&self, job: &GridJob) -> Option<SurfaceGrid>;
}

/// Cells on the longer side of the sketch a canvas shows while its grid
/// is computed elsewhere: coarse contours for a tenth of a second or so.
pub const SKETCH_CELLS: usize = 6;

/// Runs every job at once, on this thread.
pub struct ComputeHere;

impl GridSource for ComputeHere {
    fn grid(&self, job: &GridJob) -> Option<SurfaceGrid> {
        Some(job.run())
    }
}

/// The grid of C for `problem` (summed example by example, `per_point`
/// loss evaluations a point) over `frame`, within half of `budget`
/// evaluations (see [`budgeted_contour_cells`]). A grid that costs no more
/// than a [`COARSE_SHARE`] of the budget is computed here; a costlier one
/// comes from `grids`, or, while it is on its way, a sketch within that
/// share is computed here (as few as [`SKETCH_CELLS`] a side).
pub fn costly_grid(
    grids: &dyn GridSource,
    problem: &LinearProblem,
    frame: &PlotFrame,
    per_point: usize,
    budget: f64,
) -> SurfaceGrid {
    let quick = budget * COARSE_SHARE;
    let cells = budgeted_contour_cells(per_point, budget, 256);
    let job = GridJob::over_frame(problem, frame, cells);
    if (job.points() * per_point) as f64 <= quick {
        return job.run();
    }
    grids.grid(&job).unwrap_or_else(|| {
        let side = ((quick / 2.0 / per_point as f64).sqrt() as usize).clamp(SKETCH_CELLS, cells);
        GridJob::over_frame(problem, frame, side).run()
    })
}
