//! Scene 3 as a [`Scene`]: four training runs from θ, played back in time,
//! with their lines on the data and their loss curves.

use crate::core::geometry::{PlotFrame, ViewWindow};
use crate::core::math::LibmExt;
use crate::core::Theta;
use crate::page::examples_table::{examples_table, Table};
use crate::page::readout::Readout;
use crate::page::state::ProblemKey;
use crate::render::data_figure::draw_data_background;
use crate::render::figures::FigureLayouts;
use crate::render::param_figure::{draw_param_background, layout_for_view};
use crate::render::surface_budget::drawing_budget;
use crate::render::{Area, Canvas, DrawResult, HeatmapMode};
use crate::scenes::scene::{CanvasSpec, Ctx, Layer, Scene, FIGURE_CANVASES};
use crate::scenes::state::State;
use crate::scenes::training::captions::{run_at_step, training_text};
use crate::scenes::training::framing::framed_view;
use crate::scenes::training::loss_chart::{draw_loss_curves, draw_loss_time, loss_frame};
use crate::scenes::training::runs::Training;
use crate::scenes::training::trajectories::{draw_run_lines, draw_training_overlay};
use plotters::prelude::DrawingBackend;
use std::cell::Cell;

const CANVASES: [CanvasSpec; 6] = [
    FIGURE_CANVASES[0],
    FIGURE_CANVASES[1],
    FIGURE_CANVASES[2],
    FIGURE_CANVASES[3],
    CanvasSpec {
        name: "loss-curves",
        layer: Layer::Background,
    },
    CanvasSpec {
        name: "loss",
        layer: Layer::Overlay,
    },
];
/// Where the loss chart's canvases are in [`CANVASES`].
const LOSS_CURVES: usize = 4;

/// What the runs are computed from: data, θ₀, B, seed, η, epochs, decay.
type RunsKey = (ProblemKey, Theta, usize, u32, f64, usize, bool);

/// What the loss chart's curves are drawn from: the runs, the x axis
/// (epochs or compute), the canvas, and the time they are drawn up to
/// (`None`: the whole runs, while playing).
type CurvesKey = (RunsKey, bool, Option<Canvas>, Option<u64>);

/// Scene 3.
pub struct TrainingScene {
    figures: FigureLayouts,
    loss_size: Option<Canvas>,
    runs: Option<(RunsKey, Training)>,
    /// The window shown: the shared one, or one framing the runs.
    view: Option<ViewWindow>,
    /// The last window framed on the runs, and the runs it was framed for
    /// (kept while it still frames them).
    framed: Option<(RunsKey, ViewWindow)>,
    /// While playing: when it started (ms) and from which epoch.
    playing: Option<(f64, f64)>,
    heatmap: HeatmapMode,
    /// What the loss chart's curves show now, and what its background
    /// canvas was last painted with.
    curves: Option<CurvesKey>,
    curves_painted: Cell<Option<CurvesKey>>,
    /// The parameter figure's frame its background was last painted for.
    param_painted: Cell<Option<PlotFrame>>,
}

impl TrainingScene {
    /// Scene 3, paused, with nothing computed yet.
    pub fn new(heatmap: HeatmapMode) -> Self {
        Self {
            figures: FigureLayouts::default(),
            loss_size: None,
            runs: None,
            view: None,
            framed: None,
            playing: None,
            heatmap,
            curves: None,
            curves_painted: Cell::new(None),
            param_painted: Cell::new(None),
        }
    }

    fn training(&self) -> Option<&Training> {
        self.runs.as_ref().map(|(_, t)| t)
    }

    /// Whether the loss chart's background shows other curves than it should.
    fn curves_due(&self) -> bool {
        self.curves_painted.get() != self.curves
    }
}

/// The time shown, within the runs' length.
fn shown_at(state: &State) -> f64 {
    state.training.at.min(state.training.epochs as f64)
}

impl<DB: DrawingBackend> Scene<DB> for TrainingScene {
    fn canvases(&self) -> &'static [CanvasSpec] {
        &CANVASES
    }

    fn layout(&mut self, ctx: &Ctx, sizes: &[Canvas]) {
        self.figures = FigureLayouts::new(ctx.model, sizes[0], sizes[2]);
        if let Some(view) = self.view {
            self.figures.param = Some(layout_for_view(view, sizes[0]));
        }
        self.loss_size = sizes.get(LOSS_CURVES).copied();
    }

    fn update(&mut self, ctx: &Ctx) -> bool {
        let before = self.figures.param.map(|l| l.frame);
        self.figures.relayout(ctx.model);
        let (s, t) = (&ctx.state.shared, &ctx.state.training);
        let key = (
            s.problem_key(),
            s.theta,
            s.batch,
            s.draw_seed,
            s.lr,
            t.epochs,
            t.decay,
        );
        if self.runs.as_ref().is_none_or(|(k, _)| *k != key) {
            self.runs = Some((key, Training::new(ctx.model, t)));
        }
        // Unless the student set a window, frame the runs, once per set of
        // runs (not every frame of Play); while θ₀ is being dragged the
        // window holds still under the pointer.
        let framed_for = self.framed.map(|(k, _)| k);
        if s.view.is_none() && !ctx.dragging && framed_for != Some(key) {
            let previous = self.framed.map(|(_, v)| v);
            if let Some((_, training)) = &self.runs {
                self.framed = Some((key, framed_view(ctx.model, training, previous)));
            }
        }
        self.view = s.view.or(self.framed.map(|(_, v)| v));
        if let (Some(view), Some(layout)) = (self.view, self.figures.param) {
            self.figures.param = Some(layout_for_view(view, layout.canvas));
        }
        // While the runs play, the chart's background holds their whole
        // curves and only its cover moves (draw_loss_time).
        let until = self
            .playing
            .is_none()
            .then(|| shown_at(ctx.state).to_bits());
        self.curves = Some((key, t.against_compute, self.loss_size, until));
        before != self.figures.param.map(|l| l.frame) || self.curves_due()
    }

    /// The figures' backgrounds when the parameter figure's frame moved,
    /// the loss chart's when its curves changed.
    fn repaints(&self, index: usize) -> bool {
        if index == LOSS_CURVES {
            self.curves_due()
        } else {
            self.param_painted.get() != self.figures.param.map(|l| l.frame)
        }
    }

    fn point(&self, ctx: &Ctx) -> (Theta, ViewWindow) {
        (ctx.state.shared.theta, self.view.unwrap_or(ctx.model.view))
    }

    fn draw(&self, ctx: &Ctx, index: usize, area: &Area<DB>) -> DrawResult {
        let (Some(param), Some((canvas, frame)), Some(training)) =
            (self.figures.param, self.figures.data, self.training())
        else {
            return Ok(());
        };
        let (model, at) = (ctx.model, shown_at(ctx.state));
        match index {
            0 => {
                self.param_painted.set(Some(param.frame));
                draw_param_background(
                    area,
                    model,
                    &param,
                    self.heatmap,
                    drawing_budget(ctx.dragging),
                    ctx.grids,
                )
            }
            1 => draw_training_overlay(area, model, &param, training, at),
            2 => draw_data_background(area, model, &canvas, &frame),
            3 => {
                let thetas: Vec<_> = training.positions(at).into_iter().map(|(_, t)| t).collect();
                draw_run_lines(area, &canvas, &frame, &thetas, model.loss())
            }
            LOSS_CURVES => match self.loss_size {
                Some(size) => {
                    self.curves_painted.set(self.curves);
                    let t = &ctx.state.training;
                    let until = if self.playing.is_some() {
                        t.epochs as f64
                    } else {
                        at
                    };
                    draw_loss_curves(
                        area,
                        &size,
                        training,
                        t.epochs as f64,
                        until,
                        t.against_compute,
                    )
                }
                None => Ok(()),
            },
            _ => match self.loss_size {
                Some(size) => {
                    let t = &ctx.state.training;
                    draw_loss_time(
                        area,
                        &size,
                        training,
                        t.epochs as f64,
                        at,
                        t.against_compute,
                        self.playing.is_some(),
                    )
                }
                None => Ok(()),
            },
        }
    }

    fn data_editable(&self, _ctx: &Ctx) -> bool {
        true
    }

    fn pick(&self, ctx: &Ctx, figure: &str, p: (f64, f64), radius: f64) -> Option<usize> {
        (figure == "data")
            .then(|| self.figures.pick_data(ctx.model, p, radius))
            .flatten()
    }

    fn figures(&self) -> &FigureLayouts {
        &self.figures
    }

    fn table(&self, ctx: &Ctx) -> Option<Table> {
        Some(examples_table(ctx.model, ctx.highlight()))
    }

    fn texts(&self, ctx: &Ctx) -> Vec<Readout> {
        let mut texts = match self.training() {
            Some(t) => training_text(
                ctx.model,
                &ctx.state.training,
                t,
                ctx.state.training.at,
                ctx.state.presentation.lock,
            ),
            None => Vec::new(),
        };
        let label = if self.playing.is_some() {
            "Pause"
        } else {
            "Play"
        };
        texts.push(Readout::new("play-label", label.into()));
        texts
    }

    fn flags(&self, _ctx: &Ctx) -> Vec<(&'static str, bool)> {
        vec![("playing", self.playing.is_some())]
    }

    /// "play" plays or pauses (from the start if at the end); "step" pauses
    /// and moves on by one step of the mini-batch run, B/N epochs; "reset"
    /// pauses and goes back to the start (the same runs play again).
    fn action(
        &mut self,
        state: &mut State,
        name: &str,
        _arg: f64,
        now_ms: f64,
    ) -> Result<(), String> {
        let (t, n) = (&mut state.training, state.shared.recipe.n);
        match name {
            "play" if self.playing.is_some() => self.playing = None,
            "play" => {
                if t.at >= t.epochs as f64 {
                    t.at = 0.0;
                }
                self.playing = Some((now_ms, t.at));
            }
            "pause" => self.playing = None,
            "step" => {
                self.playing = None;
                let step = state.shared.batch.clamp(1, n) as f64 / n as f64;
                t.at = (t.at + step).min(t.epochs as f64);
            }
            "reset" => {
                self.playing = None;
                t.at = 0.0;
            }
            _ => return Err(format!("scene 3 has no action \"{name}\"")),
        }
        Ok(())
    }

    fn tick(&mut self, state: &mut State, now_ms: f64) -> bool {
        let Some((start, from)) = self.playing else {
            return false;
        };
        let t = &mut state.training;
        let end = t.epochs as f64;
        let at = from + (now_ms - start).max(0.0) / 1000.0 * t.speed;
        // Playing time goes into links: a thousandth of an epoch is finer
        // than any frame, and "7.787" reads better than 7.786799999999814.
        t.at = ((at * 1000.0).round() / 1000.0).min(end);
        if at >= end {
            self.playing = None;
        }
        true
    }

    /// The loss chart under device pixel (x, y): the nearest run's step,
    /// epoch, compute and cost, or "" outside the chart.
    /// The loss chart is read by epoch, a tenth of an epoch per key, up to
    /// the time shown (`at`, which a link may set past the last epoch).
    fn reading_range(&self, ctx: &Ctx, plot: &str) -> Option<(f64, f64)> {
        let s = &ctx.state.training;
        (plot == "loss" && self.training().is_some()).then_some((s.at.min(s.epochs as f64), 0.1))
    }

    /// Every run at epoch `at`: its step, compute and cost.
    fn read_at(&self, ctx: &Ctx, plot: &str, at: f64) -> String {
        let (Some(training), "loss") = (self.training(), plot) else {
            return String::new();
        };
        let s = &ctx.state.training;
        let epoch = at.clamp(0.0, s.at.min(s.epochs as f64));
        let runs: Vec<String> = training
            .runs
            .iter()
            .map(|run| run_at_step(run, run.step_at(epoch, training.n), None))
            .collect();
        format!("Epoch {epoch:.1}: {}.", runs.join("; "))
    }

    fn hover_text(&self, ctx: &Ctx, plot: &str, px: f64, py: f64) -> String {
        let (Some(training), Some(size), "loss") = (self.training(), self.loss_size, plot) else {
            return String::new();
        };
        let s = &ctx.state.training;
        let frame = loss_frame(&size, training, s.epochs as f64, s.against_compute);
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
                let excess = (run.cost_at(step).1 - training.c_min).max(f64::MIN_POSITIVE);
                let (_, ry) = frame.to_px_f([0.0, excess.log10_()]);
                (run, step, (ry - py).abs())
            })
            .min_by(|a, b| a.2.total_cmp(&b.2));
        let Some((run, step, _)) = nearest else {
            return String::new();
        };
        run_at_step(run, step, Some(training.n))
    }
}
