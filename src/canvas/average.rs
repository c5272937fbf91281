//! Scene 4 in the browser: painting the part shown.

use super::app::App;
use super::figures::paint;
use crate::average_first::Part;
use crate::render::average_overlay::{
    draw_average_background, draw_average_overlay, draw_centroid,
};
use crate::render::data_figure::{draw_data_background, draw_data_overlay};
use crate::render::HeatmapMode;
use wasm_bindgen::JsError;

impl App {
    pub(super) fn render_average(&mut self) -> Result<(), JsError> {
        let f = &self.average_figures;
        let (Some(param), Some((data_canvas, data_frame))) = (f.param, f.data) else {
            return Ok(());
        };
        let model = &self.model;
        if self.background_dirty {
            paint(&f.param_surface, None, |a| {
                draw_average_background(a, model, &param, HeatmapMode::Bitmap)
            })?;
            paint(&f.data_points, None, |a| {
                draw_data_background(a, model, &data_canvas, &data_frame)
            })?;
        }
        if self.overlay_dirty || self.background_dirty {
            paint(&f.param_overlay, Some(&param.frame), |a| {
                draw_average_overlay(a, model, &param)
            })?;
            let worst = match model.state.part {
                Part::MaxCost => {
                    vec![crate::average_first::worst_example(model, model.state.theta).0]
                }
                _ => Vec::new(),
            };
            paint(&f.data_overlay, Some(&data_frame), |a| {
                draw_data_overlay(a, model, &data_canvas, &data_frame, &worst, true)?;
                if model.state.part == Part::MaxCost {
                    Ok(())
                } else {
                    draw_centroid(a, &data_canvas, &data_frame, model)
                }
            })?;
        }
        Ok(())
    }
}
