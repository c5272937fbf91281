//! MSE linear regression, one example at a time.
//!
//! The model is f(x) = θ₀·x + θ₁ (θ₀ the slope, θ₁ the intercept) and the
//! loss of example i is the squared residual Lᵢ(θ) = (yᵢ − θ₀xᵢ − θ₁)².

/// θ = [slope, intercept].
pub type Theta = [f64; 2];

/// The residual rᵢ = yᵢ − (θ₀xᵢ + θ₁): how far the example lies above the line.
pub fn residual(x: f64, y: f64, theta: Theta) -> f64 {
    y - (theta[0] * x + theta[1])
}

/// The per-example loss Lᵢ(θ) = rᵢ².
pub fn example_loss(x: f64, y: f64, theta: Theta) -> f64 {
    let r = residual(x, y, theta);
    r * r
}

/// The per-example gradient ∇Lᵢ(θ) = −2·rᵢ·(xᵢ, 1).
///
/// Its direction is always ±(xᵢ, 1), whatever θ is: only its length and sign
/// change as θ moves.
pub fn example_gradient(x: f64, y: f64, theta: Theta) -> Theta {
    let r = residual(x, y, theta);
    [-2.0 * r * x, -2.0 * r]
}

/// The mean of the per-example gradients over `indices`,
/// (1/|B|) Σ_{i∈B} ∇Lᵢ(θ). The caller checks that `indices` is not empty
/// and in range.
pub fn mean_gradient(
    xs: &[f64],
    ys: &[f64],
    indices: impl Iterator<Item = usize>,
    theta: Theta,
) -> Theta {
    let mut sum = [0.0, 0.0];
    let mut count = 0usize;
    for i in indices {
        let g = example_gradient(xs[i], ys[i], theta);
        sum[0] += g[0];
        sum[1] += g[1];
        count += 1;
    }
    let n = count as f64;
    [sum[0] / n, sum[1] / n]
}
