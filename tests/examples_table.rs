//! The text twin of scenes 1–3: one row per example (at most 100), the means
//! over all N, ∇C, and its numbers equal to the model's.

use gradavg::core::models::linear::example_gradient;
use gradavg::core::text::fmt_vec;
use gradavg::page::examples_table::{examples_table, TABLE_ROWS};
use gradavg::page::model::Model;
use gradavg::page::state::Shared;

fn model(n: usize) -> Model {
    let mut shared = Shared::default();
    shared.recipe.n = n;
    shared.theta = [0.25, -0.5];
    Model::new(shared)
}

#[test]
fn twelve_examples_make_twelve_rows_with_their_own_gradients() {
    let m = model(12);
    let t = examples_table(&m, Some(3));
    assert_eq!(t.caption, "The 12 examples at θ = (0.250, −0.500).");
    assert_eq!(t.rows.len(), 12);
    assert!(t.rows.iter().all(|r| r.len() == t.head.len()));
    assert!(t.foot.iter().all(|r| r.len() == t.head.len()));
    assert_eq!(t.rows[3][0], "4 (selected)");
    assert_eq!(t.rows[4][0], "5");
    let d = m.problem.data();
    for (i, row) in t.rows.iter().enumerate() {
        assert_eq!(
            row[5],
            fmt_vec(example_gradient(d.xs[i], d.ys[i], m.theta()), 3)
        );
    }
    assert!(t.foot[0][4].starts_with("C = "));
}

#[test]
fn ten_thousand_examples_show_the_first_hundred_and_mean_over_all() {
    let t = examples_table(&model(10_000), None);
    assert_eq!(t.rows.len(), TABLE_ROWS);
    assert!(
        t.caption.starts_with("The first 100 of 10,000 examples"),
        "{}",
        t.caption
    );
    assert_eq!(t.foot[0][0], "mean of all 10,000");
    // The mean of the per-example gradients and ∇C agree to rounding, in the table too.
    assert_eq!(t.foot[0][5], t.foot[1][5]);
}

#[test]
fn the_averaged_example_row_shares_the_intercept_part_and_not_the_slope_part() {
    use gradavg::page::examples_table::with_averaged_example;
    let m = model(12);
    let t = with_averaged_example(examples_table(&m, None), &m);
    assert_eq!(t.foot.len(), 3);
    assert_eq!(t.foot[2][0], "the averaged example (x̄, ȳ)");
    let parts = |cell: &str| -> Vec<String> {
        cell.trim_matches(|c| c == '(' || c == ')')
            .split(", ")
            .map(String::from)
            .collect()
    };
    let (mean, averaged) = (parts(&t.foot[0][5]), parts(&t.foot[2][5]));
    // Intercept: −2·mean(rᵢ) both ways; slope: off unless θ₀ is the least-squares slope.
    let value = |s: &str| s.replace('−', "-").parse::<f64>().unwrap();
    assert!(
        (value(&mean[1]) - value(&averaged[1])).abs() < 2e-3,
        "{mean:?} {averaged:?}"
    );
    assert!(
        (value(&mean[0]) - value(&averaged[0])).abs() > 0.1,
        "{mean:?} {averaged:?}"
    );
}
