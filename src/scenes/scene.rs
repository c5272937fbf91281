//! The [`Scene`] trait: what the page needs from a scene, whatever it shows.
//! A scene holds only what it derives (caches keyed by their inputs,
//! layouts, transient animation); the state it shows is the page's.

use crate::core::geometry::{PlotFrame, ViewWindow};
use crate::core::Theta;
use crate::page::examples_table::Table;
use crate::page::model::Model;
use crate::page::readout::Readout;
use crate::render::figures::FigureLayouts;
use crate::render::grid_source::GridSource;
use crate::render::param_figure::ParamLayout;
use crate::render::{Area, Canvas, DrawResult};
use crate::scenes::state::State;
use plotters::prelude::DrawingBackend;

/// Everything a scene reads in a frame: the shared model, the whole state,
/// and what the pointer is doing.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub model: &'a Model,
    pub state: &'a State,
    /// The example under the pointer, if any.
    pub hover: Option<usize>,
    /// True while θ (or the scene's point) is being dragged.
    pub dragging: bool,
    /// Where a costly surface's grid comes from.
    pub grids: &'a dyn GridSource,
}

impl Ctx<'_> {
    /// The example hovered, or else the one selected.
    pub fn highlight(&self) -> Option<usize> {
        self.hover.or(self.state.shared.selected)
    }
}

/// When a canvas is painted again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Only when the data, the window or what the scene draws beneath changes.
    Background,
    /// On every change.
    Overlay,
}

/// One canvas of a scene: `data-canvas="{name}"` inside the scene's section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CanvasSpec {
    pub name: &'static str,
    pub layer: Layer,
}

/// The four canvases every scene has: the parameter figure and the data
/// figure, each a background under an overlay.
pub const FIGURE_CANVASES: [CanvasSpec; 4] = [
    CanvasSpec {
        name: "param-surface",
        layer: Layer::Background,
    },
    CanvasSpec {
        name: "param-arrows",
        layer: Layer::Overlay,
    },
    CanvasSpec {
        name: "data-points",
        layer: Layer::Background,
    },
    CanvasSpec {
        name: "data-line",
        layer: Layer::Overlay,
    },
];

/// A scene, drawn through any plotters backend `DB` (a canvas in the
/// browser, SVG in the tests).
pub trait Scene<DB: DrawingBackend> {
    /// The canvases the scene paints, in painting order.
    fn canvases(&self) -> &'static [CanvasSpec];

    /// Lays the figures out for canvases of `sizes` (in `canvases()` order).
    fn layout(&mut self, ctx: &Ctx, sizes: &[Canvas]);

    /// Brings what the scene derives up to date with `ctx`. True when a
    /// background layer must be painted again.
    fn update(&mut self, ctx: &Ctx) -> bool;

    /// After `update` asked for the backgrounds, whether background canvas
    /// `index` must be painted again: a scene whose change left some of its
    /// backgrounds alone (scene 5's panels while k moves) keeps them. A
    /// resize or a new window repaints every one regardless.
    fn repaints(&self, _index: usize) -> bool {
        true
    }

    /// Draws canvas `index` (of `canvases()`).
    fn draw(&self, ctx: &Ctx, index: usize, area: &Area<DB>) -> DrawResult;

    /// Every text slot of the scene, generated from the state.
    fn texts(&self, ctx: &Ctx) -> Vec<Readout>;

    /// The text twin of the scene's figures (`data-table` in its section),
    /// if it has one.
    fn table(&self, _ctx: &Ctx) -> Option<Table> {
        None
    }

    /// Named switches for the scene's section: `data-shown-if`,
    /// `data-enabled-if` and `data-pressed-if` read them.
    fn flags(&self, _ctx: &Ctx) -> Vec<(&'static str, bool)> {
        Vec::new()
    }

    /// The layouts of the scene's parameter and data figures.
    fn figures(&self) -> &FigureLayouts;

    /// Where canvas `index` is clipped, if anywhere: the overlays of the
    /// two figures stay inside their plots.
    fn clip(&self, index: usize) -> Option<PlotFrame> {
        self.figures().clip(index)
    }

    /// The parameter figure's layout (the one the pointer and keys act on).
    fn param_layout(&self) -> Option<ParamLayout> {
        self.figures().param
    }

    /// The data figure's frame.
    fn data_frame(&self) -> Option<PlotFrame> {
        self.figures().data.map(|(_, f)| f)
    }

    /// The point that dragging and the arrow keys move, and its window.
    fn point(&self, ctx: &Ctx) -> (Theta, ViewWindow) {
        (ctx.state.shared.theta, ctx.model.view)
    }

    /// Moves that point to `to` in `state`.
    fn move_point(&self, state: &mut State, to: Theta) {
        state.shared.theta = to;
    }

    /// Whether zoom and pan act on the shared window (false: a fixed one).
    fn zoomable(&self, _ctx: &Ctx) -> bool {
        true
    }

    /// The example under device pixel `p` of figure "param" or "data", if
    /// the scene lets the student pick one.
    fn pick(&self, _ctx: &Ctx, _figure: &str, _p: (f64, f64), _radius: f64) -> Option<usize> {
        None
    }

    /// Whether the student may add, move and delete examples on the data
    /// figure (it shows the shared data and picks them with `pick`).
    fn data_editable(&self, _ctx: &Ctx) -> bool {
        false
    }

    /// Runs the scene's action `name` with `arg` at time `now_ms`, changing
    /// `state`. `Err` when the scene has no such action.
    fn action(
        &mut self,
        _state: &mut State,
        name: &str,
        _arg: f64,
        _now_ms: f64,
    ) -> Result<(), String> {
        Err(format!("this scene has no action \"{name}\""))
    }

    /// Moves animations and playback on to `now_ms`. True while more frames
    /// are needed.
    fn tick(&mut self, _state: &mut State, _now_ms: f64) -> bool {
        false
    }

    /// What device pixel (x, y) of the plot `plot` shows, as a sentence.
    fn hover_text(&self, _ctx: &Ctx, _plot: &str, _x: f64, _y: f64) -> String {
        String::new()
    }

    /// Where the keyboard can read plot `plot`: (last position, one key's
    /// step), in the plot's own x unit; `None` when it cannot.
    fn reading_range(&self, _ctx: &Ctx, _plot: &str) -> Option<(f64, f64)> {
        None
    }

    /// What plot `plot` shows at x position `at` (of `reading_range`), as a sentence.
    fn read_at(&self, _ctx: &Ctx, _plot: &str, _at: f64) -> String {
        String::new()
    }

    /// The choices of a menu that depends on the state, as (value, label).
    fn choices(&self, _ctx: &Ctx, _list: &str) -> Vec<(f64, String)> {
        Vec::new()
    }
}
