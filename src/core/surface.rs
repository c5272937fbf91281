//! The cost surface C(θ) over a window of parameter space, its contour
//! lines, and the logarithmic colour scale that spans it.

use crate::core::geometry::PlotFrame;
use crate::core::math::LibmExt;
use crate::core::moments::Moments;

/// C sampled at the centres of an nx×ny grid of cells covering a window,
/// row-major from the bottom row (θ₁ smallest) up.
#[derive(Clone, Debug, PartialEq)]
pub struct SurfaceGrid {
    pub nx: usize,
    pub ny: usize,
    pub values: Vec<f64>,
    /// The window: θ₀ ∈ x, θ₁ ∈ y.
    pub x: (f64, f64),
    pub y: (f64, f64),
}

impl SurfaceGrid {
    /// Samples C from the sufficient statistics: O(1) per cell, whatever N is.
    /// Cell (i, j) is centred at (x₀ + (i + ½)·Δx, y₀ + (j + ½)·Δy).
    pub fn compute(m: &Moments, x: (f64, f64), y: (f64, f64), nx: usize, ny: usize) -> Self {
        Self::sample(&|t| m.cost(t), x, y, nx, ny)
    }

    /// Samples any cost at the cell centres.
    pub fn sample(
        cost: &dyn Fn([f64; 2]) -> f64,
        x: (f64, f64),
        y: (f64, f64),
        nx: usize,
        ny: usize,
    ) -> Self {
        let (dx, dy) = ((x.1 - x.0) / nx as f64, (y.1 - y.0) / ny as f64);
        let mut values = Vec::with_capacity(nx * ny);
        for j in 0..ny {
            let t1 = y.0 + (j as f64 + 0.5) * dy;
            for i in 0..nx {
                values.push(cost([x.0 + (i as f64 + 0.5) * dx, t1]));
            }
        }
        Self {
            nx,
            ny,
            values,
            x,
            y,
        }
    }

    /// A grid over a frame's window with about `cells` cells on its longer side.
    pub fn for_frame(m: &Moments, frame: &PlotFrame, cells: usize) -> Self {
        Self::over_frame(&|t| m.cost(t), frame, cells)
    }

    /// Any cost over a frame's window, about `cells` cells on its longer side.
    pub fn over_frame(cost: &dyn Fn([f64; 2]) -> f64, frame: &PlotFrame, cells: usize) -> Self {
        let (nx, ny) = Self::cells_over(frame, cells);
        Self::sample(cost, frame.x, frame.y, nx, ny)
    }

    /// Cells (nx, ny) over a frame with about `cells` on its longer side,
    /// square on the screen, at least 2 a side.
    pub fn cells_over(frame: &PlotFrame, cells: usize) -> (usize, usize) {
        let long = frame.width.max(frame.height);
        let nx = ((cells as f64 * frame.width / long).round() as usize).max(2);
        let ny = ((cells as f64 * frame.height / long).round() as usize).max(2);
        (nx, ny)
    }

    /// The isolines of C at `levels`, in θ coordinates.
    pub fn contour_lines(&self, levels: &[f64]) -> Vec<ContourLine> {
        let (dx, dy) = (
            (self.x.1 - self.x.0) / self.nx as f64,
            (self.y.1 - self.y.0) / self.ny as f64,
        );
        // contour puts value i at coordinate i + ½, so origin x₀ and step Δx
        // put it back at the cell centre x₀ + (i + ½)·Δx.
        let builder = contour::ContourBuilder::new(self.nx, self.ny, true)
            .x_origin(self.x.0)
            .y_origin(self.y.0)
            .x_step(dx)
            .y_step(dy);
        let lines = builder.lines(&self.values, levels).unwrap_or_default();
        // The rings close along the edge of the grid; those edge pieces are
        // not isolines, so each ring is cut into the runs between them.
        let (ex, ey) = (1e-9 * (self.x.1 - self.x.0), 1e-9 * (self.y.1 - self.y.0));
        let on_edge = |p: &[f64; 2]| {
            (p[0] - self.x.0).abs() < ex
                || (p[0] - self.x.1).abs() < ex
                || (p[1] - self.y.0).abs() < ey
                || (p[1] - self.y.1).abs() < ey
        };
        lines
            .into_iter()
            .map(|line| {
                let (geometry, level) = line.into_inner();
                let mut paths = Vec::new();
                for ring in geometry.0 {
                    let points: Vec<[f64; 2]> = ring.0.into_iter().map(|c| [c.x, c.y]).collect();
                    paths.extend(
                        points
                            .split(on_edge)
                            .filter(|run| run.len() >= 2)
                            .map(<[_]>::to_vec),
                    );
                }
                ContourLine { level, paths }
            })
            .collect()
    }
}

/// One isoline: every path along which C equals `level`.
pub struct ContourLine {
    pub level: f64,
    pub paths: Vec<Vec<[f64; 2]>>,
}

/// A colour scale from `lo` to `hi`: logarithmic, t = ln(C/lo) / ln(hi/lo),
/// for costs that span orders of magnitude, or linear, t = (C − lo)/(hi − lo),
/// for costs that go negative (a cost linear in the errors).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColorScale {
    pub lo: f64,
    pub hi: f64,
    pub log: bool,
}

impl ColorScale {
    /// The scale spanning C over a window. C is a convex quadratic, so its
    /// largest value on a rectangle is at a corner; its smallest is C(θ*)
    /// when θ* is inside, and otherwise the smallest sampled value. The
    /// bottom is kept above hi·10⁻⁹ so a perfect fit (C = 0) stays drawable.
    pub fn spanning(m: &Moments, grid: &SurfaceGrid) -> Self {
        let corners = [
            [grid.x.0, grid.y.0],
            [grid.x.0, grid.y.1],
            [grid.x.1, grid.y.0],
            [grid.x.1, grid.y.1],
        ];
        let hi = corners.iter().map(|&c| m.cost(c)).fold(0.0, f64::max);
        let inside = m.minimum().is_some_and(|t| {
            t[0] >= grid.x.0 && t[0] <= grid.x.1 && t[1] >= grid.y.0 && t[1] <= grid.y.1
        });
        let lo = if inside {
            m.min_cost()
        } else {
            grid.values.iter().copied().fold(f64::INFINITY, f64::min)
        };
        let hi = hi.max(f64::MIN_POSITIVE * 1e10);
        let lo = lo.max(hi * 1e-9);
        Self {
            lo,
            hi: if hi > lo * 1.0001 { hi } else { lo * 1.0001 },
            log: true,
        }
    }

    /// The scale spanning the sampled values of any cost: logarithmic when
    /// `log` (the bottom kept above top·10⁻⁹), linear otherwise.
    pub fn of_grid(grid: &SurfaceGrid, log: bool) -> Self {
        let finite = grid.values.iter().copied().filter(|v| v.is_finite());
        let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
        if log {
            let hi = hi.max(f64::MIN_POSITIVE * 1e10);
            let lo = lo.max(hi * 1e-9);
            Self {
                lo,
                hi: hi.max(lo * 1.0001),
                log,
            }
        } else {
            let span = (hi - lo).max(1e-12 * (1.0 + hi.abs()));
            Self {
                lo,
                hi: lo + span,
                log,
            }
        }
    }

    /// Where `value` sits on the scale, clamped to [0, 1].
    pub fn position(&self, value: f64) -> f64 {
        self.positioner()(value)
    }

    /// [`ColorScale::position`] with ln(hi/lo) (or hi − lo) computed once,
    /// for a whole bitmap: the same numbers to the bit, one logarithm a
    /// pixel instead of two.
    pub fn positioner(&self) -> impl Fn(f64) -> f64 + '_ {
        let span = if self.log {
            (self.hi / self.lo).ln_()
        } else {
            self.hi - self.lo
        };
        move |value| {
            let t = if self.log {
                (value / self.lo).ln_() / span
            } else {
                (value - self.lo) / span
            };
            if t.is_nan() {
                0.0
            } else {
                t.clamp(0.0, 1.0)
            }
        }
    }

    /// Contour levels strictly inside the scale, at most `max` of them: 1, 2
    /// and 5 times powers of ten on a log scale, round numbers on a linear one.
    pub fn levels(&self, max: usize) -> Vec<f64> {
        if !self.log {
            return crate::core::surface::ticks(self.lo, self.hi, max)
                .into_iter()
                .filter(|&v| v > self.lo && v < self.hi)
                .collect();
        }
        let mut out = Vec::new();
        let mut decade = 10f64.powf_(self.lo.log10_().floor());
        while decade <= self.hi {
            for k in [1.0, 2.0, 5.0] {
                let v = decade * k;
                if v > self.lo && v < self.hi {
                    out.push(v);
                }
            }
            decade *= 10.0;
        }
        let stride = out.len().div_ceil(max.max(1)).max(1);
        out.into_iter().step_by(stride).collect()
    }
}

/// Round tick values in [lo, hi]: steps of 1, 2 or 5 times a power of ten,
/// about `target` of them.
pub fn ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let span = hi - lo;
    if span.is_nan() || span <= 0.0 || !span.is_finite() {
        return Vec::new();
    }
    let raw = span / target.max(1) as f64;
    let power = 10f64.powf_(raw.log10_().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|k| k * power)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * power);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}
