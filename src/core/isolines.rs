//! C's isolines under MSE in closed form, instead of traced on a grid.
//!
//! With u = θ₀ − θ₀* and w = θ₁ − θ₁* (θ* the least-squares fit, C* = C(θ*)),
//!
//!   C(θ) = C* + var(x)·u² + (w + x̄·u)²,
//!
//! so for a level L above C*, with D = L − C* and a = √(D / var(x)), the
//! isoline C = L is the ellipse
//!
//!   θ(φ) = θ* + cos φ·(a, −x̄·a) + sin φ·(0, √D),   φ ∈ [0, 2π):
//!
//! var(x)·a²·cos²φ + D·sin²φ = D. It is walked in steps of at most
//! [`STEP_PX`] pixels inside the window, in long strides outside it, and
//! cut to the window: as smooth as the screen at any pixel ratio, for a few
//! thousand points in all.

use crate::core::geometry::PlotFrame;
use crate::core::math::LibmExt;
use crate::core::moments::Moments;
use crate::core::surface::ContourLine;
use crate::core::Theta;

/// The longest step along an ellipse inside the window, in pixels of the
/// frame: its chords then stray from the curve by a fraction of a pixel.
pub const STEP_PX: f64 = 2.0;

/// An ellipse whose |p| + |q| (see [`ellipse_in_steps`]; at least its
/// longer semi-axis) is under this many pixels is not drawn: it would be a
/// dot under the minimum's cross.
pub const SMALLEST_PX: f64 = 2.0;

/// The most points one ellipse may take. Past this (an ellipse with a long
/// stretch inside the window, yet so thin that its ends need tiny steps)
/// None sends the caller back to the traced grid.
pub const MAX_STEPS: usize = 20_000;

/// The isolines of MSE's C at `levels` inside the frame's window, in θ
/// coordinates; a level at or below C* has none. None when every x is the
/// same (C's minimum is a line, its isolines straight lines) or when an
/// ellipse would take more than [`MAX_STEPS`] points.
pub fn mse_isolines(m: &Moments, levels: &[f64], frame: &PlotFrame) -> Option<Vec<ContourLine>> {
    let centre = m.minimum()?;
    let floor = m.min_cost();
    let mut lines = Vec::with_capacity(levels.len());
    for &level in levels {
        let d = level - floor;
        let ring = if d > 0.0 {
            let a = (d / m.var_x).sqrt();
            ellipse_in_steps(centre, [a, -m.mean_x * a], [0.0, d.sqrt()], frame)?
        } else {
            Vec::new()
        };
        lines.push(ContourLine {
            level,
            paths: cut_to_window(&ring, frame.x, frame.y),
        });
    }
    Some(lines)
}

/// The ellipse θ(φ) = c + cos φ·p + sin φ·q as a ring of points, empty when
/// it is under [`SMALLEST_PX`]. The screen speed |dθ/dφ| is at most
/// S = (|p| + |q|) pixels a radian, so a point at distance δ pixels from
/// the window is followed by one max(δ, STEP_PX)/S radians on: inside, the
/// steps are at most [`STEP_PX`] long; outside, no step can skip over the
/// window, and the far side of a large ellipse takes a few long strides.
fn ellipse_in_steps(c: Theta, p: Theta, q: Theta, frame: &PlotFrame) -> Option<Vec<Theta>> {
    let unit = frame.units_per_px();
    let speed = (p[0].hypot_(p[1]) + q[0].hypot_(q[1])) / unit;
    if speed.is_nan() || speed < SMALLEST_PX {
        return Some(Vec::new());
    }
    let (x, y) = (frame.x, frame.y);
    let outside = |v: f64, (lo, hi): (f64, f64)| (lo - v).max(v - hi).max(0.0) / unit;
    let mut ring = Vec::new();
    let mut phi: f64 = 0.0;
    while phi < std::f64::consts::TAU {
        let (s, co) = (phi.sin_(), phi.cos_());
        let t = [c[0] + co * p[0] + s * q[0], c[1] + co * p[1] + s * q[1]];
        ring.push(t);
        if ring.len() > MAX_STEPS {
            return None;
        }
        let away = outside(t[0], x).hypot_(outside(t[1], y));
        phi += away.max(STEP_PX) / speed;
    }
    Some(ring)
}

/// A closed ring of points cut into the runs inside the window
/// x ∈ [x.0, x.1], y ∈ [y.0, y.1], each ending on the window's edge where it
/// leaves it. A step between two points outside is dropped: the ellipses'
/// steps never cross the window from outside, except across a corner
/// within a step of [`STEP_PX`]. A ring wholly inside comes back as one
/// closed path.
pub fn cut_to_window(ring: &[Theta], x: (f64, f64), y: (f64, f64)) -> Vec<Vec<Theta>> {
    let inside = |p: &Theta| x.0 <= p[0] && p[0] <= x.1 && y.0 <= p[1] && p[1] <= y.1;
    if ring.is_empty() {
        return Vec::new();
    }
    let Some(start) = ring.iter().position(|p| !inside(p)) else {
        let mut closed = ring.to_vec();
        closed.extend(ring.first());
        return vec![closed];
    };
    let mut runs = Vec::new();
    let mut run: Vec<Theta> = Vec::new();
    let n = ring.len();
    for k in 1..=n {
        let (before, here) = (ring[(start + k - 1) % n], ring[(start + k) % n]);
        match (inside(&before), inside(&here)) {
            (false, true) => run = vec![edge_crossing(here, before, x, y), here],
            (true, true) => run.push(here),
            (true, false) => {
                run.push(edge_crossing(before, here, x, y));
                runs.push(std::mem::take(&mut run));
            }
            (false, false) => {}
        }
    }
    runs
}

/// Where the step from `inner` (inside the window) to `outer` (outside)
/// crosses the window's edge: inner + t·(outer − inner) for the smallest t
/// at which a bound is reached.
fn edge_crossing(inner: Theta, outer: Theta, x: (f64, f64), y: (f64, f64)) -> Theta {
    let mut t: f64 = 1.0;
    for (k, (lo, hi)) in [x, y].into_iter().enumerate() {
        let step = outer[k] - inner[k];
        if outer[k] > hi {
            t = t.min((hi - inner[k]) / step);
        } else if outer[k] < lo {
            t = t.min((lo - inner[k]) / step);
        }
    }
    [
        inner[0] + t * (outer[0] - inner[0]),
        inner[1] + t * (outer[1] - inner[1]),
    ]
}
