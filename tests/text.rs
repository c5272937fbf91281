//! Number formatting and the captions generated from the scene.

use gradavg::core::text::{fmt_difference, fmt_power_of_ten, fmt_sig, fmt_tick};
use gradavg::page::model::Model;
use gradavg::scenes::one_point::captions::one_point_text;
use gradavg::scenes::one_point::settings::Picture;
use gradavg::scenes::state::State;

#[test]
fn significant_digits() {
    assert_eq!(fmt_sig(4.56789, 3), "4.57");
    assert_eq!(fmt_sig(-0.0123456, 3), "−0.0123");
    assert_eq!(fmt_sig(1234.6, 4), "1235");
    assert_eq!(fmt_sig(0.0, 4), "0");
    assert_eq!(fmt_sig(1.5e-7, 2), "1.5×10⁻⁷");
    assert_eq!(fmt_sig(-2.5e8, 2), "−2.5×10⁸");
    assert_eq!(fmt_sig(f64::NAN, 2), "not a number");
}

#[test]
fn ticks_and_differences() {
    assert_eq!(fmt_tick(0.5), "0.5");
    assert_eq!(fmt_tick(-0.0), "0");
    assert_eq!(fmt_tick(-2.0), "−2");
    assert_eq!(fmt_difference(2.2e-16, 3.0), "0 (to rounding)");
    assert_eq!(fmt_power_of_ten(-4), "10⁻⁴");
    assert_eq!(fmt_power_of_ten(-2), "0.01");
    assert_eq!(fmt_power_of_ten(2), "100");
    assert_eq!(fmt_power_of_ten(5), "10⁵");
    assert_eq!(fmt_difference(1e-3, 3.0), "0.00100");
}

fn texts(state: State, highlight: Option<usize>, progress: f64) -> Vec<(String, String)> {
    one_point_text(
        &Model::new(state.shared.clone()),
        state.one_point.picture,
        highlight,
        progress,
    )
    .into_iter()
    .map(|r| (r.slot.to_string(), r.text))
    .collect()
}

fn get<'a>(t: &'a [(String, String)], id: &str) -> &'a str {
    &t.iter()
        .find(|(i, _)| i == id)
        .unwrap_or_else(|| panic!("no {id}"))
        .1
}

#[test]
fn captions_describe_the_state_they_belong_to() {
    let mut s = State::default();
    s.shared.recipe.n = 37;
    s.shared.theta = [0.25, -1.0];
    let t = texts(s.clone(), None, 1.0);
    assert!(get(&t, "caption-param")
        .contains("All 37 per-example arrows start at the same θ = (0.250, −1.00)"));
    assert!(get(&t, "caption-data").starts_with("37 examples drawn from y = 1.50·x + 0.500"));
    assert_eq!(get(&t, "readout-gap"), "0 (to rounding)");
    assert_eq!(get(&t, "readout-theta"), "(0.250, −1.00)");
    let scene = Model::new(s.shared.clone());
    assert_eq!(get(&t, "readout-cost"), fmt_sig(scene.cost(), 4));
    // The mistaken picture is named as such.
    s.one_point.picture = Picture::Mistaken;
    assert!(get(&texts(s, None, 0.0), "caption-param").starts_with("The mistaken picture"));
}

#[test]
fn the_highlighted_example_shows_its_own_numbers() {
    let s = State::default();
    let scene = Model::new(s.shared.clone());
    let (x, y) = (scene.problem.data().xs[2], scene.problem.data().ys[2]);
    let info = get(&texts(s, Some(2), 1.0), "example-info").to_string();
    assert!(info.starts_with("Example 3: "), "{info}");
    assert!(
        info.contains(&format!("x = {}", fmt_sig(x, 3)))
            && info.contains(&format!("y = {}", fmt_sig(y, 3))),
        "{info}"
    );
}
