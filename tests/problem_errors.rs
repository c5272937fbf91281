//! Bad arguments give errors whose message names the problem (the JS API
//! turns them into `Error`s; tests/web.rs checks that side).

use gradavg::core::models::linear::LinearProblem;

fn message<T: std::fmt::Debug>(r: Result<T, gradavg::core::error::ProblemError>) -> String {
    r.expect_err("expected an error").0
}

#[test]
fn construction_errors_name_the_problem() {
    assert_eq!(
        message(LinearProblem::new(&[1.0, 2.0], &[1.0])),
        "xs and ys must have the same length, got 2 and 1"
    );
    assert_eq!(
        message(LinearProblem::new(&[], &[])),
        "a problem needs at least one example, got none"
    );
    assert_eq!(
        message(LinearProblem::new(&[1.0, f64::NAN], &[1.0, 2.0])),
        "xs[1] is NaN, but every value must be finite"
    );
    assert_eq!(
        message(LinearProblem::new(&[1.0], &[f64::INFINITY])),
        "ys[0] is inf, but every value must be finite"
    );
}

#[test]
fn method_errors_name_the_problem() {
    let p = LinearProblem::new(&[0.0, 1.0, 2.0], &[1.0, 3.0, 2.0]).unwrap();
    assert_eq!(
        message(p.loss(&[1.0])),
        "theta must have 2 entries (slope, intercept), got 1"
    );
    assert_eq!(
        message(p.gradient(&[1.0, f64::NEG_INFINITY])),
        "theta[1] is -inf, but theta must be finite"
    );
    assert_eq!(
        message(p.batch_gradient(&[0.0, 0.0], &[])),
        "the batch is empty: give at least one example index"
    );
    assert_eq!(
        message(p.batch_gradient(&[0.0, 0.0], &[0, 3])),
        "index 3 is out of range: there are 3 examples (0 to 2)"
    );
    assert_eq!(
        message(p.batch_update(&[0.0, 0.0], &[0], f64::NAN)),
        "the learning rate is NaN, but it must be finite"
    );
    // And the problem still works afterwards.
    assert_eq!(p.example_losses(&[1.0, 0.0]).unwrap(), vec![1.0, 4.0, 0.0]);
}
