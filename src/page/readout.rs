//! A piece of generated text for one slot of a scene's section.

/// Text for the element marked `data-slot="{slot}"` in the active scene's
/// section of `index.html`, with an optional hover title.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    pub slot: &'static str,
    pub text: String,
    pub title: String,
}

impl Readout {
    /// A readout without a hover title.
    pub fn new(slot: &'static str, text: String) -> Self {
        Self {
            slot,
            text,
            title: String::new(),
        }
    }

    /// A readout whose raw value shows on hover.
    pub fn with_title(slot: &'static str, text: String, title: String) -> Self {
        Self { slot, text, title }
    }
}
