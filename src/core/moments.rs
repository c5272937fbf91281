//! Sufficient statistics of a dataset for MSE linear regression.
//!
//! C(θ) = (1/N) Σ (yᵢ − θ₀xᵢ − θ₁)² depends on the data only through five
//! numbers: the means x̄, ȳ and the (population) moments var(x), cov(x, y),
//! var(y). With the mean residual m(θ) = ȳ − θ₀x̄ − θ₁,
//!
//!   C(θ)  = var(y) − 2θ₀·cov(x, y) + θ₀²·var(x) + m²
//!   ∂C/∂θ₀ = −2·(cov(x, y) − θ₀·var(x) + x̄·m)
//!   ∂C/∂θ₁ = −2·m
//!
//! so the surface costs O(1) per point whatever N is, and ∇C is computed
//! here without ever forming a per-example gradient. That independence is
//! what lets the page show the mean arrow and ∇C coinciding as a real check.

use crate::core::Theta;

/// The sufficient statistics, computed in two passes (means first, then
/// centred sums) so that they stay accurate when the data is far from 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moments {
    pub n: usize,
    pub mean_x: f64,
    pub mean_y: f64,
    pub var_x: f64,
    pub cov_xy: f64,
    pub var_y: f64,
}

impl Moments {
    /// The moments of a non-empty dataset.
    pub fn of(xs: &[f64], ys: &[f64]) -> Self {
        let n = xs.len();
        let nf = n as f64;
        let mean_x = xs.iter().sum::<f64>() / nf;
        let mean_y = ys.iter().sum::<f64>() / nf;
        let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
        for (&x, &y) in xs.iter().zip(ys) {
            let (dx, dy) = (x - mean_x, y - mean_y);
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        Self {
            n,
            mean_x,
            mean_y,
            var_x: sxx / nf,
            cov_xy: sxy / nf,
            var_y: syy / nf,
        }
    }

    /// The mean residual m(θ) = ȳ − θ₀x̄ − θ₁.
    pub fn mean_residual(&self, theta: Theta) -> f64 {
        self.mean_y - theta[0] * self.mean_x - theta[1]
    }

    /// C(θ) = var(y) − 2θ₀·cov(x, y) + θ₀²·var(x) + m(θ)², never below 0.
    pub fn cost(&self, theta: Theta) -> f64 {
        let m = self.mean_residual(theta);
        let t = theta[0];
        (self.var_y - 2.0 * t * self.cov_xy + t * t * self.var_x).max(0.0) + m * m
    }

    /// The size of the terms [`Moments::cost`] adds up,
    /// var(y) + 2|θ₀·cov(x, y)| + θ₀²·var(x) + (|ȳ| + |θ₀x̄| + |θ₁|)²: its
    /// result carries a rounding error of a few ulps of this, so it is
    /// accurate relative to C only where C is not much smaller.
    pub fn cost_scale(&self, theta: Theta) -> f64 {
        let mean_terms = self.mean_y.abs() + (theta[0] * self.mean_x).abs() + theta[1].abs();
        self.var_y
            + 2.0 * (theta[0] * self.cov_xy).abs()
            + theta[0] * theta[0] * self.var_x
            + mean_terms * mean_terms
    }

    /// ∇C(θ) = (−2·(cov(x, y) − θ₀·var(x) + x̄·m), −2·m).
    pub fn gradient(&self, theta: Theta) -> Theta {
        let m = self.mean_residual(theta);
        [
            -2.0 * (self.cov_xy - theta[0] * self.var_x + self.mean_x * m),
            -2.0 * m,
        ]
    }

    /// The least-squares θ* = (cov/var, ȳ − θ₀*·x̄), or `None` when every x
    /// is the same and the minimum is a whole line of θ.
    pub fn minimum(&self) -> Option<Theta> {
        if self.var_x <= f64::EPSILON * (self.mean_x * self.mean_x).max(f64::MIN_POSITIVE) {
            return None;
        }
        let slope = self.cov_xy / self.var_x;
        Some([slope, self.mean_y - slope * self.mean_x])
    }

    /// The smallest value of C: var(y)·(1 − ρ²), or var(y) when x is constant.
    pub fn min_cost(&self) -> f64 {
        match self.minimum() {
            Some(t) => self.cost(t),
            None => self.var_y,
        }
    }
}
