//! Each figure rendered natively to SVG, through the same generic drawing
//! code the browser uses: the figures must draw without error and contain
//! what they claim to show.

use gradavg::page::model::Model;
use gradavg::render::data_figure::{data_layout, draw_data_background, draw_data_overlay};
use gradavg::render::grid_source::ComputeHere;
use gradavg::render::param_figure::{
    draw_param_background, draw_param_overlay, param_layout, ParamOverlay,
};
use gradavg::render::surface_budget::SUM_BUDGET;
use gradavg::render::{Canvas, HeatmapMode};
use gradavg::scenes::state::State;
use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;

const CANVAS: Canvas = Canvas {
    width: 480,
    height: 360,
    dpr: 1.0,
};

fn param_svg(scene: &Model, highlight: Option<usize>) -> String {
    let layout = param_layout(scene, CANVAS);
    let mut svg = String::new();
    {
        let area =
            SVGBackend::with_string(&mut svg, (CANVAS.width, CANVAS.height)).into_drawing_area();
        draw_param_background(
            &area,
            scene,
            &layout,
            HeatmapMode::Cells(8),
            SUM_BUDGET,
            &ComputeHere,
        )
        .unwrap();
        let overlay = ParamOverlay {
            arrows: scene.example_arrows(),
            show_mean: true,
            highlight,
        };
        draw_param_overlay(&area, scene, &layout, &overlay).unwrap();
        area.present().unwrap();
    }
    svg
}

fn data_svg(scene: &Model, highlight: Option<usize>) -> String {
    let frame = data_layout(scene, CANVAS);
    let mut svg = String::new();
    {
        let area =
            SVGBackend::with_string(&mut svg, (CANVAS.width, CANVAS.height)).into_drawing_area();
        draw_data_background(&area, scene, &CANVAS, &frame).unwrap();
        draw_data_overlay(&area, scene, &CANVAS, &frame, highlight.as_slice(), true).unwrap();
        area.present().unwrap();
    }
    svg
}

#[test]
fn parameter_figure_renders_to_svg_with_axes_arrows_and_contour_labels() {
    let scene = Model::new(State::default().shared);
    let svg = param_svg(&scene, Some(3));
    std::fs::write(std::env::temp_dir().join("gradavg-param.svg"), &svg).unwrap();
    assert!(svg.starts_with("<svg"), "not an SVG document");
    assert!(
        svg.contains("slope θ₀") && svg.contains("intercept θ₁"),
        "axes must be named as parameters"
    );
    assert!(svg.contains("C(θ), log"), "the colour bar must be titled");
    let texts = texts(&svg);
    assert!(
        texts.iter().any(|t| t == "min"),
        "the minimum must be marked"
    );
    // Highlight colour (Okabe–Ito blue) and mean colour (vermillion) both appear.
    assert!(svg.contains("#0072B2"), "the highlighted arrow is missing");
    assert!(svg.contains("#D55E00"), "the mean arrow is missing");
    // Each contour level is written once beside the colour bar and once on
    // its own contour line.
    let on_both = ["0.20", "0.50", "1.0", "2.0", "5.0", "10"]
        .iter()
        .filter(|l| texts.iter().filter(|t| t == *l).count() == 2)
        .count();
    assert!(
        on_both >= 5,
        "expected at least 5 labelled contours, found {on_both}"
    );
}

/// The text content of every <text> element, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|chunk| chunk.split_once('>'))
        .map(|(_, rest)| {
            rest.split("</text>")
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn data_figure_renders_every_example_and_its_residual() {
    let scene = Model::new(State::default().shared);
    let svg = data_svg(&scene, Some(0));
    std::fs::write(std::env::temp_dir().join("gradavg-data.svg"), &svg).unwrap();
    let n = scene.problem.num_examples();
    let circles = svg.matches("<circle").count();
    // One circle per example, plus the two circles of the highlight.
    assert_eq!(circles, n + 2, "expected {} circles", n + 2);
    let texts = texts(&svg);
    assert!(
        texts.iter().any(|t| t == "x") && texts.iter().any(|t| t == "y"),
        "axes must be named as data"
    );
}

#[test]
fn the_cloud_overlay_draws_every_estimate_and_both_ellipses() {
    use gradavg::scenes::estimator::cloud::BatchCloud;
    use gradavg::scenes::estimator::cloud_figure::draw_cloud_overlay;
    let mut state = State::default();
    state.shared.recipe.n = 200;
    state.shared.batch = 16;
    state.estimator.draws = 300;
    let model = Model::new(state.shared.clone());
    let cloud = BatchCloud::new(&model, &state.estimator);
    let layout = param_layout(&model, CANVAS);
    let mut svg = String::new();
    {
        let area =
            SVGBackend::with_string(&mut svg, (CANVAS.width, CANVAS.height)).into_drawing_area();
        draw_cloud_overlay(&area, &model, &layout, &cloud).unwrap();
        area.present().unwrap();
    }
    // 300 tips, the mean marker (disc and ring), the dot at the tip of ∇C and the θ marker (three circles).
    assert_eq!(svg.matches("<circle").count(), 300 + 2 + 1 + 3);
    assert!(svg.contains("#0072B2"), "the cloud colour is missing");
    assert!(
        svg.contains("#009E73"),
        "the batch arrow and measured ellipse are missing"
    );
    assert!(
        svg.contains("stroke-dasharray") || svg.matches("<polyline").count() > 10,
        "the theory ellipse is missing"
    );
}

#[test]
fn the_spread_chart_shows_every_measured_batch_size() {
    use gradavg::core::estimator::gradient_covariance;
    use gradavg::core::sampler::SamplingMode;
    use gradavg::scenes::estimator::spread::measure_spread;
    use gradavg::scenes::estimator::spread_chart::{draw_spread_chart, SpreadChart};
    let mut state = State::default();
    state.shared.recipe.n = 64;
    let model = Model::new(state.shared.clone());
    let theta = model.theta();
    let measured = measure_spread(
        &model.problem,
        theta,
        SamplingMode::WithoutReplacement,
        3,
        100,
    );
    let chart = SpreadChart {
        n: 64,
        sigma: gradient_covariance(&model.problem, theta),
        measured: &measured,
        current: 8,
    };
    let mut svg = String::new();
    {
        let area =
            SVGBackend::with_string(&mut svg, (CANVAS.width, CANVAS.height)).into_drawing_area();
        draw_spread_chart(&area, &CANVAS, &chart).unwrap();
        area.present().unwrap();
    }
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t.starts_with("batch size B")));
    assert!(texts.iter().any(|t| t.starts_with("total variance")));
    // Batch sizes 1, 2, 4, 8, 16, 32 are points; B = N = 64 is exactly 0, a triangle on the bottom edge.
    assert_eq!(measured.len(), 7);
    assert_eq!(svg.matches("<circle").count(), 6);
    assert!(
        svg.contains("#B87800"),
        "the without-replacement theory is missing"
    );
}
