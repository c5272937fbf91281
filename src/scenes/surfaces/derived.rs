//! What scene 5 derives from the state: the problem under the scene's
//! loss, the first k of it, C's colour scale, the gap between the mean of
//! the first k surfaces and C, and the arrow unit; rebuilt when its key changes.

use crate::core::data::Dataset;
use crate::core::geometry::ViewWindow;
use crate::core::models::linear::LinearProblem;
use crate::core::models::loss::Loss;
use crate::core::surface::ColorScale;
use crate::page::model::{arrow_unit, surface_scale};
use crate::page::state::DataKey;
use crate::scenes::scene::Ctx;
use crate::scenes::surfaces::sum::{first_k, gap_to_cost, Gap};

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
            loss: ctx.state.shared.loss(),
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
            None => surface_scale(&problem, key.view, 16),
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
