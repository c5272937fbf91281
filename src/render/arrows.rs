//! Arrows: a shaft and a filled head, in pixel coordinates.

use super::{drawn, Area, DrawResult};
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// A point in device pixels, unrounded.
pub type PxPoint = (f64, f64);
/// An arrow's start and tip in device pixels.
pub type PxSegment = (PxPoint, PxPoint);
/// An arrow's shaft (two pixels) and head (three corners).
type ArrowParts = ([(i32, i32); 2], [(i32, i32); 3]);

/// How an arrow looks: its colour, shaft width and head length in pixels.
#[derive(Clone, Copy)]
pub struct ArrowStyle {
    pub color: RGBAColor,
    pub width: u32,
    pub head: f64,
}

/// The three corners of the head of an arrow from `from` to `to`, or `None`
/// when the arrow is too short to have a direction.
fn head(from: (f64, f64), to: (f64, f64), length: f64) -> Option<[(i32, i32); 3]> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 0.5 {
        return None;
    }
    let head = length.min(0.6 * len);
    let (ux, uy) = (dx / len, dy / len);
    let base = (to.0 - ux * head, to.1 - uy * head);
    let half = 0.45 * head;
    let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    Some([
        p(to.0, to.1),
        p(base.0 - uy * half, base.1 + ux * half),
        p(base.0 + uy * half, base.1 - ux * half),
    ])
}

/// The shaft and head of an arrow from `from` to `to`, or `None` when it is
/// too short to have a direction. The shaft stops inside the head so that a
/// thick shaft does not poke out of the tip.
fn arrow_parts(from: (f64, f64), to: (f64, f64), style: ArrowStyle) -> Option<ArrowParts> {
    let tri = head(from, to, style.head)?;
    let r = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);
    let mid = (
        (tri[1].0 + tri[2].0) as f64 / 2.0,
        (tri[1].1 + tri[2].1) as f64 / 2.0,
    );
    let shaft_end = ((mid.0 + to.0) / 2.0, (mid.1 + to.1) / 2.0);
    Some(([r(from), r(shaft_end)], tri))
}

/// Draws an arrow from `from` to `to` (pixels). A zero-length arrow is a dot.
pub fn draw_arrow<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (f64, f64),
    to: (f64, f64),
    style: ArrowStyle,
) -> DrawResult {
    draw_arrows(area, &[(from, to)], style)
}

/// Draws many arrows of one style: every shaft first, then every head, so a
/// batching backend paints each group at once.
pub fn draw_arrows<DB: DrawingBackend>(
    area: &Area<DB>,
    arrows: &[PxSegment],
    style: ArrowStyle,
) -> DrawResult {
    let parts: Vec<_> = arrows
        .iter()
        .map(|&(from, to)| (from, arrow_parts(from, to, style)))
        .collect();
    for (_, part) in &parts {
        if let Some((shaft, _)) = part {
            drawn(area.draw(&PathElement::new(
                shaft.to_vec(),
                style.color.stroke_width(style.width),
            )))?;
        }
    }
    for (from, part) in &parts {
        match part {
            Some((_, tri)) => drawn(area.draw(&Polygon::new(tri.to_vec(), style.color.filled())))?,
            None => {
                let at = (from.0.round() as i32, from.1.round() as i32);
                drawn(area.draw(&Circle::new(
                    at,
                    (style.width as i32).max(2),
                    style.color.filled(),
                )))?
            }
        }
    }
    Ok(())
}

/// Draws a dashed arrow (dashes of `dash` pixels) with an open head.
pub fn draw_dashed_arrow<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (f64, f64),
    to: (f64, f64),
    style: ArrowStyle,
    dash: u32,
) -> DrawResult {
    let r = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);
    drawn(area.draw(&DashedPathElement::new(
        vec![r(from), r(to)],
        dash,
        dash,
        style.color.stroke_width(style.width),
    )))?;
    if let Some(tri) = head(from, to, style.head) {
        let outline = vec![tri[0], tri[1], tri[2], tri[0]];
        drawn(area.draw(&PathElement::new(
            outline,
            style.color.stroke_width(style.width),
        )))?;
    }
    Ok(())
}

/// Draws `style`'s arrow over a two-tone casing: `light` `pad` pixels wider
/// on each side, edged with `dark` one pixel beyond, so on any surface
/// colour one of the two stands out from it.
pub fn draw_cased_arrow<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (f64, f64),
    to: (f64, f64),
    style: ArrowStyle,
    (light, dark): (RGBAColor, RGBAColor),
    pad: u32,
) -> DrawResult {
    for (color, grow) in [(dark, pad + 1), (light, pad)] {
        let under = ArrowStyle {
            color,
            width: style.width + 2 * grow,
            head: style.head + 2.0 * grow as f64,
        };
        draw_arrow(area, from, to, under)?;
    }
    draw_arrow(area, from, to, style)
}
