//! Scene 5's own state and URL keys: how many surfaces are added up, which
//! examples have a panel, and the loss each example's surface is drawn with.

use crate::core::models::loss::Loss;
use crate::page::settings::{choice_of, count_of, number_of, Kind, Lens, Notice, Setting, Value};
use crate::page::state::MAX_EXAMPLES;

/// How many examples get a panel of their own.
pub const PANELS: usize = 4;

/// The loss of a residual, as the scene's menu names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LossKey {
    #[default]
    Mse,
    Mae,
    Huber,
}

impl LossKey {
    const ALL: [LossKey; 3] = [LossKey::Mse, LossKey::Mae, LossKey::Huber];

    fn key(self) -> &'static str {
        match self {
            LossKey::Mse => "mse",
            LossKey::Mae => "mae",
            LossKey::Huber => "huber",
        }
    }
}

/// Scene 5's part of the page state.
#[derive(Clone, Debug, PartialEq)]
pub struct SurfacesSettings {
    /// How many of the surfaces L₁ … L_k are added up; `None`: all N.
    pub k: Option<usize>,
    /// The examples with a panel, in panel order; empty: the first ones.
    pub panels: Vec<usize>,
    pub loss: LossKey,
    /// Huber's δ.
    pub delta: f64,
}

impl Default for SurfacesSettings {
    fn default() -> Self {
        Self {
            k: None,
            panels: Vec::new(),
            loss: LossKey::Mse,
            delta: 1.0,
        }
    }
}

impl SurfacesSettings {
    /// The loss the surfaces are drawn with.
    pub fn loss(&self) -> Loss {
        match self.loss {
            LossKey::Mse => Loss::Mse,
            LossKey::Mae => Loss::Mae,
            LossKey::Huber => Loss::Huber { delta: self.delta },
        }
    }

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
        Setting::new(
            lens,
            "loss",
            Kind::Choice {
                options: &["mse", "mae", "huber"],
                fallback: "the squared error (mse) is used",
            },
            |s| (s.loss != LossKey::Mse).then_some(Value::Choice(s.loss.key())),
            |s, v| s.loss = choice_of(&LossKey::ALL, LossKey::key, &v).unwrap_or_default(),
        ),
        Setting::new(
            lens,
            "delta",
            Kind::Number { lo: 0.05, hi: 20.0 },
            // In the link (and so in its box) whenever Huber is chosen.
            |s| (s.loss == LossKey::Huber || s.delta != 1.0).then_some(Value::Number(s.delta)),
            |s, v| s.delta = number_of(&v),
        ),
    ]
}
