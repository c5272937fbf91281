//! A costly surface's grid as a job for another thread. Under MAE, Huber
//! and the cross-entropy every point of C(θ) = (1/N) Σᵢ Lᵢ(θ) is a pass over
//! the data, so the page hands the grid to a web worker. The job carries
//! what the grid depends on, the examples, the loss and the grid's cells,
//! flattened to numbers (a `Float64Array` crosses to the worker and back),
//! and the worker runs it with this same code on the same wasm, so its
//! values are the bits the page would have computed itself.

use crate::core::geometry::PlotFrame;
use crate::core::models::linear::LinearProblem;
use crate::core::models::logistic;
use crate::core::models::loss::Loss;
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
const HEAD: usize = 9;

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

    /// Samples C (summed example by example, whatever the loss).
    pub fn run(&self) -> SurfaceGrid {
        let problem = LinearProblem::with_loss(&self.xs, &self.ys, self.loss)
            .expect("a job is made from, or decoded into, valid examples");
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
    /// (the loss as 0 MSE, 1 MAE, 2 Huber, 3 cross-entropy; δ is 0 but for Huber).
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

    /// Reads [`GridJob::encode`]'s numbers back. Fails, saying what is
    /// wrong, on anything that encoding could not have written.
    pub fn decode(numbers: &[f64]) -> Result<Self, String> {
        let head = numbers
            .get(..HEAD)
            .ok_or_else(|| format!("a grid job has {HEAD} numbers before its examples"))?;
        let count = |v: f64, what: &str, most: f64| {
            if v.fract() == 0.0 && (0.0..=most).contains(&v) {
                Ok(v as usize)
            } else {
                Err(format!(
                    "a grid job's {what} is {v}, not a count up to {most}"
                ))
            }
        };
        let loss = match head[0] {
            0.0 => Loss::Mse,
            1.0 => Loss::Mae,
            2.0 => Loss::huber(head[1]).map_err(|e| e.0)?,
            3.0 => Loss::Logistic,
            other => return Err(format!("a grid job's loss code is {other}")),
        };
        let window = &head[2..6];
        if window.iter().any(|v| !v.is_finite()) || head[2] >= head[3] || head[4] >= head[5] {
            return Err(format!("a grid job's window {window:?} is not a rectangle"));
        }
        let (nx, ny) = (count(head[6], "nx", 4096.0)?, count(head[7], "ny", 4096.0)?);
        if nx == 0 || ny == 0 {
            return Err("a grid job has no cells".into());
        }
        let n = count(head[8], "N", 1e7)?;
        let examples = &numbers[HEAD..];
        if examples.len() != 2 * n {
            return Err(format!(
                "a grid job of N = {n} carries {} numbers, not {}",
                examples.len(),
                2 * n
            ));
        }
        let (xs, ys) = examples.split_at(n);
        match loss {
            Loss::Logistic => logistic::problem(xs, ys).map(|_| ()),
            _ => LinearProblem::with_loss(xs, ys, loss).map(|_| ()),
        }
        .map_err(|e| e.0)?;
        Ok(Self {
            xs: xs.to_vec(),
            ys: ys.to_vec(),
            loss,
            x: (head[2], head[3]),
            y: (head[4], head[5]),
            nx,
            ny,
        })
    }
}
