//! The shared loss in scenes 1, 2 and 3 (`loss=mae`, `loss=huber&delta=…`):
//! the mean of the arrows still equals ∇C measured on its own, every
//! caption names the loss it describes, the runs' costs and verdicts follow
//! it, and scene 4 stays with the squared error.

use gradavg::core::models::loss::Loss;
use gradavg::core::text::fmt_difference;
use gradavg::page::examples_table::examples_table;
use gradavg::page::model::Model;
use gradavg::scenes::one_point::captions::one_point_text;
use gradavg::scenes::state::{from_query, State};
use gradavg::scenes::training::captions::training_text;
use gradavg::scenes::training::runs::Training;

fn state(query: &str) -> State {
    let (state, notices) = from_query(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    state
}

fn model(s: &State) -> Model {
    Model::with_loss(s.shared.clone(), s.model_loss())
}

fn text(texts: &[(String, String)], slot: &str) -> String {
    texts
        .iter()
        .find(|(k, _)| k == slot)
        .unwrap_or_else(|| panic!("no {slot}"))
        .1
        .clone()
}

fn scene1(m: &Model, highlight: Option<usize>) -> Vec<(String, String)> {
    one_point_text(m, Default::default(), highlight, 1.0)
        .into_iter()
        .map(|r| (r.slot.to_string(), r.text))
        .collect()
}

#[test]
fn the_loss_is_read_from_the_link_and_scene_4_keeps_the_squared_error() {
    assert_eq!(state("?loss=mae").shared.loss(), Loss::Mae);
    assert_eq!(
        state("?loss=huber&delta=0.3").shared.loss(),
        Loss::Huber { delta: 0.3 }
    );
    let four = state("?scene=average-first&loss=mae");
    assert_eq!(four.shared.loss(), Loss::Mae);
    assert_eq!(four.model_loss(), Loss::Mse);
    assert_eq!(state("?scene=training&loss=mae").model_loss(), Loss::Mae);
}

#[test]
fn the_mean_of_the_arrows_is_grad_c_under_every_loss_across_the_window() {
    for query in [
        "?loss=mae&n=40",
        "?loss=huber&delta=0.4&n=40",
        "?loss=mae&n=1000&noise=2",
        "?loss=logistic&n=40",
        "?loss=logistic&n=1000&noise=1",
        "?loss=logistic&noise=0",
    ] {
        let mut s = state(query);
        let base = model(&s);
        let (c, h) = (base.view.center, base.view.half);
        let mut checked = 0;
        for i in 0..9 {
            for j in 0..9 {
                s.shared.theta = [
                    c[0] + h * (i as f64 / 4.0 - 1.0) * 0.9,
                    c[1] + h * (j as f64 / 4.0 - 1.0) * 0.9,
                ];
                let m = model(&s);
                let gap = fmt_difference(m.identity_gap(), m.cost_gradient_scale());
                assert_eq!(gap, "0 (to rounding)", "{query} at {:?}", s.shared.theta);
                checked += 1;
            }
        }
        assert_eq!(checked, 81);
    }
}

#[test]
fn scene_1_names_the_loss_and_its_formulas() {
    let mut s = state("?loss=huber&delta=0.5&n=12&theta=0,0");
    let huber = scene1(&model(&s), Some(3));
    assert!(text(&huber, "caption-param").contains("under the Huber loss with δ = 0.500"));
    assert!(text(&huber, "caption-param").contains("measured from C by central differences"));
    assert!(text(&huber, "caption-data").contains("the mean of their Huber losses"));
    assert!(
        text(&huber, "example-info").contains("2δ|r| − δ² (|r| > δ)"),
        "{}",
        text(&huber, "example-info")
    );
    s.shared.loss = gradavg::page::loss_choice::LossKey::Mae;
    let m = model(&s);
    let mae = scene1(&m, Some(3));
    assert!(text(&mae, "caption-param").contains("under the absolute error"));
    assert!(text(&mae, "caption-data").contains("the mean of their lengths |rᵢ|"));
    assert!(text(&mae, "example-info").contains("∇Lᵢ = −sign(r)·(x, 1)"));
    let table = examples_table(&m, None);
    assert_eq!(table.head[4], "Lᵢ = |rᵢ|");
    assert_eq!(table.head[5], "∇Lᵢ = −sign(rᵢ)·(xᵢ, 1)");
    // Every MAE arrow has the length |(xᵢ, 1)| (or 0 on the line).
    for a in m.example_arrows() {
        let len = a.grad[0].hypot(a.grad[1]);
        assert!(
            len == 0.0 || (len - a.grad[0].abs().hypot(1.0)).abs() < 1e-15,
            "{a:?}"
        );
    }
    let mse = scene1(&model(&state("?n=12")), None);
    assert!(text(&mse, "caption-param").contains("under the squared error"));
    assert!(text(&mse, "caption-param").contains("from the data's sums"));
}

#[test]
fn an_outlier_moves_the_squared_error_minimum_more_than_the_absolute_one() {
    let base = "?n=60&noise=0.1&seed=3";
    let clean_mse = model(&state(base)).minimum.unwrap();
    let shifted = |loss: &str| {
        let mut s = state(&format!("{base}&loss={loss}"));
        let mut d = s.shared.dataset();
        d.ys[0] += 60.0;
        s.shared.recipe.n = d.len();
        s.shared.points = Some(d);
        model(&s).minimum.unwrap()
    };
    let (mse, mae) = (shifted("mse"), shifted("mae"));
    let moved = |t: [f64; 2]| (t[0] - clean_mse[0]).hypot(t[1] - clean_mse[1]);
    assert!(
        moved(mse) > 10.0 * moved(mae),
        "MSE moved {}, MAE {}",
        moved(mse),
        moved(mae)
    );
}

#[test]
fn training_costs_follow_the_loss_and_are_budgeted_at_large_n() {
    let s = state("?scene=training&loss=mae&n=12");
    let m = model(&s);
    let t = Training::new(&m, &s.training);
    for run in &t.runs {
        assert_eq!(
            run.cost_steps.len(),
            run.path.thetas.len(),
            "every step's cost at N = 12"
        );
        for (&step, &c) in run.cost_steps.iter().zip(&run.costs) {
            assert_eq!(c, m.problem.cost_at(run.path.thetas[step]));
        }
    }
    assert_eq!(t.c_min, m.min_cost());
    let words: Vec<_> = training_text(&m, &s.training, &t, s.training.epochs as f64, false)
        .into_iter()
        .map(|r| r.text)
        .collect();
    assert!(words
        .iter()
        .any(|w| w.contains("under the absolute error every arrow has the same length")));
    assert!(
        !words.iter().any(|w| w.contains("∇C = 0")),
        "MAE's minimum is a kink"
    );

    let s = state("?scene=training&loss=huber&n=10000");
    let m = model(&s);
    let t = Training::new(&m, &s.training);
    let sgd = t.runs.iter().max_by_key(|r| r.path.thetas.len()).unwrap();
    let last = sgd.path.thetas.len() - 1;
    assert!(
        sgd.cost_steps.len() < last,
        "a cost per step would be {last} passes over 10,000 examples"
    );
    assert_eq!(
        (sgd.cost_steps[0], *sgd.cost_steps.last().unwrap()),
        (0, last)
    );
    let total: usize = t.runs.iter().map(|r| r.cost_steps.len()).sum();
    assert!(
        total * 10_000 <= 20_000_000 + 4 * 2 * 10_000,
        "{total} costs"
    );
    let (known, c) = sgd.cost_at(last - 1);
    assert!(known < last && c == m.problem.cost_at(sgd.path.thetas[known]));
}

#[test]
fn on_a_kink_scene_1_says_there_is_no_gradient_and_scene_2_no_false_exactness() {
    // MAE's θ* lies where residuals are 0 to rounding: a kink of C.
    let mut s = state("?loss=mae&n=12");
    let best = model(&s).minimum.unwrap();
    s.shared.theta = best;
    let m = model(&s);
    assert!(m.on_kink(), "θ* of MAE is on a kink");
    let t = scene1(&m, None);
    assert_eq!(
        text(&t, "readout-gap"),
        "none to compare: θ is on a kink of C"
    );
    assert!(text(&t, "caption-param").contains("cannot be compared here"));
    // Off the kinks, the usual identity.
    s.shared.theta = [best[0] + 0.3, best[1] - 0.2];
    let m = model(&s);
    assert!(!m.on_kink());
    assert_eq!(text(&scene1(&m, None), "readout-gap"), "0 (to rounding)");
    // The per-example gradients at θ* are not all the same, whatever ∇C's error.
    s.shared.theta = best;
    let m = model(&s);
    let sigma = gradavg::core::estimator::gradient_covariance(&m.problem, best);
    assert!(!gradavg::core::text::is_rounding(
        (sigma[0][0] + sigma[1][1]).sqrt(),
        m.gradient_scale()
    ));
}
