//! The layouts of the two figures every scene shows: the parameter figure
//! (θ's plane) and the data figure (x, y).

use crate::core::geometry::PlotFrame;
use crate::page::hit::nearest_point;
use crate::page::model::Model;
use crate::render::data_figure::data_layout;
use crate::render::param_figure::{param_layout, ParamLayout};
use crate::render::Canvas;

/// Where the parameter and data figures sit on their canvases.
#[derive(Clone, Copy, Debug, Default)]
pub struct FigureLayouts {
    pub param: Option<ParamLayout>,
    pub data: Option<(Canvas, PlotFrame)>,
}

impl FigureLayouts {
    /// The layouts for a parameter canvas and a data canvas of these sizes.
    pub fn new(model: &Model, param: Canvas, data: Canvas) -> Self {
        Self {
            param: Some(param_layout(model, param)),
            data: Some((data, data_layout(model, data))),
        }
    }

    /// The same canvases laid out again for `model` (a new window or data).
    pub fn relayout(&mut self, model: &Model) {
        self.param = self.param.map(|l| param_layout(model, l.canvas));
        self.data = self.data.map(|(c, _)| (c, data_layout(model, c)));
    }

    /// The example of the shared data nearest device pixel `p` on the data
    /// figure, within `radius`.
    pub fn pick_data(&self, model: &Model, p: (f64, f64), radius: f64) -> Option<usize> {
        let d = model.problem.data();
        nearest_point(&self.data?.1, &d.xs, &d.ys, p, radius)
    }

    /// The clip of the four figure canvases: overlays stay inside the plot.
    pub fn clip(&self, index: usize) -> Option<PlotFrame> {
        match index {
            1 => self.param.map(|l| l.frame),
            3 => self.data.map(|(_, f)| f),
            _ => None,
        }
    }
}
