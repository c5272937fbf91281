//! `App`: the page of scene 1 as one object that `www/main.js` drives.
//! It owns the state, turns DOM events (already reduced to numbers and key
//! names) into state changes through the pure modules, and paints the four
//! canvases. JS never does math: it forwards events and copies out text.

use super::backend::WebCanvas;
use super::dom::{canvas_by_id, device_pixel_ratio, fit_to_css};
use crate::captions::one_point_text;
use crate::frame::PlotFrame;
use crate::linear::Theta;
use crate::mistaken::{blend, mistaken_arrows, mistaken_places, ANIMATION_MS};
use crate::one_point::OnePoint;
use crate::query::{apply_setting, from_query, to_query, Notice};
use crate::render::data_figure::{data_layout, draw_data_background, draw_data_overlay};
use crate::render::param_figure::{
    draw_param_background, draw_param_overlay, param_layout, ParamLayout, ParamOverlay,
};
use crate::render::{Area, Canvas, DrawResult, HeatmapMode};
use crate::rng::fresh_seed;
use crate::state::Picture;
use plotters::prelude::IntoDrawingArea;
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

struct Canvases {
    param_surface: HtmlCanvasElement,
    param_arrows: HtmlCanvasElement,
    data_points: HtmlCanvasElement,
    data_line: HtmlCanvasElement,
}

/// Scene 1 in the browser.
#[wasm_bindgen]
pub struct App {
    pub(super) scene: OnePoint,
    notices: Vec<Notice>,
    canvases: Canvases,
    pub(super) param: Option<ParamLayout>,
    pub(super) data: Option<(Canvas, PlotFrame)>,
    pub(super) hover: Option<usize>,
    pub(super) progress: f64,
    animation: Option<Animation>,
    pub(super) drag: Option<Drag>,
    background_dirty: bool,
    pub(super) overlay_dirty: bool,
}

fn paint(
    canvas: &HtmlCanvasElement,
    clip: Option<&PlotFrame>,
    draw: impl FnOnce(&Area<WebCanvas>) -> DrawResult,
) -> Result<(), JsError> {
    let backend = WebCanvas::new(canvas)
        .ok_or_else(|| JsError::new("this browser gave no 2-D canvas context"))?;
    let context = backend.context().clone();
    context.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    context.save();
    if let Some(f) = clip {
        context.begin_path();
        context.rect(f.left, f.top, f.width, f.height);
        context.clip();
    }
    let area = backend.into_drawing_area();
    let result = draw(&area).and_then(|()| area.present().map_err(|e| format!("{e:?}")));
    context.restore();
    result.map_err(|e| JsError::new(&e))
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
        let canvases = Canvases {
            param_surface: canvas_by_id("param-surface").map_err(|e| JsError::new(&e))?,
            param_arrows: canvas_by_id("param-arrows").map_err(|e| JsError::new(&e))?,
            data_points: canvas_by_id("data-points").map_err(|e| JsError::new(&e))?,
            data_line: canvas_by_id("data-line").map_err(|e| JsError::new(&e))?,
        };
        Ok(App {
            scene: OnePoint::new(state),
            notices,
            canvases,
            param: None,
            data: None,
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
        to_query(&self.scene.state)
    }

    /// Every setting as [name, value] pairs, to put into the controls.
    pub fn settings(&self) -> js_sys::Array {
        self.query()
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| js_sys::Array::of2(&k.into(), &v.into()))
            .collect()
    }

    /// Fits the canvases to their CSS size and the device-pixel ratio.
    pub fn resize(&mut self) {
        let dpr = device_pixel_ratio();
        let c = &self.canvases;
        let param = fit_to_css(&c.param_surface, dpr);
        fit_to_css(&c.param_arrows, dpr);
        let data = fit_to_css(&c.data_points, dpr);
        fit_to_css(&c.data_line, dpr);
        self.param = Some(param_layout(&self.scene, param));
        self.data = Some((data, data_layout(&self.scene, data)));
        self.background_dirty = true;
        self.overlay_dirty = true;
    }

    /// Paints what changed. Returns true while an animation needs more frames.
    pub fn render(&mut self, now_ms: f64) -> Result<bool, JsError> {
        if self.param.is_none() {
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
        let (Some(param), Some((data_canvas, data_frame))) = (self.param, self.data) else {
            return Ok(false);
        };
        if self.background_dirty {
            paint(&self.canvases.param_surface, None, |a| {
                draw_param_background(a, &self.scene, &param, HeatmapMode::Bitmap)
            })?;
            paint(&self.canvases.data_points, None, |a| {
                draw_data_background(a, &self.scene, &data_canvas, &data_frame)
            })?;
            self.background_dirty = false;
        }
        if self.overlay_dirty {
            let overlay = self.param_overlay(&param);
            paint(&self.canvases.param_arrows, Some(&param.frame), |a| {
                draw_param_overlay(a, &self.scene, &param, &overlay)
            })?;
            let highlight = self.highlight();
            paint(&self.canvases.data_line, Some(&data_frame), |a| {
                draw_data_overlay(a, &self.scene, &data_canvas, &data_frame, highlight)
            })?;
            self.overlay_dirty = false;
        }
        Ok(self.animation.is_some())
    }

    /// The page's texts as [element id, text, hover title] triples.
    pub fn texts(&self) -> js_sys::Array {
        one_point_text(&self.scene, self.highlight(), self.progress)
            .into_iter()
            .map(|r| js_sys::Array::of3(&r.id.into(), &r.text.into(), &r.title.into()))
            .collect()
    }

    /// Sets one setting from a control, e.g. ("n", "50"). A bad value
    /// changes nothing and the returned Error says why.
    #[wasm_bindgen(js_name = setSetting)]
    pub fn set_setting(&mut self, name: &str, value: &str) -> Result<(), JsError> {
        let mut state = self.scene.state.clone();
        apply_setting(&mut state, name, value.trim())
            .map_err(|e| JsError::new(&format!("{name} {e}")))?;
        if state.recipe.x_min >= state.recipe.x_max {
            return Err(JsError::new("xmin must be less than xmax"));
        }
        self.replace_state(state);
        Ok(())
    }

    /// New data from a fresh random seed.
    #[wasm_bindgen(js_name = newData)]
    pub fn new_data(&mut self) {
        let mut state = self.scene.state.clone();
        state.recipe.seed = fresh_seed();
        self.replace_state(state);
    }

    /// Switches between the mistaken and the true picture, animated unless
    /// `reduced_motion`.
    #[wasm_bindgen(js_name = togglePicture)]
    pub fn toggle_picture(&mut self, now_ms: f64, reduced_motion: bool) {
        let picture = match self.scene.state.picture {
            Picture::True => Picture::Mistaken,
            Picture::Mistaken => Picture::True,
        };
        self.scene.state.picture = picture;
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

    /// Where example `i` is drawn, in CSS pixels of figure "param" (its
    /// arrow's tip) or "data" (its point): for tests and tutorials that
    /// point at an example.
    #[wasm_bindgen(js_name = examplePosition)]
    pub fn example_position(&self, figure: &str, i: usize) -> Option<Vec<f64>> {
        let dpr = device_pixel_ratio();
        let (x, y) = if figure == "data" {
            let (_, frame) = self.data?;
            let d = self.scene.problem.data();
            frame.to_px_f([*d.xs.get(i)?, *d.ys.get(i)?])
        } else {
            let layout = self.param?;
            let arrow = self.scene.example_arrows().get(i).copied()?;
            layout.frame.to_px_f(arrow.tip(self.scene.arrow_unit))
        };
        Some(vec![x / dpr, y / dpr])
    }

    /// Where θ is drawn, in CSS pixels of the parameter figure.
    #[wasm_bindgen(js_name = thetaPosition)]
    pub fn theta_position(&self) -> Option<Vec<f64>> {
        let dpr = device_pixel_ratio();
        let (x, y) = self.param?.frame.to_px_f(self.scene.theta());
        Some(vec![x / dpr, y / dpr])
    }

    /// True while the mistaken picture is shown or being animated.
    #[wasm_bindgen(js_name = showsMistakenPicture)]
    pub fn shows_mistaken_picture(&self) -> bool {
        self.scene.state.picture == Picture::Mistaken
    }
}

impl App {
    pub(super) fn highlight(&self) -> Option<usize> {
        self.hover.or(self.scene.state.selected)
    }

    pub(super) fn select(&mut self, hit: Option<usize>) -> bool {
        let selected = if hit.is_some() && hit == self.scene.state.selected {
            None
        } else {
            hit
        };
        let changed = selected != self.scene.state.selected;
        self.scene.state.selected = selected;
        self.overlay_dirty |= changed;
        changed
    }

    pub(super) fn set_theta(&mut self, theta: Theta) {
        self.scene.state.theta = theta;
        self.overlay_dirty = true;
    }

    pub(super) fn set_view(&mut self, view: crate::state::ViewWindow) {
        self.scene.state.view = Some(view);
        self.relayout();
    }

    pub(super) fn relayout(&mut self) {
        self.scene.reframe();
        if let Some(layout) = self.param {
            self.param = Some(param_layout(&self.scene, layout.canvas));
        }
        self.background_dirty = true;
        self.overlay_dirty = true;
    }

    fn replace_state(&mut self, mut state: crate::state::State) {
        if state.selected.is_some_and(|i| i >= state.recipe.n) {
            state.selected = None;
        }
        let data_changed = state.recipe != self.scene.state.recipe;
        if data_changed {
            // New data has a new minimum: frame it again.
            state.view = None;
            self.hover = None;
        }
        self.scene = OnePoint::new(state);
        self.param = self.param.map(|l| param_layout(&self.scene, l.canvas));
        self.data = self.data.map(|(c, _)| (c, data_layout(&self.scene, c)));
        self.background_dirty = true;
        self.overlay_dirty = true;
    }

    fn param_overlay(&self, layout: &ParamLayout) -> ParamOverlay {
        let right = self.scene.example_arrows();
        let arrows = if self.progress >= 1.0 {
            right
        } else {
            let wrong = mistaken_arrows(
                self.scene.problem.moments(),
                &mistaken_places(&self.scene, &layout.frame),
            );
            blend(&wrong, &right, self.progress)
        };
        ParamOverlay {
            arrows,
            show_mean: self.progress >= 1.0,
            highlight: self.highlight(),
        }
    }
}
