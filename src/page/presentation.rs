//! How the page is shown, as opposed to what it shows: alone in another
//! page's iframe, with or without the scene's controls, with θ locked, or
//! as a step of the guided lesson, on a projector. Its URL keys (`embed`, `controls`,
//! `lock`, `lesson`, `step`, `present`) are part of the link contract for course notes,
//! and a link without them is the full page.

use crate::page::settings::{count_of, flag_of, Kind, Lens, Setting, Value};

/// The most steps a lesson may have.
pub const MAX_STEPS: usize = 99;

/// The presentation keys of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Presentation {
    /// `embed=1`: the active scene alone (figures, captions, readouts and
    /// its own controls), for an iframe in course notes.
    pub embed: bool,
    /// `controls=0` (with `embed=1`): the figures and captions only.
    pub controls: bool,
    /// `lock=1`: θ cannot be dragged, clicked or moved by keys.
    pub lock: bool,
    /// `lesson=1`: the guided lesson is shown, at step `step`.
    pub lesson: bool,
    /// `step=k`: the lesson's step, from 1 (its length is the lesson's data).
    pub step: usize,
    /// `present=1`: for a projector: larger type, thicker lines, no
    /// secondary controls.
    pub present: bool,
}

/// How much thicker lines, arrows and figure text are drawn with `present=1`.
pub const PRESENT_SCALE: f64 = 1.6;

impl Default for Presentation {
    fn default() -> Self {
        Self {
            embed: false,
            controls: true,
            lock: false,
            lesson: false,
            step: 1,
            present: false,
        }
    }
}

impl Presentation {
    /// True when the scene's own controls are hidden: only an embed hides them.
    pub fn hides_controls(&self) -> bool {
        self.embed && !self.controls
    }
}

const ZERO_ONE: Kind = Kind::Flag { off: "0", on: "1" };

/// The presentation keys, in link order. Each is left out of a link at its default.
pub fn settings<T: 'static>(lens: Lens<T, Presentation>) -> Vec<Setting<T>> {
    vec![
        Setting::new(
            lens,
            "embed",
            ZERO_ONE,
            |p| p.embed.then_some(Value::Flag(true)),
            |p, v| p.embed = flag_of(&v),
        ),
        Setting::new(
            lens,
            "controls",
            Kind::Choice {
                options: &["0", "1"],
                fallback: "1 is used: the controls are shown",
            },
            |p| (!p.controls).then_some(Value::Choice("0")),
            |p, v| p.controls = v != Value::Choice("0"),
        ),
        Setting::new(
            lens,
            "lock",
            ZERO_ONE,
            |p| p.lock.then_some(Value::Flag(true)),
            |p, v| p.lock = flag_of(&v),
        ),
        Setting::new(
            lens,
            "lesson",
            ZERO_ONE,
            |p| p.lesson.then_some(Value::Flag(true)),
            |p, v| p.lesson = flag_of(&v),
        ),
        Setting::new(
            lens,
            "step",
            Kind::Count {
                lo: 1,
                hi: MAX_STEPS,
            },
            |p| (p.step > 1).then_some(Value::Count(p.step)),
            |p, v| p.step = count_of(&v),
        ),
        Setting::new(
            lens,
            "present",
            ZERO_ONE,
            |p| p.present.then_some(Value::Flag(true)),
            |p, v| p.present = flag_of(&v),
        ),
    ]
}
