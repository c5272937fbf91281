//! The lowest point θ* of C(θ) = (1/N) Σ ℓ(yᵢ − θ₀xᵢ − θ₁) for linear
//! regression under any [`Loss`]. MSE has it in closed form from the
//! moments; MAE and Huber do not, so it is found numerically.
//!
//! C is convex (each ℓ is convex and rᵢ is affine in θ), so the profile
//! g(θ₀) = min over θ₁ of C(θ₀, θ₁) is convex in the slope alone. The slope
//! is found by golden-section search on g, and for each slope the best
//! intercept exactly:
//!
//! - MAE: θ₁ = a median of the offsets yᵢ − θ₀xᵢ, since Σ|oᵢ − θ₁| is lowest
//!   at a median;
//! - Huber: the root of Σ ψ(oᵢ − θ₁) = 0 with ψ(r) = clamp(r, −δ, δ), a
//!   non-increasing function of θ₁, by Newton's method kept inside a
//!   shrinking bracket.
//!
//! Huber's C is also smooth and piecewise quadratic, so Newton's method on θ
//! from the MSE fit usually gets there first, in a few passes; the search
//! above is its fallback, and Newton then finishes it.
//!
//! MAE's lowest points may form a segment (C is piecewise linear); the search
//! returns one of them. Logistic regression's is found by Newton's method
//! (see [`logistic::lowest_point`]), and does not exist when the classes
//! are separable.

use crate::core::data::Dataset;
use crate::core::math::LibmExt;
use crate::core::models::logistic;
use crate::core::models::loss::Loss;
use crate::core::moments::Moments;
use crate::core::Theta;

/// Golden-section steps: 0.618¹²⁰ ≈ 10⁻²⁵ of the bracket, below rounding.
const GOLDEN_STEPS: usize = 120;

/// θ* for `loss` on `data`, or `None` when every x is the same (the lowest
/// points then form a whole line of θ, for every loss).
pub fn lowest_point(data: &Dataset, moments: &Moments, loss: Loss) -> Option<Theta> {
    let mse = moments.minimum()?;
    match loss {
        Loss::Mse => return Some(mse),
        // Usually Newton from the MSE fit converges in a few steps.
        Loss::Huber { delta } => {
            if let Some(t) = newton(data, delta, mse) {
                return Some(t);
            }
        }
        Loss::Mae => {}
        Loss::Logistic => return logistic::lowest_point(data),
    }
    let mut offsets = vec![0.0; data.len()];
    let mut profile = |slope: f64| {
        for ((o, &x), &y) in offsets.iter_mut().zip(&data.xs).zip(&data.ys) {
            *o = y - slope * x;
        }
        let intercept = best_intercept(&mut offsets, loss);
        let cost: f64 = offsets.iter().map(|&o| loss.value(o - intercept)).sum();
        (cost, intercept)
    };
    let [lo, hi] = bracket(&mut profile, mse[0], moments);
    // Huber's Newton polish below needs only a start in the right piece.
    let precision = match loss {
        Loss::Huber { .. } => 1e-6,
        _ => f64::EPSILON,
    };
    let slope = golden_section(&mut profile, lo, hi, precision);
    let found = [slope, profile(slope).1];
    Some(match loss {
        Loss::Huber { delta } => newton(data, delta, found).unwrap_or(found),
        _ => found,
    })
}

/// Huber's lowest point by Newton's method from `start`, or `None` when it
/// does not get there (no residual inside δ, or 30 steps). C is smooth and
/// piecewise quadratic: ∇C = −(2/N) Σ clamp(rᵢ, −δ, δ)·(xᵢ, 1), Hessian
/// (2/N) Σ over |rᵢ| < δ of (xᵢ, 1)(xᵢ, 1)ᵀ. A step that would raise C
/// (beyond rounding) is halved, since the pieces may change on the way.
/// Golden section alone finds the slope only to about √ε, where C is flat.
fn newton(data: &Dataset, delta: f64, start: Theta) -> Option<Theta> {
    let loss = Loss::Huber { delta };
    let cost = |t: Theta| -> f64 {
        data.xs
            .iter()
            .zip(&data.ys)
            .map(|(&x, &y)| loss.example_loss(x, y, t))
            .sum()
    };
    let mut t = start;
    let mut c = cost(t);
    for _ in 0..30 {
        let (mut g, mut h, mut size) = ([0.0; 2], [0.0; 3], 0.0);
        for (&x, &y) in data.xs.iter().zip(&data.ys) {
            let r = y - (t[0] * x + t[1]);
            let psi = r.clamp(-delta, delta);
            g[0] -= psi * x;
            g[1] -= psi;
            // What ∇C's rounding scales with: each clamp(rᵢ) and its terms.
            size += (psi.abs() + y.abs() + (t[0] * x).abs() + t[1].abs()) * (x.abs() + 1.0);
            if r.abs() < delta {
                h[0] += x * x;
                h[1] += x;
                h[2] += 1.0;
            }
        }
        if g[0].abs().max(g[1].abs()) <= 64.0 * f64::EPSILON * size {
            return Some(t);
        }
        let det = h[0] * h[2] - h[1] * h[1];
        if det <= 1e-12 * h[0] * h[2] {
            return None;
        }
        let step = [
            (h[2] * g[0] - h[1] * g[1]) / det,
            (h[0] * g[1] - h[1] * g[0]) / det,
        ];
        let mut scale = 1.0;
        loop {
            let next = [t[0] - scale * step[0], t[1] - scale * step[1]];
            let next_cost = cost(next);
            if next_cost <= c + 4.0 * f64::EPSILON * c {
                t = next;
                c = next_cost;
                break;
            }
            scale *= 0.5;
            if scale < 1e-9 {
                return None;
            }
        }
    }
    None
}

/// When every x is the same, C depends on θ only through s = θ₀x + θ₁, and
/// its lowest points form the line θ₀x + θ₁ = s*: this returns the one on
/// it with θ₀ = 0, so that C there is the lowest cost.
/// For logistic regression that is z* = logit(ȳ), infinite when every
/// label is the same (the classes are then separable: C has no lowest point).
pub fn lowest_on_the_line(data: &Dataset, loss: Loss) -> Theta {
    if loss == Loss::Logistic {
        let mean_y = data.ys.iter().sum::<f64>() / data.len() as f64;
        return [0.0, (mean_y / (1.0 - mean_y)).ln_()];
    }
    let mut offsets = data.ys.clone();
    [0.0, best_intercept(&mut offsets, loss)]
}

/// The intercept that minimises Σ ℓ(oᵢ − θ₁) over the offsets oᵢ (reordered).
fn best_intercept(offsets: &mut [f64], loss: Loss) -> f64 {
    let median = median(offsets);
    match loss {
        Loss::Huber { delta } => huber_location(offsets, delta, median),
        _ => median,
    }
}

/// The root of s(b) = Σ clamp(oᵢ − b, −δ, δ), non-increasing in b, from the
/// median: Newton steps b + s(b)/#{|oᵢ − b| < δ}, bisection when a step
/// would leave the bracket that holds the root.
fn huber_location(offsets: &[f64], delta: f64, start: f64) -> f64 {
    let (min, max) = offsets
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &o| {
            (a.min(o), b.max(o))
        });
    let (mut lo, mut hi, mut b) = (min - delta, max + delta, start);
    for _ in 0..200 {
        let (mut s, mut inside) = (0.0, 0usize);
        for &o in offsets {
            let r = o - b;
            s += r.clamp(-delta, delta);
            inside += usize::from(r.abs() < delta);
        }
        if s == 0.0 {
            return b;
        }
        if s > 0.0 {
            lo = b;
        } else {
            hi = b;
        }
        let newton = if inside > 0 {
            b + s / inside as f64
        } else {
            f64::NAN
        };
        let next = if newton > lo && newton < hi {
            newton
        } else {
            0.5 * (lo + hi)
        };
        if next == b || hi - lo <= f64::EPSILON * (lo.abs() + hi.abs()) {
            return next;
        }
        b = next;
    }
    b
}

/// Slopes [lo, hi] around the lowest profile value: steps out from the MSE
/// slope, doubling, until the profile rises on both sides (it is convex).
fn bracket(profile: &mut impl FnMut(f64) -> (f64, f64), start: f64, m: &Moments) -> [f64; 2] {
    let spread = (m.var_y / m.var_x).sqrt().max(start.abs()).max(1e-12);
    let mut step = 0.1 * spread;
    let at = profile(start).0;
    for _ in 0..200 {
        let (left, right) = (profile(start - step).0, profile(start + step).0);
        if left >= at && right >= at {
            return [start - step, start + step];
        }
        step *= 2.0;
        if !step.is_finite() {
            break;
        }
    }
    [start - step, start + step]
}

/// The minimiser of a convex profile on [lo, hi] by golden-section search,
/// until the bracket is `precision` of its ends' size.
fn golden_section(
    profile: &mut impl FnMut(f64) -> (f64, f64),
    lo: f64,
    hi: f64,
    precision: f64,
) -> f64 {
    let inv_phi = (5f64.sqrt() - 1.0) / 2.0;
    let (mut a, mut b) = (lo, hi);
    let mut c = b - inv_phi * (b - a);
    let mut d = a + inv_phi * (b - a);
    let (mut fc, mut fd) = (profile(c).0, profile(d).0);
    for _ in 0..GOLDEN_STEPS {
        if fc <= fd {
            b = d;
            d = c;
            fd = fc;
            c = b - inv_phi * (b - a);
            fc = profile(c).0;
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + inv_phi * (b - a);
            fd = profile(d).0;
        }
        if b - a <= precision * (a.abs() + b.abs()) {
            break;
        }
    }
    if fc <= fd {
        c
    } else {
        d
    }
}

/// The upper median of finite values (element ⌊n/2⌋ in sorted order), by
/// quickselect with a median-of-three pivot and a three-way partition, so
/// that sorted input and repeated values stay O(n). (The standard
/// library's `select_nth_unstable` does the same in about 5 KB more wasm.)
pub fn median(v: &mut [f64]) -> f64 {
    let k = v.len() / 2;
    let (mut lo, mut hi) = (0, v.len() - 1);
    while lo < hi {
        let (a, b, c) = (v[lo], v[lo + (hi - lo) / 2], v[hi]);
        let pivot = a.max(b).min(a.min(b).max(c));
        // v[lo..lt] < pivot, v[lt..i] == pivot, v[gt + 1..=hi] > pivot. The
        // pivot is one of the values, so gt never passes below lt.
        let (mut lt, mut i, mut gt) = (lo, lo, hi);
        while i <= gt {
            if v[i] < pivot {
                v.swap(lt, i);
                lt += 1;
                i += 1;
            } else if v[i] > pivot {
                v.swap(i, gt);
                gt -= 1;
            } else {
                i += 1;
            }
        }
        if k < lt {
            hi = lt - 1;
        } else if k > gt {
            lo = gt + 1;
        } else {
            return pivot;
        }
    }
    v[k]
}
