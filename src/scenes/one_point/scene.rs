//! Scene 1 as a [`Scene`]: the surface with every example's arrow at θ (or
//! the mistaken picture, animated into the true one), and the data figure.

use crate::page::examples_table::{examples_table, Table};
use crate::page::hit::nearest_arrow;
use crate::page::model::GradArrow;
use crate::page::readout::Readout;
use crate::page::state::ProblemKey;
use crate::render::data_figure::{draw_data_background, draw_data_overlay};
use crate::render::figures::FigureLayouts;
use crate::render::param_figure::{
    draw_param_background, draw_param_overlay, ParamLayout, ParamOverlay,
};
use crate::render::surface_budget::drawing_budget;
use crate::render::{Area, Canvas, DrawResult, HeatmapMode};
use crate::scenes::one_point::captions::one_point_text;
use crate::scenes::one_point::mistaken::{blend, mistaken_arrows, mistaken_places, ANIMATION_MS};
use crate::scenes::one_point::settings::Picture;
use crate::scenes::scene::{CanvasSpec, Ctx, Scene, FIGURE_CANVASES};
use crate::scenes::state::State;
use plotters::prelude::DrawingBackend;
use std::cell::RefCell;

/// The animation between the two pictures: from which progress, to which,
/// starting when.
struct Animation {
    from: f64,
    to: f64,
    start_ms: f64,
}

/// Scene 1.
pub struct OnePoint {
    figures: FigureLayouts,
    /// 0 in the mistaken picture, 1 in the true one, in between while animating.
    progress: f64,
    animation: Option<Animation>,
    /// The heatmap mode: a bitmap on a canvas, cells in SVG.
    heatmap: HeatmapMode,
    /// The mistaken picture's arrows and what they were computed for.
    mistaken: RefCell<Option<(MistakenKey, Vec<GradArrow>)>>,
}

/// What the mistaken arrows depend on: the problem and the window.
type MistakenKey = (ProblemKey, (f64, f64), (f64, f64));

impl OnePoint {
    /// Scene 1 showing the picture of `state`.
    pub fn new(state: &State, heatmap: HeatmapMode) -> Self {
        Self {
            figures: FigureLayouts::default(),
            progress: picture_progress(state.one_point.picture),
            animation: None,
            heatmap,
            mistaken: RefCell::new(None),
        }
    }

    fn overlay(&self, ctx: &Ctx, layout: &ParamLayout) -> ParamOverlay {
        let right = ctx.model.example_arrows();
        let arrows = if self.progress >= 1.0 {
            right
        } else {
            let key = (
                ctx.state.shared.problem_key(),
                layout.frame.x,
                layout.frame.y,
            );
            let mut cache = self.mistaken.borrow_mut();
            if cache.as_ref().is_none_or(|(k, _)| *k != key) {
                let places = mistaken_places(ctx.model, &layout.frame);
                *cache = Some((key, mistaken_arrows(ctx.model, &places)));
            }
            let wrong = &cache.as_ref().expect("just filled").1;
            blend(wrong, &right, self.progress)
        };
        ParamOverlay {
            arrows,
            show_mean: self.progress >= 1.0,
            highlight: ctx.highlight(),
        }
    }
}

fn picture_progress(p: Picture) -> f64 {
    match p {
        Picture::True => 1.0,
        Picture::Mistaken => 0.0,
    }
}

impl<DB: DrawingBackend> Scene<DB> for OnePoint {
    fn canvases(&self) -> &'static [CanvasSpec] {
        &FIGURE_CANVASES
    }

    fn layout(&mut self, ctx: &Ctx, sizes: &[Canvas]) {
        self.figures = FigureLayouts::new(ctx.model, sizes[0], sizes[2]);
    }

    fn update(&mut self, ctx: &Ctx) -> bool {
        self.figures.relayout(ctx.model);
        if self.animation.is_none() {
            self.progress = picture_progress(ctx.state.one_point.picture);
        }
        false
    }

    fn draw(&self, ctx: &Ctx, index: usize, area: &Area<DB>) -> DrawResult {
        let (Some(param), Some((canvas, frame))) = (self.figures.param, self.figures.data) else {
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
            1 => draw_param_overlay(area, model, &param, &self.overlay(ctx, &param)),
            2 => draw_data_background(area, model, &canvas, &frame),
            _ => {
                let highlight = ctx.highlight();
                draw_data_overlay(area, model, &canvas, &frame, highlight.as_slice(), true)
            }
        }
    }

    fn figures(&self) -> &FigureLayouts {
        &self.figures
    }

    fn table(&self, ctx: &Ctx) -> Option<Table> {
        Some(examples_table(ctx.model, ctx.highlight()))
    }

    fn texts(&self, ctx: &Ctx) -> Vec<Readout> {
        let mistaken = ctx.state.one_point.picture == Picture::Mistaken;
        let mut texts = one_point_text(
            ctx.model,
            ctx.state.one_point.picture,
            ctx.highlight(),
            self.progress,
        );
        texts.push(Readout::new(
            "picture-label",
            if mistaken {
                "Show the true picture"
            } else {
                "Show the mistaken picture"
            }
            .into(),
        ));
        texts
    }

    fn flags(&self, ctx: &Ctx) -> Vec<(&'static str, bool)> {
        vec![("mistaken", ctx.state.one_point.picture == Picture::Mistaken)]
    }

    fn data_editable(&self, _ctx: &Ctx) -> bool {
        true
    }

    fn pick(&self, ctx: &Ctx, figure: &str, p: (f64, f64), radius: f64) -> Option<usize> {
        if figure == "data" {
            return self.figures.pick_data(ctx.model, p, radius);
        }
        let layout = self.figures.param?;
        if self.progress < 1.0 || !layout.frame.contains_px(p.0, p.1) {
            return None;
        }
        let arrows = ctx.model.example_arrows();
        nearest_arrow(&layout.frame, &arrows, ctx.model.arrow_unit, p, radius)
    }

    /// "toggle-picture": switches picture, animated unless `arg` is 1
    /// (reduced motion).
    fn action(
        &mut self,
        state: &mut State,
        name: &str,
        arg: f64,
        now_ms: f64,
    ) -> Result<(), String> {
        if name != "toggle-picture" {
            return Err(format!("scene 1 has no action \"{name}\""));
        }
        let picture = match state.one_point.picture {
            Picture::True => Picture::Mistaken,
            Picture::Mistaken => Picture::True,
        };
        state.one_point.picture = picture;
        let to = picture_progress(picture);
        self.animation = (arg != 1.0).then_some(Animation {
            from: self.progress,
            to,
            start_ms: now_ms,
        });
        if self.animation.is_none() {
            self.progress = to;
        }
        Ok(())
    }

    fn tick(&mut self, _state: &mut State, now_ms: f64) -> bool {
        let Some(a) = &self.animation else {
            return false;
        };
        let t = ((now_ms - a.start_ms) / (ANIMATION_MS * (a.to - a.from).abs().max(0.05)))
            .clamp(0.0, 1.0);
        self.progress = a.from + (a.to - a.from) * t;
        if t >= 1.0 {
            self.animation = None;
        }
        true
    }
}
