//! Scene 4's figures: the surface of each part's cost, and the true
//! gradient next to what averaging first would give.

use crate::core::geometry::PlotFrame;
use crate::core::surface::{ColorScale, SurfaceGrid};
use crate::page::model::{GradArrow, Model};
use crate::render::arrows::{draw_arrow, draw_arrows, ArrowStyle};
use crate::render::font::FIGURE_FONT;
use crate::render::palette::{BATCH_ARROW, EXAMPLE_ARROW, HIGHLIGHT, INK, MEAN_ARROW};
use crate::render::param_figure::{
    draw_surface_background, draw_theta_marker, ParamLayout, SurfaceView, PARAM_AXES,
};
use crate::render::thin_pixels;
use crate::render::{drawn, Area, DrawResult, HeatmapMode};
use crate::scenes::average_first::network::Network;
use crate::scenes::average_first::network_figure::{draw_network_background, draw_network_overlay};
use crate::scenes::average_first::parts as af;
use crate::scenes::average_first::settings::{AverageSettings, Part};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A cost over parameter space, boxed so each part can bring its own.
type CostFn<'a> = Box<dyn Fn([f64; 2]) -> f64 + 'a>;

/// The surface of the part shown: C, (mean error)², J or maxᵢ Lᵢ.
pub fn draw_average_background<DB: DrawingBackend>(
    area: &Area<DB>,
    model: &Model,
    (s, net): (&AverageSettings, Option<&Network>),
    layout: &ParamLayout,
    mode: HeatmapMode,
) -> DrawResult {
    let m = *model.problem.moments();
    let hull = if s.part == Part::MaxCost {
        af::hull(&model.problem)
    } else {
        Vec::new()
    };
    let (cost, log, minimum, title): (CostFn, bool, Option<[f64; 2]>, &str) =
        match (s.part, s.valley) {
            (Part::Inputs, false) => (Box::new(move |t| m.cost(t)), true, m.minimum(), "C(θ), log"),
            (Part::Inputs, true) => (
                Box::new(move |t| m.mean_residual(t).powi(2)),
                true,
                None,
                "(ē)², log",
            ),
            (Part::LinearCost, _) => (
                Box::new(move |t| m.mean_residual(t)),
                false,
                None,
                "J(θ), linear",
            ),
            (Part::MaxCost, _) => (
                Box::new(move |t| af::max_cost_on(&model.problem, &hull, t)),
                true,
                None,
                "max Lᵢ, log",
            ),
            (Part::Network, _) => {
                return match net {
                    Some(net) => draw_network_background(area, net, layout, mode),
                    None => Ok(()),
                };
            }
        };
    let scale = ColorScale::of_grid(&SurfaceGrid::over_frame(&*cost, &layout.frame, 64), log);
    draw_surface_background(
        area,
        layout,
        &SurfaceView {
            cost: &*cost,
            scale,
            minimum,
            title,
            axes: PARAM_AXES,
            cells: 256,
            grid: None,
            quadratic: None,
        },
        mode,
    )?;
    if s.part == Part::Inputs && s.valley {
        draw_cost_contours(area, layout, &m)?;
    }
    Ok(())
}

/// C's contours, dotted, and its minimum, over the (mean error)² surface:
/// the real cost next to the one averaging the inputs first minimises.
fn draw_cost_contours<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &ParamLayout,
    m: &crate::core::moments::Moments,
) -> DrawResult {
    let (canvas, frame) = (&layout.canvas, &layout.frame);
    let grid = SurfaceGrid::for_frame(m, frame, 160);
    let levels = ColorScale::spanning(m, &grid).levels(5);
    // Dotted, unlike the dashed valley line: two different things.
    let style = INK.mix(0.7).stroke_width(canvas.px(1.5));
    for line in grid.contour_lines(&levels) {
        for path in line.paths {
            let px: Vec<(i32, i32)> = path.into_iter().map(|p| frame.to_px(p)).collect();
            drawn(area.draw(&DashedPathElement::new(
                px,
                canvas.px(1.5),
                canvas.px(3.0),
                style,
            )))?;
        }
    }
    if let Some(star) = m.minimum() {
        let s = canvas.px(6.0) as i32;
        drawn(area.draw(&Cross::new(
            frame.to_px(star),
            s,
            INK.stroke_width(canvas.px(2.0)),
        )))?;
        let font = (FIGURE_FONT, canvas.pxf(12.0))
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Bottom));
        let (x, y) = frame.to_px(star);
        drawn(area.draw(&Text::new("min of C".to_string(), (x + s, y - s), font)))?;
    }
    Ok(())
}

/// A straight line across the frame through θ-points a and b, dashed, labelled.
fn draw_guide<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &ParamLayout,
    a: [f64; 2],
    b: [f64; 2],
    label: &str,
) -> DrawResult {
    let (canvas, f) = (&layout.canvas, &layout.frame);
    let (pa, pb) = (f.to_px_f(a), f.to_px_f(b));
    let style = INK.mix(0.75).stroke_width(canvas.px(1.5));
    let ends = vec![
        (pa.0.round() as i32, pa.1.round() as i32),
        (pb.0.round() as i32, pb.1.round() as i32),
    ];
    drawn(area.draw(&DashedPathElement::new(
        ends,
        canvas.px(6.0),
        canvas.px(4.0),
        style,
    )))?;
    // The label sits on the line, a quarter of the way from its top end.
    let (top, bottom) = if pa.1 < pb.1 { (pa, pb) } else { (pb, pa) };
    let at = (
        (top.0 + 0.25 * (bottom.0 - top.0)).round() as i32 + canvas.px(4.0) as i32,
        (top.1 + 0.25 * (bottom.1 - top.1)).round() as i32,
    );
    let font = (FIGURE_FONT, canvas.pxf(12.0))
        .into_font()
        .color(&INK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    drawn(area.draw(&Text::new(label.to_string(), at, font)))
}

/// Points of the line θ₁ = c − θ₀·k at the frame's left and right edges.
fn line_across(f: &PlotFrame, k: f64, c: f64) -> ([f64; 2], [f64; 2]) {
    ([f.x.0, c - k * f.x.0], [f.x.1, c - k * f.x.1])
}

/// The arrows and guides of the part shown, at θ.
pub fn draw_average_overlay<DB: DrawingBackend>(
    area: &Area<DB>,
    model: &Model,
    (s, net): (&AverageSettings, Option<&Network>),
    layout: &ParamLayout,
) -> DrawResult {
    let (canvas, frame, unit) = (&layout.canvas, &layout.frame, model.arrow_unit);
    let m = model.problem.moments();
    let theta = model.shared.theta;
    let px = |p: [f64; 2]| frame.to_px_f(p);
    let bold = |color: RGBColor| ArrowStyle {
        color: color.to_rgba(),
        width: canvas.px(4.0),
        head: canvas.pxf(14.0),
    };
    let arrow = |g: [f64; 2]| {
        (
            px(theta),
            px(GradArrow {
                from: theta,
                grad: g,
            }
            .tip(unit)),
        )
    };
    match s.part {
        Part::Inputs => {
            // Over C: where the two arrows agree, and where the mean error
            // is 0. Over (mean error)², only the second: it is the valley.
            match m.minimum() {
                Some(star) if !s.valley => draw_guide(
                    area,
                    layout,
                    [star[0], frame.y.0],
                    [star[0], frame.y.1],
                    "shortcut exact on this line",
                )?,
                _ => {}
            }
            let (a, b) = line_across(frame, m.mean_x, m.mean_y);
            let label = if s.valley {
                "the valley: mean error 0"
            } else {
                "mean error 0 here"
            };
            draw_guide(area, layout, a, b, label)?;
            if s.valley {
                let path = thin_pixels(
                    af::valley_descent(&model.problem, theta)
                        .into_iter()
                        .map(|t| frame.to_px(t)),
                );
                drawn(area.draw(&PathElement::new(
                    path.clone(),
                    BATCH_ARROW.stroke_width(canvas.px(2.5)),
                )))?;
                if let Some(&end) = path.last() {
                    drawn(area.draw(&Circle::new(
                        end,
                        canvas.px(6.0) as i32,
                        BATCH_ARROW.filled(),
                    )))?;
                }
            }
            let (from, to) = arrow(af::averaged_input_gradient(&model.problem, theta));
            draw_arrow(area, from, to, bold(BATCH_ARROW))?;
            let (from, to) = arrow(model.cost_gradient());
            draw_arrow(area, from, to, bold(MEAN_ARROW))?;
        }
        Part::LinearCost => {
            // The same arrow at every point of a grid: the gradient does not depend on θ.
            let g = af::linear_cost_gradient(&model.problem);
            let mut arrows = Vec::new();
            for i in 1..6 {
                for j in 1..5 {
                    let at = [
                        frame.x.0 + (frame.x.1 - frame.x.0) * i as f64 / 6.0,
                        frame.y.0 + (frame.y.1 - frame.y.0) * j as f64 / 5.0,
                    ];
                    arrows.push((px(at), px(GradArrow { from: at, grad: g }.tip(unit))));
                }
            }
            draw_arrows(
                area,
                &arrows,
                ArrowStyle {
                    color: EXAMPLE_ARROW,
                    width: canvas.px(1.5),
                    head: canvas.pxf(8.0),
                },
            )?;
            let path: Vec<(i32, i32)> =
                af::linear_cost_descent(&model.problem, theta, model.shared.lr)
                    .into_iter()
                    .map(|t| frame.to_px(t))
                    .collect();
            drawn(area.draw(&PathElement::new(
                path.clone(),
                MEAN_ARROW.stroke_width(canvas.px(2.5)),
            )))?;
            for p in path {
                drawn(area.draw(&Circle::new(p, canvas.px(3.0) as i32, MEAN_ARROW.filled())))?;
            }
            let (from, to) = arrow(g);
            draw_arrow(area, from, to, bold(MEAN_ARROW))?;
        }
        Part::Network => {
            return match net {
                Some(net) => draw_network_overlay(area, net, layout),
                None => Ok(()),
            }
        }
        Part::MaxCost => {
            let thin = ArrowStyle {
                color: EXAMPLE_ARROW,
                width: canvas.px(1.0),
                head: canvas.pxf(6.0),
            };
            let all: Vec<_> = model
                .example_arrows()
                .iter()
                .map(|a| arrow(a.grad))
                .collect();
            draw_arrows(area, &all, thin)?;
            let (from, to) = arrow(af::max_cost_gradient(&model.problem, theta));
            draw_arrow(area, from, to, bold(HIGHLIGHT))?;
            let (from, to) = arrow(model.cost_gradient());
            draw_arrow(area, from, to, bold(MEAN_ARROW))?;
        }
    }
    draw_theta_marker(area, canvas, px(theta))
}

/// The centroid (x̄, ȳ) on the data figure: every line through it has mean error 0.
pub fn draw_centroid<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &crate::render::Canvas,
    frame: &PlotFrame,
    model: &Model,
) -> DrawResult {
    let m = model.problem.moments();
    let at = frame.to_px([m.mean_x, m.mean_y]);
    let r = canvas.px(8.0) as i32;
    drawn(area.draw(&Cross::new(at, r, BATCH_ARROW.stroke_width(canvas.px(3.0)))))?;
    let font = (FIGURE_FONT, canvas.pxf(12.0))
        .into_font()
        .color(&INK)
        .pos(Pos::new(HPos::Left, VPos::Top));
    drawn(area.draw(&Text::new(
        "(x̄, ȳ)".to_string(),
        (at.0 + r, at.1 + r / 2),
        font,
    )))
}
