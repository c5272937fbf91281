//! What every scene derives from the [`State`], as pure data: the dataset
//! (in its stored order), the problem under its loss, its lowest point, the
//! window onto parameter space, the arrow scale and the per-example arrows
//! at θ. Rendering and text read this; nothing here draws.
//!
//! Under MSE, C, ∇C and θ* come from the moments in closed form; under MAE,
//! Huber and the cross-entropy, C is summed example by example, θ* is found numerically
//! ([`lowest_point`](crate::core::models::lowest_point)) and ∇C is measured
//! from C by central differences ([`measured_gradient`]), so that the page
//! still has a second, independent ∇C to set beside the mean of the arrows.

use crate::core::geometry::{auto_view, equal_scale_frame, ViewWindow};
use crate::core::math::LibmExt;
use crate::core::moments::Moments;
use crate::core::surface::{ColorScale, SurfaceGrid};

use crate::core::models::linear::LinearProblem;
use crate::core::models::logistic;
use crate::core::models::loss::Loss;
use crate::core::models::lowest_point::lowest_on_the_line;
use crate::core::models::measured_gradient::{measured_gradient, MeasuredGradient};
use crate::core::objective::Objective;
use crate::core::Theta;
use crate::page::state::Shared;
use std::cell::Cell;
use std::f64::consts::LN_2;

/// Arrows are drawn as −∇ (the downhill step), scaled so that the RMS
/// per-example arrow at a corner of the window is this fraction of the
/// window's half-width (before the user's arrow-scale multiplier).
const ARROW_FILL: f64 = 0.9;

/// An arrow in parameter space: it starts at `from` and points along −`grad`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradArrow {
    pub from: Theta,
    pub grad: Theta,
}

impl GradArrow {
    /// The tip of the arrow, from − unit·grad, for `unit` θ-units per gradient unit.
    pub fn tip(&self, unit: f64) -> Theta {
        [
            self.from[0] - unit * self.grad[0],
            self.from[1] - unit * self.grad[1],
        ]
    }
}

/// The shared model of the page, computed from its state.
pub struct Model {
    /// The shared state this model was computed from.
    pub shared: Shared,
    /// The examples under the model's loss (see [`Model::with_loss`]).
    pub problem: LinearProblem,
    /// θ*, the lowest point of C; `None` when every x is the same, or
    /// under the cross-entropy when the classes are separable.
    pub minimum: Option<Theta>,
    /// Under the cross-entropy, a threshold on x splits the labels: C has
    /// no lowest point and falls towards [`Model::floor`] ([`logistic::separable`]).
    pub separable: bool,
    /// The window onto parameter space (the state's, or framed automatically).
    pub view: ViewWindow,
    /// θ-units of arrow per unit of gradient.
    pub arrow_unit: f64,
    /// The measured ∇C at the θ and reach it was measured for (MAE, Huber):
    /// captions, readouts and the table ask for it several times a frame.
    measured: Cell<Option<(Theta, f64, MeasuredGradient)>>,
}

impl Model {
    /// Generates the data of `state` and frames the figures, under the
    /// shared loss.
    pub fn new(shared: Shared) -> Self {
        let loss = shared.loss();
        Self::with_loss(shared, loss)
    }

    /// The model under `loss`, which may differ from the shared one (scene
    /// 4 is about the squared error whatever the menu says).
    pub fn with_loss(shared: Shared, loss: Loss) -> Self {
        let data = shared.dataset();
        let problem = LinearProblem::with_loss(&data.xs, &data.ys, loss)
            .expect("generated data is finite and non-empty");
        let minimum = problem.lowest_point();
        let separable = loss == Loss::Logistic && logistic::separable(problem.data());
        let mut scene = Self {
            shared,
            problem,
            minimum,
            separable,
            measured: Cell::new(None),
            view: ViewWindow {
                center: [0.0, 0.0],
                half: 1.0,
            },
            arrow_unit: 1.0,
        };
        scene.reframe();
        scene
    }

    /// Recomputes the window and the arrow unit after the view or the arrow scale changed.
    pub fn reframe(&mut self) {
        // The automatic window frames the minimum, and θ too when a link puts
        // it far away; a window the student chose is kept as it is.
        self.view = self.shared.view.unwrap_or_else(|| {
            let framed = match self.loss() {
                Loss::Logistic => logistic_view(self.problem.moments(), self.minimum),
                _ => auto_view(self.problem.moments()),
            };
            match self.minimum {
                Some(best) => framed.holding(best),
                None => framed,
            }
            .holding(self.shared.theta)
        });
        self.arrow_unit = arrow_unit(&self.problem, self.view) * self.shared.arrow_scale;
    }

    /// The loss of each example.
    pub fn loss(&self) -> Loss {
        self.problem.loss_kind()
    }

    /// The current θ.
    pub fn theta(&self) -> Theta {
        self.shared.theta
    }

    /// One arrow per example, all starting at θ: −∇Lᵢ(θ).
    pub fn example_arrows(&self) -> Vec<GradArrow> {
        let t = self.shared.theta;
        (0..self.problem.num_examples())
            .map(|i| GradArrow {
                from: t,
                grad: self.problem.gradient_of(i, t),
            })
            .collect()
    }

    /// The mean of the per-example gradients, (1/N) Σ ∇Lᵢ(θ).
    pub fn mean_gradient(&self) -> Theta {
        self.problem
            .mean_example_gradient(&self.shared.theta)
            .expect("θ in the state is finite")
    }

    /// ∇C(θ) computed independently of the mean above: from the sufficient
    /// statistics under MSE, by central differences of C otherwise.
    pub fn cost_gradient(&self) -> Theta {
        match self.loss() {
            Loss::Mse => self.problem.moments().gradient(self.shared.theta),
            _ => self.measured().gradient,
        }
    }

    /// ∇C measured by central differences at θ, with steps of at most the
    /// window's half-width; computed once per θ and window.
    fn measured(&self) -> MeasuredGradient {
        let (theta, reach) = (self.shared.theta, self.view.half);
        match self.measured.get() {
            Some((t, r, m)) if t == theta && r == reach => m,
            _ => {
                let m = measured_gradient(&self.problem, theta, reach);
                self.measured.set(Some((theta, reach, m)));
                m
            }
        }
    }

    /// C(θ).
    pub fn cost(&self) -> f64 {
        self.cost_at(self.shared.theta)
    }

    /// C at any θ: from the moments under MSE, summed otherwise.
    pub fn cost_at(&self, theta: Theta) -> f64 {
        match self.loss() {
            Loss::Mse => self.problem.moments().cost(theta),
            _ => self.problem.cost_at(theta),
        }
    }

    /// C(θ*), the lowest cost (C along its line of lowest points when every
    /// x is the same; the floor C falls towards when the classes are
    /// separable).
    pub fn min_cost(&self) -> f64 {
        if self.separable {
            return self.floor().0;
        }
        match (self.loss(), self.minimum) {
            (Loss::Mse, _) => self.problem.moments().min_cost(),
            (_, Some(best)) => self.problem.cost_at(best),
            (loss, None) => self
                .problem
                .cost_at(lowest_on_the_line(self.problem.data(), loss)),
        }
    }

    /// |mean − ∇C|, the Euclidean length of the difference.
    pub fn identity_gap(&self) -> f64 {
        let (a, b) = (self.mean_gradient(), self.cost_gradient());
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    /// The size of the terms a gradient at θ is computed from, against which
    /// rounding is judged: (1/N) Σ |ℓ′|max·(|xᵢ| + 1), with |ℓ′|max =
    /// 2(|yᵢ| + |θ₀xᵢ| + |θ₁|) for MSE, 1 for MAE and for the cross-entropy
    /// (|pᵢ − yᵢ| ≤ 1), and 2·min(δ, that sum) for Huber: the size of each
    /// arrow's entries. A
    /// residual rᵢ = yᵢ − θ₀xᵢ − θ₁ carries a rounding error of a few ulps of
    /// those terms even when it is 0, as it is everywhere at a perfect fit.
    pub fn gradient_scale(&self) -> f64 {
        let (d, t) = (self.problem.data(), self.shared.theta);
        let steepest = |terms: f64| match self.loss() {
            Loss::Mse => 2.0 * terms,
            Loss::Mae | Loss::Logistic => 1.0,
            Loss::Huber { delta } => 2.0 * delta.min(terms),
        };
        d.xs.iter()
            .zip(&d.ys)
            .map(|(&x, &y)| {
                let terms = y.abs() + (t[0] * x).abs() + t[1].abs();
                steepest(terms) * (x.abs() + 1.0)
            })
            .sum::<f64>()
            / d.len() as f64
    }

    /// The scale against which anything compared with [`Model::cost_gradient`]
    /// is judged 0 "to rounding": [`Model::gradient_scale`], and under MAE
    /// and Huber also the error bound of the measured ∇C (large when θ sits
    /// on a kink, where C has no gradient). Only for comparisons with ∇C:
    /// "every per-example gradient is 0" is judged on the rounding alone.
    pub fn cost_gradient_scale(&self) -> f64 {
        let rounding = self.gradient_scale();
        match self.loss() {
            Loss::Mse => rounding,
            _ => rounding.max(self.measured().error / (64.0 * f64::EPSILON)),
        }
    }

    /// True when θ sits on a kink of C (under MAE, an example's residual is
    /// 0 to rounding), so C has no gradient there to compare the mean of the
    /// arrows with (that mean is one of C's subgradients).
    pub fn on_kink(&self) -> bool {
        self.loss() == Loss::Mae && self.measured().on_kink
    }

    /// The size of the terms C(θ) is computed from, against which C is 0
    /// "to rounding": under MSE var(y) + 2|θ₀·cov(x, y)| + θ₀²·var(x) +
    /// (|ȳ| + |θ₀x̄| + |θ₁|)² (the moments formula); otherwise the mean of
    /// ℓ of each residual's terms |yᵢ| + |θ₀xᵢ| + |θ₁| (for the cross-entropy,
    /// which is at most ln 2 + |zᵢ|, the mean of ln 2 + |θ₀xᵢ| + |θ₁|).
    pub fn cost_scale(&self) -> f64 {
        self.cost_scale_at(self.shared.theta)
    }

    fn cost_scale_at(&self, t: Theta) -> f64 {
        match self.loss() {
            Loss::Mse => self.problem.moments().cost_scale(t),
            loss => {
                let d = self.problem.data();
                d.xs.iter()
                    .zip(&d.ys)
                    .map(|(&x, &y)| match loss {
                        Loss::Logistic => LN_2 + (t[0] * x).abs() + t[1].abs(),
                        _ => loss.value(y.abs() + (t[0] * x).abs() + t[1].abs()),
                    })
                    .sum::<f64>()
                    / d.len() as f64
            }
        }
    }

    /// When the classes are separable: the floor C falls towards, and the x
    /// where both labels meet if they do (see [`logistic::infimum`]).
    pub fn floor(&self) -> (f64, Option<f64>) {
        logistic::infimum(self.problem.data())
    }

    /// True when the best line fits every example: C(θ*) is 0 to rounding
    /// (or, when the classes are separable, C falls towards 0).
    pub fn fits_exactly(&self) -> bool {
        if self.separable {
            return self.floor().1.is_none();
        }
        match (self.loss(), self.minimum) {
            (Loss::Mse, _) => {
                let m = self.problem.moments();
                m.min_cost() <= 64.0 * f64::EPSILON * (m.var_y + m.mean_y * m.mean_y)
            }
            (loss, best) => {
                let best = best.unwrap_or_else(|| lowest_on_the_line(self.problem.data(), loss));
                self.problem.cost_at(best) <= 64.0 * f64::EPSILON * self.cost_scale_at(best)
            }
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

/// The automatic window under the cross-entropy, where the moments give no
/// θ*: centred on θ* with a half-width of 1.3·max(|θ*₀|, |θ*₁|), so that θ =
/// (0, 0), where C = ln 2 and training starts, is in view; without a lowest
/// point (separable classes, or every x the same) centred on (0, logit ȳ)
/// (ȳ clamped into (0, 1)), 3·max(1, 1/sd(x)) wide each way, enough to see
/// C fall.
fn logistic_view(m: &Moments, minimum: Option<Theta>) -> ViewWindow {
    let floor = 3.0 * (1.0 / m.var_x.sqrt()).clamp(1.0, 1e3);
    match minimum {
        Some(best) => ViewWindow {
            center: best,
            half: (1.3 * best[0].abs().max(best[1].abs())).max(1.0),
        },
        None => {
            let p = m.mean_y.clamp(0.1, 0.9);
            ViewWindow {
                center: [0.0, (p / (1.0 - p)).ln_()],
                half: floor,
            }
        }
    }
}

/// C's colour scale over the window `view`: from the moments under MSE, from
/// a grid of C with `cells` on a side otherwise (logarithmic, as everywhere
/// on the page; each point costs N evaluations, so the grid stays coarse).
pub fn surface_scale(problem: &LinearProblem, view: ViewWindow, cells: usize) -> ColorScale {
    let frame = equal_scale_frame(view, 0.0, 0.0, 64.0, 64.0);
    match problem.loss_kind() {
        Loss::Mse => {
            let m = problem.moments();
            ColorScale::spanning(m, &SurfaceGrid::for_frame(m, &frame, 64))
        }
        _ => {
            let cost = |t: Theta| problem.cost_at(t);
            ColorScale::of_grid(&SurfaceGrid::over_frame(&cost, &frame, cells), true)
        }
    }
}
