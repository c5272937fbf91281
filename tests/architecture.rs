//! The layout's rules, checked on the source: the core imports nothing from
//! the page, the scenes, the figures or the web; the layers import only
//! downwards (so there is no cycle between them); a scene never imports
//! another scene; and every text slot a scene writes exists in its section
//! of index.html.

use gradavg::render::grid_source::ComputeHere;
use std::fs;
use std::path::Path;

/// The layers, lowest first: each may import only from layers before it.
const LAYERS: [&str; 5] = ["core", "page", "render", "scenes", "canvas"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules that `source` names through `crate::`.
fn imported_layers(source: &str) -> Vec<&'static str> {
    LAYERS
        .into_iter()
        .filter(|l| {
            source.contains(&format!("crate::{l}::")) || source.contains(&format!("crate::{l}::{{"))
        })
        .collect()
}

fn files_of(layer: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new("src").join(layer), &mut files);
    files
        .into_iter()
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect()
}

#[test]
fn layers_import_only_downwards_so_there_is_no_cycle() {
    for (rank, layer) in LAYERS.iter().enumerate() {
        for (path, source) in files_of(layer) {
            for imported in imported_layers(&source) {
                let their_rank = LAYERS.iter().position(|l| *l == imported).unwrap();
                assert!(
                    their_rank <= rank,
                    "{path} ({layer}) imports crate::{imported}, a higher layer"
                );
            }
        }
    }
}

#[test]
fn the_core_knows_nothing_of_the_page_or_the_web() {
    let web = [
        "wasm_bindgen",
        "web_sys",
        "js_sys",
        "plotters_canvas",
        "plotters::",
    ];
    for (path, source) in files_of("core") {
        for name in ["page", "scenes", "render", "canvas"] {
            assert!(
                !source.contains(&format!("crate::{name}")),
                "{path} imports crate::{name}"
            );
        }
        for w in web {
            assert!(!source.contains(w), "{path} uses {w}");
        }
    }
    for layer in ["page", "render", "scenes"] {
        for (path, source) in files_of(layer) {
            for w in ["wasm_bindgen", "web_sys", "js_sys", "plotters_canvas"] {
                assert!(
                    !source.contains(w),
                    "{path} uses {w}: only lib.rs and canvas/ may"
                );
            }
        }
    }
}

#[test]
fn a_scene_never_imports_another_scene() {
    let scenes = ["one_point", "estimator", "training", "average_first"];
    for scene in scenes {
        for (path, source) in files_of(&format!("scenes/{scene}")) {
            for other in scenes.iter().filter(|o| **o != scene) {
                assert!(
                    !source.contains(&format!("scenes::{other}")),
                    "{path} imports scene {other}"
                );
            }
        }
    }
}

/// The `data-slot` names inside the section `data-scene="{key}"` of index.html.
fn slots_in_section(html: &str, key: &str) -> Vec<String> {
    let start = html
        .find(&format!("class=\"scene\" data-scene=\"{key}\""))
        .unwrap_or_else(|| panic!("index.html has no section for scene {key}"));
    let end = html[start..]
        .find("\n</section>")
        .map_or(html.len(), |e| start + e);
    html[start..end]
        .split("data-slot=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

#[test]
fn every_text_slot_a_scene_writes_exists_in_its_section() {
    use gradavg::page::model::Model;
    use gradavg::render::HeatmapMode;
    use gradavg::scenes::average_first::settings::Part;
    use gradavg::scenes::scene::Ctx;
    use gradavg::scenes::state::State;
    use gradavg::scenes::{make, SceneKey};
    use plotters_svg::SVGBackend;
    let html = fs::read_to_string("index.html").unwrap();
    for key in SceneKey::ALL {
        let slots = slots_in_section(&html, key.key());
        let parts: &[Part] = if key == SceneKey::AverageFirst {
            &Part::ALL
        } else {
            &[Part::Inputs]
        };
        for &part in parts {
            let mut state = State {
                scene: key,
                ..State::default()
            };
            state.average.part = part;
            state.estimator.draws = 5;
            let model = Model::new(state.shared.clone());
            let ctx = Ctx {
                model: &model,
                state: &state,
                hover: None,
                dragging: false,
                grids: &ComputeHere,
            };
            let mut scene = make::<SVGBackend>(key, &state, HeatmapMode::Cells(8));
            scene.update(&ctx);
            let texts = scene.texts(&ctx);
            assert!(!texts.is_empty(), "{key:?} writes no text");
            for r in texts {
                assert!(
                    slots.contains(&r.slot.to_string()),
                    "{key:?} ({part:?}) writes slot \"{}\", which its section lacks",
                    r.slot
                );
            }
        }
    }
}
