//! The loss of one residual for linear regression: squared (MSE), absolute
//! (MAE) or Huber. With rᵢ = yᵢ − θ₀xᵢ − θ₁ and ℓ the loss of a residual,
//!
//! - Lᵢ(θ) = ℓ(rᵢ)
//! - ∇Lᵢ(θ) = −ℓ′(rᵢ)·(xᵢ, 1), since ∂rᵢ/∂θ = −(xᵢ, 1)
//!
//! so every loss keeps the arrow's direction ±(xᵢ, 1); only its length
//! changes: 2|rᵢ| (MSE), 1 (MAE), or 2|rᵢ| capped at 2δ (Huber).

use crate::core::error::ProblemError;

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
        }
    }

    /// ∇Lᵢ(θ) = −ℓ′(rᵢ)·(xᵢ, 1) for the example (x, y).
    #[inline(always)]
    pub fn example_gradient(self, x: f64, y: f64, theta: [f64; 2]) -> [f64; 2] {
        let s = self.slope(y - (theta[0] * x + theta[1]));
        [-s * x, -s]
    }

    /// Lᵢ(θ) = ℓ(rᵢ) for the example (x, y).
    #[inline(always)]
    pub fn example_loss(self, x: f64, y: f64, theta: [f64; 2]) -> f64 {
        self.value(y - (theta[0] * x + theta[1]))
    }
}
