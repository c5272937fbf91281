//! Logistic regression in the scenes (`loss=logistic`): separable labels
//! have no lowest point, θ* is where ∇C = 0 and nothing around it is lower,
//! generated labels follow their recipe, the measured ∇C is within its
//! bound, full-batch GD below the stated limit never overshoots, and the
//! captions say what the curve and the errors are.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::models::logistic::{self, separable};
use gradavg::core::models::measured_gradient::measured_gradient;
use gradavg::core::objective::Objective;
use gradavg::page::model::Model;
use gradavg::scenes::one_point::captions::one_point_text;
use gradavg::scenes::state::from_query;
use gradavg::scenes::training::verdict::Limits;

fn data(xs: &[f64], ys: &[f64]) -> Dataset {
    Dataset {
        xs: xs.to_vec(),
        ys: ys.to_vec(),
    }
}

fn model(query: &str) -> Model {
    let (state, notices) = from_query(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    Model::with_loss(state.shared.clone(), state.model_loss())
}

#[test]
fn a_threshold_that_splits_the_labels_leaves_no_lowest_point() {
    let split = data(&[0.0, 1.0, 2.0, 3.0], &[0.0, 0.0, 1.0, 1.0]);
    let flipped = data(&[0.0, 1.0, 2.0, 3.0], &[1.0, 1.0, 0.0, 0.0]);
    let touching = data(&[0.0, 1.0, 1.0, 3.0], &[0.0, 0.0, 1.0, 1.0]);
    let one_class = data(&[0.0, 1.0, 2.0], &[1.0, 1.0, 1.0]);
    let overlap = data(&[0.0, 1.0, 2.0, 3.0], &[0.0, 1.0, 0.0, 1.0]);
    let one_x = data(&[2.0, 2.0, 2.0], &[0.0, 1.0, 1.0]);
    for (name, d, split) in [
        ("split", &split, true),
        ("flipped", &flipped, true),
        ("touching at x = 1", &touching, true),
        ("one class", &one_class, true),
        ("overlap", &overlap, false),
        ("one x, both labels", &one_x, false),
    ] {
        assert_eq!(separable(d), split, "{name}");
        assert_eq!(
            logistic::lowest_point(d).is_some(),
            !split && name == "overlap",
            "{name}"
        );
    }
    // Along the separating direction C keeps falling: no finite θ is lowest.
    let p = logistic::problem(&split.xs, &split.ys).unwrap();
    let costs: Vec<f64> = [1.0, 4.0, 16.0, 64.0]
        .iter()
        .map(|s| p.cost(&[s * 2.0, -s * 3.0]))
        .collect();
    assert!(costs.windows(2).all(|w| w[1] < w[0]), "{costs:?}");
    // Where the labels meet at one x, C falls towards what the examples
    // there cost at best: 2 of 4 examples, half of them 1, (2/4)·ln 2.
    assert_eq!(logistic::infimum(&split), (0.0, None));
    let (floor, meet) = logistic::infimum(&touching);
    assert_eq!(meet, Some(1.0));
    assert!((floor - 0.5 * std::f64::consts::LN_2).abs() < 1e-15);
    let p = logistic::problem(&touching.xs, &touching.ys).unwrap();
    let far = p.cost(&[1e3, -1e3]);
    assert!((far - floor).abs() < 1e-12, "C far along (1, −1) is {far}");
    // With one x and both labels the lowest points form the line z = logit(ȳ).
    let line = gradavg::core::models::lowest_point::lowest_on_the_line(
        &one_x,
        gradavg::core::models::loss::Loss::Logistic,
    );
    assert!((line[1] - (2.0f64).ln()).abs() < 1e-15);
}

#[test]
fn theta_star_has_zero_gradient_and_nothing_around_it_is_lower() {
    for query in [
        "?loss=logistic",
        "?loss=logistic&n=500&noise=1",
        "?loss=logistic&n=10000&noise=2&seed=3",
    ] {
        let m = model(query);
        let best = m.minimum.expect("these labels overlap");
        let p = &m.problem;
        let g = p.cost_gradient(&best);
        assert!(
            g[0].abs().max(g[1].abs()) < 1e-12,
            "{query}: ∇C(θ*) = {g:?}"
        );
        let c = p.cost(&best);
        for radius in [1e-4, 1e-2, 1.0] {
            for k in 0..16 {
                let a = k as f64 * std::f64::consts::PI / 8.0;
                let t = [best[0] + radius * a.cos(), best[1] + radius * a.sin()];
                assert!(p.cost(&t) >= c - 1e-15, "{query}: lower at {t:?}");
            }
        }
    }
}

#[test]
fn generated_labels_follow_their_recipe() {
    // P(label 1 | x) = σ((a·x + c)/σ) exactly, so the fit of 10,000 labels
    // recovers (a/σ, c/σ) = (3, 1) to within its sampling error (about 0.1
    // for the slope here; the tolerance is 4 of those, for seeds 1 to 5).
    for seed in 1..=5 {
        let recipe = DataRecipe {
            n: 10_000,
            slope: 1.5,
            intercept: 0.5,
            noise: 0.5,
            x_min: -1.0,
            x_max: 2.0,
            seed,
        };
        let d = Dataset::generate_labels(&recipe);
        assert!(d.ys.iter().all(|&y| y == 0.0 || y == 1.0));
        let fit = logistic::lowest_point(&d).unwrap();
        assert!((fit[0] - 3.0).abs() < 0.4, "seed {seed}: {fit:?}");
        assert!((fit[1] - 1.0).abs() < 0.25, "seed {seed}: {fit:?}");
    }
    // No noise: the label is 1 exactly where a·x + c > 0, and separable.
    let exact = Dataset::generate_labels(&DataRecipe {
        n: 200,
        slope: 1.5,
        intercept: 0.5,
        noise: 0.0,
        x_min: -1.0,
        x_max: 2.0,
        seed: 4,
    });
    for (&x, &y) in exact.xs.iter().zip(&exact.ys) {
        assert_eq!(y == 1.0, 1.5 * x + 0.5 > 0.0, "x = {x}");
    }
    assert!(separable(&exact));
}

#[test]
fn the_measured_gradient_is_within_its_bound_and_the_bound_is_small() {
    let m = model("?loss=logistic&n=300&noise=1");
    let (c, h) = (m.view.center, m.view.half);
    for i in 0..7 {
        for j in 0..7 {
            let t = [
                c[0] + h * (i as f64 / 3.0 - 1.0),
                c[1] + h * (j as f64 / 3.0 - 1.0),
            ];
            let measured = measured_gradient(&m.problem, t, h);
            let exact = m.problem.mean_gradient_of(0..300, t);
            for (got, want) in measured.gradient.iter().zip(exact) {
                let off = (got - want).abs();
                assert!(
                    off <= measured.error,
                    "at {t:?}: off by {off:e}, bound {:e}",
                    measured.error
                );
            }
            assert!(measured.error < 1e-8, "bound {:e} at {t:?}", measured.error);
            assert!(!measured.on_kink);
        }
    }
}

#[test]
fn full_batch_gd_below_the_stated_limit_never_raises_the_cost() {
    for query in [
        "?loss=logistic&n=200&noise=1",
        "?loss=logistic&n=200&noise=0.2&xmin=-4&xmax=6",
    ] {
        let m = model(query);
        let limit = Limits::of(&m).full_batch;
        let p = &m.problem;
        let mut t = [-3.0, 2.0];
        let mut cost = p.cost(&t);
        for step in 0..300 {
            let g = p.cost_gradient(&t);
            t = [t[0] - 0.99 * limit * g[0], t[1] - 0.99 * limit * g[1]];
            let next = p.cost(&t);
            assert!(
                next <= cost + 1e-12,
                "{query}: step {step} raised C from {cost} to {next}"
            );
            cost = next;
        }
    }
}

#[test]
fn scene_one_says_curve_errors_and_what_happens_without_a_lowest_point() {
    let texts = |query: &str, highlight| {
        let m = model(query);
        one_point_text(&m, Default::default(), highlight, 1.0)
            .into_iter()
            .map(|r| (r.slot, r.text))
            .collect::<Vec<_>>()
    };
    let get =
        |t: &[(&str, String)], slot: &str| t.iter().find(|(s, _)| *s == slot).unwrap().1.clone();
    let t = texts("?loss=logistic&theta=2,0.5", Some(3));
    assert!(get(&t, "caption-data").contains("p(x) = σ(2.00·x + 0.500)"));
    assert!(get(&t, "caption-data").contains("errors pᵢ − yᵢ"));
    assert!(get(&t, "example-info").contains("error p − y = "));
    assert!(get(&t, "caption-param").contains("The lowest point, C = "));
    assert_eq!(get(&t, "readout-gap"), "0 (to rounding)");
    let split = texts("?loss=logistic&noise=0", None);
    assert!(get(&split, "caption-param").contains("C has no lowest point"));
    assert!(!get(&split, "caption-param").contains("θ* ="));
}

#[test]
fn where_the_labels_meet_the_captions_name_the_floor_not_zero() {
    let (state, _) = from_query("?loss=logistic&data=AAAAAAAAAAAAAIA_AAAAAAAAgD8AAIA_AAAAQAAAgD8");
    let p = state
        .shared
        .points
        .as_ref()
        .expect("four points in the link");
    assert_eq!(
        (p.xs.clone(), p.ys.clone()),
        (vec![0.0, 1.0, 1.0, 2.0], vec![0.0, 0.0, 1.0, 1.0])
    );
    let m = Model::with_loss(state.shared.clone(), state.model_loss());
    assert!(m.separable && !m.fits_exactly());
    assert!((m.min_cost() - 0.5 * std::f64::consts::LN_2).abs() < 1e-15);
    let caption = one_point_text(&m, Default::default(), None, 1.0)
        .into_iter()
        .find(|r| r.slot == "caption-param")
        .unwrap()
        .text;
    assert!(
        caption.contains("falling towards 0.347, what the examples at x = 1.00"),
        "{caption}"
    );
}
