//! The canvases of one scene: a parameter figure and a data figure, each a
//! background canvas under an overlay canvas, with their layouts.

use super::backend::WebCanvas;
use super::dom::{canvas_or_detached, fit_to_css};
use crate::core::geometry::PlotFrame;
use crate::page::model::Model;
use crate::render::data_figure::{data_layout, draw_data_background};
use crate::render::param_figure::{draw_param_background, param_layout, ParamLayout};
use crate::render::{Area, Canvas, DrawResult, HeatmapMode};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsError;
use web_sys::HtmlCanvasElement;

/// The four canvases of a scene, found by id prefix: `{prefix}param-surface`,
/// `{prefix}param-arrows`, `{prefix}data-points`, `{prefix}data-line`.
pub struct SceneFigures {
    pub param_surface: HtmlCanvasElement,
    pub param_overlay: HtmlCanvasElement,
    pub data_points: HtmlCanvasElement,
    pub data_overlay: HtmlCanvasElement,
    pub param: Option<ParamLayout>,
    pub data: Option<(Canvas, PlotFrame)>,
}

fn by_id(id: String) -> Result<HtmlCanvasElement, JsError> {
    canvas_or_detached(&id).map_err(|e| JsError::new(&e))
}

impl SceneFigures {
    /// The canvases whose ids start with `prefix`.
    pub fn find(prefix: &str) -> Result<Self, JsError> {
        Ok(Self {
            param_surface: by_id(format!("{prefix}param-surface"))?,
            param_overlay: by_id(format!("{prefix}param-arrows"))?,
            data_points: by_id(format!("{prefix}data-points"))?,
            data_overlay: by_id(format!("{prefix}data-line"))?,
            param: None,
            data: None,
        })
    }

    /// Fits the canvases to their CSS size at `dpr` and lays out both figures.
    pub fn resize(&mut self, model: &Model, dpr: f64) {
        let param = fit_to_css(&self.param_surface, dpr);
        fit_to_css(&self.param_overlay, dpr);
        let data = fit_to_css(&self.data_points, dpr);
        fit_to_css(&self.data_overlay, dpr);
        self.param = Some(param_layout(model, param));
        self.data = Some((data, data_layout(model, data)));
    }

    /// Paints the layer that changes only with the data or the window: the
    /// surface of C and the data points.
    pub fn paint_background(
        &self,
        model: &Model,
        param: &ParamLayout,
        (canvas, frame): (Canvas, PlotFrame),
    ) -> Result<(), JsError> {
        paint(&self.param_surface, None, |a| {
            draw_param_background(a, model, param, HeatmapMode::Bitmap)
        })?;
        paint(&self.data_points, None, |a| {
            draw_data_background(a, model, &canvas, &frame)
        })
    }

    /// Lays the figures out again for a new model, at the same sizes.
    pub fn relayout(&mut self, model: &Model) {
        self.param = self.param.map(|l| param_layout(model, l.canvas));
        self.data = self.data.map(|(c, _)| (c, data_layout(model, c)));
    }
}

/// Clears `canvas` and draws on it, clipped to `clip` if given.
pub fn paint(
    canvas: &HtmlCanvasElement,
    clip: Option<&PlotFrame>,
    draw: impl FnOnce(&Area<WebCanvas>) -> DrawResult,
) -> Result<(), JsError> {
    let backend = WebCanvas::new(canvas)
        .ok_or_else(|| JsError::new("this browser gave no 2-D canvas context"))?;
    let context = backend.context().clone();
    context.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    context.save();
    if let Some(f) = clip {
        context.begin_path();
        context.rect(f.left, f.top, f.width, f.height);
        context.clip();
    }
    let area = backend.into_drawing_area();
    let result = draw(&area).and_then(|()| area.present().map_err(|e| format!("{e:?}")));
    context.restore();
    result.map_err(|e| JsError::new(&e))
}
