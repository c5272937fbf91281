//! Pointer, wheel and keyboard input of [`App`]: events arrive as CSS
//! pixels and key names, and become state changes through the pure
//! modules `hit` and `interaction`.

use super::app::{App, Drag};
use super::dom::device_pixel_ratio;
use crate::page::hit::{nearest_arrow, nearest_point};
use crate::page::interaction::{key_step, pan_view, snap, theta_after_key, zoom_view};
use crate::page::state::Scene;
use wasm_bindgen::prelude::*;

/// How near (CSS pixels) the pointer must be to pick an example.
const PICK_RADIUS: f64 = 12.0;
/// How near (CSS pixels) the pointer must be to grab θ.
const GRAB_RADIUS: f64 = 16.0;

#[wasm_bindgen]
impl App {
    /// A press at CSS pixel (x, y) of figure "param" or "data". Returns true
    /// when the state changed.
    #[wasm_bindgen(js_name = pointerDown)]
    pub fn pointer_down(&mut self, figure: &str, x: f64, y: f64, shift: bool) -> bool {
        let dpr = device_pixel_ratio();
        let p = (x * dpr, y * dpr);
        let scene_one = self.model.state.scene == Scene::OnePoint;
        if figure == "data" {
            if !scene_one {
                return false;
            }
            let Some((_, frame)) = self.figures().data else {
                return false;
            };
            let d = self.model.problem.data();
            let hit = nearest_point(&frame, &d.xs, &d.ys, p, PICK_RADIUS * dpr);
            return self.select(hit);
        }
        let Some(layout) = self.param() else {
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
        let (tx, ty) = frame.to_px_f(self.point_and_view().0);
        if ((tx - p.0).powi(2) + (ty - p.1).powi(2)).sqrt() <= GRAB_RADIUS * dpr {
            self.drag = Some(Drag::Theta);
            return false;
        }
        if scene_one && self.progress >= 1.0 {
            let arrows = self.model.example_arrows();
            if let Some(i) =
                nearest_arrow(&frame, &arrows, self.model.arrow_unit, p, PICK_RADIUS * dpr)
            {
                return self.select(Some(i));
            }
        }
        self.drag = Some(Drag::Theta);
        self.move_point(snap(at, frame.units_per_px()));
        true
    }

    /// A move to CSS pixel (x, y): drags θ or the window, or updates the hover.
    #[wasm_bindgen(js_name = pointerMove)]
    pub fn pointer_move(&mut self, figure: &str, x: f64, y: f64) -> bool {
        let dpr = device_pixel_ratio();
        let p = (x * dpr, y * dpr);
        match (&self.drag, figure) {
            (Some(Drag::Theta), "param") => {
                let Some(layout) = self.param() else {
                    return false;
                };
                let at = layout.frame.from_px(p.0, p.1);
                self.move_point(snap(at, layout.frame.units_per_px()));
                true
            }
            (Some(Drag::Pan { last }), "param") => {
                let Some(layout) = self.param() else {
                    return false;
                };
                let at = layout.frame.from_px(p.0, p.1);
                let view = pan_view(self.point_and_view().1, *last, at);
                // After the pan, the point under the pointer is `last` again.
                self.drag = Some(Drag::Pan { last: *last });
                self.set_view(view);
                true
            }
            _ => {
                let hit = self.hit(figure, p, dpr);
                if hit != self.hover {
                    self.hover = hit;
                    self.overlay_dirty = true;
                }
                false
            }
        }
    }

    /// The end of a press or drag. Returns true when something waits to be
    /// painted (scene 2's spread chart is only remeasured once θ settles).
    #[wasm_bindgen(js_name = pointerUp)]
    pub fn pointer_up(&mut self) -> bool {
        self.drag.take().is_some()
    }

    /// The pointer left a figure: nothing is hovered.
    #[wasm_bindgen(js_name = pointerLeave)]
    pub fn pointer_leave(&mut self) {
        if self.hover.take().is_some() {
            self.overlay_dirty = true;
        }
    }

    /// A key pressed while the parameter figure has focus. Arrows move θ,
    /// "+" and "-" zoom, "0" frames the window again. Returns true if handled.
    pub fn key(&mut self, key: &str, shift: bool) -> bool {
        if let Some(theta) = theta_after_key(
            self.point_and_view().0,
            key,
            key_step(&self.point_and_view().1, shift),
        ) {
            let unit = self.param().map(|l| l.frame.units_per_px()).unwrap_or(0.0);
            self.move_point(snap(theta, unit));
            return true;
        }
        match key {
            "+" | "=" => self.zoom(0.8),
            "-" | "_" => self.zoom(1.25),
            "0" => self.reset_view(),
            "Escape" => return self.select(None),
            _ => return false,
        }
        true
    }

    /// The wheel at CSS pixel (x, y) of the parameter figure: zoom about it.
    pub fn wheel(&mut self, x: f64, y: f64, delta_y: f64) -> bool {
        let dpr = device_pixel_ratio();
        let Some(layout) = self.param() else {
            return false;
        };
        if !layout.frame.contains_px(x * dpr, y * dpr) || delta_y == 0.0 {
            return false;
        }
        let about = layout.frame.from_px(x * dpr, y * dpr);
        let factor = if delta_y > 0.0 { 1.15 } else { 1.0 / 1.15 };
        self.set_view(zoom_view(self.model.view, factor, about));
        true
    }

    /// Zooms about the centre of the window (factor < 1 zooms in).
    pub fn zoom(&mut self, factor: f64) {
        let center = self.model.view.center;
        self.set_view(zoom_view(self.model.view, factor, center));
    }

    /// Frames the window automatically around the minimum again.
    #[wasm_bindgen(js_name = resetView)]
    pub fn reset_view(&mut self) {
        self.model.state.view = None;
        self.relayout();
    }
}

impl App {
    /// The example under pixel p: scene 1 only (scene 2 highlights its batch).
    fn hit(&self, figure: &str, p: (f64, f64), dpr: f64) -> Option<usize> {
        if self.model.state.scene != Scene::OnePoint {
            return None;
        }
        if figure == "data" {
            let (_, frame) = self.figures().data?;
            let d = self.model.problem.data();
            return nearest_point(&frame, &d.xs, &d.ys, p, PICK_RADIUS * dpr);
        }
        let layout = self.param()?;
        if self.progress < 1.0 || !layout.frame.contains_px(p.0, p.1) {
            return None;
        }
        nearest_arrow(
            &layout.frame,
            &self.model.example_arrows(),
            self.model.arrow_unit,
            p,
            PICK_RADIUS * dpr,
        )
    }
}
