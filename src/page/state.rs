//! The part of the page state that every scene shares: the data recipe and
//! order, the loss, θ, the window, the selected example, and the batch
//! settings that scenes 2 and 3 both use. Its URL keys are declared here, once.

use crate::core::data::{DataOrder, DataRecipe, Dataset};
use crate::core::geometry::ViewWindow;
use crate::core::models::loss::Loss;
use crate::core::points::{encoded_len, MAX_LINK_CHARS};
use crate::core::text::fmt_sig;
use crate::core::Theta;
use crate::page::loss_choice::LossKey;
use crate::page::settings::{
    choice_of, count_of, list_of, number_of, Kind, Lens, Notice, Setting, Value,
};

/// The largest N the page accepts. Above this the per-frame arrows stop
/// being readable and the frame budget is exceeded.
pub const MAX_EXAMPLES: usize = 10_000;

/// What identifies a dataset for a cache: see [`Shared::data_key`].
pub type DataKey = (DataRecipe, DataOrder, u64, bool);

/// What identifies a problem, its data and its loss: see [`Shared::problem_key`].
pub type ProblemKey = (DataKey, Loss);

/// The shared state: what a student's data and θ are, whichever scene shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub recipe: DataRecipe,
    /// How the examples are stored: as generated, or sorted.
    pub order: DataOrder,
    /// θ = [slope, intercept], where every gradient is evaluated.
    pub theta: Theta,
    /// A multiplier on the automatic arrow length.
    pub arrow_scale: f64,
    /// `None` frames the window automatically around the minimum.
    pub view: Option<ViewWindow>,
    /// The example picked by a tap or click, if any.
    pub selected: Option<usize>,
    /// B, the mini-batch size of scenes 2 and 3.
    pub batch: usize,
    /// The seed of scene 2's draws and of scene 3's batches.
    pub draw_seed: u32,
    /// η, the learning rate of scene 3's runs and scene 4's descents.
    pub lr: f64,
    /// The student's own points (imported, pasted, a built-in dataset or
    /// edited), in place of the recipe's; `recipe.n` is then their number.
    pub points: Option<Dataset>,
    /// The loss of each example in scenes 1, 2, 3 and 5 (scene 4 is about
    /// the squared error).
    pub loss: LossKey,
    /// Huber's δ, kept while another loss is chosen.
    pub delta: f64,
}

impl Default for Shared {
    fn default() -> Self {
        Self {
            recipe: DataRecipe {
                n: 12,
                slope: 1.5,
                intercept: 0.5,
                noise: 0.5,
                x_min: -1.0,
                x_max: 2.0,
                seed: 7,
            },
            order: DataOrder::Generated,
            theta: [0.0, 0.0],
            arrow_scale: 1.0,
            view: None,
            selected: None,
            batch: 4,
            draw_seed: 1,
            lr: 0.1,
            points: None,
            loss: LossKey::Mse,
            delta: 1.0,
        }
    }
}

impl Shared {
    /// True when the data are the same: the recipe, the stored order, the
    /// student's points, and whether the recipe draws labels.
    pub fn same_data(&self, other: &Shared) -> bool {
        self.recipe == other.recipe
            && self.order == other.order
            && self.points == other.points
            && self.generates_labels() == other.generates_labels()
    }

    /// True when the data are the recipe's drawn as labels (generated data
    /// under the cross-entropy; see [`Shared::dataset`]).
    fn generates_labels(&self) -> bool {
        self.points.is_none() && self.loss == LossKey::Logistic
    }

    /// The loss of each example.
    pub fn loss(&self) -> Loss {
        self.loss.with_delta(self.delta)
    }

    /// What identifies the data, for caches: the recipe, the order, a hash
    /// of the student's points (FNV-1a over their bits; 0 for none), and
    /// whether generated data are labels (see [`Shared::dataset`]).
    pub fn data_key(&self) -> DataKey {
        let hash = self.points.as_ref().map_or(0, |p| {
            p.xs.iter()
                .chain(&p.ys)
                .fold(0xcbf2_9ce4_8422_2325u64, |h, v| {
                    (h ^ v.to_bits()).wrapping_mul(0x0100_0000_01b3)
                })
                ^ p.len() as u64
        });
        (self.recipe, self.order, hash, self.generates_labels())
    }

    /// What identifies the problem scenes 1–3 compute with, for their
    /// caches: the data and the loss.
    pub fn problem_key(&self) -> ProblemKey {
        (self.data_key(), self.loss())
    }

    /// The examples in their stored order: the student's own points, or
    /// the recipe's, in `order`; under the cross-entropy the recipe draws
    /// labels 0 and 1 ([`Dataset::generate_labels`]).
    pub fn dataset(&self) -> Dataset {
        self.points
            .clone()
            .unwrap_or_else(|| match self.loss {
                LossKey::Logistic => Dataset::generate_labels(&self.recipe),
                _ => Dataset::generate(&self.recipe),
            })
            .ordered(self.order)
    }

    /// Why the loss cannot apply to the student's points, or `None`: the
    /// cross-entropy needs every y to be a label, 0 or 1.
    pub fn loss_conflict(&self) -> Option<String> {
        let points = self
            .points
            .as_ref()
            .filter(|_| self.loss == LossKey::Logistic)?;
        let i = points.ys.iter().position(|&y| y != 0.0 && y != 1.0)?;
        Some(format!(
            "the cross-entropy needs every y to be a label, 0 or 1, but example {}'s y is {}",
            i + 1,
            fmt_sig(points.ys[i], 4)
        ))
    }

    /// The student's points when they go in a link: `None` when there are
    /// none or they are too many for one (see [`MAX_LINK_CHARS`]).
    pub fn linked_points(&self) -> Option<&Dataset> {
        self.points
            .as_ref()
            .filter(|p| encoded_len(p.len()) <= MAX_LINK_CHARS)
    }

    /// Repairs combinations that each key alone cannot check, with a notice
    /// for each: a crossed x range, a batch larger than N, a selected
    /// example that does not exist.
    pub fn repair(&mut self) -> Vec<Notice> {
        let mut notices = Vec::new();
        let d = Shared::default();
        if let Some(p) = &self.points {
            self.recipe.n = p.len();
        }
        if self.recipe.x_min >= self.recipe.x_max {
            self.recipe.x_min = d.recipe.x_min;
            self.recipe.x_max = d.recipe.x_max;
            notices.push(Notice::new(
                "xmin",
                "must be less than xmax; both were reset to their defaults",
            ));
        }
        if self.batch > self.recipe.n {
            self.batch = self.recipe.n.min(d.batch);
            notices.push(Notice::new(
                "b",
                "is larger than the number of examples; a smaller batch is used",
            ));
        }
        if let Some(why) = self.loss_conflict() {
            self.loss = LossKey::Mse;
            notices.push(Notice::new(
                "loss",
                &format!("cannot be logistic here: {why}; the squared error is used"),
            ));
        }
        if self.selected.is_some_and(|i| i >= self.recipe.n) {
            self.selected = None;
            notices.push(Notice::new(
                "sel",
                "names an example that does not exist; nothing is selected",
            ));
        }
        notices
    }
}

const ORDERS: [&str; 3] = ["random", "sorted-x", "sorted-y"];

fn number(lo: f64, hi: f64) -> Kind {
    Kind::Number { lo, hi }
}

/// The shared settings, in link order, for a state `T` that holds a [`Shared`].
pub fn shared_settings<T: 'static>(lens: Lens<T, Shared>) -> Vec<Setting<T>> {
    let seed = Kind::Count {
        lo: 0,
        hi: u32::MAX as usize,
    };
    vec![
        Setting::new(
            lens,
            "n",
            Kind::Count {
                lo: 1,
                hi: MAX_EXAMPLES,
            },
            |s| Some(Value::Count(s.recipe.n)),
            |s, v| s.recipe.n = count_of(&v),
        ),
        Setting::new(
            lens,
            "a",
            number(-100.0, 100.0),
            |s| Some(Value::Number(s.recipe.slope)),
            |s, v| s.recipe.slope = number_of(&v),
        ),
        Setting::new(
            lens,
            "c",
            number(-100.0, 100.0),
            |s| Some(Value::Number(s.recipe.intercept)),
            |s, v| s.recipe.intercept = number_of(&v),
        ),
        Setting::new(
            lens,
            "noise",
            number(0.0, 100.0),
            |s| Some(Value::Number(s.recipe.noise)),
            |s, v| s.recipe.noise = number_of(&v),
        ),
        Setting::new(
            lens,
            "xmin",
            number(-1000.0, 1000.0),
            |s| Some(Value::Number(s.recipe.x_min)),
            |s, v| s.recipe.x_min = number_of(&v),
        ),
        Setting::new(
            lens,
            "xmax",
            number(-1000.0, 1000.0),
            |s| Some(Value::Number(s.recipe.x_max)),
            |s, v| s.recipe.x_max = number_of(&v),
        ),
        Setting::new(
            lens,
            "seed",
            seed,
            |s| Some(Value::Count(s.recipe.seed as usize)),
            |s, v| s.recipe.seed = count_of(&v) as u32,
        ),
        Setting::new(
            lens,
            "data",
            Kind::Points { max: MAX_EXAMPLES },
            |s| s.linked_points().cloned().map(Value::Points),
            |s, v| {
                if let Value::Points(p) = v {
                    s.recipe.n = p.len();
                    s.points = Some(p);
                }
            },
        ),
        Setting::new(
            lens,
            "theta",
            Kind::List {
                len: 2,
                lo: -1e6,
                hi: 1e6,
            },
            |s| Some(Value::List(s.theta.to_vec())),
            |s, v| s.theta = list_of::<2>(&v),
        ),
        Setting::new(
            lens,
            "arrows",
            number(0.05, 20.0),
            |s| Some(Value::Number(s.arrow_scale)),
            |s, v| s.arrow_scale = number_of(&v),
        ),
        Setting::checked(
            lens,
            "view",
            Kind::List {
                len: 3,
                lo: -1e6,
                hi: 1e6,
            },
            |s| {
                s.view
                    .map(|v| Value::List(vec![v.center[0], v.center[1], v.half]))
            },
            |s, v| {
                let l = list_of::<3>(&v);
                if l[2] <= 0.0 {
                    return Err(
                        "needs a positive half-width; the window is framed automatically".into(),
                    );
                }
                s.view = Some(ViewWindow {
                    center: [l[0], l[1]],
                    half: l[2],
                });
                Ok(())
            },
        ),
        Setting::new(
            lens,
            "sel",
            Kind::Count {
                lo: 0,
                hi: MAX_EXAMPLES - 1,
            },
            |s| s.selected.map(Value::Count),
            |s, v| s.selected = Some(count_of(&v)),
        ),
        Setting::new(
            lens,
            "order",
            Kind::Choice {
                options: &ORDERS,
                fallback: "the order as generated is used",
            },
            |s| Some(Value::Choice(s.order.key())),
            |s, v| s.order = choice_of(&DataOrder::ALL, DataOrder::key, &v).unwrap_or(s.order),
        ),
        Setting::new(
            lens,
            "b",
            Kind::Count {
                lo: 1,
                hi: MAX_EXAMPLES,
            },
            |s| Some(Value::Count(s.batch)),
            |s, v| s.batch = count_of(&v),
        ),
        Setting::new(
            lens,
            "dseed",
            seed,
            |s| Some(Value::Count(s.draw_seed as usize)),
            |s, v| s.draw_seed = count_of(&v) as u32,
        ),
        Setting::new(
            lens,
            "lr",
            Kind::Number {
                lo: 1e-6,
                hi: 100.0,
            },
            |s| Some(Value::Number(s.lr)),
            |s, v| s.lr = number_of(&v),
        ),
        Setting::new(
            lens,
            "loss",
            Kind::Choice {
                options: &["mse", "mae", "huber", "logistic"],
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
