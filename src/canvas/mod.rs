//! The canvas adapter: the page's only contact with the DOM besides lib.rs.
//! [`backend::WebCanvas`] lets the generic figures paint a canvas, and
//! [`app::App`] is the object `www/main.js` drives ([`input`] holds its
//! pointer and keyboard half).

pub mod app;
pub mod average;
pub mod backend;
pub mod batch;
pub mod dom;
pub mod figures;
pub mod input;
pub mod playback;
