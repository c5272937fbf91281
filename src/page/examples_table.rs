//! The text twin of the figures of scenes 1–3: every example's numbers at
//! the current θ (x, y, rᵢ, Lᵢ, ∇Lᵢ), their means, and ∇C computed on its
//! own, as a table a screen reader or a keyboard can walk. Generated from
//! the model, like every caption.

use crate::core::models::linear::residual;
use crate::core::models::logistic::sigmoid;
use crate::core::models::loss::Loss;
use crate::core::text::{fmt_count, fmt_rounded, fmt_sig, fmt_vec, fmt_vec_rounded};
use crate::page::loss_words::{cost_gradient_source, gradient_formula, loss_formula};
use crate::page::model::Model;

/// At most this many example rows; the means are always over all N.
pub const TABLE_ROWS: usize = 100;

/// A table: its caption, column heads, body rows and footer rows (each a row
/// of cell texts, the first cell a row head).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub foot: Vec<Vec<String>>,
}

/// The examples of `model` at its θ: one row per example (the first
/// [`TABLE_ROWS`]), then the mean of the rows over all N and ∇C from the
/// data's sums. `selected` marks the example highlighted in the figures.
pub fn examples_table(model: &Model, selected: Option<usize>) -> Table {
    let d = model.problem.data();
    let t = model.theta();
    let n = d.len();
    let shown = n.min(TABLE_ROWS);
    let caption = if shown < n {
        format!(
            "The first {shown} of {} examples at θ = {}; the means are over all {}.",
            fmt_count(n),
            fmt_vec(t, 3),
            fmt_count(n)
        )
    } else {
        format!("The {} examples at θ = {}.", fmt_count(n), fmt_vec(t, 3))
    };
    let rows = (0..shown)
        .map(|i| {
            let (x, y) = (d.xs[i], d.ys[i]);
            let mark = if selected == Some(i) {
                " (selected)"
            } else {
                ""
            };
            vec![
                format!("{}{mark}", i + 1),
                fmt_sig(x, 3),
                fmt_sig(y, 3),
                fmt_sig(miss(model.loss(), x, y, t), 3),
                fmt_sig(model.problem.loss_of(i, t), 3),
                fmt_vec(model.problem.gradient_of(i, t), 3),
            ]
        })
        .collect();
    let scale = model.cost_gradient_scale();
    let foot = vec![
        vec![
            format!("mean of all {}", fmt_count(n)),
            String::new(),
            String::new(),
            String::new(),
            format!("C = {}", fmt_rounded(model.cost(), 4, model.cost_scale())),
            fmt_vec_rounded(model.mean_gradient(), 4, scale),
        ],
        vec![
            format!("∇C, {}", cost_gradient_source(model.loss())),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            fmt_vec_rounded(model.cost_gradient(), 4, scale),
        ],
    ];
    let logistic = model.loss() == Loss::Logistic;
    Table {
        caption,
        head: [
            "example",
            "x",
            if logistic { "label yᵢ" } else { "y" },
            if logistic {
                "error pᵢ − yᵢ"
            } else {
                "residual rᵢ"
            },
            if logistic {
                "Lᵢ, cross-entropy"
            } else {
                loss_formula(model.loss())
            },
            gradient_formula(model.loss()),
        ]
        .map(String::from)
        .to_vec(),
        rows,
        foot,
    }
}

/// How far the model misses the example at θ: the residual y − (θ₀x + θ₁),
/// or under the cross-entropy the error σ(θ₀x + θ₁) − y.
fn miss(loss: Loss, x: f64, y: f64, t: [f64; 2]) -> f64 {
    match loss {
        Loss::Logistic => sigmoid(t[0] * x + t[1]) - y,
        _ => residual(x, y, t),
    }
}

/// `table` with one more footer row: the one averaged example (x̄, ȳ) at the
/// same θ, whose gradient is what averaging the inputs first computes; set
/// against the mean row above it, its slope part differs and its intercept
/// part does not.
pub fn with_averaged_example(mut table: Table, model: &Model) -> Table {
    let m = model.problem.moments();
    let (x, y, t) = (m.mean_x, m.mean_y, model.theta());
    table.foot.push(vec![
        "the averaged example (x̄, ȳ)".into(),
        fmt_sig(x, 3),
        fmt_sig(y, 3),
        fmt_sig(miss(model.loss(), x, y, t), 3),
        fmt_sig(model.loss().example_loss(x, y, t), 3),
        fmt_vec(model.loss().example_gradient(x, y, t), 3),
    ]);
    table
}
