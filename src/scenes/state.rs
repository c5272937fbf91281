//! The whole page state: the shared part and one sub-state per scene, with
//! every URL key of the page (each declared once, in its own folder).

use crate::core::models::loss::Loss;
use crate::page::presentation::{self, Presentation};
use crate::page::settings::{self, Kind, Notice, Setting, Value};
use crate::page::state::{shared_settings, Shared};
use crate::scenes::average_first::settings::{self as average, AverageSettings};
use crate::scenes::estimator::settings::{self as estimator, EstimatorSettings, MAX_DRAWS};
use crate::scenes::one_point::settings::{self as one_point, OnePointSettings};
use crate::scenes::surfaces::settings::{self as surfaces, SurfacesSettings};
use crate::scenes::training::settings::{self as training, TrainingSettings};
use crate::scenes::SceneKey;

/// Everything the page shows, and nothing else: what a link reproduces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub scene: SceneKey,
    pub shared: Shared,
    pub one_point: OnePointSettings,
    pub estimator: EstimatorSettings,
    pub training: TrainingSettings,
    pub average: AverageSettings,
    pub surfaces: SurfacesSettings,
    /// How the page is shown (embedded, controls, θ locked): not what it shows.
    pub presentation: Presentation,
}

const SCENES: [&str; 5] = [
    "one-point",
    "estimator",
    "training",
    "average-first",
    "surfaces",
];

/// Every URL key of the page, in link order.
pub fn table() -> Vec<Setting<State>> {
    let mut t = vec![Setting::new(
        (|s: &State| s, |s: &mut State| s),
        "scene",
        Kind::Choice {
            options: &SCENES,
            fallback: "the scene \"one-point\" is shown",
        },
        |s| Some(Value::Choice(s.scene.key())),
        |s, v| s.scene = settings::choice_of(&SceneKey::ALL, SceneKey::key, &v).unwrap_or_default(),
    )];
    t.extend(shared_settings((
        |s: &State| &s.shared,
        |s: &mut State| &mut s.shared,
    )));
    t.extend(one_point::settings((
        |s: &State| &s.one_point,
        |s: &mut State| &mut s.one_point,
    )));
    t.extend(estimator::settings((
        |s: &State| &s.estimator,
        |s: &mut State| &mut s.estimator,
    )));
    t.extend(training::settings((
        |s: &State| &s.training,
        |s: &mut State| &mut s.training,
    )));
    t.extend(average::settings((
        |s: &State| &s.average,
        |s: &mut State| &mut s.average,
    )));
    t.extend(surfaces::settings((
        |s: &State| &s.surfaces,
        |s: &mut State| &mut s.surfaces,
    )));
    t.extend(presentation::settings((
        |s: &State| &s.presentation,
        |s: &mut State| &mut s.presentation,
    )));
    t
}

impl State {
    /// Repairs combinations across keys, with a notice for each.
    pub fn repair(&mut self) -> Vec<Notice> {
        let mut notices = self.shared.repair();
        notices.extend(self.average.repair());
        notices.extend(self.surfaces.repair(self.shared.recipe.n));
        notices
    }

    /// What would keep the page from drawing this state: empty for every
    /// state `from_query` returns (the tests and `cargo xtask fuzz` check it).
    pub fn problems(&self) -> Vec<&'static str> {
        let s = &self.shared;
        let checks = [
            ((1..=10_000).contains(&s.recipe.n), "N outside 1…10,000"),
            (s.recipe.x_min < s.recipe.x_max, "xmin not below xmax"),
            (s.theta.iter().all(|v| v.is_finite()), "θ not finite"),
            (
                s.recipe.noise.is_finite() && s.recipe.noise >= 0.0,
                "bad noise",
            ),
            (s.arrow_scale > 0.0, "arrow scale not positive"),
            (s.view.is_none_or(|v| v.half > 0.0), "empty window"),
            (
                s.selected.is_none_or(|i| i < s.recipe.n),
                "selection out of range",
            ),
            ((1..=s.recipe.n).contains(&s.batch), "B outside 1…N"),
            (self.estimator.draws <= MAX_DRAWS, "too many draws"),
        ];
        checks
            .iter()
            .filter(|(ok, _)| !ok)
            .map(|(_, why)| *why)
            .collect()
    }

    /// The setting named `key`, if the page has one.
    pub fn setting(key: &str) -> Option<Setting<State>> {
        table().into_iter().find(|s| s.key == key)
    }
}

/// The query string of `state`, without the leading `?`.
pub fn to_query(state: &State) -> String {
    settings::to_query(&table(), state)
}

/// The state described by `query`, and a notice for every key that was
/// unknown, repeated or not usable (its default is used instead).
pub fn from_query(query: &str) -> (State, Vec<Notice>) {
    let (mut state, mut notices) = settings::from_query(&table(), query);
    // A repair is news only about a key the link gave: `?n=1` shrinks the
    // default batch quietly, `?n=1&b=4` says so.
    let given = settings::query_keys(query);
    notices.extend(
        state
            .repair()
            .into_iter()
            .filter(|n| notice_concerns(n, &given)),
    );
    (state, notices)
}

/// `state` with the keys that `query` gives set on it (a lesson step, say),
/// repaired, and a notice for every key it could not use.
pub fn apply_query(state: &State, query: &str) -> (State, Vec<Notice>) {
    let mut next = state.clone();
    let mut notices = settings::apply_query(&table(), &mut next, query);
    let given = settings::query_keys(query);
    notices.extend(
        next.repair()
            .into_iter()
            .filter(|n| notice_concerns(n, &given)),
    );
    (next, notices)
}

/// True when `notice` is about one of the keys `given` (as decoded from a
/// link; a notice keeps 24 characters of a key). The x range is one notice,
/// named "xmin", for either of its two keys.
pub fn notice_concerns(notice: &Notice, given: &[String]) -> bool {
    given
        .iter()
        .any(|g| g.chars().take(24).eq(notice.key.chars()) || (notice.key == "xmin" && g == "xmax"))
}

impl State {
    /// The loss the active scene computes with: the shared one, except in
    /// scene 4, whose claims are about the squared error.
    pub fn model_loss(&self) -> Loss {
        match self.scene {
            SceneKey::AverageFirst => Loss::Mse,
            _ => self.shared.loss(),
        }
    }

    /// Makes `self`, the state after a change, consistent with `old`: new
    /// data frame the window again and drop a selection that no longer
    /// exists; a cloud belongs to its data, θ, B and mode, so it is cleared
    /// when they change; the network's point belongs to its H and slice.
    pub fn follow(&mut self, old: &State) {
        let (s, o) = (&mut self.shared, &old.shared);
        let data_changed = !s.same_data(o);
        if data_changed {
            s.view = None;
        }
        if s.selected.is_some_and(|i| i >= s.recipe.n) {
            s.selected = None;
        }
        if s.batch > s.recipe.n {
            s.batch = s.recipe.n;
        }
        let cloud_inputs_changed = data_changed
            || s.loss() != o.loss()
            || s.theta != o.theta
            || s.batch != o.batch
            || self.estimator.mode != old.estimator.mode;
        if cloud_inputs_changed {
            self.estimator.draws = 0;
        }
        if !self.average.same_slice(&old.average) {
            self.average.net_at = None;
        }
    }
}
