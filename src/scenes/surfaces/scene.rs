//! Scene 5 as a [`Scene`]: every example's own surface Lᵢ(θ) in small
//! multiples, the mean of the first k surfaces on the parameter figure
//! (which becomes C at k = N), and the data with the chosen examples numbered.

use crate::core::models::loss::Loss;
use crate::core::objective::Objective;
use crate::core::Theta;
use crate::page::examples_table::Table;
use crate::page::readout::Readout;
use crate::render::arrows::{draw_arrow, draw_dashed_arrow, ArrowStyle};
use crate::render::data_figure::{draw_data_background, draw_data_overlay};
use crate::render::figures::FigureLayouts;
use crate::render::grid_source::costly_grid;
use crate::render::palette::{GRAD_C, MEAN_ARROW};
use crate::render::param_figure::{
    draw_surface_background, draw_theta_marker, SurfaceView, PARAM_AXES,
};
use crate::render::surface_budget::{
    budgeted_contour_cells, budgeted_heatmap, COARSE_SHARE, SUM_BUDGET,
};
use crate::render::{Area, Canvas, DrawResult, HeatmapMode};
use crate::scenes::scene::{CanvasSpec, Ctx, Layer, Scene, FIGURE_CANVASES};
use crate::scenes::state::State;
use crate::scenes::surfaces::captions::{surfaces_text, SurfacesView};
use crate::scenes::surfaces::derived::{Derived, Key};
use crate::scenes::surfaces::numbers::number_points;
use crate::scenes::surfaces::panels::{
    draw_panels_background, draw_panels_overlay, panels_layout, PanelsLayout,
};
use crate::scenes::surfaces::table::surfaces_table;
use plotters::prelude::*;

const CANVASES: [CanvasSpec; 6] = [
    FIGURE_CANVASES[0],
    FIGURE_CANVASES[1],
    FIGURE_CANVASES[2],
    FIGURE_CANVASES[3],
    CanvasSpec {
        name: "panels",
        layer: Layer::Background,
    },
    CanvasSpec {
        name: "panels-marks",
        layer: Layer::Overlay,
    },
];

/// "Add them up": k grows from 1 to N from `start_ms`.
struct Animation {
    start_ms: f64,
}

/// Scene 5.
pub struct Surfaces {
    figures: FigureLayouts,
    panels: PanelsLayout,
    derived: Option<Derived>,
    animation: Option<Animation>,
    heatmap: HeatmapMode,
    /// Which backgrounds the last change touched: [the mean of k surfaces,
    /// the data, the panels] (while k moves, only the first).
    touched: [bool; 3],
}

impl Surfaces {
    pub fn new(heatmap: HeatmapMode) -> Self {
        Self {
            figures: FigureLayouts::default(),
            panels: PanelsLayout::default(),
            derived: None,
            animation: None,
            heatmap,
            touched: [true; 3],
        }
    }

    /// The heatmap of a surface that costs `per_point` loss evaluations at
    /// each point (see [`budgeted_heatmap`]).
    fn heatmap_for(&self, per_point: usize, frame_px: f64) -> HeatmapMode {
        budgeted_heatmap(self.heatmap, per_point, frame_px, self.sum_budget())
    }
}

impl Surfaces {
    /// Loss evaluations for one drawing of the summed surface (see [`SUM_BUDGET`]).
    fn sum_budget(&self) -> f64 {
        if self.animation.is_some() {
            SUM_BUDGET * COARSE_SHARE
        } else {
            SUM_BUDGET
        }
    }

    /// Contour grid cells for a surface costing `per_point` evaluations a
    /// point: 256 when cheap (96 while "Add them up" runs), else budgeted.
    fn contour_cells(&self, per_point: usize) -> usize {
        let cheap = if self.animation.is_some() { 96 } else { 256 };
        budgeted_contour_cells(per_point, self.sum_budget(), cheap)
    }
}

impl<DB: DrawingBackend> Scene<DB> for Surfaces {
    fn canvases(&self) -> &'static [CanvasSpec] {
        &CANVASES
    }

    fn layout(&mut self, ctx: &Ctx, sizes: &[Canvas]) {
        self.figures = FigureLayouts::new(ctx.model, sizes[0], sizes[2]);
        let count = Key::of(ctx).shown.len();
        self.panels = panels_layout(sizes[4], ctx.model.view, count);
    }

    fn update(&mut self, ctx: &Ctx) -> bool {
        self.figures.relayout(ctx.model);
        let key = Key::of(ctx);
        if let Some(canvas) = self.panels.canvas {
            if self.panels.frames.len() != key.shown.len()
                || self.derived.as_ref().is_none_or(|d| d.key.view != key.view)
            {
                self.panels = panels_layout(canvas, key.view, key.shown.len());
            }
        }
        let touched = match &self.derived {
            Some(d) if d.key == key => return false,
            Some(d) => {
                let same_data = d.key.data == key.data && d.key.view == key.view;
                let panels = !(same_data && d.key.loss == key.loss && d.key.shown == key.shown);
                [true, !same_data, panels]
            }
            None => [true; 3],
        };
        self.touched = touched;
        let data = ctx.model.problem.data();
        self.derived = Some(Derived::new(self.derived.as_ref(), key, data));
        true
    }

    fn repaints(&self, index: usize) -> bool {
        match index {
            0 => self.touched[0],
            2 => self.touched[1],
            4 => self.touched[2],
            _ => true,
        }
    }

    fn draw(&self, ctx: &Ctx, index: usize, area: &Area<DB>) -> DrawResult {
        let (Some(param), Some((canvas, frame)), Some(d)) =
            (self.figures.param, self.figures.data, self.derived.as_ref())
        else {
            return Ok(());
        };
        let theta = ctx.state.shared.theta;
        let shown = &d.key.shown;
        match index {
            0 => {
                let prefix = &d.prefix;
                let cost = |t: Theta| prefix.cost_at(t);
                let per_point = match d.key.loss {
                    Loss::Mse => 1,
                    loss => d.key.k * loss.evaluation_cost(),
                };
                let minimum = match d.key.loss {
                    Loss::Mse => prefix.moments().minimum(),
                    _ => None,
                };
                let title = if d.key.k == 1 {
                    "L₁(θ), log".to_string()
                } else {
                    "mean, log".to_string()
                };
                let budget = self.sum_budget();
                let grid = (per_point > 1)
                    .then(|| costly_grid(ctx.grids, prefix, &param.frame, per_point, budget));
                let view = SurfaceView {
                    cost: &cost,
                    scale: d.scale,
                    minimum,
                    title: &title,
                    axes: PARAM_AXES,
                    cells: self.contour_cells(per_point),
                    grid,
                    quadratic: None,
                };
                let mode = self.heatmap_for(per_point, param.frame.width.max(param.frame.height));
                draw_surface_background(area, &param, &view, mode)
            }
            1 => {
                let c = &param.canvas;
                let px = |p: Theta| param.frame.to_px_f(p);
                let tip = |g: Vec<f64>| {
                    px([
                        theta[0] - d.arrow_unit * g[0],
                        theta[1] - d.arrow_unit * g[1],
                    ])
                };
                let bold = ArrowStyle {
                    color: MEAN_ARROW.to_rgba(),
                    width: c.px(4.0),
                    head: c.pxf(14.0),
                };
                draw_arrow(area, px(theta), tip(d.prefix.cost_gradient(&theta)), bold)?;
                let dashed = ArrowStyle {
                    color: GRAD_C.to_rgba(),
                    width: c.px(1.5),
                    head: c.pxf(14.0),
                };
                draw_dashed_arrow(
                    area,
                    px(theta),
                    tip(d.problem.cost_gradient(&theta)),
                    dashed,
                    c.px(4.0),
                )?;
                draw_theta_marker(area, c, px(theta))
            }
            2 => draw_data_background(area, ctx.model, &canvas, &frame),
            3 => {
                let highlight = ctx.highlight();
                draw_data_overlay(
                    area,
                    ctx.model,
                    &canvas,
                    &frame,
                    highlight.as_slice(),
                    false,
                )?;
                number_points(area, ctx, &canvas, &frame, shown)
            }
            4 => draw_panels_background(
                area,
                &self.panels,
                &d.problem,
                shown,
                &d.scale,
                self.heatmap,
            ),
            _ => draw_panels_overlay(
                area,
                &self.panels,
                &d.problem,
                shown,
                theta,
                d.arrow_unit,
                ctx.highlight(),
            ),
        }
    }

    fn figures(&self) -> &FigureLayouts {
        &self.figures
    }

    fn texts(&self, ctx: &Ctx) -> Vec<Readout> {
        let Some(d) = self.derived.as_ref() else {
            return Vec::new();
        };
        surfaces_text(&SurfacesView {
            problem: &d.problem,
            prefix: &d.prefix,
            shown: &d.key.shown,
            gap: d.gap,
            highlight: ctx.highlight(),
            animating: self.animation.is_some(),
            theta: ctx.state.shared.theta,
        })
    }

    fn table(&self, ctx: &Ctx) -> Option<Table> {
        let d = self.derived.as_ref()?;
        Some(surfaces_table(
            &d.problem,
            &d.prefix,
            ctx.state.shared.theta,
            ctx.highlight(),
        ))
    }

    fn flags(&self, ctx: &Ctx) -> Vec<(&'static str, bool)> {
        vec![
            ("picked", ctx.highlight().is_some()),
            ("adding", self.animation.is_some()),
        ]
    }

    fn data_editable(&self, _ctx: &Ctx) -> bool {
        true
    }

    fn pick(&self, ctx: &Ctx, figure: &str, p: (f64, f64), radius: f64) -> Option<usize> {
        if figure != "data" {
            return None;
        }
        self.figures.pick_data(ctx.model, p, radius)
    }

    /// "add-up": k runs from 1 to N, one surface at a time (with `arg` 1,
    /// reduced motion, k goes to N at once); again while running, it stops.
    /// "toggle-panel": the selected example gets a panel, or loses it.
    /// "outlier": moves the selected example (else the first with a panel)
    /// to [`outlier_of`], and picks it.
    fn action(
        &mut self,
        state: &mut State,
        name: &str,
        arg: f64,
        now_ms: f64,
    ) -> Result<(), String> {
        let n = state.shared.recipe.n;
        match name {
            "add-up" if self.animation.is_some() => {
                self.animation = None;
                Ok(())
            }
            "add-up" if arg == 1.0 => {
                state.surfaces.k = None;
                Ok(())
            }
            "add-up" => {
                state.surfaces.k = Some(1);
                self.animation = Some(Animation { start_ms: now_ms });
                Ok(())
            }
            "outlier" => {
                let i = state
                    .shared
                    .selected
                    .unwrap_or_else(|| state.surfaces.panels_of(n)[0]);
                let data = state.shared.dataset();
                let labels = state.shared.loss() == Loss::Logistic;
                let mut moved = crate::page::own_data::move_point(
                    &state.shared,
                    i,
                    outlier_of(&data, i, labels),
                );
                moved.selected = Some(i);
                state.shared = moved;
                Ok(())
            }
            "toggle-panel" => match state.shared.selected {
                Some(i) => {
                    state.surfaces.toggle_panel(i, n);
                    Ok(())
                }
                None => Err("pick an example first: click its point on the data figure".into()),
            },
            _ => Err(format!("scene 5 has no action \"{name}\"")),
        }
    }

    fn tick(&mut self, state: &mut State, now_ms: f64) -> bool {
        let Some(a) = &self.animation else {
            return false;
        };
        let n = state.shared.recipe.n;
        let total = add_up_ms(n);
        let t = ((now_ms - a.start_ms) / total).clamp(0.0, 1.0);
        let k = ((t * n as f64).ceil() as usize).clamp(1, n);
        state.surfaces.k = if k == n { None } else { Some(k) };
        if t >= 1.0 {
            self.animation = None;
        }
        true
    }
}

/// How long "Add them up" takes for N examples: a third of a second per
/// surface, between 1.5 and 6 seconds.
pub fn add_up_ms(n: usize) -> f64 {
    (n as f64 * 350.0).clamp(1500.0, 6000.0)
}

/// Where example i goes as an outlier: ten standard deviations of y above
/// where it is; for `labels` (0 and 1, which cannot move up) ten standard
/// deviations of x into the other label's side, a far-off example with the
/// wrong label.
fn outlier_of(data: &crate::core::data::Dataset, i: usize, labels: bool) -> [f64; 2] {
    let m = crate::core::moments::Moments::of(&data.xs, &data.ys);
    let ten = |var: f64| 10.0 * if var > 0.0 { var.sqrt() } else { 1.0 };
    if !labels {
        return [data.xs[i], data.ys[i] + ten(m.var_y)];
    }
    let mean_x_of = |label: f64| {
        let xs: Vec<f64> = (0..data.len())
            .filter(|&j| data.ys[j] == label)
            .map(|j| data.xs[j])
            .collect();
        xs.iter().sum::<f64>() / xs.len().max(1) as f64
    };
    let other = 1.0 - data.ys[i];
    let side = if mean_x_of(other) >= mean_x_of(data.ys[i]) {
        1.0
    } else {
        -1.0
    };
    [m.mean_x + side * ten(m.var_x), data.ys[i]]
}
