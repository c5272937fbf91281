//! One figure of a scene as a file a teacher can put in their notes: its
//! canvases drawn through plotters' SVG backend by the same [`Scene`] code
//! that paints the page, stacked in painting order (each overlay clipped to
//! its plot, as on the canvas), with the figure's caption beneath and the
//! link that reproduces it.

use crate::page::model::Model;
use crate::render::dual::Dual;
use crate::render::grid_source::ComputeHere;
use crate::render::{Canvas, HeatmapMode};
use crate::scenes::make;
use crate::scenes::scene::{Ctx, Scene};
use crate::scenes::state::State;
use plotters::prelude::{DrawingBackend, IntoDrawingArea};
use plotters_svg::SVGBackend;

/// Caption type size in the exported file, in CSS px.
const CAPTION_FONT: f64 = 13.0;
/// Line height of the caption.
const CAPTION_LINE: f64 = 17.0;
/// A system sans-serif's mean advance per character, as a share of the size;
/// the caption wraps on it.
const MEAN_ADVANCE: f64 = 0.52;
/// Side margin of the caption.
const MARGIN: f64 = 8.0;
/// The heatmap's cell in the file, in CSS px: 4 px cells keep a 700 px
/// figure near 1.5 MB of SVG (3 px: 2.6 MB) and still look smooth at 2×.
const HEATMAP_CELL: u32 = 4;

/// The figure a canvas belongs to: its name up to the first '-'
/// ("param-surface" and "param-arrows" are both "param").
pub fn figure_of(canvas: &str) -> &str {
    canvas.split('-').next().unwrap_or(canvas)
}

/// The file name, without extension, of figure `figure` of the scene in
/// `state`: what it holds, e.g. `gradavg-estimator-param-seed7`.
pub fn file_stem(state: &State, figure: &str) -> String {
    format!(
        "gradavg-{}-{}-seed{}",
        state.scene.key(),
        figure,
        state.shared.recipe.seed
    )
}

/// Figure `figure` of the scene in `state` as a standalone SVG document:
/// its canvases of `sizes` (CSS px, in the scene's `canvases()` order), the
/// caption of slot `caption-{figure}` and the line "`link`" beneath. `None`
/// when the scene has no such figure.
pub fn figure_svg(
    state: &State,
    model: &Model,
    figure: &str,
    sizes: &[Canvas],
    link: &str,
) -> Option<String> {
    figure_svg_as::<SVGBackend<'static>>(state, model, figure, sizes, link)
}

/// [`figure_svg`], drawn by the scene code of the host whose canvas backend
/// is `C` (through [`Dual`]), so that the page compiles that code once.
pub fn figure_svg_as<C: DrawingBackend>(
    state: &State,
    model: &Model,
    figure: &str,
    sizes: &[Canvas],
    link: &str,
) -> Option<String> {
    let ctx = Ctx {
        model,
        state,
        hover: None,
        dragging: false,
        grids: &ComputeHere,
    };
    // The backends borrow their buffers (one per canvas) while the scene lives.
    let mut drawn = vec![String::new(); sizes.len()];
    let (layers, caption, clips) = {
        let mut scene: Box<dyn Scene<Dual<C>>> =
            make(state.scene, state, HeatmapMode::Cells(HEATMAP_CELL));
        let specs = scene.canvases();
        if sizes.len() != specs.len() {
            return None;
        }
        let layers: Vec<usize> = (0..specs.len())
            .filter(|&i| figure_of(specs[i].name) == figure)
            .collect();
        let first = *layers.first()?;
        scene.layout(&ctx, sizes);
        scene.update(&ctx);
        for (i, buffer) in drawn.iter_mut().enumerate() {
            if layers.contains(&i) {
                let size = (sizes[first].width, sizes[first].height);
                let area =
                    Dual::<C>::Svg(SVGBackend::with_string(buffer, size)).into_drawing_area();
                scene.draw(&ctx, i, &area).ok()?;
                area.present().ok()?;
            }
        }
        let caption = scene
            .texts(&ctx)
            .into_iter()
            .find(|r| r.slot == format!("caption-{figure}"))
            .map(|r| r.text)
            .unwrap_or_default();
        let clips: Vec<_> = layers.iter().map(|&i| scene.clip(i)).collect();
        (layers, caption, clips)
    };
    let (width, height) = (sizes[layers[0]].width, sizes[layers[0]].height);

    let mut body = String::new();
    for (&i, clip) in layers.iter().zip(&clips) {
        let layer = &drawn[i];
        match clip {
            Some(f) => body.push_str(&format!(
                "<clipPath id=\"clip{i}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\
                 <g clip-path=\"url(#clip{i})\">{layer}</g>\n",
                f.left, f.top, f.width, f.height
            )),
            None => body.push_str(&format!("<g>{layer}</g>\n")),
        }
    }

    let per_line = ((width as f64 - 2.0 * MARGIN) / (CAPTION_FONT * MEAN_ADVANCE)).max(20.0);
    let mut lines = wrap(&caption, per_line as usize);
    lines.push(String::new());
    let link_line = lines.len();
    // A link's characters (=, &, digits) run wider than prose: wrap it sooner.
    lines.extend(wrap(link, (per_line * 0.95) as usize));
    let total = height as f64 + MARGIN + lines.len() as f64 * CAPTION_LINE;

    let mut text = String::new();
    for (k, line) in lines.iter().enumerate() {
        let y = height as f64 + MARGIN + (k as f64 + 0.8) * CAPTION_LINE;
        let (size, fill) = if k >= link_line {
            (CAPTION_FONT * 0.85, "#0b5394")
        } else {
            (CAPTION_FONT, "#333333")
        };
        text.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{y:.1}\" font-size=\"{size:.1}\" fill=\"{fill}\">{}</text>\n",
            escape(line)
        ));
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total:.0}\" \
         viewBox=\"0 0 {width} {total:.0}\" font-family=\"system-ui, sans-serif\">\n\
         <title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{body}{text}</svg>\n",
        escape(&file_stem(state, figure))
    ))
}

/// `text` broken at spaces into lines of at most `width` characters (a
/// longer word, such as a link, is broken inside).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        let used = line.chars().count();
        if used > 0 && used + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        while word.len() > width {
            let rest = word.split_off(width);
            lines.push(word.iter().collect());
            word = rest;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.extend(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` safe inside an XML element or attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
