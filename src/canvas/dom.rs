//! Small DOM helpers: a scene's canvases by data attribute, sizing for the
//! device-pixel ratio, painting one canvas, the error banner.

use super::backend::{Page, WebCanvas};
use crate::core::geometry::PlotFrame;
use crate::render::{Area, Canvas, DrawResult};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsError;
use web_sys::{HtmlCanvasElement, HtmlElement};

/// The canvas marked `data-canvas="{name}"` inside the section of scene
/// `scene` (`data-scene="{scene}"`), or a detached stand-in when the page
/// does not hold it: a page may hold any one scene alone, and only the scene
/// shown is ever painted.
pub fn scene_canvas(scene: &str, name: &str) -> HtmlCanvasElement {
    let document = web_sys::window().and_then(|w| w.document());
    let selector = format!("[data-scene=\"{scene}\"] canvas[data-canvas=\"{name}\"]");
    document
        .as_ref()
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        .or_else(|| {
            document
                .and_then(|d| d.create_element("canvas").ok())
                .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        })
        .expect("a document that can create a canvas")
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

/// Clears `canvas` and draws on it, clipped to `clip` if given.
pub fn paint(
    canvas: &HtmlCanvasElement,
    clip: Option<&PlotFrame>,
    draw: impl FnOnce(&Area<Page>) -> DrawResult,
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
    let area = Page::Canvas(backend).into_drawing_area();
    let result = draw(&area).and_then(|()| area.present().map_err(|e| e.to_string()));
    context.restore();
    result.map_err(|e| JsError::new(&e))
}
