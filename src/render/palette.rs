//! The colours of every figure: Okabe–Ito hues (safe for colour-blind
//! readers) over a lightened viridis surface, so dark arrows read on it.

use plotters::prelude::*;

/// Per-example arrows: thin, translucent black.
pub const EXAMPLE_ARROW: RGBAColor = RGBAColor(0, 0, 0, 0.5);

/// Up to this many examples each thin arrow is drawn 3:1 from every surface
/// colour ([`example_arrow`]); beyond, they overlap into a crowd, and are
/// lighter so the crowd stays readable.
pub const DISTINCT_ARROWS: usize = 100;

/// The per-example arrows' colour for N examples: 75% black up to
/// [`DISTINCT_ARROWS`] (3.2:1 on the darkest surface), [`EXAMPLE_ARROW`] beyond.
pub fn example_arrow(n: usize) -> RGBAColor {
    if n <= DISTINCT_ARROWS {
        RGBAColor(0, 0, 0, 0.75)
    } else {
        EXAMPLE_ARROW
    }
}
/// The mean of the per-example arrows: Okabe–Ito vermillion, bold.
pub const MEAN_ARROW: RGBColor = RGBColor(213, 94, 0);
/// ∇C computed from the sufficient statistics: drawn dashed in black.
pub const GRAD_C: RGBColor = RGBColor(0, 0, 0);
/// The highlighted example, in both figures: Okabe–Ito blue.
pub const HIGHLIGHT: RGBColor = RGBColor(0, 114, 178);
/// One mini-batch's estimate, and the measured ellipse: Okabe–Ito bluish green.
pub const BATCH_ARROW: RGBColor = RGBColor(0, 158, 115);
/// The tips of many mini-batch estimates: translucent Okabe–Ito blue.
pub const CLOUD: RGBAColor = RGBAColor(0, 114, 178, 0.35);
/// Theory curve without replacement in the spread chart: Okabe–Ito orange,
/// darkened to 3.7:1 on white (the pure orange is 2.3:1).
pub const THEORY_WITHOUT: RGBColor = RGBColor(184, 120, 0);
/// The four training runs (full-batch GD, shuffled mini-batch, SGD,
/// sequential mini-batch): black, blue, vermillion, reddish purple. They are
/// also told apart by line (thick, solid, thin, dashed) and marker (circle,
/// square, triangle, diamond).
pub const RUN_COLORS: [RGBColor; 4] = [
    RGBColor(0, 0, 0),
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
];
/// Line widths of the four runs, in CSS pixels.
pub const RUN_WIDTHS: [f64; 4] = [2.5, 2.0, 1.0, 2.0];
/// Opacity of the four runs' lines: SGD's many small steps are drawn
/// translucent so the runs under its noise ball stay visible.
pub const RUN_ALPHA: [f64; 4] = [1.0, 1.0, 0.55, 1.0];
/// The order runs are drawn in, bottom first: SGD, sequential, mini-batch, GD.
pub const RUN_DRAW_ORDER: [usize; 4] = [2, 3, 1, 0];
/// Which runs are drawn dashed.
pub const RUN_DASHED: [bool; 4] = [false, false, false, true];
/// Data points.
pub const POINT: RGBColor = RGBColor(68, 68, 68);
/// Residual segments: Okabe–Ito reddish purple.
pub const RESIDUAL: RGBColor = RGBColor(204, 121, 167);
/// The line of the current θ.
pub const MODEL_LINE: RGBColor = RGBColor(0, 0, 0);
/// Axis lines, ticks and labels.
pub const INK: RGBColor = RGBColor(34, 34, 34);
/// Grid lines on the data figure.
pub const GRID: RGBColor = RGBColor(225, 225, 225);
/// The two-tone casing under the bold marks of the parameter figure (the
/// mean and the highlighted arrow; ∇C, dashed black, lies on the mean's and
/// needs none): white, edged with ink. On every
/// surface colour one of the two is 3:1 from it, and each mark is 3:1 from
/// the white (tests/palette.rs).
pub const CASING: (RGBAColor, RGBAColor) =
    (RGBAColor(255, 255, 255, 1.0), RGBAColor(34, 34, 34, 1.0));
/// Contour lines.
pub const CONTOUR: RGBAColor = RGBAColor(255, 255, 255, 0.85);

/// How far the viridis colours are mixed towards white (0 = pure viridis).
const LIGHTEN: f64 = 0.35;

/// The surface colour at position t ∈ [0, 1] of the log scale: viridis,
/// mixed 35% towards white. Mixing with white keeps viridis' lightness
/// increasing monotonically, so the order of the colours is kept.
pub fn surface_color(t: f64) -> RGBColor {
    let RGBColor(r, g, b) = ViridisRGB::get_color(t);
    let mix = |c: u8| (c as f64 + (255.0 - c as f64) * LIGHTEN).round() as u8;
    RGBColor(mix(r), mix(g), mix(b))
}
