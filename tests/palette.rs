//! The colours' contrast, computed from the colours themselves (WCAG 2.2
//! relative luminance): every mark on a white chart at least 3:1 (1.4.11),
//! figure text at least 4.5:1, and the dark page's text at least 4.5:1
//! against its background, read from www/style.css.

use gradavg::render::palette::*;
use plotters::prelude::{RGBAColor, RGBColor};

fn channel(c: f64) -> f64 {
    let c = c / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance([r, g, b]: [f64; 3]) -> f64 {
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The WCAG contrast ratio of two colours.
fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn rgb(c: RGBColor) -> [f64; 3] {
    [c.0 as f64, c.1 as f64, c.2 as f64]
}

/// A translucent colour as it shows over `under`.
fn over(c: RGBAColor, under: [f64; 3]) -> [f64; 3] {
    let f = [c.0 as f64, c.1 as f64, c.2 as f64];
    [0, 1, 2].map(|k| c.3 * f[k] + (1.0 - c.3) * under[k])
}

const WHITE: [f64; 3] = [255.0, 255.0, 255.0];

#[test]
fn every_mark_on_a_white_chart_has_at_least_three_to_one() {
    let marks = [
        ("data points", rgb(POINT)),
        ("residuals", rgb(RESIDUAL)),
        ("the model line", rgb(MODEL_LINE)),
        ("the highlighted example", rgb(HIGHLIGHT)),
        ("the mean arrow", rgb(MEAN_ARROW)),
        ("a batch's estimate", rgb(BATCH_ARROW)),
        ("theory without replacement", rgb(THEORY_WITHOUT)),
        ("axes and labels", rgb(INK)),
        ("per-example arrows", over(EXAMPLE_ARROW, WHITE)),
    ];
    let runs = RUN_COLORS.map(rgb);
    for (what, c) in marks
        .into_iter()
        .chain(runs.into_iter().map(|c| ("a run", c)))
    {
        let ratio = contrast(c, WHITE);
        assert!(ratio >= 3.0, "{what}: {ratio:.2}:1 on white");
    }
    assert!(contrast(rgb(INK), WHITE) >= 4.5, "figure text");
}

/// The value of `--name` in the dark-mode block of the stylesheet.
fn dark_var(css: &str, name: &str) -> [f64; 3] {
    let dark = &css[css
        .find("prefers-color-scheme: dark")
        .expect("a dark block")..];
    let at = dark.find(&format!("--{name}:")).expect("the variable") + name.len() + 3;
    let hex = dark[at..].trim_start().trim_start_matches('#');
    let v = |k: usize| u8::from_str_radix(&hex[2 * k..2 * k + 2], 16).unwrap() as f64;
    [v(0), v(1), v(2)]
}

#[test]
fn the_dark_page_has_text_of_at_least_four_and_a_half_to_one() {
    let css = include_str!("../www/style.css");
    let paper = dark_var(css, "paper");
    for name in ["ink", "muted", "accent"] {
        let ratio = contrast(dark_var(css, name), paper);
        assert!(ratio >= 4.5, "--{name} on the dark --paper: {ratio:.2}:1");
    }
}

#[test]
fn the_bold_marks_of_the_parameter_figure_are_cased_apart_from_every_surface_colour() {
    // The surface runs from surface_color(0) (darkest) to surface_color(1).
    // The casing is white edged with ink: on every surface colour one of the
    // two must stand 3:1 from it, and each bold mark 3:1 from the white.
    let (light, dark) = CASING;
    for k in 0..=100 {
        let surface = rgb(surface_color(k as f64 / 100.0));
        let edge =
            contrast(over(light, surface), surface).max(contrast(over(dark, surface), surface));
        assert!(edge >= 3.0, "the casing on surface {k}%: {edge:.2}:1");
        // Thin per-example arrows, while they can be told apart.
        let thin = contrast(over(example_arrow(DISTINCT_ARROWS), surface), surface);
        assert!(thin >= 3.0, "a thin arrow on surface {k}%: {thin:.2}:1");
        // ∇C, dashed black over the mean, and θ's ring need no casing.
        let black = contrast(rgb(GRAD_C), surface);
        assert!(black >= 3.0, "∇C on surface {k}%: {black:.2}:1");
    }
    for (what, mark) in [
        ("the mean arrow", rgb(MEAN_ARROW)),
        ("the highlighted arrow", rgb(HIGHLIGHT)),
    ] {
        let ratio = contrast(mark, over(light, WHITE));
        assert!(ratio >= 3.0, "{what} on its casing: {ratio:.2}:1");
    }
}
