//! Scene 3's own state and URL keys: the learning rate and its schedule,
//! how long the runs last, and the clock that plays them back.

use crate::page::settings::{count_of, flag_of, number_of, Kind, Lens, Setting, Value};

/// The most epochs a training run may last.
pub const MAX_EPOCHS: usize = 100;

/// Scene 3's part of the page state.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingSettings {
    /// How many epochs the runs last.
    pub epochs: usize,
    /// Whether the learning rate decays as 1/t.
    pub decay: bool,
    /// The time shown, in epochs.
    pub at: f64,
    /// How fast the runs play, in epochs per second.
    pub speed: f64,
    /// Whether the loss curves are drawn against gradient evaluations (the
    /// compute) rather than epochs.
    pub against_compute: bool,
}

impl Default for TrainingSettings {
    fn default() -> Self {
        Self {
            epochs: 20,
            decay: false,
            at: 20.0,
            speed: 2.0,
            against_compute: false,
        }
    }
}

impl TrainingSettings {
    /// The same runs: only the clock (time, speed, x-axis) may differ.
    pub fn same_runs(&self, other: &Self) -> bool {
        (self.epochs, self.decay) == (other.epochs, other.decay)
    }
}

/// Scene 3's URL keys.
pub fn settings<T: 'static>(lens: Lens<T, TrainingSettings>) -> Vec<Setting<T>> {
    vec![
        Setting::new(
            lens,
            "epochs",
            Kind::Count {
                lo: 1,
                hi: MAX_EPOCHS,
            },
            |s| Some(Value::Count(s.epochs)),
            |s, v| s.epochs = count_of(&v),
        ),
        Setting::new(
            lens,
            "decay",
            Kind::Flag {
                off: "none",
                on: "1-over-t",
            },
            |s| Some(Value::Flag(s.decay)),
            |s, v| s.decay = flag_of(&v),
        ),
        Setting::new(
            lens,
            "at",
            Kind::Number {
                lo: 0.0,
                hi: MAX_EPOCHS as f64,
            },
            |s| Some(Value::Number(s.at)),
            |s, v| s.at = number_of(&v),
        ),
        Setting::new(
            lens,
            "speed",
            Kind::Number {
                lo: 0.05,
                hi: 100.0,
            },
            |s| Some(Value::Number(s.speed)),
            |s, v| s.speed = number_of(&v),
        ),
        Setting::new(
            lens,
            "xaxis",
            Kind::Flag {
                off: "epochs",
                on: "evals",
            },
            |s| Some(Value::Flag(s.against_compute)),
            |s, v| s.against_compute = flag_of(&v),
        ),
    ]
}
