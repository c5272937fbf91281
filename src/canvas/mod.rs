//! The canvas adapter: the page's only contact with the DOM besides lib.rs.
//! [`app::App`] is the object `www/main.js` drives: it holds the state, the
//! shared model and the active scene (behind the [`crate::scenes::scene::Scene`]
//! trait), and paints that scene's canvases through [`backend::WebCanvas`].
//! [`input`] turns pointer and key events into state changes, [`values`]
//! carries typed setting values across to JavaScript.

pub mod app;
pub mod backend;
pub mod batch;
pub mod data_edit;
pub mod dom;
pub mod embed;
pub mod export;
pub mod grids;
pub mod input;
pub mod values;

use wasm_bindgen::prelude::*;

/// Runs when the module loads: a panic logs to the console and shows the
/// page's error banner with its message, instead of leaving a dead page;
/// numbers in links and pastes are read by the browser (see
/// [`crate::core::decimal`]).
#[wasm_bindgen(start)]
pub fn start() {
    crate::core::decimal::use_converter(browser_number);
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        dom::show_error_banner(&info.to_string());
    }));
}

/// ECMAScript's `parseFloat(text)`: the nearest f64 to a decimal numeral
/// (the whole text, since core::decimal checked that it is one).
fn browser_number(text: &str) -> f64 {
    js_sys::parse_float(text)
}
