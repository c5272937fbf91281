//! Which example is under the pointer, in either figure.

use crate::core::geometry::PlotFrame;
use crate::page::model::GradArrow;

/// The distance in pixels from point p to the segment from a to b.
pub fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (abx, aby) = (b.0 - a.0, b.1 - a.1);
    let len2 = abx * abx + aby * aby;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * abx + (p.1 - a.1) * aby) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (a.0 + t * abx, a.1 + t * aby);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

/// The example whose point (xᵢ, yᵢ) is nearest to pixel p, if within `radius` pixels.
pub fn nearest_point(
    frame: &PlotFrame,
    xs: &[f64],
    ys: &[f64],
    p: (f64, f64),
    radius: f64,
) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, (&x, &y)) in xs.iter().zip(ys).enumerate() {
        let (qx, qy) = frame.to_px_f([x, y]);
        let d = ((qx - p.0).powi(2) + (qy - p.1).powi(2)).sqrt();
        if d <= radius && best.is_none_or(|(_, b)| d < b) {
            best = Some((i, d));
        }
    }
    best.map(|(i, _)| i)
}

/// The example whose arrow passes nearest to pixel p, if within `radius`
/// pixels. Near θ every arrow starts at the same point, so the tip decides:
/// a distance to the shaft counts, but ties go to the arrow whose tip is nearer.
pub fn nearest_arrow(
    frame: &PlotFrame,
    arrows: &[GradArrow],
    unit: f64,
    p: (f64, f64),
    radius: f64,
) -> Option<usize> {
    let mut best: Option<(usize, f64, f64)> = None;
    for (i, a) in arrows.iter().enumerate() {
        let (from, tip) = (frame.to_px_f(a.from), frame.to_px_f(a.tip(unit)));
        let d = distance_to_segment(p, from, tip);
        let to_tip = ((tip.0 - p.0).powi(2) + (tip.1 - p.1).powi(2)).sqrt();
        let better = best.is_none_or(|(_, bd, bt)| d < bd - 0.5 || (d <= bd + 0.5 && to_tip < bt));
        if d <= radius && better {
            best = Some((i, d, to_tip));
        }
    }
    best.map(|(i, _, _)| i)
}
