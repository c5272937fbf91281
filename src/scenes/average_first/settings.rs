//! Scene 4's own state and URL keys: the part shown and the network's setup.

use crate::page::settings::{
    choice_of, count_of, flag_of, list_of, Kind, Lens, Notice, Setting, Value,
};
use crate::scenes::average_first::network::HIDDEN_RANGE;

/// The parts of scene 4.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    #[default]
    Inputs,
    LinearCost,
    MaxCost,
    Network,
}

impl Part {
    /// Every part, in page order.
    pub const ALL: [Part; 4] = [Part::Inputs, Part::LinearCost, Part::MaxCost, Part::Network];

    /// The name used in the URL (`part=...`).
    pub fn key(self) -> &'static str {
        match self {
            Part::Inputs => "inputs",
            Part::LinearCost => "linear-cost",
            Part::MaxCost => "max-cost",
            Part::Network => "network",
        }
    }
}

/// Scene 4's part of the page state.
#[derive(Clone, Debug, PartialEq)]
pub struct AverageSettings {
    /// Which part is shown.
    pub part: Part,
    /// Whether the averaged-inputs part shows the surface of (mean error)²
    /// instead of C.
    pub valley: bool,
    /// H, the network's hidden units.
    pub hidden: usize,
    /// The two network parameters on the slice's axes (`None`: w₂[1] and b₂).
    pub slice: Option<[usize; 2]>,
    /// Where the two sliced parameters stand (`None`: at the seeded start).
    pub net_at: Option<[f64; 2]>,
}

impl Default for AverageSettings {
    fn default() -> Self {
        Self {
            part: Part::Inputs,
            valley: false,
            hidden: 4,
            slice: None,
            net_at: None,
        }
    }
}

impl AverageSettings {
    /// Drops a slice that names a parameter the network does not have.
    pub fn repair(&mut self) -> Vec<Notice> {
        if self.slice.is_some_and(|[a, b]| a.max(b) > 3 * self.hidden) {
            self.slice = None;
            return vec![Notice::new(
                "slice",
                "names a parameter the network does not have; w₂[1] and b₂ are shown",
            )];
        }
        Vec::new()
    }

    /// The same network and slice: only the point on it may differ.
    pub fn same_slice(&self, other: &Self) -> bool {
        (self.hidden, self.slice) == (other.hidden, other.slice)
    }
}

/// Scene 4's URL keys.
pub fn settings<T: 'static>(lens: Lens<T, AverageSettings>) -> Vec<Setting<T>> {
    vec![
        Setting::new(
            lens,
            "part",
            Kind::Choice {
                options: &["inputs", "linear-cost", "max-cost", "network"],
                fallback: "the averaged inputs are shown",
            },
            |s| Some(Value::Choice(s.part.key())),
            |s, v| s.part = choice_of(&Part::ALL, Part::key, &v).unwrap_or_default(),
        ),
        Setting::new(
            lens,
            "surface",
            Kind::Flag {
                off: "cost",
                on: "mean-error-squared",
            },
            |s| Some(Value::Flag(s.valley)),
            |s, v| s.valley = flag_of(&v),
        ),
        Setting::new(
            lens,
            "hidden",
            Kind::Count {
                lo: HIDDEN_RANGE.0,
                hi: HIDDEN_RANGE.1,
            },
            |s| Some(Value::Count(s.hidden)),
            |s, v| s.hidden = count_of(&v),
        ),
        Setting::checked(
            lens,
            "slice",
            Kind::List {
                len: 2,
                lo: 0.0,
                hi: (3 * HIDDEN_RANGE.1) as f64,
            },
            |s| s.slice.map(|[a, b]| Value::List(vec![a as f64, b as f64])),
            |s, v| {
                let [a, b] = list_of::<2>(&v);
                if a.fract() != 0.0 || b.fract() != 0.0 || a == b {
                    return Err(
                        "must be two different parameter numbers; w₂[1] and b₂ are shown".into(),
                    );
                }
                s.slice = Some([a as usize, b as usize]);
                Ok(())
            },
        ),
        Setting::new(
            lens,
            "net",
            // Far beyond ±20 every tanh is saturated and the surface flat.
            Kind::List {
                len: 2,
                lo: -20.0,
                hi: 20.0,
            },
            |s| s.net_at.map(|p| Value::List(p.to_vec())),
            |s, v| s.net_at = Some(list_of::<2>(&v)),
        ),
    ]
}
