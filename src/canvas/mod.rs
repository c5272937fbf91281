//! The canvas adapter: the page's only contact with the DOM besides lib.rs.
//! [`app::App`] is the object `www/main.js` drives: it holds the state, the
//! shared model and the active scene (behind the [`crate::scenes::scene::Scene`]
//! trait), and paints that scene's canvases through [`backend::WebCanvas`].
//! [`input`] turns pointer and key events into state changes, [`values`]
//! carries typed setting values across to JavaScript.

pub mod app;
pub mod backend;
pub mod batch;
pub mod dom;
pub mod embed;
pub mod export;
pub mod input;
pub mod values;
