//! Scene 3's layer over the parameter figure: each run's path up to the
//! time shown, its current θ, and the step it is about to take.

use crate::core::geometry::PlotFrame;
use crate::core::models::loss::Loss;
use crate::core::Theta;
use crate::page::model::{GradArrow, Model};
use crate::render::arrows::{draw_arrow, ArrowStyle};
use crate::render::data_figure::fit_path;
use crate::render::palette::{RUN_COLORS, RUN_DRAW_ORDER};
use crate::render::param_figure::{draw_theta_marker, ParamLayout};
use crate::render::thin_pixels;
use crate::render::{Area, Canvas, DrawResult};
use crate::scenes::training::path_sampling::drawn_steps;
use crate::scenes::training::run_style::{draw_run_line, draw_run_marker};
use crate::scenes::training::runs::Training;
use plotters::prelude::*;

/// Draws the runs of `training` at time `epoch` on a parameter figure.
pub fn draw_training_overlay<DB: DrawingBackend>(
    area: &Area<DB>,
    model: &Model,
    layout: &ParamLayout,
    training: &Training,
    epoch: f64,
) -> DrawResult {
    let (canvas, frame) = (&layout.canvas, &layout.frame);
    let positions = training.positions(epoch);
    for k in RUN_DRAW_ORDER {
        let (run, step) = (&training.runs[k], positions[k].0);
        let shown = drawn_steps(&run.path.thetas[..=step]);
        let points = thin_pixels(shown.map(|t| frame.to_px(t)));
        draw_run_line(area, canvas, k, points)?;
    }
    draw_theta_marker(area, canvas, frame.to_px_f(model.theta()))?;
    for k in RUN_DRAW_ORDER {
        let (run, (step, theta)) = (&training.runs[k], positions[k]);
        // The step about to be taken, as −ĝ (the batch gradient recovered from
        // θₜ₊₁ = θₜ − ηₜ·ĝₜ), in the arrow scale of every scene.
        if let (Some(next), Some(lr)) =
            (run.path.thetas.get(step + 1), run.learning_rates.get(step))
        {
            let grad = [(theta[0] - next[0]) / lr, (theta[1] - next[1]) / lr];
            let tip = GradArrow { from: theta, grad }.tip(model.arrow_unit);
            let style = ArrowStyle {
                color: RUN_COLORS[k].to_rgba(),
                width: canvas.px(2.0),
                head: canvas.pxf(10.0),
            };
            draw_arrow(area, frame.to_px_f(theta), frame.to_px_f(tip), style)?;
        }
        draw_run_marker(area, canvas, k, frame.to_px(theta))?;
    }
    Ok(())
}

/// Scene 3's layer: the line y = θ₀x + θ₁ of each run's current θ, in the
/// run's colour and dash.
pub fn draw_run_lines<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    frame: &PlotFrame,
    thetas: &[Theta],
    loss: Loss,
) -> DrawResult {
    for (k, &t) in thetas.iter().enumerate() {
        draw_run_line(area, canvas, k, fit_path(loss, t, frame, canvas))?;
    }
    Ok(())
}
