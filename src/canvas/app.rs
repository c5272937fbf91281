//! `App`: the page as one object that `www/main.js` drives. It owns the
//! state, turns DOM events (already reduced to numbers and key names) into
//! state changes through the pure modules, and paints the active scene's
//! canvases. JS never does math: it forwards events and copies out text.

use super::dom::{canvas_or_detached, device_pixel_ratio, fit_to_css};
use super::figures::SceneFigures;
use crate::core::geometry::ViewWindow;
use crate::core::Theta;
use crate::page::model::Model;
use crate::page::settings::{from_query, to_query, Notice};
use crate::page::state::{Picture, Scene, State};
use crate::render::Canvas;
use crate::scenes::average_first::captions::average_text;
use crate::scenes::estimator::captions::estimator_text;
use crate::scenes::estimator::cloud::BatchCloud;
use crate::scenes::estimator::spread::SpreadPoint;
use crate::scenes::one_point::captions::one_point_text;
use crate::scenes::one_point::mistaken::ANIMATION_MS;
use crate::scenes::training::captions::training_text;
use crate::scenes::training::runs::Training;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

pub(super) enum Drag {
    Theta,
    Pan { last: Theta },
}

struct Animation {
    from: f64,
    to: f64,
    start_ms: f64,
}

/// The page in the browser.
#[wasm_bindgen]
pub struct App {
    pub(super) model: Model,
    pub(super) cloud: BatchCloud,
    pub(super) spread: Vec<SpreadPoint>,
    pub(super) spread_stale: bool,
    pub(super) notices: Vec<Notice>,
    pub(super) one_point: SceneFigures,
    pub(super) estimator: SceneFigures,
    pub(super) spread_canvas: HtmlCanvasElement,
    pub(super) spread_size: Option<Canvas>,
    pub(super) training_figures: SceneFigures,
    pub(super) average_figures: SceneFigures,
    pub(super) loss_canvas: HtmlCanvasElement,
    pub(super) loss_size: Option<Canvas>,
    /// Scene 3's runs; `None` when they must be run again.
    pub(super) training: Option<Training>,
    /// While scene 3 plays: when it started (ms) and from which epoch.
    pub(super) playing: Option<(f64, f64)>,
    pub(super) hover: Option<usize>,
    pub(super) progress: f64,
    animation: Option<Animation>,
    pub(super) drag: Option<Drag>,
    pub(super) background_dirty: bool,
    pub(super) overlay_dirty: bool,
}

#[wasm_bindgen]
impl App {
    /// The page described by `query` (the URL's search string). Bad keys
    /// fall back to their defaults and are listed by [`App::notices`].
    #[wasm_bindgen(constructor)]
    pub fn new(query: &str) -> Result<App, JsError> {
        let (state, notices) = from_query(query);
        let progress = if state.picture == Picture::True {
            1.0
        } else {
            0.0
        };
        let model = Model::new(state);
        Ok(App {
            cloud: BatchCloud::new(&model),
            model,
            spread: Vec::new(),
            spread_stale: true,
            notices,
            one_point: SceneFigures::find("")?,
            estimator: SceneFigures::find("est-")?,
            spread_canvas: canvas_or_detached("est-spread").map_err(|e| JsError::new(&e))?,
            spread_size: None,
            training_figures: SceneFigures::find("train-")?,
            average_figures: SceneFigures::find("avg-")?,
            loss_canvas: canvas_or_detached("train-loss").map_err(|e| JsError::new(&e))?,
            loss_size: None,
            training: None,
            playing: None,
            hover: None,
            progress,
            animation: None,
            drag: None,
            background_dirty: true,
            overlay_dirty: true,
        })
    }

    /// One line per URL key that was not used as given: "key: what happened".
    pub fn notices(&self) -> Vec<String> {
        self.notices
            .iter()
            .map(|n| format!("“{}” {}", n.key, n.message))
            .collect()
    }

    /// The query string of the current state, for the address bar and links.
    pub fn query(&self) -> String {
        to_query(&self.model.state)
    }

    /// Every setting as [name, value] pairs, to put into the controls.
    pub fn settings(&self) -> js_sys::Array {
        self.query()
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| js_sys::Array::of2(&k.into(), &v.into()))
            .collect()
    }

    /// The key of the scene shown ("one-point", "estimator").
    pub fn scene(&self) -> String {
        self.model.state.scene.key().to_string()
    }

    /// Shows another scene. The caller reveals its section, then calls `resize`.
    #[wasm_bindgen(js_name = setScene)]
    pub fn set_scene(&mut self, key: &str) -> Result<(), JsError> {
        let scene = Scene::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or_else(|| JsError::new(&format!("no scene \"{key}\"")))?;
        self.model.state.scene = scene;
        self.cloud = BatchCloud::new(&self.model);
        self.hover = None;
        self.background_dirty = true;
        self.overlay_dirty = true;
        Ok(())
    }

    /// Fits the active scene's canvases to their CSS size and the device-pixel ratio.
    pub fn resize(&mut self) {
        let dpr = device_pixel_ratio();
        match self.model.state.scene {
            Scene::OnePoint => self.one_point.resize(&self.model, dpr),
            Scene::Estimator => {
                self.estimator.resize(&self.model, dpr);
                self.spread_size = Some(fit_to_css(&self.spread_canvas, dpr));
            }
            Scene::Training => {
                self.training_figures.resize(&self.model, dpr);
                self.loss_size = Some(fit_to_css(&self.loss_canvas, dpr));
            }
            Scene::AverageFirst => self.average_figures.resize(&self.model, dpr),
        }
        self.background_dirty = true;
        self.overlay_dirty = true;
    }

    /// Paints what changed. Returns true while an animation needs more frames.
    pub fn render(&mut self, now_ms: f64) -> Result<bool, JsError> {
        if self.figures().param.is_none() {
            self.resize();
        }
        if let Some(a) = &self.animation {
            let t = ((now_ms - a.start_ms) / (ANIMATION_MS * (a.to - a.from).abs().max(0.05)))
                .clamp(0.0, 1.0);
            self.progress = a.from + (a.to - a.from) * t;
            self.overlay_dirty = true;
            if t >= 1.0 {
                self.animation = None;
            }
        }
        self.advance_playback(now_ms);
        match self.model.state.scene {
            Scene::OnePoint => self.render_one_point()?,
            Scene::Estimator => self.render_estimator()?,
            Scene::Training => self.render_training()?,
            Scene::AverageFirst => self.render_average()?,
        }
        self.background_dirty = false;
        self.overlay_dirty = false;
        Ok(self.animation.is_some() || self.playing.is_some())
    }

    /// The active scene's texts as [element id, text, hover title] triples.
    pub fn texts(&self) -> js_sys::Array {
        let texts = match self.model.state.scene {
            Scene::OnePoint => one_point_text(&self.model, self.highlight(), self.progress),
            Scene::Estimator => estimator_text(&self.model, &self.cloud),
            Scene::Training => match &self.training {
                Some(t) => training_text(&self.model, t, self.model.state.at),
                None => Vec::new(),
            },
            Scene::AverageFirst => average_text(&self.model),
        };
        texts
            .into_iter()
            .map(|r| js_sys::Array::of3(&r.slot.into(), &r.text.into(), &r.title.into()))
            .collect()
    }

    /// Switches between the mistaken and the true picture, animated unless
    /// `reduced_motion`.
    #[wasm_bindgen(js_name = togglePicture)]
    pub fn toggle_picture(&mut self, now_ms: f64, reduced_motion: bool) {
        let picture = match self.model.state.picture {
            Picture::True => Picture::Mistaken,
            Picture::Mistaken => Picture::True,
        };
        self.model.state.picture = picture;
        let to = if picture == Picture::True { 1.0 } else { 0.0 };
        if reduced_motion {
            self.progress = to;
            self.animation = None;
        } else {
            self.animation = Some(Animation {
                from: self.progress,
                to,
                start_ms: now_ms,
            });
        }
        self.overlay_dirty = true;
    }

    /// True while the mistaken picture is shown or being animated.
    #[wasm_bindgen(js_name = showsMistakenPicture)]
    pub fn shows_mistaken_picture(&self) -> bool {
        self.model.state.picture == Picture::Mistaken
    }

    /// Where example `i` is drawn, in CSS pixels of the active scene's figure
    /// "param" (its arrow's tip) or "data" (its point): for tests and
    /// tutorials that point at an example.
    #[wasm_bindgen(js_name = examplePosition)]
    pub fn example_position(&self, figure: &str, i: usize) -> Option<Vec<f64>> {
        let dpr = device_pixel_ratio();
        let f = self.figures();
        let (x, y) = if figure == "data" {
            let d = self.model.problem.data();
            f.data?.1.to_px_f([*d.xs.get(i)?, *d.ys.get(i)?])
        } else {
            let arrow = self.model.example_arrows().get(i).copied()?;
            f.param?.frame.to_px_f(arrow.tip(self.model.arrow_unit))
        };
        Some(vec![x / dpr, y / dpr])
    }

    /// Where θ is drawn, in CSS pixels of the active parameter figure.
    #[wasm_bindgen(js_name = thetaPosition)]
    pub fn theta_position(&self) -> Option<Vec<f64>> {
        let dpr = device_pixel_ratio();
        let (x, y) = self.param()?.frame.to_px_f(self.point_and_view().0);
        Some(vec![x / dpr, y / dpr])
    }
}

impl App {
    /// The figures of the active scene.
    pub(super) fn figures(&self) -> &SceneFigures {
        match self.model.state.scene {
            Scene::OnePoint => &self.one_point,
            Scene::Estimator => &self.estimator,
            Scene::Training => &self.training_figures,
            Scene::AverageFirst => &self.average_figures,
        }
    }

    pub(super) fn highlight(&self) -> Option<usize> {
        self.hover.or(self.model.state.selected)
    }

    pub(super) fn select(&mut self, hit: Option<usize>) -> bool {
        let selected = if hit.is_some() && hit == self.model.state.selected {
            None
        } else {
            hit
        };
        let changed = selected != self.model.state.selected;
        self.model.state.selected = selected;
        self.overlay_dirty |= changed;
        changed
    }

    /// Moves θ. The cloud of scene 2 belongs to the old θ, so it is cleared.
    pub(super) fn set_theta(&mut self, theta: Theta) {
        self.model.state.theta = theta;
        if self.model.state.draws > 0 {
            self.model.state.draws = 0;
        }
        // Scene 1 shows no cloud: it is rebuilt when scene 2 is shown.
        if self.model.state.scene == Scene::Estimator {
            self.cloud = BatchCloud::new(&self.model);
        }
        self.training = None;
        self.spread_stale = true;
        self.overlay_dirty = true;
    }

    pub(super) fn set_view(&mut self, view: ViewWindow) {
        if self.network().is_some() {
            // The network's slice window is fixed: zoom and pan apply to θ's window.
            return;
        }
        self.model.state.view = Some(view);
        self.relayout();
    }

    pub(super) fn relayout(&mut self) {
        self.model.reframe();
        self.one_point.relayout(&self.model);
        self.estimator.relayout(&self.model);
        self.training_figures.relayout(&self.model);
        self.average_figures.relayout(&self.model);
        self.background_dirty = true;
        self.overlay_dirty = true;
    }

    /// Makes `state` current. New data reframes the window; new data, a new
    /// order, batch size or mode clears scene 2's cloud, which belonged to the
    /// old ones; anything but scene 3's clock runs scene 3 again.
    pub(super) fn replace_state(&mut self, mut state: State) {
        let old = &self.model.state;
        let clock_only = {
            let mut same = state.clone();
            same.at = old.at;
            same.speed = old.speed;
            same.against_compute = old.against_compute;
            same == *old
        };
        if state.selected.is_some_and(|i| i >= state.recipe.n) {
            state.selected = None;
        }
        let data_changed = state.recipe != old.recipe || state.order != old.order;
        if data_changed {
            state.view = None;
            self.hover = None;
        }
        if data_changed || state.batch != old.batch || state.mode != old.mode {
            state.draws = 0;
        }
        let spread_changed =
            data_changed || state.mode != old.mode || state.draw_seed != old.draw_seed;
        let reframe = state.view != old.view || state.arrow_scale != old.arrow_scale;
        let new_surface = state.part != old.part
            || state.valley != old.valley
            || state.hidden != old.hidden
            || state.slice != old.slice
            || state.recipe != old.recipe;
        if state.hidden != old.hidden || state.slice != old.slice {
            // The network's point belonged to the old parameters.
            state.net_at = None;
        }
        if data_changed {
            self.model = Model::new(state);
        } else {
            // Same data: keep the problem, and frame again only if asked to.
            self.model.state = state;
            if reframe {
                self.model.reframe();
            }
        }
        if self.model.state.scene == Scene::Estimator {
            self.cloud = BatchCloud::new(&self.model);
        }
        if !clock_only {
            self.training = None;
        }
        self.spread_stale |= spread_changed;
        self.one_point.relayout(&self.model);
        self.estimator.relayout(&self.model);
        self.training_figures.relayout(&self.model);
        self.average_figures.relayout(&self.model);
        // Drawing batches or changing B leaves the surface and the points as they were.
        self.background_dirty |= data_changed || reframe || new_surface;
        self.overlay_dirty = true;
    }
}
