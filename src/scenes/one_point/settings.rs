//! Scene 1's own state and URL key: which picture the arrows are drawn in.

use crate::page::settings::{choice_of, Kind, Lens, Setting, Value};

/// Where the per-example arrows are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Picture {
    /// The true picture: every arrow starts at the one θ.
    #[default]
    True,
    /// The mistaken picture of the original question: each example's arrow
    /// sits at its own place, as if the surface were drawn over the examples.
    Mistaken,
}

impl Picture {
    const ALL: [Picture; 2] = [Picture::True, Picture::Mistaken];

    fn key(self) -> &'static str {
        match self {
            Picture::True => "true",
            Picture::Mistaken => "mistaken",
        }
    }
}

/// Scene 1's part of the page state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OnePointSettings {
    pub picture: Picture,
}

/// Scene 1's URL keys.
pub fn settings<T: 'static>(lens: Lens<T, OnePointSettings>) -> Vec<Setting<T>> {
    vec![Setting::new(
        lens,
        "picture",
        Kind::Choice {
            options: &["true", "mistaken"],
            fallback: "the true picture is shown",
        },
        |s| (s.picture == Picture::Mistaken).then_some(Value::Choice("mistaken")),
        |s, v| s.picture = choice_of(&Picture::ALL, Picture::key, &v).unwrap_or_default(),
    )]
}
