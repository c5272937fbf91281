//! Small DOM helpers: canvases by id, sizing for the device-pixel ratio,
//! the error banner.

use crate::render::Canvas;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement};

/// The canvas with id `id`, or a message naming it.
pub fn canvas_by_id(id: &str) -> Result<HtmlCanvasElement, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or_else(|| format!("the page has no canvas with id \"{id}\""))
}

/// The canvas with id `id`, or a detached one when the page does not have
/// it: a page that embeds one scene alone need not carry the others' DOM
/// (only the scene shown is ever painted).
pub fn canvas_or_detached(id: &str) -> Result<HtmlCanvasElement, String> {
    canvas_by_id(id).or_else(|missing| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
            .ok_or(missing)
    })
}

/// The device-pixel ratio of the window (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| *r > 0.0)
        .unwrap_or(1.0)
}

/// Gives `canvas` a backing store of its CSS size times the device-pixel
/// ratio, so it is crisp on every screen, and returns that size.
pub fn fit_to_css(canvas: &HtmlCanvasElement, dpr: f64) -> Canvas {
    let width = ((canvas.client_width().max(1) as f64) * dpr).round() as u32;
    let height = ((canvas.client_height().max(1) as f64) * dpr).round() as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    Canvas { width, height, dpr }
}

/// Shows `message` in the page's error banner (as text, never as HTML).
pub fn show_error_banner(message: &str) {
    let banner = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("error-banner"))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(b) = banner {
        b.set_text_content(Some(&format!(
            "Something went wrong inside the page: {message}. Reload to start again."
        )));
        b.set_hidden(false);
    }
}
