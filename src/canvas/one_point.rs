//! Scene 1 in the browser: painting the surface, the per-example arrows
//! (or the mistaken picture on its way to them) and the data figure.

use super::app::App;
use super::figures::paint;
use crate::render::data_figure::draw_data_overlay;
use crate::render::param_figure::{draw_param_overlay, ParamLayout, ParamOverlay};
use crate::scenes::one_point::mistaken::{blend, mistaken_arrows, mistaken_places};
use wasm_bindgen::JsError;

impl App {
    pub(super) fn render_one_point(&mut self) -> Result<(), JsError> {
        let f = &self.one_point;
        let (Some(param), Some((data_canvas, data_frame))) = (f.param, f.data) else {
            return Ok(());
        };
        let model = &self.model;
        if self.background_dirty {
            f.paint_background(model, &param, (data_canvas, data_frame))?;
        }
        if self.overlay_dirty {
            let overlay = self.param_overlay(&param);
            paint(&f.param_overlay, Some(&param.frame), |a| {
                draw_param_overlay(a, model, &param, &overlay)
            })?;
            let highlight = self.highlight();
            paint(&f.data_overlay, Some(&data_frame), |a| {
                draw_data_overlay(
                    a,
                    model,
                    &data_canvas,
                    &data_frame,
                    highlight.as_slice(),
                    true,
                )
            })?;
        }
        Ok(())
    }

    fn param_overlay(&self, layout: &ParamLayout) -> ParamOverlay {
        let right = self.model.example_arrows();
        let arrows = if self.progress >= 1.0 {
            right
        } else {
            let wrong = mistaken_arrows(
                self.model.problem.moments(),
                &mistaken_places(&self.model, &layout.frame),
            );
            blend(&wrong, &right, self.progress)
        };
        ParamOverlay {
            arrows,
            show_mean: self.progress >= 1.0,
            highlight: self.highlight(),
        }
    }
}
