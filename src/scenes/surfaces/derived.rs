//! What scene 5 derives from the state: the problem under the scene's
//! loss, the first k of it, C's colour scale, the gap between the mean of
//! the first k surfaces and C, and the arrow unit; rebuilt when its key changes.

use crate::core::data::Dataset;
use crate::core::geometry::{equal_scale_frame, ViewWindow};
use crate::core::models::linear::LinearProblem;
use crate::core::models::loss::Loss;
use crate::core::objective::Objective;
use crate::core::surface::{ColorScale, SurfaceGrid};
use crate::core::Theta;
use crate::page::state::DataKey;
use crate::scenes::scene::Ctx;
use crate::scenes::surfaces::sum::{first_k, gap_to_cost, Gap};

/// Arrows are scaled so that the RMS per-example arrow at a corner of the
/// window is this fraction of its half-width (as in the other scenes).
const ARROW_FILL: f64 = 0.9;

/// What the derived data depend on.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    /// The data, by the key every scene's caches use (no copy of the points).
    pub data: DataKey,
    pub loss: Loss,
    pub k: usize,
    pub view: ViewWindow,
    pub shown: Vec<usize>,
    pub arrow_scale: f64,
}

/// What the scene derives from the state, rebuilt when its [`Key`] changes.
pub struct Derived {
    pub key: Key,
    pub problem: LinearProblem,
    pub prefix: LinearProblem,
    pub scale: ColorScale,
    pub gap: Gap,
    pub arrow_unit: f64,
}

impl Key {
    /// What the scene shows now, as the key of what it derives.
    pub fn of(ctx: &Ctx) -> Key {
        let s = &ctx.state.surfaces;
        let n = ctx.model.problem.num_examples();
        Key {
            data: ctx.state.shared.data_key(),
            loss: s.loss(),
            k: s.k_of(n),
            view: ctx.model.view,
            shown: s.panels_of(n),
            arrow_scale: ctx.state.shared.arrow_scale,
        }
    }
}

impl Derived {
    /// What `key` derives from the examples `data`, reusing from `before`
    /// what did not change.
    pub fn new(before: Option<&Derived>, key: Key, data: &Dataset) -> Derived {
        let reuse = before
            .filter(|d| d.key.data == key.data && d.key.loss == key.loss && d.key.view == key.view);
        let problem = match reuse {
            Some(d) => d.problem.clone(),
            None => LinearProblem::with_loss(&data.xs, &data.ys, key.loss)
                .expect("the page's data are valid"),
        };
        let scale = match reuse {
            Some(d) => d.scale,
            None => cost_scale(&problem, key.view),
        };
        let prefix = first_k(&problem, key.k, key.loss);
        let gap = gap_to_cost(&problem, &prefix, key.view);
        let arrow_unit = arrow_unit(&problem, key.view) * key.arrow_scale;
        Derived {
            key,
            problem,
            prefix,
            scale,
            gap,
            arrow_unit,
        }
    }
}

/// C's colour scale over the window: from the moments under MSE, from a
/// grid of C otherwise (logarithmic, as in the other scenes).
pub fn cost_scale(problem: &LinearProblem, view: ViewWindow) -> ColorScale {
    let frame = equal_scale_frame(view, 0.0, 0.0, 64.0, 64.0);
    match problem.loss_kind() {
        Loss::Mse => {
            let m = problem.moments();
            ColorScale::spanning(m, &SurfaceGrid::for_frame(m, &frame, 64))
        }
        _ => {
            let cost = |t: Theta| problem.cost_at(t);
            ColorScale::of_grid(&SurfaceGrid::over_frame(&cost, &frame, 48), true)
        }
    }
}

/// θ-units of arrow per gradient unit: the RMS per-example gradient at a
/// corner of the window fills [`ARROW_FILL`] of the half-width.
pub fn arrow_unit(problem: &LinearProblem, view: ViewWindow) -> f64 {
    let corner = [view.center[0] + view.half, view.center[1] + view.half];
    let g = problem.gradients(&corner);
    let rms = (g.iter().map(|v| v * v).sum::<f64>() / problem.num_examples() as f64).sqrt();
    if rms > 0.0 {
        ARROW_FILL * view.half / rms
    } else {
        1.0
    }
}
