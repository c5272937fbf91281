//! The network part of scene 4: the cost on a 2-D slice of parameter space,
//! the true and average-first gradients at the current point, and the
//! network's curve over its data.

use crate::core::geometry::PlotFrame;
use crate::core::math::LibmExt;
use crate::core::surface::{ColorScale, SurfaceGrid};
use crate::page::model::GradArrow;
use crate::render::arrows::{draw_arrow, ArrowStyle};
use crate::render::axes::draw_axes;
use crate::render::data_figure::point_radius;
use crate::render::palette::{BATCH_ARROW, MEAN_ARROW, MODEL_LINE, POINT};
use crate::render::param_figure::{
    draw_surface_background, draw_theta_marker, layout_for_view, ParamLayout, SurfaceView,
};
use crate::render::{drawn, Area, Canvas, DrawResult, HeatmapMode};
use crate::render::{inset_frame, DATA_MARGINS};
use crate::scenes::average_first::network::{param_name, Network, X_RANGE};
use plotters::prelude::*;

/// The parameter figure's layout for the slice window.
pub fn network_layout(net: &Network, canvas: Canvas) -> ParamLayout {
    layout_for_view(net.view, canvas)
}

/// C over the slice through the two chosen parameters, on a log scale.
pub fn draw_network_background<DB: DrawingBackend>(
    area: &Area<DB>,
    net: &Network,
    layout: &ParamLayout,
    mode: HeatmapMode,
) -> DrawResult {
    let cost = |ab: [f64; 2]| net.slice_cost(ab);
    let scale = ColorScale::of_grid(&SurfaceGrid::over_frame(&cost, &layout.frame, 64), true);
    let h = net.hidden();
    let (a, b) = (param_name(net.slice[0], h), param_name(net.slice[1], h));
    let view = SurfaceView {
        cost: &cost,
        scale,
        minimum: None,
        title: "C, log",
        axes: (&a, &b),
        cells: 96,
        grid: None,
        quadratic: None,
    };
    draw_surface_background(area, layout, &view, mode)
}

/// The true gradient (orange) and the shortcut (green) at the current point,
/// projected on the slice, as −∇ like every arrow of the page.
pub fn draw_network_overlay<DB: DrawingBackend>(
    area: &Area<DB>,
    net: &Network,
    layout: &ParamLayout,
) -> DrawResult {
    let (canvas, frame) = (&layout.canvas, &layout.frame);
    let (point, unit, [a, b]) = (net.point(), net.arrow_unit(), net.slice);
    let bold = |color: RGBColor| ArrowStyle {
        color: color.to_rgba(),
        width: canvas.px(4.0),
        head: canvas.pxf(14.0),
    };
    // The marker goes first and the arrows over it, the shorter one last: at
    // many points the shortcut is a fraction of the true gradient, and a
    // marker on top would hide it.
    draw_theta_marker(area, canvas, frame.to_px_f(point))?;
    let mut arrows = [
        (net.true_gradient(), MEAN_ARROW),
        (net.shortcut_gradient(), BATCH_ARROW),
    ]
    .map(|(g, color)| {
        let tip = GradArrow {
            from: point,
            grad: [g[a], g[b]],
        }
        .tip(unit);
        (frame.to_px_f(tip), color)
    });
    let from = frame.to_px_f(point);
    let length = |to: (f64, f64)| (to.0 - from.0).hypot_(to.1 - from.1);
    arrows.sort_by(|p, q| length(q.0).total_cmp(&length(p.0)));
    for (to, color) in arrows {
        draw_arrow(area, from, to, bold(color))?;
    }
    Ok(())
}

/// The data window of the network's figure in a canvas.
pub fn network_data_frame(net: &Network, canvas: &Canvas) -> PlotFrame {
    let frame = inset_frame(canvas, DATA_MARGINS, (0.0, 1.0), (0.0, 1.0));
    net.data_window((frame.left, frame.top, frame.width, frame.height))
}

/// The background of the data figure: the noisy sine's points. It does not
/// change while the sliced parameters move.
pub fn draw_network_points<DB: DrawingBackend>(
    area: &Area<DB>,
    net: &Network,
    canvas: &Canvas,
) -> DrawResult {
    let frame = network_data_frame(net, canvas);
    drawn(area.fill(&WHITE))?;
    draw_axes(area, canvas, &frame, ("x", "y"), true)?;
    let r = canvas.px(point_radius(net.xs.len())) as i32;
    for (&x, &y) in net.xs.iter().zip(&net.ys) {
        drawn(area.draw(&Circle::new(frame.to_px([x, y]), r, POINT.filled())))?;
    }
    Ok(())
}

/// The overlay of the data figure: the network's prediction ŷ(x) at the
/// current parameters, so it follows the point while it is dragged.
pub fn draw_network_curve<DB: DrawingBackend>(
    area: &Area<DB>,
    net: &Network,
    canvas: &Canvas,
) -> DrawResult {
    let frame = network_data_frame(net, canvas);
    let curve: Vec<(i32, i32)> = (0..=200)
        .map(|k| X_RANGE.0 + (X_RANGE.1 - X_RANGE.0) * k as f64 / 200.0)
        .map(|x| frame.to_px([x, net.predict(x)]))
        .collect();
    drawn(area.draw(&PathElement::new(
        curve,
        MODEL_LINE.stroke_width(canvas.px(2.0)),
    )))
}
