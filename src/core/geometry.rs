//! Plot frames: the map between a rectangle of pixels and a window of
//! (data or parameter) coordinates, and the automatic parameter window.

use crate::core::moments::Moments;
use crate::core::Theta;

/// A window onto parameter space with equal scale on both axes: its centre
/// and its half-extent along the shorter side of the figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewWindow {
    pub center: Theta,
    pub half: f64,
}

/// A rectangle of device pixels showing the coordinates x ∈ [x.0, x.1],
/// y ∈ [y.0, y.1], with y growing upwards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotFrame {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    pub x: (f64, f64),
    pub y: (f64, f64),
}

impl PlotFrame {
    /// The pixel of the point p = (x, y), as plotters' integer coordinates.
    pub fn to_px(&self, p: [f64; 2]) -> (i32, i32) {
        let (fx, fy) = self.to_px_f(p);
        (fx.round() as i32, fy.round() as i32)
    }

    /// The frame's edges in whole pixels, as plotters draws them: left,
    /// top, right, bottom.
    pub fn edges_px(&self) -> (i32, i32, i32, i32) {
        (
            self.left.round() as i32,
            self.top.round() as i32,
            (self.left + self.width).round() as i32,
            (self.top + self.height).round() as i32,
        )
    }

    /// The pixel of p, unrounded.
    pub fn to_px_f(&self, p: [f64; 2]) -> (f64, f64) {
        let u = (p[0] - self.x.0) / (self.x.1 - self.x.0);
        let v = (p[1] - self.y.0) / (self.y.1 - self.y.0);
        (
            self.left + u * self.width,
            self.top + (1.0 - v) * self.height,
        )
    }

    /// The point shown at pixel (px, py).
    pub fn from_px(&self, px: f64, py: f64) -> [f64; 2] {
        let u = (px - self.left) / self.width;
        let v = 1.0 - (py - self.top) / self.height;
        [
            self.x.0 + u * (self.x.1 - self.x.0),
            self.y.0 + v * (self.y.1 - self.y.0),
        ]
    }

    /// Coordinate units per pixel along x (equal to y's for parameter frames).
    pub fn units_per_px(&self) -> f64 {
        (self.x.1 - self.x.0) / self.width
    }

    /// True when pixel (px, py) lies inside the rectangle.
    pub fn contains_px(&self, px: f64, py: f64) -> bool {
        px >= self.left
            && px <= self.left + self.width
            && py >= self.top
            && py <= self.top + self.height
    }
}

/// The equal-scale window of `view` in a `width`×`height` pixel rectangle:
/// `view.half` is the half-extent along the shorter side.
pub fn equal_scale_frame(
    view: ViewWindow,
    left: f64,
    top: f64,
    width: f64,
    height: f64,
) -> PlotFrame {
    let unit = view.half / (width.min(height) / 2.0);
    let (hx, hy) = (unit * width / 2.0, unit * height / 2.0);
    let c = view.center;
    PlotFrame {
        left,
        top,
        width,
        height,
        x: (c[0] - hx, c[0] + hx),
        y: (c[1] - hy, c[1] + hy),
    }
}

/// The window framed automatically: centred on the least-squares θ*, and
/// large enough to hold the whole contour of C through θ = (0, 0), the
/// usual untrained start, with a 30% margin.
///
/// C(θ) − C(θ*) = (θ − θ*)ᵀ A (θ − θ*) with A = [[E x², x̄], [x̄, 1]], so the
/// contour at height Δ reaches √(Δ·(A⁻¹)ₖₖ) along axis k, where
/// A⁻¹ = [[1, −x̄], [−x̄, E x²]] / var(x).
impl ViewWindow {
    /// This window, or, when `point` lies outside it, the window widened
    /// about its centre to hold it with a 15% margin: a point given off the
    /// map is put on it. A point inside leaves the window as it is, so
    /// dragging near an edge never moves the map under the pointer.
    pub fn holding(self, point: Theta) -> ViewWindow {
        let reach = (point[0] - self.center[0])
            .abs()
            .max((point[1] - self.center[1]).abs());
        if reach <= self.half || !reach.is_finite() {
            return self;
        }
        ViewWindow {
            center: self.center,
            half: 1.15 * reach,
        }
    }
}

pub fn auto_view(m: &Moments) -> ViewWindow {
    let Some(center) = m.minimum() else {
        let half = 1.0 + m.mean_y.abs();
        return ViewWindow {
            center: [0.0, m.mean_y],
            half,
        };
    };
    let delta = (m.cost([0.0, 0.0]) - m.min_cost()).max(1e-6 * (1.0 + m.var_y));
    let exx = m.var_x + m.mean_x * m.mean_x;
    let reach_slope = (delta / m.var_x).sqrt();
    let reach_intercept = (delta * exx / m.var_x).sqrt();
    let half = 1.3 * reach_slope.max(reach_intercept);
    ViewWindow {
        center,
        half: if half.is_finite() && half > 0.0 {
            half
        } else {
            1.0
        },
    }
}
