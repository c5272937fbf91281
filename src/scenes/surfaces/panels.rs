//! The small multiples: one panel per chosen example, its own loss Lᵢ(θ)
//! over the same window and colours as C, its valley θ₀xᵢ + θ₁ = yᵢ
//! dashed, and on the overlay θ with the example's arrow −∇Lᵢ(θ).

use crate::core::geometry::{equal_scale_frame, PlotFrame, ViewWindow};
use crate::core::models::linear::LinearProblem;
use crate::core::surface::ColorScale;
use crate::core::text::fmt_sig;
use crate::core::Theta;
use crate::render::arrows::{draw_arrow, ArrowStyle};
use crate::render::font::FIGURE_FONT;
use crate::render::heatmap::draw_surface;
use crate::render::palette::{HIGHLIGHT, INK, MEAN_ARROW};
use crate::render::param_figure::draw_theta_marker;
use crate::render::{drawn, Area, Canvas, DrawResult, HeatmapMode};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Where the panels sit on their canvas: one frame per slot, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PanelsLayout {
    pub canvas: Option<Canvas>,
    pub frames: Vec<PlotFrame>,
}

/// Panels in a row on a wide canvas, two by two on a narrow one, each
/// with a title band above an equal-scale frame of `view`.
pub fn panels_layout(canvas: Canvas, view: ViewWindow, count: usize) -> PanelsLayout {
    let wide = canvas.width as f64 > 1.8 * canvas.height as f64;
    let cols = if wide {
        count.max(1)
    } else {
        count.clamp(1, 2)
    };
    let rows = count.div_ceil(cols).max(1);
    let (cell_w, cell_h) = (
        canvas.width as f64 / cols as f64,
        canvas.height as f64 / rows as f64,
    );
    let (side, title, bottom) = (canvas.pxf(6.0), canvas.pxf(20.0), canvas.pxf(6.0));
    let frames = (0..count)
        .map(|slot| {
            let (c, r) = ((slot % cols) as f64, (slot / cols) as f64);
            let w = (cell_w - 2.0 * side).max(10.0).round();
            let h = (cell_h - title - bottom).max(10.0).round();
            let size = w.min(h);
            let left = (c * cell_w + (cell_w - size) / 2.0).round();
            let top = (r * cell_h + title).round();
            equal_scale_frame(view, left, top, size, size)
        })
        .collect();
    PanelsLayout {
        canvas: Some(canvas),
        frames,
    }
}

/// The part of the segment a–b inside `frame` (pixels), if any
/// (Liang–Barsky clipping).
pub fn clip_segment(frame: &PlotFrame, a: (f64, f64), b: (f64, f64)) -> Option<[(f64, f64); 2]> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    let edges = [
        (-dx, a.0 - frame.left),
        (dx, frame.left + frame.width - a.0),
        (-dy, a.1 - frame.top),
        (dy, frame.top + frame.height - a.1),
    ];
    for (p, q) in edges {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some([
        (a.0 + t0 * dx, a.1 + t0 * dy),
        (a.0 + t1 * dx, a.1 + t1 * dy),
    ])
}

/// Each panel's surface, valley and title.
pub fn draw_panels_background<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &PanelsLayout,
    problem: &LinearProblem,
    shown: &[usize],
    scale: &ColorScale,
    mode: HeatmapMode,
) -> DrawResult {
    let Some(canvas) = layout.canvas else {
        return Ok(());
    };
    drawn(area.fill(&WHITE))?;
    let d = problem.data();
    let title_font = (FIGURE_FONT, canvas.pxf(12.0))
        .into_font()
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    for (frame, &i) in layout.frames.iter().zip(shown) {
        let cost = |t: Theta| problem.loss_of(i, t);
        draw_surface(area, &cost, frame, scale, mode)?;
        // The valley: Lᵢ = 0 wherever θ₁ = yᵢ − θ₀xᵢ; for the cross-entropy
        // the line zᵢ = θ₀xᵢ + θ₁ = 0 where pᵢ = ½, the bend of its ramp.
        let (x, y) = (d.xs[i], d.ys[i]);
        let level = if problem.loss_kind().is_regression() {
            y
        } else {
            0.0
        };
        let ends = (
            frame.to_px_f([frame.x.0, level - frame.x.0 * x]),
            frame.to_px_f([frame.x.1, level - frame.x.1 * x]),
        );
        if let Some([a, b]) = clip_segment(frame, ends.0, ends.1) {
            let px = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);
            drawn(area.draw(&DashedPathElement::new(
                vec![px(a), px(b)],
                canvas.px(5.0),
                canvas.px(4.0),
                WHITE.stroke_width(canvas.px(1.5)),
            )))?;
        } else {
            // An example far from every line in the window (an outlier):
            // its surface is one colour here, and the panel says why.
            let note = (FIGURE_FONT, canvas.pxf(11.0))
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Center, VPos::Center));
            let centre = (
                (frame.left + frame.width / 2.0).round() as i32,
                (frame.top + frame.height / 2.0).round() as i32,
            );
            let first = if problem.loss_kind().is_regression() {
                "its valley lies"
            } else {
                "its ramp's bend lies"
            };
            for (k, line) in [first, "outside this window"].iter().enumerate() {
                let y = centre.1 + ((k as f64 - 0.5) * canvas.pxf(14.0)).round() as i32;
                drawn(area.draw(&Text::new(line.to_string(), (centre.0, y), note.clone())))?;
            }
        }
        let (l, t, r, b) = frame.edges_px();
        let corners = [(l, t), (r, b)];
        drawn(area.draw(&Rectangle::new(corners, INK.stroke_width(1))))?;
        // Narrow panels (two to a row on a phone) get the short form.
        let title = if frame.width >= canvas.pxf(230.0) {
            format!(
                "Example {}: x = {}, y = {}",
                i + 1,
                fmt_sig(x, 3),
                fmt_sig(y, 3)
            )
        } else {
            format!("Example {} ({}, {})", i + 1, fmt_sig(x, 3), fmt_sig(y, 3))
        };
        let at = (
            (frame.left + frame.width / 2.0).round() as i32,
            (frame.top - canvas.pxf(5.0)).round() as i32,
        );
        drawn(area.draw(&Text::new(title, at, title_font.clone())))?;
    }
    Ok(())
}

/// θ and −∇Lᵢ(θ) in each panel (the arrow cut at the panel's edge), and a
/// blue frame round the highlighted example's panel.
pub fn draw_panels_overlay<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &PanelsLayout,
    problem: &LinearProblem,
    shown: &[usize],
    theta: Theta,
    arrow_unit: f64,
    highlight: Option<usize>,
) -> DrawResult {
    let Some(canvas) = layout.canvas else {
        return Ok(());
    };
    let style = ArrowStyle {
        color: MEAN_ARROW.to_rgba(),
        width: canvas.px(2.5),
        head: canvas.pxf(9.0),
    };
    for (frame, &i) in layout.frames.iter().zip(shown) {
        let g = problem.gradient_of(i, theta);
        let from = frame.to_px_f(theta);
        let tip = frame.to_px_f([theta[0] - arrow_unit * g[0], theta[1] - arrow_unit * g[1]]);
        if frame.contains_px(tip.0, tip.1) && frame.contains_px(from.0, from.1) {
            draw_arrow(area, from, tip, style)?;
        } else if let Some([a, b]) = clip_segment(frame, from, tip) {
            let px = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);
            drawn(area.draw(&PathElement::new(
                vec![px(a), px(b)],
                style.color.stroke_width(style.width),
            )))?;
        }
        if frame.contains_px(from.0, from.1) {
            draw_theta_marker(area, &canvas, from)?;
        }
        if highlight == Some(i) {
            let pad = canvas.px(2.0) as i32;
            let (l, t, r, b) = frame.edges_px();
            let corners = [(l - pad, t - pad), (r + pad, b + pad)];
            drawn(area.draw(&Rectangle::new(
                corners,
                HIGHLIGHT.stroke_width(canvas.px(3.0)),
            )))?;
        }
    }
    Ok(())
}

/// The panel under device pixel `p`, as its slot.
pub fn panel_at(layout: &PanelsLayout, p: (f64, f64)) -> Option<usize> {
    layout.frames.iter().position(|f| f.contains_px(p.0, p.1))
}
