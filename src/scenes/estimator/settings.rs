//! Scene 2's own state and URL keys: how batches are drawn, and how many.

use crate::core::sampler::SamplingMode;
use crate::page::settings::{choice_of, count_of, Kind, Lens, Setting, Value};

/// The largest number of mini-batch draws a cloud may hold.
pub const MAX_DRAWS: usize = 20_000;

/// Scene 2's part of the page state.
#[derive(Clone, Debug, PartialEq)]
pub struct EstimatorSettings {
    /// How the batches are drawn.
    pub mode: SamplingMode,
    /// How many batches have been drawn (the cloud); 0 is no cloud.
    pub draws: usize,
}

impl Default for EstimatorSettings {
    fn default() -> Self {
        Self {
            mode: SamplingMode::WithoutReplacement,
            draws: 0,
        }
    }
}

/// Scene 2's URL keys.
pub fn settings<T: 'static>(lens: Lens<T, EstimatorSettings>) -> Vec<Setting<T>> {
    vec![
        Setting::new(
            lens,
            "mode",
            Kind::Choice {
                options: &["with-replacement", "without-replacement", "sequential"],
                fallback: "the default is used",
            },
            |s| Some(Value::Choice(s.mode.key())),
            |s, v| s.mode = choice_of(&SamplingMode::ALL, SamplingMode::key, &v).unwrap_or(s.mode),
        ),
        Setting::new(
            lens,
            "draws",
            Kind::Count {
                lo: 0,
                hi: MAX_DRAWS,
            },
            |s| Some(Value::Count(s.draws)),
            |s, v| s.draws = count_of(&v),
        ),
    ]
}
