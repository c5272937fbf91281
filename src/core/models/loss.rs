//! The loss of one example under a line z = θ₀x + θ₁: for regression a loss
//! ℓ of the residual r = y − z, squared (MSE), absolute (MAE) or Huber; for
//! logistic regression the cross-entropy of a label y ∈ {0, 1} with z the
//! log-odds. Every one is a function L(y, z), so with zᵢ = θ₀xᵢ + θ₁,
//!
//! - Lᵢ(θ) = L(yᵢ, zᵢ)
//! - ∇Lᵢ(θ) = ∂L/∂z·(xᵢ, 1), since ∂zᵢ/∂θ = (xᵢ, 1);
//!   for regression ∂L/∂z = −ℓ′(rᵢ), for logistic pᵢ − yᵢ
//!
//! and every loss keeps the arrow's direction ±(xᵢ, 1); only its length
//! changes: 2|rᵢ| (MSE), 1 (MAE), 2|rᵢ| capped at 2δ (Huber), or the
//! error |pᵢ − yᵢ| < 1 (logistic).

use crate::core::error::ProblemError;
use crate::core::models::logistic::{sigmoid, softplus};

/// ℓ(r), the loss of one residual.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Loss {
    /// ℓ(r) = r², ℓ′(r) = 2r.
    #[default]
    Mse,
    /// ℓ(r) = |r|, ℓ′(r) = sign(r), with sign(0) = 0 (the subgradient the
    /// page uses at the kink).
    Mae,
    /// ℓ(r) = r² for |r| ≤ δ and 2δ|r| − δ² beyond: MSE near the line, a
    /// straight slope far from it. Both pieces meet at |r| = δ with value δ²
    /// and slope 2δ, so ℓ and ℓ′ are continuous; ℓ′(r) = 2·clamp(r, −δ, δ).
    Huber { delta: f64 },
    /// Logistic regression's cross-entropy: L(y, z) = softplus(z) − y·z for
    /// a label y ∈ {0, 1} and log-odds z, with ∂L/∂z = σ(z) − y = p − y. Not
    /// a function of the residual alone: [`Loss::value`] and [`Loss::slope`]
    /// read r as y − z with y = 0.
    Logistic,
}

impl Loss {
    /// The loss named `name` ("mse", "mae" or "huber", the last with δ =
    /// `delta`). Fails on an unknown name or a δ that is not a finite
    /// number above 0.
    pub fn parse(name: &str, delta: f64) -> Result<Loss, ProblemError> {
        match name {
            "mse" => Ok(Loss::Mse),
            "mae" => Ok(Loss::Mae),
            "huber" => Loss::huber(delta),
            "logistic" => Err(ProblemError(
                "the loss of Problem.linear is \"mse\", \"mae\" or \"huber\": for the cross-entropy use \
                 Problem.logistic(xs, labels)"
                    .into(),
            )),
            other => Err(ProblemError(format!(
                "unknown loss \"{other}\": use \"mse\", \"mae\" or \"huber\""
            ))),
        }
    }

    /// The loss of the API's options `{ loss, delta }`, either optional:
    /// MSE by default, δ = 1 for Huber by default. Fails as [`Loss::parse`]
    /// does, and on a δ given for a loss that has none.
    pub fn from_options(name: Option<&str>, delta: Option<f64>) -> Result<Loss, ProblemError> {
        let loss = Loss::parse(name.unwrap_or("mse"), delta.unwrap_or(1.0))?;
        match (loss, delta) {
            (Loss::Mse | Loss::Mae, Some(d)) => Err(ProblemError(format!(
                "delta ({d}) is for the \"huber\" loss only, not \"{}\"",
                loss.key()
            ))),
            _ => Ok(loss),
        }
    }

    /// Huber with δ, which must be finite and above 0.
    pub fn huber(delta: f64) -> Result<Loss, ProblemError> {
        if delta.is_finite() && delta > 0.0 {
            Ok(Loss::Huber { delta })
        } else {
            Err(ProblemError(format!(
                "delta is {delta}, but the Huber loss needs a finite delta above 0"
            )))
        }
    }

    /// The name used in the API and in links.
    pub fn key(self) -> &'static str {
        match self {
            Loss::Mse => "mse",
            Loss::Mae => "mae",
            Loss::Huber { .. } => "huber",
            Loss::Logistic => "logistic",
        }
    }

    /// ℓ(r). Huber's two pieces are one branch-free formula, c·(2|r| − c)
    /// with c = min(|r|, δ): r² when |r| ≤ δ (bit for bit, as 2|r| − |r| is
    /// exact), δ(2|r| − δ) beyond; a branch on |r| would be mispredicted for
    /// half the examples of a surface, which made it 2.4× slower to draw.
    #[inline(always)]
    pub fn value(self, r: f64) -> f64 {
        match self {
            Loss::Mse => r * r,
            Loss::Mae => r.abs(),
            Loss::Huber { delta } => {
                let (a, c) = (r.abs(), r.abs().min(delta));
                c * (2.0 * a - c)
            }
            Loss::Logistic => softplus(-r),
        }
    }

    /// ℓ′(r), the derivative of the loss with respect to the residual.
    #[inline(always)]
    pub fn slope(self, r: f64) -> f64 {
        match self {
            Loss::Mse => 2.0 * r,
            Loss::Mae if r == 0.0 => 0.0,
            Loss::Mae => r.signum(),
            Loss::Huber { delta } => 2.0 * r.clamp(-delta, delta),
            Loss::Logistic => -sigmoid(-r),
        }
    }

    /// L(y, z), the loss of an example with target y whose line gives z.
    #[inline(always)]
    pub fn at(self, y: f64, z: f64) -> f64 {
        match self {
            Loss::Logistic => softplus(z) - y * z,
            _ => self.value(y - z),
        }
    }

    /// ∂L/∂z at (y, z): −ℓ′(y − z) for regression, σ(z) − y for logistic.
    #[inline(always)]
    pub fn dz(self, y: f64, z: f64) -> f64 {
        match self {
            Loss::Logistic => sigmoid(z) - y,
            _ => -self.slope(y - z),
        }
    }

    /// ∇Lᵢ(θ) = ∂L/∂z·(xᵢ, 1) for the example (x, y).
    #[inline(always)]
    pub fn example_gradient(self, x: f64, y: f64, theta: [f64; 2]) -> [f64; 2] {
        let s = self.dz(y, theta[0] * x + theta[1]);
        [s * x, s]
    }

    /// Lᵢ(θ) = L(yᵢ, zᵢ) for the example (x, y).
    #[inline(always)]
    pub fn example_loss(self, x: f64, y: f64, theta: [f64; 2]) -> f64 {
        self.at(y, theta[0] * x + theta[1])
    }

    /// What one evaluation of L costs, in evaluations of the absolute error:
    /// the cross-entropy's exp and log1p take about 4 times as long in wasm
    /// (20 against 4.7 ns an example, measured on the page's surfaces). The
    /// surfaces' budgets count evaluations in these units.
    pub fn evaluation_cost(self) -> usize {
        match self {
            Loss::Logistic => 4,
            _ => 1,
        }
    }

    /// True for the losses of a residual (regression), false for logistic.
    pub fn is_regression(self) -> bool {
        self != Loss::Logistic
    }
}
