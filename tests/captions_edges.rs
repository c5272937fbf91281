//! Every caption and readout of every scene, at the edges students reach in
//! a few clicks: no noise (a perfect fit), one or two examples, B = N, a
//! diverging η, decay on. None may show a percentage of a zero baseline,
//! "∞", "not a number", a plural for one, or a raw 1e-14 where "0 (to
//! rounding)" belongs.

use gradavg::page::model::Model;
use gradavg::render::grid_source::ComputeHere;
use gradavg::render::{Canvas, HeatmapMode};
use gradavg::scenes::make;
use gradavg::scenes::scene::{Ctx, Scene};
use gradavg::scenes::state::{from_query, State};
use plotters_svg::SVGBackend;

/// Every (slot, text) the scene of `state` shows.
fn texts(state: &State) -> Vec<(&'static str, String)> {
    let model = Model::with_loss(state.shared.clone(), state.model_loss());
    let ctx = Ctx {
        model: &model,
        state,
        hover: None,
        dragging: false,
        grids: &ComputeHere,
    };
    let mut scene: Box<dyn Scene<SVGBackend>> = make(state.scene, state, HeatmapMode::Cells(8));
    let size = Canvas {
        width: 480,
        height: 360,
        dpr: 1.0,
    };
    scene.layout(&ctx, &vec![size; scene.canvases().len()]);
    scene.update(&ctx);
    scene
        .texts(&ctx)
        .into_iter()
        .map(|r| (r.slot, r.text))
        .collect()
}

const EDGES: [&str; 8] = [
    "noise=0",
    "noise=0&theta=1.5,0.5",
    "n=1",
    "n=2",
    "b=12",
    "lr=5",
    "decay=1-over-t",
    "n=2&b=2&noise=0",
];

const SCENES: [&str; 8] = [
    "scene=one-point",
    "scene=surfaces",
    "scene=estimator&draws=50",
    "scene=estimator&draws=50&mode=with-replacement",
    "scene=estimator&draws=50&mode=sequential",
    "scene=training",
    "scene=average-first&part=inputs",
    "scene=average-first&part=network",
];

/// Every loss the menu offers (scene 4 keeps the squared error whatever it says).
const LOSSES: [&str; 4] = ["", "&loss=mae", "&loss=huber&delta=0.3", "&loss=logistic"];

fn all_texts() -> Vec<(String, &'static str, String)> {
    let mut out = Vec::new();
    for scene in SCENES {
        for edge in EDGES {
            for loss in LOSSES {
                let query = format!("?{scene}&{edge}{loss}");
                let (state, _) = from_query(&query);
                for (slot, text) in texts(&state) {
                    out.push((query.clone(), slot, text));
                }
            }
        }
    }
    for part in ["linear-cost", "max-cost"] {
        let query = format!("?scene=average-first&part={part}&noise=0");
        let (state, _) = from_query(&query);
        for (slot, text) in texts(&state) {
            out.push((query.clone(), slot, text));
        }
    }
    out
}

/// Every text for which `bad` names a problem, one line each; the test
/// fails listing them all.
fn check(bad: impl Fn(&str, &str) -> Option<String>) {
    let failures: Vec<String> = all_texts()
        .into_iter()
        .filter_map(|(query, slot, text)| {
            bad(&query, &text).map(|why| format!("{query} {slot}: {why} in \"{text}\""))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_text_shows_infinity_nan_or_a_raw_rounding_error() {
    let tiny = ["⁻¹³", "⁻¹⁴", "⁻¹⁵", "⁻¹⁶", "⁻¹⁷", "⁻¹⁸", "⁻¹⁹"];
    check(|_, text| {
        ["∞", "not a number", "NaN"]
            .into_iter()
            .chain(tiny)
            .find(|t| text.contains(t))
            .map(|t| format!("\"{t}\""))
    });
}

#[test]
fn one_thing_is_never_plural() {
    let nouns = [
        "examples",
        "gradients",
        "batches",
        "epochs",
        "draws",
        "estimates",
        "steps",
        "passes",
    ];
    check(|_, text| {
        nouns
            .iter()
            .flat_map(|noun| {
                [
                    format!(" 1 {noun}"),
                    format!("(1 {noun}"),
                    format!("of 1 {noun}"),
                ]
            })
            .find(|p| text.contains(p.as_str()) || text.starts_with(p.trim_start()))
    });
}

#[test]
fn a_perfect_fit_gets_no_percentage_of_zero() {
    check(|query, text| {
        // A perfect fit makes C(θ*) = 0, the baseline of scene 3's percentages.
        // (The network's percentages are of its gradient parts' lengths,
        // which a noiseless sine does not make 0.)
        let zero_baseline = query.contains("noise=0") && query.contains("training");
        (zero_baseline && text.contains('%')).then(|| "a percentage".into())
    });
}
