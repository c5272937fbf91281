//! `App`: the page as one object that `www/main.js` drives. It holds the
//! state, the shared model and the active scene, and nothing that belongs
//! to one scene: whatever a scene derives lives behind the `Scene` trait.
//! JS never does math: it forwards events and copies out text.

use super::backend::Page;
use super::dom::{device_pixel_ratio, fit_to_css, paint, scene_canvas};
use super::grids::WorkerGrids;
use super::values::{from_js, to_js};
use crate::core::models::loss::Loss;
use crate::page::history::History;
use crate::page::model::Model;
use crate::page::presentation::PRESENT_SCALE;
use crate::page::settings::{spell, Notice};
use crate::page::sliders::LogSlider;
use crate::render::{Canvas, HeatmapMode};
use crate::scenes::scene::{Ctx, Layer, Scene};
use crate::scenes::state::{apply_query, from_query, table, to_query, State};
use crate::scenes::{make, SceneKey};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// What a press on the parameter figure is dragging.
pub(super) enum Drag {
    Point,
    Pan {
        last: crate::core::Theta,
    },
    /// An example of the data figure: moved once the pointer moves; a
    /// press that does not move on an example already selected lets it go.
    Example {
        index: usize,
        moved: bool,
        was_selected: bool,
    },
}

/// The page in the browser.
#[wasm_bindgen]
pub struct App {
    pub(super) state: State,
    pub(super) model: Model,
    pub(super) scene: Box<dyn Scene<Page>>,
    /// The active scene's canvases, in its `canvases()` order.
    canvases: Vec<HtmlCanvasElement>,
    /// Their sizes at the last layout.
    pub(super) sizes: Vec<Canvas>,
    laid_out: bool,
    notices: Vec<Notice>,
    pub(super) hover: Option<usize>,
    pub(super) drag: Option<Drag>,
    /// Where the keyboard reads a chart (in the chart's x unit), once it has.
    pub(super) reading: Option<f64>,
    /// The scene asked for its backgrounds (see `Scene::repaints`).
    background_dirty: bool,
    /// Every background is due (a resize, a new window or new data).
    background_all: bool,
    overlay_dirty: bool,
    /// Canvases due but not yet painted: a render with a time budget stops
    /// after the canvas that used it up, and the next render goes on.
    pending: Vec<bool>,
    /// Where the next render starts looking for pending canvases (after
    /// the last one painted), so none waits behind one that keeps coming due.
    resume_at: usize,
    /// Undo and redo of the data.
    pub(super) history: History,
    /// Costly grids, computed by a web worker at rest when there is one.
    grids: WorkerGrids,
}

/// The log slider behind a setting, if it has one.
fn slider(key: &str) -> Option<LogSlider> {
    match key {
        "b" | "k" => Some(LogSlider::BatchOfN),
        "lr" => Some(LogSlider::LearningRate),
        _ => None,
    }
}

#[wasm_bindgen]
impl App {
    /// The page described by `query` (the URL's search string). Bad keys
    /// fall back to their defaults and are listed by [`App::notices`].
    #[wasm_bindgen(constructor)]
    pub fn new(query: &str) -> App {
        let (state, notices) = from_query(query);
        let model = Model::with_loss(state.shared.clone(), state.model_loss());
        let scene = make(state.scene, &state, HeatmapMode::Bitmap);
        let mut app = App {
            canvases: Vec::new(),
            sizes: Vec::new(),
            scene,
            model,
            state,
            laid_out: false,
            notices,
            hover: None,
            drag: None,
            reading: None,
            background_dirty: true,
            background_all: true,
            overlay_dirty: true,
            pending: Vec::new(),
            resume_at: 0,
            history: History::default(),
            grids: WorkerGrids::default(),
        };
        app.find_canvases();
        app
    }

    /// One line per URL key that was not used as given: "key: what happened".
    pub fn notices(&self) -> Vec<String> {
        self.notices.iter().map(ToString::to_string).collect()
    }

    /// The query string of the current state, for the address bar and links.
    pub fn query(&self) -> String {
        to_query(&self.state)
    }

    /// Every setting as [key, typed value, URL spelling]: numbers, booleans,
    /// choice keys and arrays. Keys left out of the link are left out here.
    pub fn settings(&self) -> js_sys::Array {
        table()
            .iter()
            .filter_map(|s| {
                let v = s.get(&self.state)?;
                let text = spell(s.kind, &v);
                Some(js_sys::Array::of3(&s.key.into(), &to_js(&v), &text.into()))
            })
            .collect()
    }

    /// Sets one setting from a control: a number, a boolean, a choice key, an
    /// array, or text in the URL's spelling. A bad value changes nothing and
    /// the Error says why.
    pub fn set(&mut self, key: &str, value: JsValue) -> Result<(), JsError> {
        let setting = State::setting(key)
            .ok_or_else(|| JsError::new(&format!("{key} is not a setting of this page")))?;
        let mut next = self.state.clone();
        from_js(setting.kind, &value)
            .and_then(|v| setting.set(&mut next, v))
            .map_err(|e| {
                // A control's bad value changes nothing: say what it stays at.
                let now = setting
                    .spelling(&self.state)
                    .unwrap_or_else(|| "as it was".into());
                JsError::new(&format!("{key} {e}; it stays {now}"))
            })?;
        if next.shared.recipe.x_min >= next.shared.recipe.x_max {
            return Err(JsError::new("xmin must be less than xmax"));
        }
        if key == "b" && next.shared.batch > next.shared.recipe.n {
            let n = next.shared.recipe.n;
            return Err(JsError::new(&format!("b must be at most N = {n}")));
        }
        if let Some(why) = next.shared.loss_conflict() {
            return Err(JsError::new(&format!(
                "{why}: choose a dataset with labels first"
            )));
        }
        self.commit(next);
        Ok(())
    }

    /// Sets every key that `query` gives (a lesson step's settings), the
    /// scene included, and leaves the others. Keys it cannot use change
    /// nothing and the Error names them; the keys that worked stay set.
    #[wasm_bindgen(js_name = applySettings)]
    pub fn apply_settings(&mut self, query: &str) -> Result<(), JsError> {
        let (next, notices) = apply_query(&self.state, query);
        if next.scene != self.state.scene {
            self.set_scene(next.scene.key())?;
        }
        self.commit(next);
        if notices.is_empty() {
            Ok(())
        } else {
            let what: Vec<String> = notices.iter().map(ToString::to_string).collect();
            Err(JsError::new(&what.join("; ")))
        }
    }

    /// Where setting `key` sits on its log slider, in [0, 1].
    #[wasm_bindgen(js_name = sliderPosition)]
    pub fn slider_position(&self, key: &str) -> f64 {
        let Some(map) = slider(key) else {
            return 0.0;
        };
        // A count left out of the link is all N (scene 5's k): the slider's end.
        let Some(v) = State::setting(key).and_then(|s| s.get(&self.state)) else {
            return 1.0;
        };
        map.position_of(v.as_f64().unwrap_or(0.0), self.state.shared.recipe.n)
    }

    /// Sets `key` from position `t` ∈ [0, 1] of its log slider.
    #[wasm_bindgen(js_name = setSliderPosition)]
    pub fn set_slider_position(&mut self, key: &str, t: f64) -> Result<(), JsError> {
        let map = slider(key).ok_or_else(|| JsError::new(&format!("{key} has no slider")))?;
        let value = map.value_at(t, self.state.shared.recipe.n);
        self.set(key, JsValue::from_f64(value))
    }

    /// The key of the scene shown ("one-point", "estimator", …).
    pub fn scene(&self) -> String {
        self.state.scene.key().to_string()
    }

    /// Shows another scene. The caller reveals its section, then calls `resize`.
    #[wasm_bindgen(js_name = setScene)]
    pub fn set_scene(&mut self, key: &str) -> Result<(), JsError> {
        let scene = SceneKey::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or_else(|| JsError::new(&format!("no scene \"{key}\"")))?;
        self.state.scene = scene;
        self.scene = make(scene, &self.state, HeatmapMode::Bitmap);
        self.hover = None;
        // Scene 4 computes with the squared error whatever the loss menu says.
        if self.model.loss() != self.state.model_loss() {
            self.model = Model::with_loss(self.state.shared.clone(), self.state.model_loss());
        }
        self.find_canvases();
        Ok(())
    }

    /// Fits the active scene's canvases to their CSS size and the device-pixel ratio.
    pub fn resize(&mut self) {
        let dpr = device_pixel_ratio();
        // On a projector (present=1) lines, arrows and figure text are drawn
        // thicker: the figures are laid out as for a denser screen.
        let scale = if self.state.presentation.present {
            PRESENT_SCALE
        } else {
            1.0
        };
        let sizes: Vec<_> = self
            .canvases
            .iter()
            .map(|c| Canvas {
                dpr: dpr * scale,
                ..fit_to_css(c, dpr)
            })
            .collect();
        // A ResizeObserver reports every plot once when it starts watching:
        // the same sizes need no new layout and no repaint of the surface.
        if self.laid_out && sizes == self.sizes {
            return;
        }
        self.sizes.clone_from(&sizes);
        let ctx = Ctx {
            model: &self.model,
            state: &self.state,
            hover: self.hover,
            dragging: self.drag.is_some(),
            grids: &self.grids,
        };
        self.scene.layout(&ctx, &sizes);
        self.laid_out = true;
        self.refresh(true);
    }

    /// Paints every canvas that is due, and returns whether an animation
    /// runs. With `budget_ms`, at rest (nothing dragged, nothing animating)
    /// it stops once a canvas has taken the painting past that many
    /// milliseconds, and the next call goes on where it stopped
    /// ([`App::painting`] says whether any canvas is still due): a change
    /// that costs several canvases a long drawing each (new data at
    /// N = 10,000, a costly loss) is painted over several tasks, and the
    /// page answers input in between; a costly grid is then asked of the
    /// worker, if there is one ([`App::grid_jobs`]), and a coarser one
    /// painted meanwhile. Without it, everything at once and final.
    pub fn render(&mut self, now_ms: f64, budget_ms: Option<f64>) -> Result<bool, JsError> {
        let started = budget_ms.map(|_| js_sys::Date::now());
        if !self.laid_out {
            self.resize();
        }
        let animating = self.scene.tick(&mut self.state, now_ms);
        if animating {
            self.refresh(false);
        }
        if budget_ms.is_none() {
            // Final pixels now (printing): no canvas keeps a coarse grid.
            self.repaint_waiting();
        }
        let ctx = Ctx {
            model: &self.model,
            state: &self.state,
            hover: self.hover,
            dragging: self.drag.is_some(),
            grids: &self.grids,
        };
        // `pending` has one entry a canvas (find_canvases).
        let specs = self.scene.canvases();
        for (i, spec) in specs.iter().enumerate() {
            self.pending[i] |= match spec.layer {
                Layer::Background => {
                    self.background_all || (self.background_dirty && self.scene.repaints(i))
                }
                Layer::Overlay => {
                    self.background_all || self.background_dirty || self.overlay_dirty
                }
            };
        }
        self.background_dirty = false;
        self.background_all = false;
        self.overlay_dirty = false;
        let budget = budget_ms.filter(|_| !animating && self.drag.is_none());
        let n = specs.len();
        for step in 0..n {
            let i = (self.resume_at + step) % n;
            if !self.pending[i] {
                continue;
            }
            let clip = self.scene.clip(i);
            self.grids.painting(i, budget.is_some());
            paint(&self.canvases[i], clip.as_ref(), |a| {
                self.scene.draw(&ctx, i, a)
            })?;
            self.pending[i] = false;
            if budget
                .zip(started)
                .is_some_and(|(b, t)| js_sys::Date::now() - t >= b)
            {
                self.resume_at = (i + 1) % n;
                return Ok(animating);
            }
        }
        self.resume_at = 0;
        Ok(animating)
    }

    /// Whether a canvas is still due after a render cut short by its budget.
    pub fn painting(&self) -> bool {
        self.pending.iter().any(|&p| p)
    }

    /// Whether a canvas shows a coarse grid while the worker computes the
    /// fine one (it is painted again when [`App::provide_grid`] brings it).
    #[wasm_bindgen(js_name = waitingForGrids)]
    pub fn waiting_for_grids(&self) -> bool {
        self.grids.waiting()
    }

    /// Says whether a worker runs the grid jobs. Without one (it failed to
    /// start) every canvas that waited is painted again, its grid computed here.
    #[wasm_bindgen(js_name = useGridWorker)]
    pub fn use_grid_worker(&mut self, on: bool) {
        self.grids.use_worker(on);
        if !on {
            self.repaint_waiting();
            self.grids.forget_jobs();
        }
    }

    /// The ids of the grid jobs asked since the last call, for the worker
    /// (`www/grids.js`).
    #[wasm_bindgen(js_name = gridJobs)]
    pub fn grid_jobs(&self) -> Vec<u32> {
        self.grids.take_new()
    }

    /// Grid job `id` as numbers for the worker (`GridJob::encode`), while a
    /// canvas waits for it.
    #[wasm_bindgen(js_name = gridJob)]
    pub fn grid_job(&self, id: u32) -> Option<Vec<f64>> {
        self.grids.job_numbers(id)
    }

    /// The worker's values for grid job `id`: the canvases that waited for
    /// them are due again. Values that do not fit the job are an Error.
    #[wasm_bindgen(js_name = provideGrid)]
    pub fn provide_grid(&mut self, id: u32, values: Vec<f64>) -> Result<(), JsError> {
        for i in self.grids.provide(id, values).map_err(JsError::new)? {
            self.pending[i] = true;
        }
        Ok(())
    }

    /// The active scene's texts as [slot, text, hover title] triples, for
    /// the elements marked `data-slot` in its section.
    pub fn texts(&self) -> js_sys::Array {
        self.scene
            .texts(&self.ctx())
            .into_iter()
            .map(|r| js_sys::Array::of3(&r.slot.into(), &r.text.into(), &r.title.into()))
            .collect()
    }

    /// The active scene's text twin as [caption, head, rows, foot] (rows of
    /// cell texts), or null when it has none.
    pub fn table(&self) -> JsValue {
        let Some(t) = self.scene.table(&self.ctx()) else {
            return JsValue::NULL;
        };
        let strings = |row: &Vec<String>| -> js_sys::Array {
            row.iter().map(|c| JsValue::from_str(c)).collect()
        };
        let rows =
            |rows: &Vec<Vec<String>>| -> js_sys::Array { rows.iter().map(strings).collect() };
        js_sys::Array::of4(
            &t.caption.into(),
            &strings(&t.head),
            &rows(&t.rows),
            &rows(&t.foot),
        )
        .into()
    }

    /// The active scene's named switches as [name, on] pairs.
    pub fn flags(&self) -> js_sys::Array {
        let own = self.state.shared.points.is_some();
        let page = [
            ("can-undo", self.history.can_undo()),
            ("can-redo", self.history.can_redo()),
            ("own-data", own),
            ("generated", !own),
            (
                "huber",
                matches!(self.state.shared.loss(), Loss::Huber { .. }),
            ),
            ("loss-applies", self.state.scene != SceneKey::AverageFirst),
        ];
        self.scene
            .flags(&self.ctx())
            .into_iter()
            .chain(page)
            .map(|(name, on)| js_sys::Array::of2(&name.into(), &on.into()))
            .collect()
    }

    /// The choices of the menu `list` as [value, label] pairs.
    pub fn choices(&self, list: &str) -> js_sys::Array {
        self.scene
            .choices(&self.ctx(), list)
            .into_iter()
            .map(|(v, label)| js_sys::Array::of2(&v.into(), &label.into()))
            .collect()
    }

    /// Runs the action `name` of the page ("new-data", "zoom-in",
    /// "zoom-out", "reset-view") or of the active scene, with `arg` (a count,
    /// or 1 for reduced motion) at time `now_ms`.
    pub fn action(&mut self, name: &str, arg: f64, now_ms: f64) -> Result<(), JsError> {
        match name {
            "new-data" => {
                let mut next = self.state.clone();
                next.shared.recipe.seed = crate::core::rng::fresh_seed();
                self.commit(next);
            }
            "undo" | "redo" | "use-generated" => self.data_action(name)?,
            "zoom-in" => self.zoom(0.8),
            "zoom-out" => self.zoom(1.25),
            "reset-view" => self.reset_view(),
            _ => {
                let mut next = self.state.clone();
                self.scene
                    .action(&mut next, name, arg, now_ms)
                    .map_err(|e| JsError::new(&e))?;
                // A scene's action that changes the data (scene 5's outlier) can be undone.
                if !next.shared.same_data(&self.state.shared) {
                    self.history.record(&self.state.shared);
                }
                self.commit(next);
            }
        }
        Ok(())
    }

    /// What CSS pixel (x, y) of the plot `plot` shows, as a sentence ("" if nothing).
    #[wasm_bindgen(js_name = hoverText)]
    pub fn hover_text(&self, plot: &str, x: f64, y: f64) -> String {
        let dpr = device_pixel_ratio();
        self.scene.hover_text(&self.ctx(), plot, x * dpr, y * dpr)
    }
}

impl App {
    /// What the active scene reads this frame.
    pub(super) fn ctx(&self) -> Ctx<'_> {
        Ctx {
            model: &self.model,
            state: &self.state,
            hover: self.hover,
            dragging: self.drag.is_some(),
            grids: &self.grids,
        }
    }

    /// Makes every canvas that shows a coarse grid due again.
    fn repaint_waiting(&mut self) {
        for i in self.grids.waiting_canvases() {
            self.pending[i] = true;
        }
    }

    fn find_canvases(&mut self) {
        let key = self.state.scene.key();
        self.canvases = self
            .scene
            .canvases()
            .iter()
            .map(|spec| scene_canvas(key, spec.name))
            .collect();
        self.pending = vec![false; self.canvases.len()];
        self.grids.forget_jobs();
        self.resume_at = 0;
        self.laid_out = false;
    }

    /// Lets the scene bring what it derives up to date; `all` repaints every layer.
    pub(super) fn refresh(&mut self, all: bool) {
        let ctx = Ctx {
            model: &self.model,
            state: &self.state,
            hover: self.hover,
            dragging: self.drag.is_some(),
            grids: &self.grids,
        };
        let background = self.scene.update(&ctx);
        self.background_all |= all;
        self.background_dirty |= background;
        self.overlay_dirty = true;
    }

    /// Makes `next` the state. What follows from the change (a cleared
    /// cloud, a new window for new data…) is `State::follow`'s; what the
    /// scene derives is brought up to date by its own cache keys.
    pub(super) fn commit(&mut self, mut next: State) {
        next.follow(&self.state);
        let old = std::mem::replace(&mut self.state, next);
        let shared = &self.state.shared;
        let new_data = !shared.same_data(&old.shared);
        let new_loss = self.model.loss() != self.state.model_loss();
        let reframe = new_data
            || new_loss
            || shared.view != old.shared.view
            || shared.arrow_scale != old.shared.arrow_scale;
        if new_data || new_loss {
            self.hover = None;
            self.model = Model::with_loss(shared.clone(), self.state.model_loss());
        } else {
            self.model.shared = shared.clone();
            if reframe {
                self.model.reframe();
            }
        }
        self.refresh(reframe);
    }
}
