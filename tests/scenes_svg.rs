//! Every figure of every scene (and every part of scene 4), drawn to SVG
//! through the same `Scene` code the canvas uses, with one specific check
//! per figure; and the network's prediction curve following its point.

use gradavg::page::model::Model;
use gradavg::render::grid_source::ComputeHere;
use gradavg::render::{Canvas, HeatmapMode};
use gradavg::scenes::average_first::settings::Part;
use gradavg::scenes::scene::{Ctx, Scene};
use gradavg::scenes::state::State;
use gradavg::scenes::{make, SceneKey};
use plotters::prelude::*;
use plotters_svg::SVGBackend;

const SIZE: Canvas = Canvas {
    width: 480,
    height: 360,
    dpr: 1.0,
};

/// Canvas `index` of the scene of `state`, as SVG, with its name.
fn draw_one(state: &State, index: usize) -> Option<(&'static str, String)> {
    let model = Model::new(state.shared.clone());
    let ctx = Ctx {
        model: &model,
        state,
        hover: None,
        dragging: false,
        grids: &ComputeHere,
    };
    let mut svg = String::new();
    let name;
    {
        let area = SVGBackend::with_string(&mut svg, (SIZE.width, SIZE.height)).into_drawing_area();
        let mut scene: Box<dyn Scene<SVGBackend>> = make(state.scene, state, HeatmapMode::Cells(8));
        let canvases = scene.canvases();
        name = canvases.get(index)?.name;
        scene.layout(&ctx, &vec![SIZE; canvases.len()]);
        scene.update(&ctx);
        scene.draw(&ctx, index, &area).unwrap();
        area.present().unwrap();
    }
    Some((name, svg))
}

/// Every canvas of the scene of `state`, as SVG, by canvas name.
fn render(state: &State) -> Vec<(&'static str, String)> {
    (0..).map_while(|i| draw_one(state, i)).collect()
}

fn state(scene: SceneKey) -> State {
    let mut s = State {
        scene,
        ..State::default()
    };
    s.shared.theta = [-0.5, 1.5];
    s.estimator.draws = 40;
    s.training.epochs = 5;
    s
}

fn figure<'a>(figs: &'a [(&str, String)], name: &str) -> &'a str {
    &figs.iter().find(|(n, _)| *n == name).unwrap().1
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[test]
fn scene_one_draws_one_arrow_per_example_and_every_point() {
    let s = state(SceneKey::OnePoint);
    let figs = render(&s);
    let n = s.shared.recipe.n;
    assert!(
        figure(&figs, "param-surface").contains("<rect"),
        "no heatmap cells"
    );
    // N thin arrows, the mean and ∇C: each a shaft and a head.
    assert!(
        figure(&figs, "param-arrows").matches("<polyline").count()
            + figure(&figs, "param-arrows").matches("<polygon").count()
            >= n + 2
    );
    assert_eq!(figure(&figs, "data-points").matches("<circle").count(), n);
    assert!(
        figure(&figs, "data-line").contains("<polyline")
            || figure(&figs, "data-line").contains("<line")
    );
}

#[test]
fn scene_two_draws_the_cloud_the_batch_and_the_spread_chart() {
    let figs = render(&state(SceneKey::Estimator));
    let cloud = figure(&figs, "param-arrows");
    // 40 estimate tips, plus the mean marker, the tip of ∇C and θ's marker.
    assert!(
        cloud.matches("<circle").count() >= 40,
        "the cloud's tips are missing"
    );
    assert!(
        figure(&figs, "data-line").contains("<circle"),
        "the last batch is not highlighted"
    );
    let spread = figure(&figs, "spread");
    assert!(
        spread.contains("batch size B"),
        "the spread chart has no B axis"
    );
    assert!(spread.contains(&hex(gradavg::render::palette::THEORY_WITHOUT)));
}

#[test]
fn scene_three_draws_four_runs_their_lines_and_their_loss_curves() {
    use gradavg::render::palette::RUN_COLORS;
    let figs = render(&state(SceneKey::Training));
    for name in ["param-arrows", "data-line", "loss-curves"] {
        for c in RUN_COLORS {
            assert!(
                figure(&figs, name).contains(&hex(c)),
                "{name} lacks run colour {}",
                hex(c)
            );
        }
    }
    assert!(
        figure(&figs, "loss-curves").contains("epoch"),
        "the loss chart's x axis is not named"
    );
}

#[test]
fn scene_four_draws_each_part() {
    use gradavg::render::palette::{BATCH_ARROW, MEAN_ARROW};
    for part in Part::ALL {
        let mut s = state(SceneKey::AverageFirst);
        s.average.part = part;
        let figs = render(&s);
        let overlay = figure(&figs, "param-arrows");
        // The true gradient (orange) is drawn in every part; the shortcut
        // (green) wherever there is one to compare.
        assert!(
            overlay.contains(&hex(MEAN_ARROW)),
            "{part:?}: no true gradient"
        );
        if part != Part::MaxCost && part != Part::LinearCost {
            assert!(overlay.contains(&hex(BATCH_ARROW)), "{part:?}: no shortcut");
        }
        assert!(
            figure(&figs, "param-surface").contains("<rect"),
            "{part:?}: no surface"
        );
        assert!(
            figure(&figs, "data-points").contains("<circle"),
            "{part:?}: no data"
        );
    }
}

#[test]
fn the_network_curve_follows_its_point_while_the_points_stay() {
    // Regression: the prediction ŷ(x) was drawn on the data figure's
    // background, which is not repainted while the point is dragged.
    let mut s = state(SceneKey::AverageFirst);
    s.average.part = Part::Network;
    let before = render(&s);
    s.average.net_at = Some([1.7, -0.9]);
    let after = render(&s);
    assert_eq!(
        figure(&before, "data-points"),
        figure(&after, "data-points"),
        "the background must not depend on the point"
    );
    assert_ne!(
        figure(&before, "data-line"),
        figure(&after, "data-line"),
        "the curve on the overlay must move with the point"
    );
    assert!(figure(&after, "data-line").contains("<polyline"));
}

#[test]
fn ten_thousand_arrows_are_drawn_as_a_density_of_tips_with_a_sample_whole() {
    use gradavg::render::tip_density::{whole_stride, DENSITY_ABOVE, SHADES};
    // Below the threshold every example's arrow is a path of its own; above
    // it the tips become cells (rects) and only one arrow in k is stroked.
    let mut few = state(SceneKey::OnePoint);
    few.shared.recipe.n = DENSITY_ABOVE;
    let mut many = few.clone();
    many.shared.recipe.n = 10_000;
    let arrows = |s: &State| {
        let svg = figure(&render(s), "param-arrows").to_string();
        (
            svg.matches("<polyline").count(),
            svg.matches("<rect").count(),
        )
    };
    let (few_lines, _) = arrows(&few);
    let (many_lines, many_rects) = arrows(&many);
    // (An arrow too short to have a shaft is drawn as a dot.)
    assert!(
        few_lines >= DENSITY_ABOVE * 9 / 10,
        "{few_lines} shafts for {DENSITY_ABOVE} arrows"
    );
    assert!(
        many_lines < 10_000 / whole_stride(10_000) + 50,
        "{many_lines} shafts"
    );
    assert!(many_rects > 100, "the density has {many_rects} cells");
    // Shaded in at most SHADES + 1 opacities, faint to nearly solid.
    let svg = figure(&render(&many), "param-arrows").to_string();
    let mut shades: Vec<f64> = svg
        .split("<rect")
        .skip(1)
        .filter_map(|rect| {
            rect.split("opacity=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse()
                .ok()
        })
        .collect();
    shades.sort_by(f64::total_cmp);
    shades.dedup();
    assert!(
        (4..=SHADES + 1).contains(&shades.len()),
        "{} opacities: {shades:?}",
        shades.len()
    );
    assert!(shades[0] >= 0.2 - 1e-9 && shades[shades.len() - 1] <= 0.95 + 1e-9);
}
