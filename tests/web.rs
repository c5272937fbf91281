//! The JS `Problem` API, run as wasm in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(target_arch = "wasm32")]

#[path = "common/pins.rs"]
mod pins;
#[path = "common/tricky_numerals.rs"]
mod tricky_numerals;

use gradavg::core::data::Dataset;
use gradavg::scenes::state::State;
use gradavg::Problem;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn problem() -> Problem {
    Problem::linear(&[0.0, 1.0, 2.0], &[1.0, 3.0, 2.0], JsValue::UNDEFINED).unwrap()
}

/// The message of the JS Error behind a JsError.
fn error_message(e: wasm_bindgen::JsError) -> String {
    let value: JsValue = e.into();
    let error: js_sys::Error = value.dyn_into().expect("a JS Error");
    error.message().into()
}

#[wasm_bindgen_test]
fn the_api_computes_the_hand_worked_case() {
    // Same case as tests/gradients.rs: data (0,1), (1,3), (2,2), θ = (1, 0).
    let p = problem();
    assert_eq!(p.num_examples(), 3);
    assert_eq!(p.num_params(), 2);
    assert!((p.loss(&[1.0, 0.0]).unwrap() - 5.0 / 3.0).abs() < 1e-15);
    assert_eq!(
        p.example_losses(&[1.0, 0.0], JsValue::UNDEFINED)
            .unwrap()
            .to_vec(),
        vec![1.0, 4.0, 0.0]
    );
    assert_eq!(
        p.example_gradients(&[1.0, 0.0], JsValue::UNDEFINED)
            .unwrap()
            .to_vec(),
        vec![0.0, -2.0, -4.0, -4.0, -0.0, -0.0]
    );
    let g = p.gradient(&[1.0, 0.0]).unwrap();
    assert!((g[0] + 4.0 / 3.0).abs() < 1e-15 && (g[1] + 2.0).abs() < 1e-15);
    assert_eq!(
        p.batch_gradient(&[1.0, 0.0], &[0, 1]).unwrap(),
        vec![-2.0, -3.0]
    );
    assert_eq!(
        p.batch_update(&[1.0, 0.0], &[0, 1], 0.5).unwrap(),
        vec![2.0, 1.5]
    );
}

#[wasm_bindgen_test]
fn every_bad_argument_is_a_js_error_with_a_message() {
    let bad_construction = [
        (
            Problem::linear(&[1.0, 2.0], &[1.0], JsValue::UNDEFINED).err(),
            "same length",
        ),
        (
            Problem::linear(&[], &[], JsValue::UNDEFINED).err(),
            "at least one example",
        ),
        (
            Problem::linear(&[f64::NAN], &[1.0], JsValue::UNDEFINED).err(),
            "xs[0] is NaN",
        ),
        (
            Problem::linear(&[1.0], &[f64::INFINITY], JsValue::UNDEFINED).err(),
            "ys[0] is inf",
        ),
    ];
    for (err, expected) in bad_construction {
        let message = error_message(err.expect("construction must fail"));
        assert!(message.contains(expected), "{message}");
    }
    let p = problem();
    let bad_calls = [
        (p.loss(&[1.0]).err(), "2 entries"),
        (
            p.example_losses(&[1.0, 2.0, 3.0], JsValue::UNDEFINED).err(),
            "2 entries",
        ),
        (
            p.example_gradients(&[f64::NAN, 0.0], JsValue::UNDEFINED)
                .err(),
            "theta[0] is NaN",
        ),
        (p.gradient(&[]).err(), "2 entries"),
        (p.batch_gradient(&[0.0, 0.0], &[]).err(), "batch is empty"),
        (
            p.batch_gradient(&[0.0, 0.0], &[7]).err(),
            "index 7 is out of range",
        ),
        (
            p.batch_update(&[0.0, 0.0], &[0], f64::INFINITY).err(),
            "learning rate is inf",
        ),
        (p.batch_update(&[0.0, 0.0], &[3], 0.1).err(), "index 3"),
    ];
    for (err, expected) in bad_calls {
        let message = error_message(err.expect("the call must fail"));
        assert!(message.contains(expected), "{message}");
    }
    // The module keeps working after the errors.
    assert_eq!(
        p.example_losses(&[1.0, 0.0], JsValue::UNDEFINED)
            .unwrap()
            .to_vec(),
        vec![1.0, 4.0, 0.0]
    );
}

#[wasm_bindgen_test]
fn the_page_reads_numerals_through_the_browser_to_the_nearest_f64() {
    // The page's start hands core::decimal the browser's parseFloat().
    gradavg::canvas::start();
    for (text, bits) in tricky_numerals::TRICKY {
        let read = gradavg::core::decimal::read(text).map(f64::to_bits);
        assert_eq!(read, Some(bits), "{text}");
    }
    assert_eq!(gradavg::core::decimal::read("1e"), None);
    assert_eq!(gradavg::core::decimal::read("0x10"), None);
    assert_eq!(gradavg::core::decimal::read(""), None);
    assert_eq!(gradavg::core::decimal::read(" 1"), None);
}

#[wasm_bindgen_test]
fn the_wasm_build_generates_the_same_data_bit_for_bit() {
    pins::check_default_dataset();
    pins::check_large_dataset();
}

#[wasm_bindgen_test]
fn mean_of_example_gradients_equals_gradient_in_wasm() {
    let d = Dataset::generate(&State::default().shared.recipe);
    let p = Problem::linear(&d.xs, &d.ys, JsValue::UNDEFINED).unwrap();
    let theta = [0.3, -0.7];
    let rows = p
        .example_gradients(&theta, JsValue::UNDEFINED)
        .unwrap()
        .to_vec();
    let n = p.num_examples() as f64;
    let mean = [
        rows.iter().step_by(2).sum::<f64>() / n,
        rows.iter().skip(1).step_by(2).sum::<f64>() / n,
    ];
    let g = p.gradient(&theta).unwrap();
    let all: Vec<u32> = (0..p.num_examples() as u32).collect();
    let b = p.batch_gradient(&theta, &all).unwrap();
    for k in 0..2 {
        assert!((mean[k] - g[k]).abs() < 1e-12 && (b[k] - g[k]).abs() < 1e-12);
    }
}

fn hundred() -> Problem {
    let mut r = State::default().shared.recipe;
    r.n = 100;
    let d = Dataset::generate(&r);
    Problem::linear(&d.xs, &d.ys, JsValue::UNDEFINED).unwrap()
}

#[wasm_bindgen_test]
fn batch_api_draws_match_batch_gradient_on_the_same_indices() {
    let p = hundred();
    let theta = [0.5, -0.25];
    for mode in ["with-replacement", "without-replacement", "sequential"] {
        let idx = p.batch_indices(8.0, 30.0, mode, 42.0).unwrap();
        assert_eq!(idx.len(), 240);
        let draws = p
            .sample_batch_gradients(&theta, 8.0, 30.0, mode, 42.0)
            .unwrap();
        assert_eq!(draws.len(), 60);
        for (d, rows) in idx.chunks(8).enumerate() {
            let g = p.batch_gradient(&theta, rows).unwrap();
            assert_eq!(&draws[2 * d..2 * d + 2], &g[..], "{mode}, draw {d}");
        }
        // The same seed gives the same draws, another seed others (except sequential).
        assert_eq!(p.batch_indices(8.0, 30.0, mode, 42.0).unwrap(), idx);
        let other = p.batch_indices(8.0, 30.0, mode, 43.0).unwrap();
        assert_eq!(other == idx, mode == "sequential", "{mode}");
    }
    let sigma = p.gradient_covariance(&theta).unwrap();
    assert_eq!(sigma.len(), 4);
    assert_eq!(sigma[1], sigma[2], "Σ is symmetric");
    assert!(sigma[0] > 0.0 && sigma[3] > 0.0);
}

#[wasm_bindgen_test]
fn batch_api_errors_are_js_errors_with_messages() {
    let p = hundred();
    let cases = [
        (
            p.batch_indices(0.0, 1.0, "with-replacement", 1.0).err(),
            "batch size is 0",
        ),
        (
            p.batch_indices(101.0, 1.0, "without-replacement", 1.0)
                .err(),
            "cannot be drawn from 100",
        ),
        (
            p.batch_indices(4.0, 1.0, "shuffled", 1.0).err(),
            "unknown sampling mode",
        ),
        (
            p.batch_indices(4.0, -1.0, "sequential", 1.0).err(),
            "draws must be a whole number",
        ),
        (
            p.batch_indices(2.5, 1.0, "sequential", 1.0).err(),
            "batchSize must be a whole number",
        ),
        (
            p.batch_indices(4.0, 1.0, "sequential", 4294967296.0).err(),
            "seed must be a whole number",
        ),
        (
            p.batch_indices(4.0, 1.0, "sequential", f64::NAN).err(),
            "seed must be a whole number",
        ),
        (
            p.sample_batch_gradients(&[0.0], 4.0, 1.0, "sequential", 1.0)
                .err(),
            "2 entries",
        ),
        (
            p.gradient_covariance(&[f64::NAN, 0.0]).err(),
            "theta[0] is NaN",
        ),
    ];
    for (err, expected) in cases {
        let message = error_message(err.expect("the call must fail"));
        assert!(message.contains(expected), "{message}");
    }
}

#[wasm_bindgen_test]
fn train_path_follows_batch_update_and_never_returns_non_finite_values() {
    let p = hundred();
    let path = p
        .train_path(&[0.0, 0.0], 0.1, 25.0, 10.0, "without-replacement", 7.0)
        .unwrap();
    assert_eq!(path.len(), 2 * 26);
    let idx = p
        .batch_indices(10.0, 25.0, "without-replacement", 7.0)
        .unwrap();
    let mut theta = vec![0.0, 0.0];
    for (t, rows) in idx.chunks(10).enumerate() {
        theta = p.batch_update(&theta, rows, 0.1).unwrap();
        assert_eq!(
            &path[2 * (t + 1)..2 * (t + 2)],
            &theta[..],
            "step {}",
            t + 1
        );
    }
    // A learning rate far too large stops early, with finite values only.
    let wild = p
        .train_path(&[0.0, 0.0], 50.0, 1000.0, 100.0, "sequential", 0.0)
        .unwrap();
    assert!(wild.len() < 2 * 1001 && wild.iter().all(|v| v.is_finite()));
    let err = p
        .train_path(&[0.0, 0.0], f64::NAN, 10.0, 10.0, "sequential", 0.0)
        .expect_err("NaN rate");
    assert!(error_message(err).contains("learning rate is NaN"));
    let err = p
        .train_path(&[0.0, 0.0], 0.1, -3.0, 10.0, "sequential", 0.0)
        .expect_err("negative steps");
    assert!(error_message(err).contains("steps must be a whole number"));
}

#[wasm_bindgen_test]
fn linear_cost_and_network_problems_work_through_the_same_api() {
    let xs = [-1.0, 0.0, 0.5, 2.0];
    let ys = [0.2, 1.0, 0.4, -0.3];
    let lc = Problem::linear_cost(&xs, &ys).unwrap();
    assert_eq!(lc.num_params(), 2);
    let g = lc.gradient(&[3.0, -7.0]).unwrap();
    assert_eq!(g, vec![-0.375, -1.0], "∇J = (−x̄, −1) at any θ");
    assert_eq!(lc.shortcut_gradient(&[3.0, -7.0]).unwrap(), g);
    let net = Problem::mlp(&xs, &ys, 3.0).unwrap();
    assert_eq!(net.num_params(), 10);
    let theta = [0.5, -0.3, 0.8, 0.1, 0.0, -0.2, 0.7, -0.4, 0.3, 0.05];
    let rows = net
        .example_gradients(&theta, JsValue::UNDEFINED)
        .unwrap()
        .to_vec();
    assert_eq!(rows.len(), 40);
    let g = net.gradient(&theta).unwrap();
    for k in 0..10 {
        let mean = (0..4).map(|i| rows[i * 10 + k]).sum::<f64>() / 4.0;
        assert!((mean - g[k]).abs() < 1e-12);
    }
    let short = net.shortcut_gradient(&theta).unwrap();
    assert!((short[9] - g[9]).abs() < 1e-12, "the output bias is exact");
    assert!(
        (short[0] - g[0]).abs() > 1e-6,
        "a first-layer weight is not"
    );
    let all: Vec<u32> = (0..4).collect();
    assert_eq!(net.batch_gradient(&theta, &all).unwrap().len(), 10);
    assert_eq!(net.batch_update(&theta, &all, 0.1).unwrap().len(), 10);
    assert_eq!(
        net.loss(&theta).unwrap(),
        net.example_losses(&theta, JsValue::UNDEFINED)
            .unwrap()
            .to_vec()
            .iter()
            .sum::<f64>()
            / 4.0
    );
}

#[wasm_bindgen_test]
fn new_constructors_explain_their_errors_and_every_method_works_on_every_problem() {
    let cases = [
        (
            Problem::mlp(&[1.0], &[1.0], 0.0).err(),
            "hidden must be a whole number from 1 to 64",
        ),
        (
            Problem::mlp(&[1.0], &[1.0], 2.5).err(),
            "hidden must be a whole number",
        ),
        (
            Problem::mlp(&[1.0], &[1.0], 65.0).err(),
            "hidden must be a whole number",
        ),
        (
            Problem::linear_cost(&[1.0], &[f64::NAN]).err(),
            "ys[0] is NaN",
        ),
        (Problem::linear_cost(&[], &[]).err(), "at least one example"),
    ];
    for (err, expected) in cases {
        let message = error_message(err.expect("must fail"));
        assert!(message.contains(expected), "{message}");
    }
    let net = Problem::mlp(&[0.0, 1.0], &[0.0, 1.0], 2.0).unwrap();
    let message = error_message(net.loss(&[0.0; 3]).expect_err("wrong θ length"));
    assert!(message.contains("theta must have 7 entries"), "{message}");
    let path = net
        .train_path(&[0.1; 7], 0.1, 3.0, 1.0, "sequential", 0.0)
        .unwrap();
    assert_eq!(path.len(), 4 * 7, "θ₀ and three steps of 7 parameters");
    let step = net.batch_update(&[0.1; 7], &[0], 0.1).unwrap();
    assert_eq!(&path[7..14], &step[..], "step 1 is batchUpdate on draw 0");
    assert_eq!(net.gradient_covariance(&[0.1; 7]).unwrap().len(), 49);
    assert_eq!(
        net.sample_batch_gradients(&[0.1; 7], 1.0, 3.0, "sequential", 0.0)
            .unwrap()
            .len(),
        21
    );
    assert_eq!(
        net.batch_indices(1.0, 3.0, "sequential", 0.0).unwrap(),
        vec![0, 1, 0]
    );
}

/// `{ loss, delta }` as JS would pass it.
fn options(loss: Option<&str>, delta: Option<JsValue>) -> JsValue {
    let o = js_sys::Object::new();
    if let Some(l) = loss {
        js_sys::Reflect::set(&o, &"loss".into(), &l.into()).unwrap();
    }
    if let Some(d) = delta {
        js_sys::Reflect::set(&o, &"delta".into(), &d).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
fn linear_losses_and_logistic_regression_work_through_the_api() {
    let (xs, ys) = ([0.0, 1.0, 2.0], [1.0, 3.0, 2.0]);
    // θ = (1, 0): residuals 1, 2, 0.
    let mae = Problem::linear(&xs, &ys, options(Some("mae"), None)).unwrap();
    assert_eq!(
        mae.example_losses(&[1.0, 0.0], JsValue::UNDEFINED)
            .unwrap()
            .to_vec(),
        vec![1.0, 2.0, 0.0]
    );
    assert_eq!(
        mae.example_gradients(&[1.0, 0.0], JsValue::UNDEFINED)
            .unwrap()
            .to_vec(),
        vec![-0.0, -1.0, -1.0, -1.0, -0.0, -0.0],
        "−sign(rᵢ)·(xᵢ, 1), sign(0) = 0"
    );
    let huber = Problem::linear(&xs, &ys, options(Some("huber"), Some(1.5.into()))).unwrap();
    // r = 2 > δ = 1.5: 2δ|r| − δ² = 6 − 2.25.
    assert_eq!(
        huber
            .example_losses(&[1.0, 0.0], JsValue::UNDEFINED)
            .unwrap()
            .to_vec(),
        vec![1.0, 3.75, 0.0]
    );
    let default_delta = Problem::linear(&xs, &ys, options(Some("huber"), None)).unwrap();
    assert_eq!(
        default_delta
            .example_losses(&[1.0, 0.0], JsValue::UNDEFINED)
            .unwrap()
            .to_vec()[1],
        3.0
    );
    let mse = Problem::linear(&xs, &ys, options(None, None)).unwrap();
    assert!((mse.loss(&[1.0, 0.0]).unwrap() - 5.0 / 3.0).abs() < 1e-15);

    let labels = [0.0, 1.0, 1.0];
    let lr = Problem::logistic(&xs, &labels).unwrap();
    let theta = [1000.0, -1000.5];
    let losses = lr
        .example_losses(&theta, JsValue::UNDEFINED)
        .unwrap()
        .to_vec();
    assert!(losses.iter().all(|l| l.is_finite()), "{losses:?}");
    let path = lr
        .train_path(&[0.0, 0.0], 0.5, 20.0, 3.0, "sequential", 0.0)
        .unwrap();
    assert_eq!(path.len(), 42);
    assert!(lr.loss(&path[40..]).unwrap() < lr.loss(&[0.0, 0.0]).unwrap());
    assert_eq!(lr.gradient_covariance(&[0.3, 0.1]).unwrap().len(), 4);
    assert_eq!(lr.shortcut_gradient(&[0.0, 0.0]).unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn bad_loss_options_and_labels_name_the_problem() {
    let (xs, ys) = (&[0.0, 1.0][..], &[1.0, 3.0][..]);
    let cases = [
        (
            Problem::linear(xs, ys, options(Some("l1"), None)).err(),
            "unknown loss \"l1\"",
        ),
        (
            Problem::linear(xs, ys, options(Some("huber"), Some(0.0.into()))).err(),
            "delta is 0",
        ),
        (
            Problem::linear(xs, ys, options(Some("huber"), Some(f64::NAN.into()))).err(),
            "delta is NaN",
        ),
        (
            Problem::linear(xs, ys, options(Some("huber"), Some("2".into()))).err(),
            "options.delta must be a number",
        ),
        (
            Problem::linear(xs, ys, options(None, Some(1.0.into()))).err(),
            "for the \"huber\" loss only",
        ),
        (
            Problem::linear(xs, ys, JsValue::from(3)).err(),
            "options must be an object",
        ),
        (
            Problem::linear(xs, ys, options(None, None).tap_unknown()).err(),
            "unknown option \"los\"",
        ),
        (
            Problem::logistic(xs, &[0.0, 0.5]).err(),
            "labels[1] is 0.5, but every label must be 0 or 1",
        ),
    ];
    for (err, expected) in cases {
        let message = error_message(err.expect("must fail"));
        assert!(message.contains(expected), "{message}");
    }
}

/// Adds a misspelt key to an options object.
trait TapUnknown {
    fn tap_unknown(self) -> JsValue;
}

impl TapUnknown for JsValue {
    fn tap_unknown(self) -> JsValue {
        js_sys::Reflect::set(&self, &"los".into(), &"mae".into()).unwrap();
        self
    }
}
