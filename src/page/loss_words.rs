//! How captions and tables name the loss of each example and its formulas,
//! so that every scene says the same thing the same way.

use crate::core::models::loss::Loss;
use crate::core::text::fmt_sig;

/// "the squared error", "the absolute error", "the Huber loss with δ = 1".
pub fn loss_name(loss: Loss) -> String {
    match loss {
        Loss::Mse => "the squared error".into(),
        Loss::Mae => "the absolute error".into(),
        Loss::Huber { delta } => format!("the Huber loss with δ = {}", fmt_sig(delta, 3)),
        Loss::Logistic => "the cross-entropy (logistic regression)".into(),
    }
}

/// Lᵢ as a formula of the residual rᵢ (or of zᵢ and pᵢ for logistic).
pub fn loss_formula(loss: Loss) -> &'static str {
    match loss {
        Loss::Mse => "Lᵢ = rᵢ²",
        Loss::Mae => "Lᵢ = |rᵢ|",
        Loss::Huber { .. } => "Lᵢ = rᵢ² within δ, 2δ|rᵢ| − δ² beyond",
        Loss::Logistic => {
            "Lᵢ = −ln pᵢ for label 1, −ln(1 − pᵢ) for label 0, with pᵢ = σ(θ₀xᵢ + θ₁)"
        }
    }
}

/// ∇Lᵢ as a formula of the residual rᵢ (or of the error pᵢ − yᵢ).
pub fn gradient_formula(loss: Loss) -> &'static str {
    match loss {
        Loss::Mse => "∇Lᵢ = −2rᵢ·(xᵢ, 1)",
        Loss::Mae => "∇Lᵢ = −sign(rᵢ)·(xᵢ, 1)",
        Loss::Huber { .. } => "∇Lᵢ = −2·clamp(rᵢ, −δ, δ)·(xᵢ, 1)",
        Loss::Logistic => "∇Lᵢ = (pᵢ − yᵢ)·(xᵢ, 1)",
    }
}

/// What C is the mean of, for the data figure's caption.
pub fn mean_of_what(loss: Loss) -> String {
    match loss {
        Loss::Mse => "the mean of their squares".into(),
        Loss::Mae => "the mean of their lengths |rᵢ|".into(),
        Loss::Huber { delta } => format!(
            "the mean of their Huber losses (rᵢ² up to |rᵢ| = δ = {}, growing in a straight line beyond)",
            fmt_sig(delta, 3)
        ),
        Loss::Logistic => "the mean of their cross-entropies, −ln of the probability the curve gives each example's own label".into(),
    }
}

/// What the data figure's model and its segments are, at θ.
pub fn fit_words(loss: Loss, theta: [f64; 2]) -> String {
    let (a, b) = (fmt_sig(theta[0], 3), fmt_sig(theta[1], 3));
    match loss {
        Loss::Logistic => format!(
            "The black curve is the model at θ: the probability of label 1, p(x) = σ({a}·x + {b}). \
             The purple segments are the errors pᵢ − yᵢ, which scale each example's arrow"
        ),
        _ => format!(
            "The black line is the model at θ: y = {a}·x + {b}. The purple segments are the residuals rᵢ"
        ),
    }
}

/// How the page computes ∇C on its own, apart from the mean of the arrows.
pub fn cost_gradient_source(loss: Loss) -> &'static str {
    match loss {
        Loss::Mse => "from the data's sums",
        _ => "measured from C by central differences",
    }
}

/// Where C keeps falling when the labels are separable: its floor
/// ([`infimum`](crate::core::models::logistic::infimum)), in words.
pub fn floor_words(floor: (f64, Option<f64>)) -> String {
    match floor {
        (_, None) => "towards 0".into(),
        (cost, Some(x)) => format!(
            "towards {}, what the examples at x = {}, where both labels meet, cost at best",
            fmt_sig(cost, 3),
            fmt_sig(x, 3)
        ),
    }
}
