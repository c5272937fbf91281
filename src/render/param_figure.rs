//! The parameter-space figure: the surface C(θ) over (slope θ₀, intercept θ₁)
//! with its contours and minimum, and the arrows at θ.

use super::arrows::{draw_arrows, draw_cased_arrow, draw_dashed_arrow, ArrowStyle};
use super::axes::draw_axes;
use super::grid_source::{costly_grid, GridSource};
use super::heatmap::{draw_colorbar, draw_surface, grid_pixels};
use super::palette::{example_arrow, CASING, CONTOUR, GRAD_C, HIGHLIGHT, INK, MEAN_ARROW};
use super::surface_budget::{budgeted_contour_cells, budgeted_heatmap};
use super::tip_density::{draw_tip_density, DENSITY_ABOVE};
use super::{drawn, Area, Canvas, DrawResult, HeatmapMode};
use crate::core::geometry::{equal_scale_frame, PlotFrame};
use crate::core::isolines::mse_isolines;
use crate::core::math::LibmExt;
use crate::core::models::loss::Loss;
use crate::core::moments::Moments;
use crate::core::surface::{ColorScale, SurfaceGrid};
use crate::core::text::fmt_sig;
use crate::page::model::{GradArrow, Model};
use crate::render::font::FIGURE_FONT;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The axes of linear regression's parameter space.
pub const PARAM_AXES: (&str, &str) = ("slope θ₀", "intercept θ₁");

/// Where things go in the parameter figure, in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamLayout {
    pub canvas: Canvas,
    /// The plot: equal scale on θ₀ and θ₁.
    pub frame: PlotFrame,
    /// The colour bar: left, top, width, height.
    pub colorbar: (i32, i32, i32, i32),
}

/// Lays out a `canvas`-sized parameter figure for `scene`.
pub fn param_layout(scene: &Model, canvas: Canvas) -> ParamLayout {
    layout_for_view(scene.view, canvas)
}

/// Lays out a parameter figure showing the window `view`.
pub fn layout_for_view(view: crate::core::geometry::ViewWindow, canvas: Canvas) -> ParamLayout {
    let (left, top, right, bottom) = (
        canvas.pxf(58.0),
        canvas.pxf(22.0),
        canvas.pxf(74.0),
        canvas.pxf(46.0),
    );
    let width = (canvas.width as f64 - left - right).max(10.0).round();
    let height = (canvas.height as f64 - top - bottom).max(10.0).round();
    let frame = equal_scale_frame(view, left, top, width, height);
    let bar_left = (left + width + canvas.pxf(12.0)).round() as i32;
    let colorbar = (
        bar_left,
        top.round() as i32,
        canvas.px(12.0) as i32,
        height as i32,
    );
    ParamLayout {
        canvas,
        frame,
        colorbar,
    }
}

/// What the overlay shows: the per-example arrows (at θ in the true
/// picture, elsewhere while the mistaken picture is shown), whether the mean
/// and ∇C are drawn, and which example is highlighted.
pub struct ParamOverlay {
    pub arrows: Vec<GradArrow>,
    pub show_mean: bool,
    pub highlight: Option<usize>,
}

/// A cost surface to draw over the parameter window: the function, its
/// colour scale, where its minimum is (if it has one), and its colour-bar title.
pub struct SurfaceView<'a> {
    pub cost: &'a dyn Fn([f64; 2]) -> f64,
    pub scale: ColorScale,
    pub minimum: Option<[f64; 2]>,
    pub title: &'a str,
    /// The names of the two axes.
    pub axes: (&'a str, &'a str),
    /// Grid cells along the longer side for the contours (and the canvas's
    /// heatmap): 256 for costs that are cheap to evaluate (contours within
    /// half a pixel), fewer for a network, whose cost needs a forward pass
    /// per example.
    pub cells: usize,
    /// C already sampled on that grid, when the caller needed it first (for
    /// the colour scale); otherwise it is sampled here.
    pub grid: Option<SurfaceGrid>,
    /// The moments when C is MSE's quadratic: its contours are then the
    /// ellipses of [`mse_isolines`], not traced on the grid.
    pub quadratic: Option<Moments>,
}

/// The layer that changes only with the data or the window: the surface of
/// C, labelled contours, axes, colour bar and the minimum. Under MAE, Huber
/// and the cross-entropy each point of C costs N evaluations, so the
/// drawing stays within `budget` evaluations (see [`drawing_budget`]) with
/// coarser cells, and its grid comes from `grids` (see [`costly_grid`]).
pub fn draw_param_background<DB: DrawingBackend>(
    area: &Area<DB>,
    scene: &Model,
    layout: &ParamLayout,
    mode: HeatmapMode,
    budget: f64,
    grids: &dyn GridSource,
) -> DrawResult {
    let m = scene.problem.moments();
    let cost = |t: [f64; 2]| scene.cost_at(t);
    let (scale, per_point, grid) = match scene.loss() {
        Loss::Mse => (
            ColorScale::spanning(m, &SurfaceGrid::for_frame(m, &layout.frame, 64)),
            1,
            None,
        ),
        // One grid of C gives the colour scale, the contours and (on the
        // canvas) the heatmap: each of its points costs a pass over the data.
        loss => {
            let n = scene.problem.num_examples() * loss.evaluation_cost();
            let grid = costly_grid(grids, &scene.problem, &layout.frame, n, budget);
            (ColorScale::of_grid(&grid, true), n, Some(grid))
        }
    };
    let frame_px = layout.frame.width.max(layout.frame.height);
    let view = SurfaceView {
        cost: &cost,
        scale,
        minimum: scene.minimum,
        title: "C(θ), log",
        axes: PARAM_AXES,
        cells: budgeted_contour_cells(per_point, budget, 256),
        grid,
        quadratic: (scene.loss() == Loss::Mse).then_some(*m),
    };
    // On the canvas C is coloured from the grid, under MSE too (256 cells,
    // about 2 pixels each): C's colour to the eye, without a logarithm at
    // every pixel (28 of a 53 ms redraw at N = 1,000).
    let mode = match budgeted_heatmap(mode, per_point, frame_px, budget) {
        HeatmapMode::Bitmap => HeatmapMode::Smooth(1),
        mode => mode,
    };
    draw_surface_background(area, layout, &view, mode)
}

/// Draws any cost surface with its contours, axes, colour bar and minimum.
pub fn draw_surface_background<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &ParamLayout,
    view: &SurfaceView,
    mode: HeatmapMode,
) -> DrawResult {
    let (canvas, frame) = (&layout.canvas, &layout.frame);
    drawn(area.fill(&WHITE))?;
    let sampled;
    let grid = match &view.grid {
        Some(grid) => grid,
        None => {
            sampled = SurfaceGrid::over_frame(view.cost, frame, view.cells);
            &sampled
        }
    };
    let levels = view.scale.levels(9);
    match mode {
        // A costly surface: the heatmap is interpolated from the contours' grid.
        HeatmapMode::Smooth(_) => drawn(area.draw(&grid_pixels(grid, frame, &view.scale)))?,
        _ => draw_surface(area, view.cost, frame, &view.scale, mode)?,
    }
    let lines = view
        .quadratic
        .and_then(|m| mse_isolines(&m, &levels, frame));
    for line in lines.unwrap_or_else(|| grid.contour_lines(&levels)) {
        for path in &line.paths {
            let px: Vec<(i32, i32)> = path.iter().map(|&p| frame.to_px(p)).collect();
            drawn(area.draw(&PathElement::new(px, CONTOUR.stroke_width(canvas.px(1.0)))))?;
        }
        let avoid = view.minimum.map(|m| frame.to_px_f(m));
        draw_contour_label(area, canvas, frame, line.level, &line.paths, avoid)?;
    }
    if let Some(min) = view.minimum {
        let (x, y) = frame.to_px(min);
        if frame.contains_px(x as f64, y as f64) {
            let s = canvas.px(6.0) as i32;
            drawn(area.draw(&Cross::new((x, y), s, INK.stroke_width(canvas.px(2.0)))))?;
            // Below and to the right, clear of a θ marker sitting on the minimum.
            let (lx, ly) = (x + canvas.px(11.0) as i32, y + canvas.px(5.0) as i32);
            let (w, h) = (canvas.px(24.0) as i32, canvas.px(15.0) as i32);
            drawn(area.draw(&Rectangle::new(
                [(lx - 2, ly), (lx + w, ly + h)],
                WHITE.mix(0.8).filled(),
            )))?;
            let font = (FIGURE_FONT, canvas.pxf(12.0))
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Top));
            drawn(area.draw(&Text::new("min".to_string(), (lx, ly + 1), font)))?;
        }
    }
    draw_axes(area, canvas, frame, view.axes, false)?;
    draw_colorbar(
        area,
        canvas,
        &view.scale,
        &levels,
        layout.colorbar,
        view.title,
        mode,
    )
}

/// Labels a contour at the rightmost point of its longest path that sits
/// well inside the frame and clear of the pixel `avoid` (the minimum's
/// marker and its label), on a pale box so it reads over the surface.
fn draw_contour_label<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    frame: &PlotFrame,
    level: f64,
    paths: &[Vec<[f64; 2]>],
    avoid: Option<(f64, f64)>,
) -> DrawResult {
    let margin = canvas.pxf(18.0);
    let clear = canvas.pxf(64.0);
    let inside = |&(x, y): &(f64, f64)| {
        x > frame.left + margin
            && x < frame.left + frame.width - 2.0 * margin
            && y > frame.top + margin
            && y < frame.top + frame.height - margin
            && avoid.is_none_or(|(ax, ay)| (x - ax).abs() > clear || (y - ay).abs() > clear / 2.0)
    };
    let Some(longest) = paths.iter().max_by_key(|p| p.len()) else {
        return Ok(());
    };
    let spot = longest
        .iter()
        .map(|&p| frame.to_px_f(p))
        .filter(inside)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let Some((x, y)) = spot else { return Ok(()) };
    let text = fmt_sig(level, 2);
    let size = canvas.pxf(10.0);
    let half_w = (0.32 * size * text.chars().count() as f64).round() as i32 + canvas.px(2.0) as i32;
    let half_h = (0.6 * size).round() as i32;
    let (x, y) = (x.round() as i32, y.round() as i32);
    drawn(area.draw(&Rectangle::new(
        [(x - half_w, y - half_h), (x + half_w, y + half_h)],
        WHITE.mix(0.8).filled(),
    )))?;
    let font = (FIGURE_FONT, size)
        .into_font()
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Center));
    drawn(area.draw(&Text::new(text, (x, y), font)))
}

/// The layer that moves with θ: per-example arrows, their mean, ∇C, the
/// highlighted example and the θ marker. Arrows may reach past the frame;
/// a canvas host clips this layer to `layout.frame`.
pub fn draw_param_overlay<DB: DrawingBackend>(
    area: &Area<DB>,
    scene: &Model,
    layout: &ParamLayout,
    overlay: &ParamOverlay,
) -> DrawResult {
    let (canvas, frame, unit) = (&layout.canvas, &layout.frame, scene.arrow_unit);
    let px = |p: [f64; 2]| frame.to_px_f(p);
    let thin = ArrowStyle {
        color: example_arrow(overlay.arrows.len()),
        width: canvas.px(1.0),
        head: canvas.pxf(6.0),
    };
    let segments: Vec<_> = overlay
        .arrows
        .iter()
        .map(|a| (px(a.from), px(a.tip(unit))))
        .collect();
    // All from θ and too many to tell apart: a density of their tips.
    let one_origin = overlay.arrows.iter().all(|a| a.from == scene.theta());
    if one_origin && segments.len() > DENSITY_ABOVE {
        draw_tip_density(area, canvas, frame, &segments, thin)?;
    } else {
        draw_arrows(area, &segments, thin)?;
    }
    if let Some(i) = overlay.highlight.filter(|&i| i < overlay.arrows.len()) {
        let a = overlay.arrows[i];
        let style = ArrowStyle {
            color: HIGHLIGHT.to_rgba(),
            width: canvas.px(2.5),
            head: canvas.pxf(10.0),
        };
        draw_cased_arrow(
            area,
            px(a.from),
            px(a.tip(unit)),
            style,
            CASING,
            canvas.px(1.5),
        )?;
    }
    let theta = scene.theta();
    if overlay.show_mean {
        let mean = GradArrow {
            from: theta,
            grad: scene.mean_gradient(),
        };
        let bold = ArrowStyle {
            color: MEAN_ARROW.to_rgba(),
            width: canvas.px(4.5),
            head: canvas.pxf(16.0),
        };
        draw_cased_arrow(
            area,
            px(mean.from),
            px(mean.tip(unit)),
            bold,
            CASING,
            canvas.px(1.5),
        )?;
        let grad_c = GradArrow {
            from: theta,
            grad: scene.cost_gradient(),
        };
        let dashed = ArrowStyle {
            color: GRAD_C.to_rgba(),
            width: canvas.px(1.5),
            head: canvas.pxf(16.0),
        };
        draw_dashed_arrow(
            area,
            px(grad_c.from),
            px(grad_c.tip(unit)),
            dashed,
            canvas.px(4.0),
        )?;
        let minimum = scene.minimum.map(px);
        draw_mean_label(area, canvas, px(mean.from), px(mean.tip(unit)), minimum)?;
    }
    draw_theta_marker(area, canvas, px(theta))
}

/// The θ marker: a white disc with a dark ring and centre, at pixel `at`.
pub fn draw_theta_marker<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    at: (f64, f64),
) -> DrawResult {
    let c = (at.0.round() as i32, at.1.round() as i32);
    drawn(area.draw(&Circle::new(c, canvas.px(7.0) as i32, WHITE.filled())))?;
    drawn(area.draw(&Circle::new(
        c,
        canvas.px(7.0) as i32,
        INK.stroke_width(canvas.px(2.0)),
    )))?;
    drawn(area.draw(&Circle::new(c, canvas.px(2.0) as i32, INK.filled())))
}

/// Names the bold arrow beside its tip, on a pale box so it reads over the
/// surface and the thin arrows. The label goes beyond the tip, or beside it
/// when that would cover the minimum's marker at pixel `avoid`.
fn draw_mean_label<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    from: (f64, f64),
    tip: (f64, f64),
    avoid: Option<(f64, f64)>,
) -> DrawResult {
    let (dx, dy) = (tip.0 - from.0, tip.1 - from.1);
    let len = dx.hypot_(dy);
    if len < canvas.pxf(30.0) {
        return Ok(());
    }
    let (ux, uy) = (dx / len, dy / len);
    let size = canvas.pxf(13.0);
    let text = "mean = −∇C";
    let (w, h) = (0.62 * size * text.chars().count() as f64, 1.1 * size);
    let (gap, pad, margin) = (canvas.pxf(10.0), canvas.pxf(3.0), canvas.pxf(12.0));
    // The box anchored at a point in direction (vx, vy) from the tip, on that side.
    let boxed = |(vx, vy): (f64, f64)| {
        let at = (tip.0 + vx * gap, tip.1 + vy * gap);
        let left = if vx >= 0.0 { at.0 } else { at.0 - w };
        let top = if vy >= 0.0 { at.1 } else { at.1 - h };
        (left, top)
    };
    let clear = |(left, top): (f64, f64)| {
        avoid.is_none_or(|(mx, my)| {
            mx < left - margin
                || mx > left + w + margin
                || my < top - margin
                || my > top + h + margin
        })
    };
    let candidates = [boxed((ux, uy)), boxed((-uy, ux)), boxed((uy, -ux))];
    let (left, top) = candidates
        .into_iter()
        .find(|&c| clear(c))
        .unwrap_or(candidates[0]);
    let corners = [
        ((left - pad).round() as i32, (top - pad).round() as i32),
        (
            (left + w + pad).round() as i32,
            (top + h + pad).round() as i32,
        ),
    ];
    drawn(area.draw(&Rectangle::new(corners, WHITE.mix(0.85).filled())))?;
    let font = (FIGURE_FONT, size)
        .into_font()
        .style(FontStyle::Bold)
        .color(&MEAN_ARROW);
    let font = font.pos(Pos::new(HPos::Left, VPos::Top));
    drawn(area.draw(&Text::new(
        text.to_string(),
        (left.round() as i32, top.round() as i32),
        font,
    )))
}
