//! Defects found trying the page as a new user would (issue 12), each
//! pinned by a test so it stays fixed.

use gradavg::page::model::Model;
use gradavg::render::HeatmapMode;
use gradavg::scenes::average_first::network::Network;
use gradavg::scenes::scene::Scene;
use gradavg::scenes::state::{from_query, to_query};
use gradavg::scenes::{make, SceneKey};
use plotters_svg::SVGBackend;

fn notice_keys(query: &str) -> Vec<String> {
    from_query(query).1.into_iter().map(|n| n.key).collect()
}

#[test]
fn a_repair_speaks_only_of_keys_the_link_gave() {
    // N = 1 shrinks the default batch of 4 quietly: the link has no "b".
    assert_eq!(notice_keys("?n=1"), Vec::<String>::new());
    assert_eq!(from_query("?n=1").0.shared.batch, 1);
    assert_eq!(notice_keys("?sel=9999&n=3"), vec!["sel".to_string()]);
    // A batch the link did give is still reported.
    assert_eq!(notice_keys("?n=3&b=8"), vec!["b".to_string()]);
    // The x range is one notice for either of its keys.
    assert_eq!(notice_keys("?xmax=-5"), vec!["xmin".to_string()]);
}

#[test]
fn a_point_far_off_the_map_is_put_on_it() {
    // θ far from the minimum: the automatic window grows to hold it.
    let (state, _) = from_query("?theta=100,-80");
    let model = Model::new(state.shared.clone());
    let v = model.view;
    assert!((100.0 - v.center[0]).abs() < v.half && (-80.0 - v.center[1]).abs() < v.half);
    // A window the student chose is left alone.
    let (state, _) = from_query("?theta=100,-80&view=0,0,2");
    assert_eq!(Model::new(state.shared).view.half, 2.0);
    // The network's point: the URL refuses absurd values, and the window
    // follows any point it allows.
    let (_, notices) = from_query("?scene=average-first&part=network&net=1e6,-1e6");
    assert!(notices.iter().any(|n| n.key == "net"), "{notices:?}");
    let (state, _) = from_query("?scene=average-first&part=network&net=18,-18");
    let mut net = Network::new(
        &state.shared.recipe,
        state.average.hidden,
        state.average.slice,
    );
    net.place(state.average.net_at);
    let (p, v) = (net.point(), net.view);
    assert!((p[0] - v.center[0]).abs() < v.half && (p[1] - v.center[1]).abs() < v.half);
}

#[test]
fn playing_puts_short_times_into_links() {
    let (mut state, _) = from_query("?scene=training&at=0");
    let mut scene: Box<dyn Scene<SVGBackend>> =
        make(SceneKey::Training, &state, HeatmapMode::Cells(8));
    scene.action(&mut state, "play", 0.0, 1000.0).unwrap();
    for now in [1016.6667, 1033.3334, 1871.11, 2786.7999] {
        scene.tick(&mut state, now);
        let query = to_query(&state);
        let at = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("at="))
            .expect("the link carries the time");
        let decimals = at.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 3, "at={at}");
    }
}

#[test]
fn one_example_in_scene_3_says_no_infinite_percentage() {
    let (state, _) = from_query("?n=1&scene=training");
    let model = Model::new(state.shared.clone());
    let training = gradavg::scenes::training::runs::Training::new(&model, &state.training);
    let texts = gradavg::scenes::training::captions::training_text(
        &model,
        &state.training,
        &training,
        3.0,
        false,
    );
    for r in texts {
        assert!(
            !r.text.contains('∞') && !r.text.contains('%'),
            "{}: {}",
            r.slot,
            r.text
        );
    }
}
