//! The canvas adapter: the page's only contact with the DOM besides lib.rs.
//! [`backend::WebCanvas`] lets the generic figures paint a canvas, and
//! [`app::App`] is the object `www/main.js` drives. App's methods are split
//! by concern: [`input`] (pointer and keys), [`settings`] (controls), and one
//! file per scene for painting ([`one_point`], [`estimator`], [`playback`]
//! for training, [`average`]).

pub mod app;
pub mod average;
pub mod backend;
pub mod batch;
pub mod dom;
pub mod estimator;
pub mod figures;
pub mod input;
pub mod one_point;
pub mod playback;
pub mod settings;
