//! Scene 4 in the browser: painting the part shown, and where the point
//! that the pointer moves lives (θ, or two of the network's parameters).

use super::app::App;
use super::figures::paint;
use crate::core::geometry::ViewWindow;
use crate::core::Theta;
use crate::page::state::Scene;
use crate::render::data_figure::{draw_data_background, draw_data_overlay};
use crate::render::param_figure::ParamLayout;
use crate::render::HeatmapMode;
use crate::scenes::average_first::figure::{
    draw_average_background, draw_average_overlay, draw_centroid,
};
use crate::scenes::average_first::network::Network;
use crate::scenes::average_first::network_figure::{draw_network_data, network_layout};
use crate::scenes::average_first::parts::{worst_example, Part};
use wasm_bindgen::JsError;

impl App {
    /// The network of scene 4's network part, when it is shown.
    pub(super) fn network(&self) -> Option<Network> {
        let s = &self.model.state;
        (s.scene == Scene::AverageFirst && s.part == Part::Network).then(|| Network::new(s))
    }

    /// The layout of the parameter figure shown: the network's slice window
    /// in its part, the shared θ window otherwise.
    pub(super) fn param(&self) -> Option<ParamLayout> {
        let layout = self.figures().param?;
        Some(match self.network() {
            Some(net) => network_layout(&net, layout.canvas),
            None => layout,
        })
    }

    /// The point the pointer and keys move, and its window.
    pub(super) fn point_and_view(&self) -> (Theta, ViewWindow) {
        match self.network() {
            Some(net) => (net.point(), net.view),
            None => (self.model.theta(), self.model.view),
        }
    }

    /// Moves that point: θ, or the network's two sliced parameters.
    pub(super) fn move_point(&mut self, to: Theta) {
        if self.network().is_some() {
            // The slice's surface does not depend on where the point is on it.
            self.model.state.net_at = Some(to);
            self.overlay_dirty = true;
        } else {
            self.set_theta(to);
        }
    }

    pub(super) fn render_average(&mut self) -> Result<(), JsError> {
        let Some(param) = self.param() else {
            return Ok(());
        };
        let f = &self.average_figures;
        let Some((data_canvas, data_frame)) = f.data else {
            return Ok(());
        };
        let model = &self.model;
        let net = self.network();
        if self.background_dirty {
            // A network's cost takes a forward pass per example, so its surface
            // is painted in 5-pixel cells rather than per pixel.
            let mode = if net.is_some() {
                HeatmapMode::Cells(param.canvas.px(5.0))
            } else {
                HeatmapMode::Bitmap
            };
            paint(&f.param_surface, None, |a| {
                draw_average_background(a, model, &param, mode)
            })?;
            paint(&f.data_points, None, |a| match &net {
                Some(net) => draw_network_data(a, net, &data_canvas),
                None => draw_data_background(a, model, &data_canvas, &data_frame),
            })?;
        }
        if self.overlay_dirty || self.background_dirty {
            paint(&f.param_overlay, Some(&param.frame), |a| {
                draw_average_overlay(a, model, &param)
            })?;
            let worst = match model.state.part {
                Part::MaxCost => vec![worst_example(model, model.state.theta).0],
                _ => Vec::new(),
            };
            paint(&f.data_overlay, Some(&data_frame), |a| {
                match model.state.part {
                    Part::Network => Ok(()),
                    Part::MaxCost => {
                        draw_data_overlay(a, model, &data_canvas, &data_frame, &worst, true)
                    }
                    _ => {
                        draw_data_overlay(a, model, &data_canvas, &data_frame, &worst, true)?;
                        draw_centroid(a, &data_canvas, &data_frame, model)
                    }
                }
            })?;
        }
        Ok(())
    }
}
