//! The page's own concepts, pure: the shared state and the shared model that
//! every scene reads, the settings table and its URL codec, input geometry.

pub mod examples_table;
pub mod history;
pub mod hit;
pub mod interaction;
pub mod loss_choice;
pub mod loss_words;
pub mod model;
pub mod own_data;
pub mod presentation;
pub mod readout;
pub mod settings;
pub mod sliders;
pub mod snippets;
pub mod state;
