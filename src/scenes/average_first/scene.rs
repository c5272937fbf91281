//! Scene 4 as a [`Scene`]: the part shown (averaged inputs, a linear cost,
//! a maximum cost, a tiny network), its surface, the true gradient next to
//! the shortcut, and where the pointer's point lives (θ, or two of the
//! network's parameters on a slice with a window of its own).

use crate::core::data::DataRecipe;
use crate::core::geometry::{PlotFrame, ViewWindow};
use crate::core::Theta;
use crate::page::examples_table::{examples_table, with_averaged_example, Table};
use crate::page::readout::Readout;
use crate::render::data_figure::{draw_data_background, draw_data_overlay};
use crate::render::figures::FigureLayouts;
use crate::render::param_figure::ParamLayout;
use crate::render::{Area, Canvas, DrawResult, HeatmapMode};
use crate::scenes::average_first::captions::average_text;
use crate::scenes::average_first::figure::{
    draw_average_background, draw_average_overlay, draw_centroid,
};
use crate::scenes::average_first::network::{param_name, Network, HIDDEN_RANGE};
use crate::scenes::average_first::network_figure::{
    draw_network_curve, draw_network_points, network_layout,
};
use crate::scenes::average_first::parts::worst_example;
use crate::scenes::average_first::settings::{AverageSettings, Part};
use crate::scenes::scene::{CanvasSpec, Ctx, Scene, FIGURE_CANVASES};
use crate::scenes::state::State;
use plotters::prelude::DrawingBackend;

/// What the network is built from; where it stands is applied on top.
type NetworkKey = (DataRecipe, usize, Option<[usize; 2]>);

/// Scene 4.
pub struct AverageFirst {
    figures: FigureLayouts,
    /// The network, built once per data, H and slice (only in its part).
    network: Option<(NetworkKey, Network)>,
    /// What the background was last painted for: part, valley, network.
    drawn_surface: Option<(Part, bool, Option<NetworkKey>)>,
    heatmap: HeatmapMode,
}

impl AverageFirst {
    /// Scene 4, with nothing computed yet. `heatmap` is the mode of the
    /// linear parts; the network's surface is painted in 5-pixel cells.
    pub fn new(heatmap: HeatmapMode) -> Self {
        Self {
            figures: FigureLayouts::default(),
            network: None,
            drawn_surface: None,
            heatmap,
        }
    }

    fn net(&self) -> Option<&Network> {
        self.network.as_ref().map(|(_, n)| n)
    }

    /// The parameter figure's layout: the slice's own window in the network part.
    fn layout_shown(&self) -> Option<ParamLayout> {
        let layout = self.figures.param?;
        Some(match self.net() {
            Some(net) => network_layout(net, layout.canvas),
            None => layout,
        })
    }
}

fn settings<'a>(ctx: &Ctx<'a>) -> &'a AverageSettings {
    &ctx.state.average
}

impl<DB: DrawingBackend> Scene<DB> for AverageFirst {
    fn canvases(&self) -> &'static [CanvasSpec] {
        &FIGURE_CANVASES
    }

    fn layout(&mut self, ctx: &Ctx, sizes: &[Canvas]) {
        self.figures = FigureLayouts::new(ctx.model, sizes[0], sizes[2]);
    }

    fn update(&mut self, ctx: &Ctx) -> bool {
        self.figures.relayout(ctx.model);
        let s = settings(ctx);
        if s.part == Part::Network {
            let key = (ctx.state.shared.recipe, s.hidden, s.slice);
            if self.network.as_ref().is_none_or(|(k, _)| *k != key) {
                self.network = Some((key, Network::new(&key.0, key.1, key.2)));
            }
            if let Some((_, net)) = &mut self.network {
                net.place(s.net_at);
            }
        } else {
            self.network = None;
        }
        let surface = (s.part, s.valley, self.network.as_ref().map(|(k, _)| *k));
        let changed = self.drawn_surface != Some(surface);
        self.drawn_surface = Some(surface);
        changed
    }

    fn draw(&self, ctx: &Ctx, index: usize, area: &Area<DB>) -> DrawResult {
        let (Some(param), Some((canvas, frame))) = (self.layout_shown(), self.figures.data) else {
            return Ok(());
        };
        let (model, s, net) = (ctx.model, settings(ctx), self.net());
        match (index, net) {
            (0, Some(_)) => {
                // A forward pass per example per cell: 5-pixel cells.
                let mode = HeatmapMode::Cells(param.canvas.px(5.0));
                draw_average_background(area, model, (s, net), &param, mode)
            }
            (0, None) => draw_average_background(area, model, (s, net), &param, self.heatmap),
            (1, _) => draw_average_overlay(area, model, (s, net), &param),
            (2, Some(net)) => draw_network_points(area, net, &canvas),
            (2, None) => draw_data_background(area, model, &canvas, &frame),
            (_, Some(net)) => draw_network_curve(area, net, &canvas),
            (_, None) if s.part == Part::MaxCost => {
                let worst = [worst_example(&model.problem, model.shared.theta).0];
                draw_data_overlay(area, model, &canvas, &frame, &worst, true)
            }
            (_, None) => {
                draw_data_overlay(area, model, &canvas, &frame, &[], true)?;
                draw_centroid(area, &canvas, &frame, model)
            }
        }
    }

    fn figures(&self) -> &FigureLayouts {
        &self.figures
    }

    fn clip(&self, index: usize) -> Option<PlotFrame> {
        match index {
            1 => self.layout_shown().map(|l| l.frame),
            _ => self.figures.clip(index),
        }
    }

    fn texts(&self, ctx: &Ctx) -> Vec<Readout> {
        average_text(ctx.model, settings(ctx), self.net())
    }

    /// One flag per part (`part-inputs`, …), and `valley` when the averaged
    /// inputs show the (mean error)² surface.
    fn flags(&self, ctx: &Ctx) -> Vec<(&'static str, bool)> {
        let s = settings(ctx);
        vec![
            ("part-inputs", s.part == Part::Inputs),
            ("part-linear-cost", s.part == Part::LinearCost),
            ("part-max-cost", s.part == Part::MaxCost),
            ("part-network", s.part == Part::Network),
            ("valley", s.part == Part::Inputs && s.valley),
            ("inputs-cost", s.part == Part::Inputs && !s.valley),
            ("cost", !(s.part == Part::Inputs && s.valley)),
        ]
    }

    fn param_layout(&self) -> Option<ParamLayout> {
        self.layout_shown()
    }

    /// The examples at θ for the linear parts; with the averaged example
    /// beside their mean when the inputs are averaged first. The network's
    /// numbers are in its table.
    fn table(&self, ctx: &Ctx) -> Option<Table> {
        if self.net().is_some() {
            return None;
        }
        let table = examples_table(ctx.model, ctx.highlight());
        Some(if ctx.state.average.part == Part::Inputs {
            with_averaged_example(table, ctx.model)
        } else {
            table
        })
    }

    fn point(&self, ctx: &Ctx) -> (Theta, ViewWindow) {
        match self.net() {
            Some(net) => (net.point(), net.view),
            None => (ctx.state.shared.theta, ctx.model.view),
        }
    }

    fn move_point(&self, state: &mut State, to: Theta) {
        if self.net().is_some() {
            state.average.net_at = Some(to);
        } else {
            state.shared.theta = to;
        }
    }

    fn zoomable(&self, _ctx: &Ctx) -> bool {
        // The network's slice window is fixed.
        self.net().is_none()
    }

    /// "network-params": the network's parameters as (index, name);
    /// "network-slice": the two on the slice's axes.
    fn choices(&self, ctx: &Ctx, list: &str) -> Vec<(f64, String)> {
        let s = settings(ctx);
        let h = s.hidden.clamp(HIDDEN_RANGE.0, HIDDEN_RANGE.1);
        let named = |k: usize| (k as f64, param_name(k, h));
        match list {
            "network-params" => (0..3 * h + 1).map(named).collect(),
            "network-slice" => slice_shown(s).into_iter().map(named).collect(),
            _ => Vec::new(),
        }
    }
}

/// The two sliced parameters' indices shown, w₂[1] and b₂ by default.
pub fn slice_shown(s: &AverageSettings) -> [usize; 2] {
    let h = s.hidden.clamp(HIDDEN_RANGE.0, HIDDEN_RANGE.1);
    let p = 3 * h + 1;
    s.slice
        .filter(|s| s[0] < p && s[1] < p && s[0] != s[1])
        .unwrap_or([2 * h, 3 * h])
}
