//! A costly surface's grid as a job for another thread. Under MAE, Huber
//! and the cross-entropy every point of C(θ) = (1/N) Σᵢ Lᵢ(θ) is a pass over
//! the data, so the page hands the grid to a web worker. The job carries
//! what the grid depends on, the examples, the loss and the grid's cells,
//! flattened to numbers (a `Float64Array` crosses to the worker), and the
//! worker runs it with the `Problem` API's `costGrid` ([`cost_grid`]): the
//! same Rust, summing in the same order, so its values are the bits the
//! page would have computed itself (the end-to-end tests compare pixels).

use crate::core::error::ProblemError;
use crate::core::geometry::PlotFrame;
use crate::core::models::linear::LinearProblem;
use crate::core::models::loss::Loss;
use crate::core::objective::Objective;
use crate::core::surface::SurfaceGrid;

/// C of a linear model's examples under a loss, sampled at the centres of
/// an `nx` × `ny` grid of cells over θ₀ ∈ `x`, θ₁ ∈ `y`
/// (as [`SurfaceGrid::sample`]).
#[derive(Clone, Debug, PartialEq)]
pub struct GridJob {
    xs: Vec<f64>,
    ys: Vec<f64>,
    loss: Loss,
    x: (f64, f64),
    y: (f64, f64),
    nx: usize,
    ny: usize,
}

/// Numbers before the examples in [`GridJob::encode`]: the loss's code
/// and δ, the window (x₀, x₁, y₀, y₁), nx, ny and N.
pub const HEAD: usize = 9;

impl GridJob {
    /// C of `problem` over `frame`'s window with about `cells` cells on the
    /// longer side: the grid [`SurfaceGrid::over_frame`] samples.
    pub fn over_frame(problem: &LinearProblem, frame: &PlotFrame, cells: usize) -> Self {
        let (nx, ny) = SurfaceGrid::cells_over(frame, cells);
        let data = problem.data();
        Self {
            xs: data.xs.clone(),
            ys: data.ys.clone(),
            loss: problem.loss_kind(),
            x: frame.x,
            y: frame.y,
            nx,
            ny,
        }
    }

    /// Points of the grid, nx·ny: each a pass over the examples.
    pub fn points(&self) -> usize {
        self.nx * self.ny
    }

    /// Samples C, as `LinearProblem::cost_at` computes it (under the costly
    /// losses, summed example by example).
    pub fn run(&self) -> SurfaceGrid {
        let problem = LinearProblem::with_loss(&self.xs, &self.ys, self.loss)
            .expect("a job is made from a valid problem's examples");
        SurfaceGrid::sample(&|t| problem.cost_at(t), self.x, self.y, self.nx, self.ny)
    }

    /// The grid of this job from values computed elsewhere, if there are
    /// as many as it has cells.
    pub fn grid_of(&self, values: Vec<f64>) -> Option<SurfaceGrid> {
        (values.len() == self.nx * self.ny).then_some(SurfaceGrid {
            nx: self.nx,
            ny: self.ny,
            values,
            x: self.x,
            y: self.y,
        })
    }

    /// The job as numbers: [loss, δ, x₀, x₁, y₀, y₁, nx, ny, N, x₁…x_N, y₁…y_N]
    /// (the loss as 0 MSE, 1 MAE, 2 Huber, 3 cross-entropy; δ is 0 but for
    /// Huber). `www/grid-worker.js` reads this layout.
    pub fn encode(&self) -> Vec<f64> {
        let (code, delta) = match self.loss {
            Loss::Mse => (0.0, 0.0),
            Loss::Mae => (1.0, 0.0),
            Loss::Huber { delta } => (2.0, delta),
            Loss::Logistic => (3.0, 0.0),
        };
        let mut out = Vec::with_capacity(HEAD + 2 * self.xs.len());
        out.extend([code, delta, self.x.0, self.x.1, self.y.0, self.y.1]);
        out.extend([self.nx, self.ny, self.xs.len()].map(|c| c as f64));
        out.extend(&self.xs);
        out.extend(&self.ys);
        out
    }
}

/// Most cells a side of [`cost_grid`].
pub const MOST_CELLS: f64 = 4096.0;

/// C(θ) of `objective` (two parameters) at the centres of an `nx` × `ny`
/// grid of cells over θ₀ ∈ [x₀, x₁] = `x`, θ₁ ∈ [y₀, y₁] = `y`: entry j·nx + i
/// is C(x₀ + (i + ½)·Δx, y₀ + (j + ½)·Δy) with Δx = (x₁ − x₀)/nx and
/// Δy = (y₁ − y₀)/ny, rows from θ₁ = y₀ up (as [`SurfaceGrid::sample`]). Fails, saying why, on a model of
/// more parameters, a range that is not two finite numbers rising, or
/// counts that are not whole numbers from 1 to [`MOST_CELLS`].
pub fn cost_grid(
    objective: &dyn Objective,
    x: &[f64],
    y: &[f64],
    nx: f64,
    ny: f64,
) -> Result<Vec<f64>, ProblemError> {
    if objective.num_params() != 2 {
        return Err(ProblemError(format!(
            "costGrid draws C over two parameters, and this problem has {}",
            objective.num_params()
        )));
    }
    let range = |r: &[f64], name: &str| match r {
        &[lo, hi] if lo.is_finite() && hi.is_finite() && lo < hi => Ok((lo, hi)),
        _ => Err(ProblemError(format!(
            "{name} must be [low, high], two finite numbers with low < high, got {r:?}"
        ))),
    };
    let count = |v: f64, name: &str| {
        if v.fract() == 0.0 && (1.0..=MOST_CELLS).contains(&v) {
            Ok(v as usize)
        } else {
            Err(ProblemError(format!(
                "{name} must be a whole number from 1 to {MOST_CELLS}, got {v}"
            )))
        }
    };
    let (x, y) = (range(x, "x")?, range(y, "y")?);
    let (nx, ny) = (count(nx, "nx")?, count(ny, "ny")?);
    Ok(SurfaceGrid::sample(&|t| objective.cost(&t), x, y, nx, ny).values)
}
