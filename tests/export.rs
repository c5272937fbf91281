//! What a teacher takes out of the page: every figure of every scene as an
//! SVG file (valid XML, the figure's own drawing, its caption and link
//! beneath), the embed snippets, and the presentation keys of an embed.

use gradavg::page::model::Model;
use gradavg::page::snippets::{snippets, RESIZE_LISTENER};
use gradavg::render::Canvas;
use gradavg::scenes::export::{figure_svg, file_stem, wrap};
use gradavg::scenes::make;
use gradavg::scenes::scene::Scene;
use gradavg::scenes::state::{from_query, to_query, State};
use gradavg::scenes::SceneKey;
use plotters_svg::SVGBackend;

const LINK: &str = "https://example.org/course/gradavg/?scene=one-point&n=12&theta=0,0";

/// The scene's canvases, each 480×360 CSS px, and their figure names.
fn sizes(state: &State) -> (Vec<Canvas>, Vec<&'static str>) {
    let scene: Box<dyn Scene<SVGBackend>> =
        make(state.scene, state, gradavg::render::HeatmapMode::Cells(4));
    let names: Vec<_> = scene.canvases().iter().map(|c| c.name).collect();
    let size = Canvas {
        width: 480,
        height: 360,
        dpr: 1.0,
    };
    (vec![size; names.len()], names)
}

fn export(query: &str, figure: &str) -> String {
    let (state, notices) = from_query(query);
    assert!(notices.is_empty(), "{notices:?}");
    let model = Model::new(state.shared.clone());
    let (sizes, _) = sizes(&state);
    figure_svg(&state, &model, figure, &sizes, LINK).expect("the figure exists")
}

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.descendants().filter_map(|t| t.text()).collect())
        .collect()
}

#[test]
fn every_figure_of_every_scene_is_valid_svg_with_its_caption_and_link() {
    for scene in SceneKey::ALL {
        let state = State {
            scene,
            ..State::default()
        };
        let query = to_query(&state);
        let (_, names) = sizes(&state);
        let mut figures: Vec<&str> = names.iter().map(|n| n.split('-').next().unwrap()).collect();
        figures.dedup();
        for figure in figures {
            let svg = export(&query, figure);
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{} {figure}: not XML: {e}", scene.key()));
            let root = doc.root_element();
            assert_eq!(root.attribute("width"), Some("480"));
            let height: f64 = root.attribute("height").unwrap().parse().unwrap();
            assert!(
                height > 360.0 + 17.0,
                "{} {figure}: no room for a caption",
                scene.key()
            );
            let all = texts(&doc).join(" ");
            assert!(
                all.contains("example.org/course/gradavg"),
                "{} {figure}: no link",
                scene.key()
            );
            // The caption is the scene's own text for that figure.
            let lines = texts(&doc);
            let caption_lines = lines.iter().filter(|l| l.split(' ').count() > 4).count();
            assert!(
                caption_lines >= 1,
                "{} {figure}: no caption: {all}",
                scene.key()
            );
            assert!(
                doc.descendants()
                    .any(|n| n.has_tag_name("svg") && n != root),
                "{} {figure}: the drawing is missing",
                scene.key()
            );
        }
    }
}

#[test]
fn the_network_part_and_the_mistaken_picture_export_too() {
    for query in [
        "scene=average-first&part=network",
        "scene=one-point&picture=mistaken",
    ] {
        for figure in ["param", "data"] {
            let svg = export(query, figure);
            let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{query}: {e}"));
            assert!(
                texts(&doc).join(" ").len() > 80,
                "{query} {figure}: caption and link"
            );
        }
    }
}

#[test]
fn the_parameter_figure_holds_its_arrows_contours_axis_labels_and_clip() {
    let svg = export("scene=one-point&theta=0,0", "param");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let all = texts(&doc).join(" ");
    for label in ["slope θ₀", "intercept θ₁", "C(θ), log"] {
        assert!(all.contains(label), "axis label {label} missing: {all}");
    }
    // The overlay (arrows) sits in a group clipped to the plot.
    let clipped: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("clip-path").is_some())
        .collect();
    assert_eq!(clipped.len(), 1, "one clipped overlay");
    let shapes = |n: &roxmltree::Node| {
        n.descendants()
            .filter(|d| {
                ["line", "polyline", "polygon", "path"]
                    .iter()
                    .any(|t| d.has_tag_name(*t))
            })
            .count()
    };
    // 12 thin arrows (shaft and head each), the mean, ∇C and θ's marker.
    assert!(
        shapes(&clipped[0]) >= 24,
        "{} shapes in the overlay",
        shapes(&clipped[0])
    );
    // Contours are polylines on the background, and the heatmap its cells.
    let background = doc
        .descendants()
        .find(|n| n.has_tag_name("g") && n.attribute("clip-path").is_none())
        .unwrap();
    assert!(
        background
            .descendants()
            .filter(|d| d.has_tag_name("polyline"))
            .count()
            >= 5
    );
    assert!(
        background
            .descendants()
            .filter(|d| d.has_tag_name("rect"))
            .count()
            > 1000
    );
}

#[test]
fn a_caption_with_markup_characters_is_escaped_and_a_long_link_wraps() {
    let svg = export("scene=estimator&draws=10", "param");
    let link = "https://example.org/?a=1&b=<2>";
    let (state, _) = from_query("scene=estimator&draws=10");
    let model = Model::new(state.shared.clone());
    let (sizes, _) = sizes(&state);
    let escaped = figure_svg(&state, &model, "param", &sizes, link).unwrap();
    assert!(escaped.contains("a=1&amp;b=&lt;2&gt;"));
    roxmltree::Document::parse(&escaped).expect("still XML");
    assert!(roxmltree::Document::parse(&svg).is_ok());
    assert_eq!(file_stem(&state, "param"), "gradavg-estimator-param-seed7");
    let (state, _) = from_query("scene=estimator");
    assert!(
        figure_svg(&state, &model, "loss", &sizes, link).is_none(),
        "scene 2 has no loss chart"
    );
}

#[test]
fn wrapping_keeps_every_word_and_every_line_within_its_width() {
    let text = "The surface is C(θ), the mean loss of all 12 examples, over the parameters";
    let lines = wrap(text, 20);
    assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
    assert_eq!(lines.join(" "), text);
    let long = "x".repeat(45);
    assert_eq!(
        wrap(&long, 20),
        vec!["x".repeat(20), "x".repeat(20), "x".repeat(5)]
    );
    assert!(wrap("", 10).is_empty());
}

#[test]
fn the_snippets_carry_the_embed_link_title_and_what_a_course_page_needs() {
    let url = "https://host/course/gradavg/?scene=estimator&embed=1";
    let all = snippets(
        url,
        "gradavg · Scene 2: a mini-batch \"is\" an estimate",
        700,
        640,
    );
    let ids: Vec<_> = all.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["html", "markdown", "quarto", "jupyter"]);
    let html = &all[0].text;
    for part in [
        "src=\"https://host/course/gradavg/?scene=estimator&amp;embed=1\"",
        "title=\"gradavg · Scene 2: a mini-batch &quot;is&quot; an estimate\"",
        "width=\"100%\"",
        "loading=\"lazy\"",
        "allow=\"clipboard-write\"",
        "max-width: 700px",
        "height=\"640\"",
        "gradavg:resize",
    ] {
        assert!(html.contains(part), "HTML snippet lacks {part}: {html}");
    }
    let script = RESIZE_LISTENER.lines().count();
    assert!(script <= 10, "the listener is {script} lines");
    assert!(all[1].text.contains(html.as_str()));
    assert!(all[2].text.starts_with("```{=html}\n") && all[2].text.ends_with("\n```"));
    assert_eq!(
        all[3].text,
        "from IPython.display import IFrame\nIFrame(\"https://host/course/gradavg/?scene=estimator&embed=1\", width=\"100%\", height=640)"
    );
}

#[test]
fn presentation_keys_are_left_out_at_their_defaults_and_round_trip() {
    let plain = to_query(&State::default());
    for key in ["embed=", "controls=", "lock="] {
        assert!(!plain.contains(key), "{key} in a plain link: {plain}");
    }
    let (s, notices) = from_query("scene=estimator&embed=1&controls=0&lock=1");
    assert!(notices.is_empty());
    assert!(s.presentation.embed && !s.presentation.controls && s.presentation.lock);
    assert!(s.presentation.hides_controls());
    assert_eq!(from_query(&to_query(&s)).0, s);
    let (s, notices) = from_query("controls=no&embed=yes");
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(s.presentation.controls && !s.presentation.embed);
    assert!(notices
        .iter()
        .any(|n| n.key == "controls" && n.message.contains("controls are shown")));
    // Without embed=1 the controls stay: controls=0 alone hides nothing.
    let (s, _) = from_query("controls=0");
    assert!(!s.presentation.hides_controls());
}
