//! Scene 3 in the browser: running the four trainings, playing them back
//! in time, and painting the paths, the lines and the loss curves.

use super::app::App;
use super::dom::device_pixel_ratio;
use super::figures::paint;
use crate::core::math::LibmExt;
use crate::core::text::fmt_sig;
use crate::scenes::training::loss_chart::{draw_loss_chart, loss_frame};
use crate::scenes::training::runs::Training;
use crate::scenes::training::trajectories::draw_run_lines;
use crate::scenes::training::trajectories::draw_training_overlay;
use wasm_bindgen::prelude::*;

/// The learning-rate slider spans 10⁻³ … 10 on a log scale.
const LR_DECADES: (f64, f64) = (-3.0, 1.0);

#[wasm_bindgen]
impl App {
    /// Plays scene 3 from the time shown (from the start if at the end).
    pub fn play(&mut self, now_ms: f64) {
        let s = &mut self.model.state;
        if s.at >= s.epochs as f64 {
            s.at = 0.0;
        }
        self.playing = Some((now_ms, s.at));
        self.overlay_dirty = true;
    }

    /// Stops playing, keeping the time shown.
    pub fn pause(&mut self) {
        self.playing = None;
    }

    /// True while scene 3 plays.
    #[wasm_bindgen(js_name = isPlaying)]
    pub fn is_playing(&self) -> bool {
        self.playing.is_some()
    }

    /// Pauses and moves on by one step of the shuffled mini-batch run, B/N epochs.
    #[wasm_bindgen(js_name = stepForward)]
    pub fn step_forward(&mut self) {
        self.playing = None;
        let s = &mut self.model.state;
        let step = s.batch.clamp(1, s.recipe.n) as f64 / s.recipe.n as f64;
        s.at = (s.at + step).min(s.epochs as f64);
        self.overlay_dirty = true;
    }

    /// Pauses and goes back to the start: the same runs play again identically.
    #[wasm_bindgen(js_name = resetTime)]
    pub fn reset_time(&mut self) {
        self.playing = None;
        self.model.state.at = 0.0;
        self.overlay_dirty = true;
    }

    /// Sets η from a log-scale slider position t ∈ [0, 1]: 10^(−3 + 4t), to
    /// three significant digits.
    #[wasm_bindgen(js_name = setLrPosition)]
    pub fn set_lr_position(&mut self, t: f64) -> Result<(), JsError> {
        let lr = 10f64.powf_(LR_DECADES.0 + (LR_DECADES.1 - LR_DECADES.0) * t.clamp(0.0, 1.0));
        let rounded: f64 = fmt_sig(lr, 3)
            .replace('−', "-")
            .replace("×10", "e")
            .parse()
            .unwrap_or(lr);
        self.set_setting("lr", &rounded.to_string())
    }

    /// Where η sits on the log-scale slider.
    #[wasm_bindgen(js_name = lrPosition)]
    pub fn lr_position(&self) -> f64 {
        ((self.model.state.lr.log10_() - LR_DECADES.0) / (LR_DECADES.1 - LR_DECADES.0))
            .clamp(0.0, 1.0)
    }

    /// What the loss chart shows under CSS pixel (x, y): the nearest run's
    /// step, epoch, compute and cost, or "" outside the chart.
    #[wasm_bindgen(js_name = curveHover)]
    pub fn curve_hover(&self, x: f64, y: f64) -> String {
        let (Some(training), Some(size)) = (&self.training, self.loss_size) else {
            return String::new();
        };
        let dpr = device_pixel_ratio();
        let s = &self.model.state;
        let frame = loss_frame(&size, training, s.epochs as f64, s.against_compute);
        let (px, py) = (x * dpr, y * dpr);
        if !frame.contains_px(px, py) {
            return String::new();
        }
        let [u, _] = frame.from_px(px, py);
        let epoch = (if s.against_compute {
            u / training.n as f64
        } else {
            u
        })
        .clamp(0.0, s.at);
        let nearest = training
            .runs
            .iter()
            .map(|run| {
                let step = run.step_at(epoch, training.n);
                let excess = (run.costs[step] - training.c_min).max(f64::MIN_POSITIVE);
                let (_, ry) = frame.to_px_f([0.0, excess.log10_()]);
                (run, step, (ry - py).abs())
            })
            .min_by(|a, b| a.2.total_cmp(&b.2));
        let Some((run, step, _)) = nearest else {
            return String::new();
        };
        format!(
            "{}: step {step}, epoch {}, {} gradient evaluations, C = {}",
            run.kind.label(run.batch),
            fmt_sig(run.epoch_of(step, training.n), 3),
            step * run.batch,
            fmt_sig(run.costs[step], 4)
        )
    }
}

impl App {
    /// Moves scene 3's clock while it plays; stops at the last epoch.
    pub(super) fn advance_playback(&mut self, now_ms: f64) {
        let Some((start, from)) = self.playing else {
            return;
        };
        let s = &mut self.model.state;
        let end = s.epochs as f64;
        let at = from + (now_ms - start).max(0.0) / 1000.0 * s.speed;
        s.at = at.min(end);
        if at >= end {
            self.playing = None;
        }
        self.overlay_dirty = true;
    }

    pub(super) fn render_training(&mut self) -> Result<(), JsError> {
        if self.training.is_none() {
            self.training = Some(Training::new(&self.model));
            self.overlay_dirty = true;
        }
        let f = self.figures();
        let (Some(param), Some((data_canvas, data_frame))) = (f.param, f.data) else {
            return Ok(());
        };
        let (model, training) = (&self.model, self.training.as_ref().expect("just computed"));
        let at = model.state.at.min(model.state.epochs as f64);
        if self.background_dirty {
            f.paint_background(model, &param, (data_canvas, data_frame))?;
        }
        if self.overlay_dirty || self.background_dirty {
            paint(&f.param_overlay, Some(&param.frame), |a| {
                draw_training_overlay(a, model, &param, training, at)
            })?;
            let thetas: Vec<_> = training.positions(at).into_iter().map(|(_, t)| t).collect();
            paint(&f.data_overlay, Some(&data_frame), |a| {
                draw_run_lines(a, &data_canvas, &data_frame, &thetas)
            })?;
            if let Some(size) = self.loss_size {
                let (epochs, compute) = (model.state.epochs as f64, model.state.against_compute);
                paint(&self.loss_canvas, None, |a| {
                    draw_loss_chart(a, &size, training, epochs, at, compute)
                })?;
            }
        }
        Ok(())
    }
}
