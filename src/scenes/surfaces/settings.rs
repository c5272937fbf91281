//! Scene 5's own state and URL keys: how many surfaces are added up and
//! which examples have a panel. The loss is shared (page::state).

use crate::page::settings::{count_of, Kind, Lens, Notice, Setting, Value};
use crate::page::state::MAX_EXAMPLES;

/// How many examples get a panel of their own.
pub const PANELS: usize = 4;

/// Scene 5's part of the page state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SurfacesSettings {
    /// How many of the surfaces L₁ … L_k are added up; `None`: all N.
    pub k: Option<usize>,
    /// The examples with a panel, in panel order; empty: the first ones.
    pub panels: Vec<usize>,
}

impl SurfacesSettings {
    /// k for N examples: the key's value (at most N), or N.
    pub fn k_of(&self, n: usize) -> usize {
        self.k.map_or(n, |k| k.clamp(1, n))
    }

    /// The examples shown in panels for N examples: the chosen ones, or
    /// the first [`PANELS`].
    pub fn panels_of(&self, n: usize) -> Vec<usize> {
        if self.panels.is_empty() {
            (0..n.min(PANELS)).collect()
        } else {
            self.panels.iter().copied().filter(|&i| i < n).collect()
        }
    }

    /// Puts example `i` in the first panel (the last one shown gives way),
    /// or takes it out when it has one.
    pub fn toggle_panel(&mut self, i: usize, n: usize) {
        let mut shown = self.panels_of(n);
        if let Some(at) = shown.iter().position(|&p| p == i) {
            shown.remove(at);
        } else {
            shown.insert(0, i);
            shown.truncate(PANELS);
        }
        self.panels = shown;
    }

    /// Drops a k or panels beyond N, with a notice for each.
    pub fn repair(&mut self, n: usize) -> Vec<Notice> {
        let mut notices = Vec::new();
        if self.k.is_some_and(|k| k > n) {
            self.k = None;
            notices.push(Notice::new(
                "k",
                "is more than the number of examples; all of them are added up",
            ));
        }
        if self.panels.iter().any(|&i| i >= n) {
            self.panels.retain(|&i| i < n);
            notices.push(Notice::new(
                "panels",
                "names an example that does not exist; it has no panel",
            ));
        }
        notices
    }
}

/// Scene 5's URL keys.
pub fn settings<T: 'static>(lens: Lens<T, SurfacesSettings>) -> Vec<Setting<T>> {
    vec![
        Setting::new(
            lens,
            "k",
            Kind::Count {
                lo: 1,
                hi: MAX_EXAMPLES,
            },
            |s| s.k.map(Value::Count),
            |s, v| s.k = Some(count_of(&v)),
        ),
        Setting::new(
            lens,
            "panels",
            Kind::Picks {
                max: PANELS,
                hi: MAX_EXAMPLES - 1,
            },
            |s| {
                (!s.panels.is_empty())
                    .then(|| Value::List(s.panels.iter().map(|&i| i as f64).collect()))
            },
            |s, v| {
                if let Value::List(l) = v {
                    s.panels = l.iter().map(|&i| i as usize).collect();
                }
            },
        ),
    ]
}
