//! The URL codec: round trips, and any string at all as input.

use gradavg::core::data::DataOrder;
use gradavg::core::geometry::ViewWindow;
use gradavg::core::rng::SeededRng;
use gradavg::core::sampler::SamplingMode;
use gradavg::scenes::average_first::settings::Part;
use gradavg::scenes::one_point::settings::Picture;
use gradavg::scenes::state::State;
use gradavg::scenes::state::{from_query, to_query};
use gradavg::scenes::SceneKey as Scene;

fn random_state(rng: &mut SeededRng) -> State {
    let mut s = State::default();
    s.shared.recipe.n = 1 + (rng.uniform() * 9999.0) as usize;
    s.shared.recipe.slope = rng.uniform_in(-100.0, 100.0);
    s.shared.recipe.intercept = rng.uniform_in(-100.0, 100.0);
    s.shared.recipe.noise = rng.uniform_in(0.0, 100.0);
    s.shared.recipe.x_min = rng.uniform_in(-1000.0, 0.0);
    s.shared.recipe.x_max = rng.uniform_in(0.0, 1000.0);
    s.shared.recipe.seed = (rng.uniform() * u32::MAX as f64) as u32;
    s.shared.theta = [rng.uniform_in(-1e6, 1e6), rng.uniform_in(-1e-6, 1e-6)];
    s.shared.arrow_scale = rng.uniform_in(0.05, 20.0);
    if rng.uniform() < 0.5 {
        s.shared.view = Some(ViewWindow {
            center: [rng.uniform_in(-5.0, 5.0), rng.uniform_in(-5.0, 5.0)],
            half: rng.uniform_in(1e-3, 10.0),
        });
    }
    if rng.uniform() < 0.5 {
        s.one_point.picture = Picture::Mistaken;
    }
    if rng.uniform() < 0.5 {
        s.shared.selected = Some((rng.uniform() * s.shared.recipe.n as f64) as usize);
    }
    s.scene = Scene::ALL[(rng.uniform() * 4.0) as usize];
    s.shared.order = DataOrder::ALL[(rng.uniform() * 3.0) as usize];
    s.estimator.mode = SamplingMode::ALL[(rng.uniform() * 3.0) as usize];
    s.shared.batch = 1 + (rng.uniform() * s.shared.recipe.n as f64) as usize % s.shared.recipe.n;
    s.estimator.draws = (rng.uniform() * 20_000.0) as usize;
    s.shared.draw_seed = (rng.uniform() * u32::MAX as f64) as u32;
    s.shared.lr = rng.uniform_in(1e-6, 100.0);
    s.training.epochs = 1 + (rng.uniform() * 99.0) as usize;
    s.training.decay = rng.uniform() < 0.5;
    s.training.at = rng.uniform_in(0.0, 100.0);
    s.training.speed = rng.uniform_in(0.05, 100.0);
    s.training.against_compute = rng.uniform() < 0.5;
    s.average.part = Part::ALL[(rng.uniform() * 3.0) as usize];
    s.average.valley = rng.uniform() < 0.5;
    s.average.part = Part::ALL[(rng.uniform() * 4.0) as usize];
    s.average.hidden = 2 + (rng.uniform() * 7.0) as usize;
    if rng.uniform() < 0.5 {
        let p = 3 * s.average.hidden + 1;
        let a = (rng.uniform() * p as f64) as usize;
        s.average.slice = Some([a, (a + 1) % p]);
    }
    if rng.uniform() < 0.5 {
        s.average.net_at = Some([rng.uniform_in(-5.0, 5.0), rng.uniform_in(-5.0, 5.0)]);
    }
    s
}

#[test]
fn default_state_round_trips_without_notices() {
    let s = State::default();
    let (back, notices) = from_query(&to_query(&s));
    assert_eq!(back, s);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(from_query("").0, s, "an empty query is the default page");
}

#[test]
fn random_states_round_trip_exactly() {
    let mut rng = SeededRng::new(1);
    for _ in 0..2000 {
        let s = random_state(&mut rng);
        let q = to_query(&s);
        let (back, notices) = from_query(&format!("?{q}"));
        assert_eq!(back, s, "query {q}");
        assert!(notices.is_empty(), "query {q}: {notices:?}");
    }
}

#[test]
fn bad_values_fall_back_to_defaults_with_a_notice_naming_the_key() {
    let d = State::default();
    let cases = [
        ("n=0", "n"),
        ("n=10001", "n"),
        ("n=1e9", "n"),
        ("n=-3", "n"),
        ("noise=NaN", "noise"),
        ("noise=inf", "noise"),
        ("a=1e400", "a"),
        ("theta=1", "theta"),
        ("theta=1,2,3", "theta"),
        ("theta=x,1", "theta"),
        ("view=0,0,0", "view"),
        ("picture=maybe", "picture"),
        ("scene=nowhere", "scene"),
        ("arrows=0", "arrows"),
        ("seed=4294967296", "seed"),
        ("bogus=1", "bogus"),
        ("sel=12", "sel"),
        ("b=0", "b"),
        ("b=13", "b"),
        ("mode=shuffled", "mode"),
        ("order=sideways", "order"),
        ("draws=20001", "draws"),
        ("dseed=-1", "dseed"),
        ("lr=0", "lr"),
        ("lr=1e3", "lr"),
        ("epochs=0", "epochs"),
        ("epochs=101", "epochs"),
        ("decay=yes", "decay"),
        ("at=-1", "at"),
        ("speed=0", "speed"),
        ("xaxis=time", "xaxis"),
        ("part=everything", "part"),
        ("surface=flat", "surface"),
        ("hidden=1", "hidden"),
        ("hidden=9", "hidden"),
        ("slice=3,3", "slice"),
        ("slice=1.5,2", "slice"),
        ("slice=0,20", "slice"),
        ("net=1", "net"),
    ];
    for (query, key) in cases {
        let (s, notices) = from_query(query);
        assert_eq!(notices.len(), 1, "{query}: {notices:?}");
        assert_eq!(notices[0].key, key, "{query}");
        assert_eq!(s.shared.recipe, d.shared.recipe, "{query} changed the data");
        assert_eq!(s.shared.theta, d.shared.theta, "{query} changed θ");
    }
}

#[test]
fn good_keys_survive_beside_bad_ones() {
    let (s, notices) = from_query("n=50&noise=oops&theta=1.5,-2&zzz");
    assert_eq!(s.shared.recipe.n, 50);
    assert_eq!(s.shared.recipe.noise, State::default().shared.recipe.noise);
    assert_eq!(s.shared.theta, [1.5, -2.0]);
    let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
    assert_eq!(keys, ["noise", "zzz"]);
}

#[test]
fn crossed_x_range_and_repeated_keys_are_reported() {
    let (s, notices) = from_query("xmin=3&xmax=1");
    assert_eq!(
        (s.shared.recipe.x_min, s.shared.recipe.x_max),
        (
            State::default().shared.recipe.x_min,
            State::default().shared.recipe.x_max
        )
    );
    assert_eq!(notices[0].key, "xmin");
    let (s, notices) = from_query("n=5&n=6");
    assert_eq!(s.shared.recipe.n, 6);
    assert_eq!(notices[0].key, "n");
}

#[test]
fn percent_encoding_is_decoded() {
    let (s, notices) = from_query("theta=0.5%2C-1&picture=mistaken");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.shared.theta, [0.5, -1.0]);
    assert_eq!(s.one_point.picture, Picture::Mistaken);
}

#[test]
fn any_string_gives_a_valid_state() {
    // Seeded garbage: random bytes from a URL-ish alphabet, and fragments of
    // real queries cut at random places. Nothing may panic, and the state
    // must always be one the page can draw.
    let alphabet: Vec<char> = "abcnthetaxyview=&,.%-+0123456789eEinfNa ?#é\u{0}/"
        .chars()
        .collect();
    let real = to_query(&State::default());
    let mut rng = SeededRng::new(77);
    for _ in 0..5000 {
        let len = (rng.uniform() * 80.0) as usize;
        let mut q: String = (0..len)
            .map(|_| alphabet[(rng.uniform() * alphabet.len() as f64) as usize])
            .collect();
        if rng.uniform() < 0.5 {
            let cut = (rng.uniform() * real.len() as f64) as usize;
            q = format!("{}{}", &real[..cut], q);
        }
        let (s, _) = from_query(&q);
        assert_eq!(s.problems(), Vec::<&str>::new(), "{q}");
        // And what it parsed writes back and reads again unchanged.
        assert_eq!(from_query(&to_query(&s)).0, s, "{q}");
    }
}
