//! Downloads: a figure of the active scene as SVG (plotters' SVG backend, the
//! same scene code as the canvas) with its caption and link, and its file name.
//! The PNG is that SVG rasterised at twice its CSS size by the page.

use super::app::App;
use super::backend::WebCanvas;
use super::dom::device_pixel_ratio;
use crate::render::Canvas;
use crate::scenes::export::{figure_svg_as, file_stem};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl App {
    /// Figure `figure` ("param", "data", "spread", "loss") of the active
    /// scene as a standalone SVG at its CSS size on the page, with its caption
    /// and `link` (the URL that reproduces it) beneath.
    #[wasm_bindgen(js_name = figureSvg)]
    pub fn figure_svg(&self, figure: &str, link: &str) -> Result<String, JsError> {
        // The CSS size on the page (the canvases hold device pixels).
        let dpr = device_pixel_ratio();
        let sizes: Vec<Canvas> = self
            .sizes
            .iter()
            .map(|c| Canvas {
                width: ((c.width as f64 / dpr).round() as u32).max(1),
                height: ((c.height as f64 / dpr).round() as u32).max(1),
                dpr: 1.0,
            })
            .collect();
        figure_svg_as::<WebCanvas>(&self.state, &self.model, figure, &sizes, link)
            .ok_or_else(|| JsError::new(&format!("this scene has no figure \"{figure}\"")))
    }

    /// The file name, without extension, for figure `figure`: what it holds,
    /// e.g. `gradavg-estimator-param-seed7`.
    #[wasm_bindgen(js_name = figureFileName)]
    pub fn figure_file_name(&self, figure: &str) -> String {
        file_stem(&self.state, figure)
    }
}
