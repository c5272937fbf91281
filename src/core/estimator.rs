//! A mini-batch gradient as an estimator of ∇C: its theory (mean and
//! covariance) and the statistics of a cloud of real draws.
//!
//! Draw a batch B and average its per-example gradients: ĝ = (1/B) Σ_{i∈B} ∇Lᵢ.
//! With uniformly chosen examples, E[∇L_I] = (1/N) Σᵢ ∇Lᵢ = ∇C, so E[ĝ] = ∇C:
//! the estimate is unbiased. With Σ the population covariance of the
//! per-example gradients,
//!
//!   Cov(ĝ) = Σ / B                       with replacement (independent draws),
//!   Cov(ĝ) = Σ / B · (N − B) / (N − 1)    without replacement (0 at B = N).

use crate::core::error::ProblemError;
use crate::core::math::LibmExt;
use crate::core::objective::Objective;
use crate::core::sampler::{batch_indices, fresh_batch_indices, SamplingMode};
use crate::core::Theta;

/// A symmetric 2×2 matrix, row-major.
pub type Cov2 = [[f64; 2]; 2];

/// Σ = (1/N) Σᵢ (∇Lᵢ − ∇C)(∇Lᵢ − ∇C)ᵀ, the population covariance of the
/// per-example gradients at θ, P×P row-major (two passes: the mean first).
pub fn gradient_covariance_matrix<O: Objective + ?Sized>(o: &O, theta: &[f64]) -> Vec<f64> {
    let p = o.num_params();
    let grads = o.gradients(theta);
    let n = (grads.len() / p) as f64;
    let mut mean = vec![0.0; p];
    for row in grads.chunks_exact(p) {
        for (m, g) in mean.iter_mut().zip(row) {
            *m += g / n;
        }
    }
    let mut c = vec![0.0; p * p];
    for row in grads.chunks_exact(p) {
        for a in 0..p {
            let da = row[a] - mean[a];
            for b in a..p {
                c[a * p + b] += da * (row[b] - mean[b]) / n;
            }
        }
    }
    for a in 0..p {
        for b in 0..a {
            c[a * p + b] = c[b * p + a];
        }
    }
    c
}

/// Σ for a two-parameter problem, as a 2×2 matrix. (The page's helpers take
/// `&dyn Objective`, so each generic kernel is compiled once, for the JS API's.)
pub fn gradient_covariance(o: &dyn Objective, theta: Theta) -> Cov2 {
    let c = gradient_covariance_matrix(o, &theta);
    [[c[0], c[1]], [c[2], c[3]]]
}

/// The mean of `points` and Σ (p − mean)(p − mean)ᵀ / `divisor`.
fn covariance(points: &[Theta], divisor: f64) -> Cov2 {
    let mean = mean_of(points);
    let mut c = [[0.0; 2]; 2];
    for p in points {
        let (a, b) = (p[0] - mean[0], p[1] - mean[1]);
        c[0][0] += a * a;
        c[0][1] += a * b;
        c[1][1] += b * b;
    }
    c[1][0] = c[0][1];
    c.map(|row| row.map(|v| v / divisor))
}

fn mean_of(points: &[Theta]) -> Theta {
    let n = points.len() as f64;
    let s = points
        .iter()
        .fold([0.0, 0.0], |s, p| [s[0] + p[0], s[1] + p[1]]);
    [s[0] / n, s[1] / n]
}

/// Cov(ĝ) for batches of `b` out of `n` examples, or `None` for sequential
/// batches, which are not random and have no sampling distribution.
pub fn estimator_covariance(sigma: &Cov2, n: usize, b: usize, mode: SamplingMode) -> Option<Cov2> {
    let factor = match mode {
        SamplingMode::WithReplacement => 1.0 / b as f64,
        SamplingMode::WithoutReplacement if n <= 1 || b >= n => 0.0,
        SamplingMode::WithoutReplacement => (n - b) as f64 / ((n - 1) as f64 * b as f64),
        SamplingMode::Sequential => return None,
    };
    Some(sigma.map(|row| row.map(|v| v * factor)))
}

/// `draws` mini-batch gradients, P numbers each: draw d is the mean of the
/// per-example gradients at the indices of draw d of [`batch_indices`] with
/// the same arguments (epochs without replacement, as training draws them).
pub fn sample_batch_gradients<O: Objective + ?Sized>(
    o: &O,
    theta: &[f64],
    batch: usize,
    draws: usize,
    mode: SamplingMode,
    seed: u32,
) -> Result<Vec<f64>, ProblemError> {
    let indices = batch_indices(o.num_examples(), batch, draws, mode, seed)?;
    Ok(batch_gradients(o, theta, &indices, batch))
}

/// A cloud of `draws` estimates for scene 2 (a two-parameter problem), and
/// the indices it drew. In the random modes every draw is independent of
/// the others (without replacement: a fresh batch of B distinct examples,
/// see [`fresh_batch_indices`]), so the cloud is an independent sample;
/// sequential draws walk the stored order.
pub fn sample_cloud(
    o: &dyn Objective,
    theta: Theta,
    batch: usize,
    draws: usize,
    mode: SamplingMode,
    seed: u32,
) -> Result<(Vec<Theta>, Vec<u32>), ProblemError> {
    let n = o.num_examples();
    let indices = match mode {
        SamplingMode::WithoutReplacement => fresh_batch_indices(n, batch, draws, seed)?,
        _ => batch_indices(n, batch, draws, mode, seed)?,
    };
    let flat = batch_gradients(o, &theta, &indices, batch);
    Ok((pairs(&flat), indices))
}

/// ĝ for each consecutive run of `batch` indices, P numbers each: the mean
/// of their per-example gradients.
pub fn batch_gradients<O: Objective + ?Sized>(
    o: &O,
    theta: &[f64],
    indices: &[u32],
    batch: usize,
) -> Vec<f64> {
    indices
        .chunks(batch.max(1))
        .flat_map(|rows| o.batch_mean_gradient(theta, rows))
        .collect()
}

/// Flat pairs [a₀, b₀, a₁, b₁, …] as points.
pub fn pairs(flat: &[f64]) -> Vec<Theta> {
    flat.chunks_exact(2).map(|c| [c[0], c[1]]).collect()
}

/// What a cloud of draws says: how many, their mean, their sample
/// covariance (divided by count − 1), and the standard error of the mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CloudStats {
    pub count: usize,
    pub mean: Theta,
    pub cov: Cov2,
    pub standard_error: Theta,
}

/// The statistics of a non-empty cloud. With one draw the covariance and
/// standard errors are 0 (unknown), which the captions say.
pub fn cloud_stats(draws: &[Theta]) -> CloudStats {
    let count = draws.len();
    let cov = if count > 1 {
        covariance(draws, (count - 1) as f64)
    } else {
        [[0.0; 2]; 2]
    };
    let se = |k: usize| (cov[k][k] / count as f64).sqrt();
    CloudStats {
        count,
        mean: mean_of(draws),
        cov,
        standard_error: [se(0), se(1)],
    }
}

/// The running means m_k = (1/k) Σ_{j≤k} ĝ_j, k = 1 … count.
pub fn running_means(draws: &[Theta]) -> Vec<Theta> {
    let mut sum = [0.0, 0.0];
    draws
        .iter()
        .enumerate()
        .map(|(k, g)| {
            sum = [sum[0] + g[0], sum[1] + g[1]];
            [sum[0] / (k + 1) as f64, sum[1] / (k + 1) as f64]
        })
        .collect()
}

/// Mahalanobis radius of the ellipse that holds 95% of a 2-D normal:
/// √(−2 ln 0.05).
pub const RADIUS_95: f64 = 2.447_746_830_680_816;

/// The share of `points` inside the ellipse of Mahalanobis radius `radius`
/// around `center` for `cov`: (p − c)ᵀ cov⁻¹ (p − c) ≤ r². A Gaussian cloud
/// with that covariance puts 95% inside at r = [`RADIUS_95`]; other clouds
/// need not. `None` for no points or a singular cov.
pub fn share_inside(points: &[Theta], center: Theta, cov: &Cov2, radius: f64) -> Option<f64> {
    let det = cov[0][0] * cov[1][1] - cov[0][1] * cov[1][0];
    if points.is_empty() || det <= 1e-12 * (cov[0][0] * cov[1][1]).abs().max(f64::MIN_POSITIVE) {
        return None;
    }
    let inside = points
        .iter()
        .filter(|p| {
            let (a, b) = (p[0] - center[0], p[1] - center[1]);
            let m2 = (cov[1][1] * a * a - 2.0 * cov[0][1] * a * b + cov[0][0] * b * b) / det;
            m2 <= radius * radius * (1.0 + 1e-12)
        })
        .count();
    Some(inside as f64 / points.len() as f64)
}

/// Points on the ellipse {center + r·A·(cos t, sin t)} with A·Aᵀ = cov, r =
/// `radius`, from the eigen-decomposition of cov (degenerate cov gives a
/// segment or a point).
pub fn ellipse(center: Theta, cov: &Cov2, radius: f64, segments: usize) -> Vec<Theta> {
    let (p, q, r) = (cov[0][0], cov[0][1], cov[1][1]);
    let mid = (p + r) / 2.0;
    let spread = (((p - r) / 2.0).powi(2) + q * q).sqrt();
    let (l1, l2) = ((mid + spread).max(0.0), (mid - spread).max(0.0));
    let v1 = if q.abs() > 1e-300 {
        let (a, b) = (q, l1 - p);
        let n = a.hypot_(b);
        [a / n, b / n]
    } else if p >= r {
        [1.0, 0.0]
    } else {
        [0.0, 1.0]
    };
    let v2 = [-v1[1], v1[0]];
    let (s1, s2) = (radius * l1.sqrt(), radius * l2.sqrt());
    (0..=segments)
        .map(|k| {
            let t = std::f64::consts::TAU * k as f64 / segments as f64;
            let (c, s) = (t.cos_(), t.sin_());
            [
                center[0] + s1 * c * v1[0] + s2 * s * v2[0],
                center[1] + s1 * c * v1[1] + s2 * s * v2[1],
            ]
        })
        .collect()
}

/// The trace of a 2×2 matrix: the total variance, E|ĝ − ∇C|².
pub fn trace(c: &Cov2) -> f64 {
    c[0][0] + c[1][1]
}
