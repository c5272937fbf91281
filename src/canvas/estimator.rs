//! Scene 2 in the browser: measuring the spread once θ settles, and painting
//! the cloud, the batch on the data and the spread chart.

use super::app::App;
use super::figures::paint;
use crate::render::data_figure::draw_data_overlay;
use crate::scenes::estimator::cloud_figure::draw_cloud_overlay;
use crate::scenes::estimator::spread::measure_spread;
use crate::scenes::estimator::spread_chart::{draw_spread_chart, SpreadChart};
use wasm_bindgen::JsError;

/// Draws per batch size behind each point of the spread chart.
fn spread_draws(n: usize) -> usize {
    if n <= 2000 {
        400
    } else {
        200
    }
}

impl App {
    pub(super) fn render_estimator(&mut self) -> Result<(), JsError> {
        if self.spread_stale && self.drag.is_none() {
            let s = &self.model.state;
            self.spread = measure_spread(
                &self.model.problem,
                s.theta,
                s.mode,
                s.draw_seed,
                spread_draws(s.recipe.n),
            );
            self.spread_stale = false;
            self.background_dirty = true;
        }
        let f = &self.estimator;
        let (Some(param), Some((data_canvas, data_frame))) = (f.param, f.data) else {
            return Ok(());
        };
        let (model, cloud) = (&self.model, &self.cloud);
        if self.background_dirty {
            f.paint_background(model, &param, (data_canvas, data_frame))?;
        }
        if self.overlay_dirty || self.background_dirty {
            paint(&f.param_overlay, Some(&param.frame), |a| {
                draw_cloud_overlay(a, model, &param, cloud)
            })?;
            let batch: Vec<usize> = cloud.last_batch.iter().map(|&i| i as usize).collect();
            paint(&f.data_overlay, Some(&data_frame), |a| {
                draw_data_overlay(a, model, &data_canvas, &data_frame, &batch, false)
            })?;
            if let Some(size) = self.spread_size {
                let chart = SpreadChart {
                    n: model.problem.num_examples(),
                    sigma: cloud.sigma,
                    measured: &self.spread,
                    current: cloud.batch,
                };
                paint(&self.spread_canvas, None, |a| {
                    draw_spread_chart(a, &size, &chart)
                })?;
            }
        }
        Ok(())
    }
}
