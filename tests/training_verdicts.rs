//! Scene 3's words agree with what the runs did: "stayed there" only when
//! the cost stays under the target, "jittering" only when it really
//! fluctuates, "unstable" only when η is above 2/λ and the cost ends above
//! where it started, and the stability limits match the data's curvatures.

use gradavg::core::stability::{cost_curvature, example_curvature};
use gradavg::page::model::Model;
use gradavg::scenes::state::from_query;
use gradavg::scenes::training::runs::{RunKind, Training};
use gradavg::scenes::training::verdict::{verdict, Limits, Target, Verdict};

/// The model, the runs and each run's verdict for a scene-3 query.
fn verdicts(query: &str) -> (Model, Training, Vec<Verdict>) {
    let (state, _) = from_query(query);
    let model = Model::new(state.shared.clone());
    let training = Training::new(&model, &state.training);
    let (target, limits) = (Target::of(&training), Limits::of(&model));
    let out = training
        .runs
        .iter()
        .map(|r| verdict(r, &training, target, limits, state.shared.lr))
        .collect();
    (model, training, out)
}

/// The excess costs of a run over its last epoch.
fn last_epoch(training: &Training, kind: RunKind) -> Vec<f64> {
    let run = training.runs.iter().find(|r| r.kind == kind).unwrap();
    let n = training.n;
    let last = run.costs.len() - 1;
    let from = run.step_at((run.epoch_of(last, n) - 1.0).max(0.0), n);
    run.costs[from..]
        .iter()
        .map(|c| (c - training.c_min).max(0.0))
        .collect()
}

#[test]
fn at_a_perfect_fit_sgd_goes_all_the_way_down_and_says_so() {
    let (model, training, v) = verdicts("?scene=training&noise=0");
    assert!(model.fits_exactly());
    let target = Target::of(&training);
    assert!(
        !target.relative,
        "a percentage of C(θ*) = 0 would mean nothing"
    );
    assert!(matches!(v[2], Verdict::Settled { .. }), "SGD: {:?}", v[2]);
    let late = last_epoch(&training, RunKind::Sgd);
    assert!(late.iter().all(|&e| e <= target.tolerance));
}

#[test]
fn jittering_is_said_only_of_a_cost_that_really_fluctuates() {
    let (_, training, v) = verdicts("?scene=training");
    let Verdict::Bouncing { worst, .. } = v[2] else {
        panic!("SGD at the defaults: {:?}", v[2]);
    };
    let late = last_epoch(&training, RunKind::Sgd);
    let lo = late.iter().copied().fold(f64::INFINITY, f64::min);
    // It goes back above the target after reaching it, and swings by over 3×.
    assert!(worst > Target::of(&training).tolerance);
    assert!(worst > 3.0 * lo, "late excess from {lo} to {worst}");
}

#[test]
fn instability_is_told_apart_from_noise() {
    let (model, training, v) = verdicts("?scene=training&lr=0.5");
    let limits = Limits::of(&model);
    assert!(0.5 > limits.every_batch && 0.5 < limits.full_batch);
    let Verdict::Unstable { worst } = v[2] else {
        panic!("SGD at η = 0.5: {:?}", v[2]);
    };
    let sgd = &training.runs[2];
    assert!(
        worst > sgd.costs[0] - training.c_min,
        "ends above where it started"
    );
    // Full-batch GD is stable at this η and says so.
    assert!(matches!(
        v[0],
        Verdict::Settled { .. } | Verdict::NotYet { .. }
    ));
    // Far above every limit, runs diverge.
    let (_, _, v) = verdicts("?scene=training&lr=5");
    assert!(v.iter().any(|x| matches!(x, Verdict::Diverged(_))), "{v:?}");
}

#[test]
fn the_stability_limits_are_two_over_the_curvatures() {
    let (model, _, _) = verdicts("?scene=training&n=40");
    let m = model.problem.moments();
    // λ_C is the largest eigenvalue of 2·[[E x², x̄], [x̄, 1]]: check it
    // against the Rayleigh quotient over many directions.
    let exx = m.var_x + m.mean_x * m.mean_x;
    let rayleigh = (0..3600)
        .map(|k| {
            let t = k as f64 * std::f64::consts::PI / 3600.0;
            let (c, s) = (t.cos(), t.sin());
            2.0 * (exx * c * c + 2.0 * m.mean_x * c * s + s * s)
        })
        .fold(0.0, f64::max);
    assert!((cost_curvature(m) - rayleigh).abs() < 1e-5 * rayleigh);
    let limits = Limits::of(&model);
    let steepest = model
        .problem
        .data()
        .xs
        .iter()
        .map(|&x| example_curvature(x))
        .fold(0.0, f64::max);
    assert!((limits.every_batch - 2.0 / steepest).abs() < 1e-15);
    assert!(limits.every_batch < limits.full_batch);
}

#[test]
fn the_figure_frames_the_runs_and_holds_still_for_a_small_change() {
    use gradavg::scenes::training::framing::framed_view;
    let (model, training, _) = verdicts("?scene=training");
    let view = framed_view(&model, &training, None);
    assert!(
        view.half < model.view.half,
        "tighter than the data's window"
    );
    let inside = |t: [f64; 2]| (0..2).all(|k| (t[k] - view.center[k]).abs() <= view.half);
    for run in &training.runs {
        assert!(run.path.thetas.iter().all(|&t| inside(t)));
    }
    assert!(inside(model.problem.moments().minimum().unwrap()));
    // A slightly different η keeps the window (no repaint of the surface) …
    let (model2, training2, _) = verdicts("?scene=training&lr=0.105");
    assert_eq!(framed_view(&model2, &training2, Some(view)), view);
    // … while a run that leaves it makes a new one.
    let (model3, training3, _) = verdicts("?scene=training&theta=-3,-3");
    assert_ne!(framed_view(&model3, &training3, Some(view)), view);
}

#[test]
fn long_paths_are_drawn_through_sampled_steps_and_the_caption_says_so() {
    use gradavg::scenes::training::path_sampling::{drawn_steps, stride, DRAWN_STEPS};
    let path: Vec<[f64; 2]> = (0..200_000).map(|k| [k as f64, 0.0]).collect();
    let drawn: Vec<[f64; 2]> = drawn_steps(&path).collect();
    assert!(drawn.len() <= 3 * DRAWN_STEPS, "{} points", drawn.len());
    assert_eq!(drawn[0], path[0]);
    assert_eq!(
        &drawn[drawn.len() - DRAWN_STEPS..],
        &path[path.len() - DRAWN_STEPS..]
    );
    // Short paths, as at N = 12 to 1,000 with batches, are drawn whole.
    assert_eq!(stride(2 * DRAWN_STEPS), 1);
    assert_eq!(drawn_steps(&path[..1000]).count(), 1000);
    let sampled = |(_, text): &(&str, String)| text.contains("drawn through one step in");
    let long = texts("?scene=training&n=10000");
    assert!(
        long.iter().any(|t| t.0 == "caption-param" && sampled(t)),
        "{long:?}"
    );
    assert!(!texts("?scene=training").iter().any(sampled));
}

/// Every (slot, text) of scene 3 for a query, at the end of its runs.
fn texts(query: &str) -> Vec<(&'static str, String)> {
    let (state, _) = from_query(query);
    let model = Model::new(state.shared.clone());
    let training = Training::new(&model, &state.training);
    let end = state.training.epochs as f64;
    gradavg::scenes::training::captions::training_text(
        &model,
        &state.training,
        &training,
        end,
        false,
    )
    .into_iter()
    .map(|r| (r.slot, r.text))
    .collect()
}
