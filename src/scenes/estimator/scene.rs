//! Scene 2 as a [`Scene`]: the cloud of mini-batch estimates at θ, the last
//! batch on the data, and the spread against batch size.

use crate::core::rng::fresh_seed;
use crate::core::sampler::SamplingMode;
use crate::core::Theta;
use crate::page::examples_table::{examples_table, Table};
use crate::page::readout::Readout;
use crate::page::state::ProblemKey;
use crate::render::data_figure::{draw_data_background, draw_data_overlay};
use crate::render::figures::FigureLayouts;
use crate::render::param_figure::draw_param_background;
use crate::render::surface_budget::drawing_budget;
use crate::render::{Area, Canvas, DrawResult, HeatmapMode};
use crate::scenes::estimator::captions::estimator_text;
use crate::scenes::estimator::cloud::BatchCloud;
use crate::scenes::estimator::cloud_figure::draw_cloud_overlay;
use crate::scenes::estimator::settings::MAX_DRAWS;
use crate::scenes::estimator::spread::{measure_spread, SpreadPoint};
use crate::scenes::estimator::spread_chart::{draw_spread_chart, SpreadChart};
use crate::scenes::scene::{CanvasSpec, Ctx, Layer, Scene, FIGURE_CANVASES};
use crate::scenes::state::State;
use plotters::prelude::DrawingBackend;

const CANVASES: [CanvasSpec; 5] = [
    FIGURE_CANVASES[0],
    FIGURE_CANVASES[1],
    FIGURE_CANVASES[2],
    FIGURE_CANVASES[3],
    CanvasSpec {
        name: "spread",
        layer: Layer::Overlay,
    },
];

/// What the cloud is drawn from: when any of it changes, the cloud is drawn again.
type CloudKey = (ProblemKey, Theta, usize, u32, SamplingMode, usize);
/// What the spread is measured from.
type SpreadKey = (ProblemKey, Theta, u32, SamplingMode);

/// Draws per batch size behind each point of the spread chart.
fn spread_draws(n: usize) -> usize {
    if n <= 2000 {
        400
    } else {
        200
    }
}

/// Scene 2.
pub struct Estimator {
    figures: FigureLayouts,
    spread_size: Option<Canvas>,
    cloud: Option<(CloudKey, BatchCloud)>,
    spread: Option<(SpreadKey, Vec<SpreadPoint>)>,
    heatmap: HeatmapMode,
}

impl Estimator {
    /// Scene 2, with nothing computed yet.
    pub fn new(heatmap: HeatmapMode) -> Self {
        Self {
            figures: FigureLayouts::default(),
            spread_size: None,
            cloud: None,
            spread: None,
            heatmap,
        }
    }
}

impl<DB: DrawingBackend> Scene<DB> for Estimator {
    fn canvases(&self) -> &'static [CanvasSpec] {
        &CANVASES
    }

    fn layout(&mut self, ctx: &Ctx, sizes: &[Canvas]) {
        self.figures = FigureLayouts::new(ctx.model, sizes[0], sizes[2]);
        self.spread_size = sizes.get(4).copied();
    }

    fn update(&mut self, ctx: &Ctx) -> bool {
        self.figures.relayout(ctx.model);
        let (s, e) = (&ctx.state.shared, &ctx.state.estimator);
        let cloud_key = (
            s.problem_key(),
            s.theta,
            s.batch,
            s.draw_seed,
            e.mode,
            e.draws,
        );
        if self.cloud.as_ref().is_none_or(|(k, _)| *k != cloud_key) {
            self.cloud = Some((cloud_key, BatchCloud::new(ctx.model, e)));
        }
        // The spread takes thousands of draws: measured once θ settles.
        let spread_key = (s.problem_key(), s.theta, s.draw_seed, e.mode);
        if !ctx.dragging && self.spread.as_ref().is_none_or(|(k, _)| *k != spread_key) {
            let n = ctx.model.problem.num_examples();
            let points = measure_spread(
                &ctx.model.problem,
                s.theta,
                e.mode,
                s.draw_seed,
                spread_draws(n),
            );
            self.spread = Some((spread_key, points));
        }
        false
    }

    fn draw(&self, ctx: &Ctx, index: usize, area: &Area<DB>) -> DrawResult {
        let (Some(param), Some((canvas, frame)), Some((_, cloud))) =
            (self.figures.param, self.figures.data, &self.cloud)
        else {
            return Ok(());
        };
        let model = ctx.model;
        match index {
            0 => draw_param_background(
                area,
                model,
                &param,
                self.heatmap,
                drawing_budget(ctx.dragging),
                ctx.grids,
            ),
            1 => draw_cloud_overlay(area, model, &param, cloud),
            2 => draw_data_background(area, model, &canvas, &frame),
            3 => {
                let batch: Vec<usize> = cloud.last_batch.iter().map(|&i| i as usize).collect();
                draw_data_overlay(area, model, &canvas, &frame, &batch, false)
            }
            _ => {
                let (Some(size), Some((_, measured))) = (self.spread_size, &self.spread) else {
                    return Ok(());
                };
                let chart = SpreadChart {
                    n: model.problem.num_examples(),
                    sigma: cloud.sigma,
                    measured,
                    current: cloud.batch,
                };
                draw_spread_chart(area, &size, &chart)
            }
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
        match &self.cloud {
            Some((_, cloud)) => estimator_text(ctx.model, cloud),
            None => Vec::new(),
        }
    }

    /// "draw" adds `arg` batches to the cloud (at most 20,000); "clear-draws"
    /// empties it and picks a fresh seed for the next draws.
    fn action(
        &mut self,
        state: &mut State,
        name: &str,
        arg: f64,
        _now_ms: f64,
    ) -> Result<(), String> {
        let e = &mut state.estimator;
        match name {
            "draw" if arg.is_finite() && arg >= 1.0 => {
                e.draws = (e.draws + arg as usize).min(MAX_DRAWS);
            }
            "clear-draws" => {
                e.draws = 0;
                state.shared.draw_seed = fresh_seed();
            }
            _ => return Err(format!("scene 2 has no action \"{name}\" with {arg}")),
        }
        Ok(())
    }
}
