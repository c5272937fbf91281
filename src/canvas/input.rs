//! Pointer, wheel and keyboard input of [`App`]: events arrive as CSS
//! pixels and key names, and become state changes through the pure modules
//! `page::interaction` and the active scene's `point`, `move_point` and `pick`.

use super::app::{App, Drag};
use super::dom::device_pixel_ratio;
use crate::core::geometry::ViewWindow;
use crate::core::Theta;
use crate::page::interaction::{
    key_step, pan_view, snap, step_selection, theta_after_key, zoom_view,
};
use wasm_bindgen::prelude::*;

/// How near (CSS pixels) the pointer must be to pick an example.
const PICK_RADIUS: f64 = 12.0;
/// How near (CSS pixels) the pointer must be to grab θ.
const GRAB_RADIUS: f64 = 16.0;
/// The wheel zooms by this factor per notch.
const WHEEL_ZOOM: f64 = 1.15;

#[wasm_bindgen]
impl App {
    /// A press at CSS pixel (x, y) of figure "param" or "data". Returns true
    /// when the state changed. With `lock=1` it picks examples and pans, and
    /// never moves θ.
    #[wasm_bindgen(js_name = pointerDown)]
    pub fn pointer_down(&mut self, figure: &str, x: f64, y: f64, shift: bool) -> bool {
        let dpr = device_pixel_ratio();
        let p = (x * dpr, y * dpr);
        if figure == "data" {
            return self.data_pointer_down(p, PICK_RADIUS * dpr);
        }
        let Some(layout) = self.scene.param_layout() else {
            return false;
        };
        let frame = layout.frame;
        if !frame.contains_px(p.0, p.1) {
            return false;
        }
        let at = frame.from_px(p.0, p.1);
        if shift {
            self.drag = Some(Drag::Pan { last: at });
            return false;
        }
        let locked = self.state.presentation.lock;
        let (tx, ty) = frame.to_px_f(self.scene.point(&self.ctx()).0);
        if !locked && ((tx - p.0).powi(2) + (ty - p.1).powi(2)).sqrt() <= GRAB_RADIUS * dpr {
            self.drag = Some(Drag::Point);
            return false;
        }
        if let Some(i) = self.scene.pick(&self.ctx(), "param", p, PICK_RADIUS * dpr) {
            return self.select(Some(i));
        }
        if locked {
            return false;
        }
        self.drag = Some(Drag::Point);
        self.move_point(snap(at, frame.units_per_px()));
        true
    }

    /// A move to CSS pixel (x, y): drags the point or the window, or updates the hover.
    #[wasm_bindgen(js_name = pointerMove)]
    pub fn pointer_move(&mut self, figure: &str, x: f64, y: f64) -> bool {
        let dpr = device_pixel_ratio();
        let p = (x * dpr, y * dpr);
        let layout = self.scene.param_layout();
        match (&self.drag, figure, layout) {
            (Some(Drag::Point), "param", Some(layout)) => {
                let at = layout.frame.from_px(p.0, p.1);
                self.move_point(snap(at, layout.frame.units_per_px()));
                true
            }
            (&Some(Drag::Example { index, moved, .. }), "data", _) => {
                let Some(frame) = self.scene.data_frame() else {
                    return false;
                };
                let at = frame.from_px(p.0, p.1);
                self.drag = Some(Drag::Example {
                    index,
                    moved: true,
                    was_selected: false,
                });
                self.move_example(index, at, !moved);
                true
            }
            (Some(Drag::Pan { last }), "param", Some(layout)) => {
                let last = *last;
                let at = layout.frame.from_px(p.0, p.1);
                // After the pan, the point under the pointer is `last` again.
                let view = pan_view(self.scene.point(&self.ctx()).1, last, at);
                self.set_view(Some(view));
                true
            }
            _ => {
                let hit = self.scene.pick(&self.ctx(), figure, p, PICK_RADIUS * dpr);
                if hit != self.hover {
                    self.hover = hit;
                    self.refresh(false);
                }
                false
            }
        }
    }

    /// The end of a press or drag. Returns true when something waits to be
    /// painted (what is measured only once θ settles).
    #[wasm_bindgen(js_name = pointerUp)]
    pub fn pointer_up(&mut self) -> bool {
        if let Some(Drag::Example {
            moved: false,
            was_selected: true,
            ..
        }) = self.drag
        {
            self.drag = None;
            return self.select(None);
        }
        match self.drag.take() {
            // Costly surfaces were drawn coarsely while a point moved
            // (render::surface_budget::drawing_budget): draw them in full.
            Some(Drag::Example { moved: true, .. }) => self.refresh(true),
            Some(_) => self.refresh(false),
            None => return false,
        }
        true
    }

    /// The pointer left a figure: nothing is hovered.
    #[wasm_bindgen(js_name = pointerLeave)]
    pub fn pointer_leave(&mut self) {
        if self.hover.take().is_some() {
            self.refresh(false);
        }
    }

    /// A key pressed while a figure has focus. Arrows move the point (not
    /// with `lock=1`), "+" and "-" zoom, "0" frames the window again, "]" and
    /// "[" select the next or previous example, Escape drops the selection.
    /// Returns true if handled.
    pub fn key(&mut self, key: &str, shift: bool) -> bool {
        let (point, view) = self.scene.point(&self.ctx());
        let moved = theta_after_key(point, key, key_step(&view, shift));
        if let Some(theta) = moved.filter(|_| !self.state.presentation.lock) {
            let unit = self
                .scene
                .param_layout()
                .map(|l| l.frame.units_per_px())
                .unwrap_or(0.0);
            self.move_point(snap(theta, unit));
            return true;
        }
        match key {
            "Delete" | "Backspace"
                if !self.state.presentation.lock && self.scene.data_editable(&self.ctx()) =>
            {
                return self.delete_selected()
            }
            "+" | "=" => self.zoom(0.8),
            "-" | "_" => self.zoom(1.25),
            "0" => self.reset_view(),
            "Escape" => return self.select(None),
            "]" | "[" => {
                let n = self.state.shared.recipe.n;
                let next = step_selection(self.state.shared.selected, n, key == "]");
                return next != self.state.shared.selected && self.select(next);
            }
            _ => return false,
        }
        true
    }

    /// A key on a focused chart `plot` (the loss chart): ← and → move the
    /// reading by one step, Home and End to either end (the first press
    /// starts at the end). Returns what the chart shows there, or "" for
    /// another key or a chart that cannot be read.
    #[wasm_bindgen(js_name = readKey)]
    pub fn read_key(&mut self, plot: &str, key: &str) -> String {
        let Some((last, step)) = self.scene.reading_range(&self.ctx(), plot) else {
            return String::new();
        };
        let now = self.reading.unwrap_or(last).clamp(0.0, last);
        let next = match key {
            "ArrowRight" if self.reading.is_some() => now + step,
            "ArrowLeft" if self.reading.is_some() => now - step,
            "ArrowRight" | "ArrowLeft" | "End" => last,
            "Home" => 0.0,
            _ => return String::new(),
        };
        // Whole steps, so a reading never drifts by rounding.
        let at = ((next / step).round() * step).clamp(0.0, last);
        self.reading = Some(at);
        self.scene.read_at(&self.ctx(), plot, at)
    }

    /// The wheel at CSS pixel (x, y) of the parameter figure: zoom about it.
    pub fn wheel(&mut self, x: f64, y: f64, delta_y: f64) -> bool {
        let dpr = device_pixel_ratio();
        let Some(layout) = self.scene.param_layout() else {
            return false;
        };
        if !layout.frame.contains_px(x * dpr, y * dpr) || delta_y == 0.0 {
            return false;
        }
        let about = layout.frame.from_px(x * dpr, y * dpr);
        let factor = if delta_y > 0.0 {
            WHEEL_ZOOM
        } else {
            1.0 / WHEEL_ZOOM
        };
        let (_, shown) = self.scene.point(&self.ctx());
        self.set_view(Some(zoom_view(shown, factor, about)));
        true
    }

    /// Where example `i` is drawn, in CSS pixels of the active scene's figure
    /// "param" (its arrow's tip) or "data" (its point): for tests and
    /// tutorials that point at an example.
    #[wasm_bindgen(js_name = examplePosition)]
    pub fn example_position(&self, figure: &str, i: usize) -> Option<Vec<f64>> {
        let dpr = device_pixel_ratio();
        let (x, y) = if figure == "data" {
            let d = self.model.problem.data();
            self.scene
                .data_frame()?
                .to_px_f([*d.xs.get(i)?, *d.ys.get(i)?])
        } else {
            let arrow = self.model.example_arrows().get(i).copied()?;
            self.scene
                .param_layout()?
                .frame
                .to_px_f(arrow.tip(self.model.arrow_unit))
        };
        Some(vec![x / dpr, y / dpr])
    }

    /// Where the draggable point (θ) is drawn, in CSS pixels.
    #[wasm_bindgen(js_name = thetaPosition)]
    pub fn theta_position(&self) -> Option<Vec<f64>> {
        let dpr = device_pixel_ratio();
        let point = self.scene.point(&self.ctx()).0;
        let (x, y) = self.scene.param_layout()?.frame.to_px_f(point);
        Some(vec![x / dpr, y / dpr])
    }
}

impl App {
    /// Selects example `hit` (or none); the same one again deselects it.
    /// A press on the data figure: on an example, selects it and may drag
    /// it; on empty space inside the plot, adds an example there (not with
    /// `lock=1`, where it only picks).
    fn data_pointer_down(&mut self, p: (f64, f64), radius: f64) -> bool {
        let hit = self.scene.pick(&self.ctx(), "data", p, radius);
        let locked = self.state.presentation.lock || !self.scene.data_editable(&self.ctx());
        match hit {
            Some(i) if locked => self.select(Some(i)),
            Some(i) => {
                let was_selected = self.state.shared.selected == Some(i);
                self.drag = Some(Drag::Example {
                    index: i,
                    moved: false,
                    was_selected,
                });
                !was_selected && self.select(Some(i))
            }
            None if locked => false,
            None => {
                let Some(frame) = self.scene.data_frame() else {
                    return false;
                };
                if !frame.contains_px(p.0, p.1) {
                    return false;
                }
                let at = frame.from_px(p.0, p.1);
                self.add_example(at)
            }
        }
    }

    fn select(&mut self, hit: Option<usize>) -> bool {
        let selected = if hit.is_some() && hit == self.state.shared.selected {
            None
        } else {
            hit
        };
        if selected == self.state.shared.selected {
            return false;
        }
        let mut next = self.state.clone();
        next.shared.selected = selected;
        self.commit(next);
        true
    }

    fn move_point(&mut self, to: Theta) {
        let mut next = self.state.clone();
        self.scene.move_point(&mut next, to);
        self.commit(next);
    }

    /// Sets the shared window (`None`: framed automatically), unless the
    /// scene shows a fixed window of its own.
    fn set_view(&mut self, view: Option<ViewWindow>) {
        if !self.scene.zoomable(&self.ctx()) {
            return;
        }
        let mut next = self.state.clone();
        next.shared.view = view;
        self.commit(next);
    }

    pub(super) fn zoom(&mut self, factor: f64) {
        // The window the scene shows (scene 3 frames its runs), not the shared default.
        let (_, shown) = self.scene.point(&self.ctx());
        self.set_view(Some(zoom_view(shown, factor, shown.center)));
    }

    pub(super) fn reset_view(&mut self) {
        self.set_view(None);
    }
}
