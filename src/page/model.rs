//! What every scene derives from the [`State`], as pure data: the dataset
//! (in its stored order), the problem, the window onto parameter space, the
//! arrow scale and the per-example arrows at θ. Rendering and text read
//! this; nothing here draws.

use crate::core::geometry::{auto_view, ViewWindow};

use crate::core::models::linear::example_gradient;
use crate::core::models::linear::LinearProblem;
use crate::core::Theta;
use crate::page::state::Shared;

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
    pub problem: LinearProblem,
    /// The window onto parameter space (the state's, or framed automatically).
    pub view: ViewWindow,
    /// θ-units of arrow per unit of gradient.
    pub arrow_unit: f64,
}

impl Model {
    /// Generates the data of `state` and frames the figures.
    pub fn new(shared: Shared) -> Self {
        let data = shared.dataset();
        let problem =
            LinearProblem::from_dataset(data).expect("generated data is finite and non-empty");
        let mut scene = Self {
            shared,
            problem,
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
        self.view = self
            .shared
            .view
            .unwrap_or_else(|| auto_view(self.problem.moments()).holding(self.shared.theta));
        let corner = [
            self.view.center[0] + self.view.half,
            self.view.center[1] + self.view.half,
        ];
        let d = self.problem.data();
        let mean_sq = d.xs.iter().zip(&d.ys).map(|(&x, &y)| {
            let g = example_gradient(x, y, corner);
            g[0] * g[0] + g[1] * g[1]
        });
        let rms = (mean_sq.sum::<f64>() / d.len() as f64).sqrt();
        let unit = if rms > 0.0 {
            ARROW_FILL * self.view.half / rms
        } else {
            1.0
        };
        self.arrow_unit = unit * self.shared.arrow_scale;
    }

    /// The current θ.
    pub fn theta(&self) -> Theta {
        self.shared.theta
    }

    /// One arrow per example, all starting at θ: −∇Lᵢ(θ).
    pub fn example_arrows(&self) -> Vec<GradArrow> {
        let (d, t) = (self.problem.data(), self.shared.theta);
        d.xs.iter()
            .zip(&d.ys)
            .map(|(&x, &y)| GradArrow {
                from: t,
                grad: example_gradient(x, y, t),
            })
            .collect()
    }

    /// The mean of the per-example gradients, (1/N) Σ ∇Lᵢ(θ).
    pub fn mean_gradient(&self) -> Theta {
        self.problem
            .mean_example_gradient(&self.shared.theta)
            .expect("θ in the state is finite")
    }

    /// ∇C(θ) from the sufficient statistics, independently of the mean above.
    pub fn cost_gradient(&self) -> Theta {
        self.problem.moments().gradient(self.shared.theta)
    }

    /// C(θ).
    pub fn cost(&self) -> f64 {
        self.problem.moments().cost(self.shared.theta)
    }

    /// |mean − ∇C|, the Euclidean length of the difference.
    pub fn identity_gap(&self) -> f64 {
        let (a, b) = (self.mean_gradient(), self.cost_gradient());
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    /// The size of the terms a gradient at θ is computed from, against which
    /// rounding is judged: (1/N) Σ 2(|yᵢ| + |θ₀xᵢ| + |θ₁|)(|xᵢ| + 1). A
    /// residual rᵢ = yᵢ − θ₀xᵢ − θ₁ carries a rounding error of a few ulps of
    /// those terms even when it is 0, as it is everywhere at a perfect fit.
    pub fn gradient_scale(&self) -> f64 {
        let (d, t) = (self.problem.data(), self.shared.theta);
        d.xs.iter()
            .zip(&d.ys)
            .map(|(&x, &y)| 2.0 * (y.abs() + (t[0] * x).abs() + t[1].abs()) * (x.abs() + 1.0))
            .sum::<f64>()
            / d.len() as f64
    }

    /// The size of the terms C(θ) is computed from by the moments formula,
    /// var(y) + 2|θ₀·cov(x, y)| + θ₀²·var(x) + (|ȳ| + |θ₀x̄| + |θ₁|)²: C is
    /// 0 "to rounding" when it is within a few ulps of this.
    pub fn cost_scale(&self) -> f64 {
        self.problem.moments().cost_scale(self.shared.theta)
    }

    /// True when the best line fits every example: C(θ*) is 0 to rounding.
    pub fn fits_exactly(&self) -> bool {
        let m = self.problem.moments();
        m.min_cost() <= 64.0 * f64::EPSILON * (m.var_y + m.mean_y * m.mean_y)
    }
}
