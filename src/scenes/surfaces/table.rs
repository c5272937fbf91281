//! Scene 5's text twin: every example's own loss and arrow at θ under the
//! scene's loss, whether it is among the k added up, and its share of the
//! pull; then the mean of the first k and C itself.

use crate::core::models::linear::{residual, LinearProblem};
use crate::core::models::loss::Loss;
use crate::core::objective::Objective;
use crate::core::text::{fmt_count, fmt_sig, fmt_vec};
use crate::core::Theta;
use crate::page::examples_table::{Table, TABLE_ROWS};

/// The table for `problem` (all N examples under the scene's loss),
/// `prefix` (the first k) at θ; `selected` is marked.
pub fn surfaces_table(
    problem: &LinearProblem,
    prefix: &LinearProblem,
    theta: Theta,
    selected: Option<usize>,
) -> Table {
    let d = problem.data();
    let (n, k) = (d.len(), prefix.num_examples());
    let shown = n.min(TABLE_ROWS);
    let pulls: Vec<f64> = (0..n)
        .map(|i| {
            let g = problem.gradient_of(i, theta);
            g[0].hypot(g[1])
        })
        .collect();
    let total: f64 = pulls.iter().sum();
    let rows = (0..shown)
        .map(|i| {
            let mark = if selected == Some(i) {
                " (selected)"
            } else {
                ""
            };
            let share = if total > 0.0 {
                format!("{}%", fmt_sig(100.0 * pulls[i] / total, 2))
            } else {
                "—".into()
            };
            vec![
                format!("{}{mark}", i + 1),
                fmt_sig(d.xs[i], 3),
                fmt_sig(d.ys[i], 3),
                fmt_sig(residual(d.xs[i], d.ys[i], theta), 3),
                fmt_sig(problem.loss_of(i, theta), 3),
                fmt_vec(problem.gradient_of(i, theta), 3),
                if i < k { "yes" } else { "not yet" }.into(),
                share,
            ]
        })
        .collect();
    let mean_row = |label: String, p: &LinearProblem| {
        let g = p.cost_gradient(&theta);
        vec![
            label,
            String::new(),
            String::new(),
            String::new(),
            fmt_sig(p.cost_at(theta), 4),
            fmt_vec([g[0], g[1]], 4),
            String::new(),
            String::new(),
        ]
    };
    let loss = match problem.loss_kind() {
        Loss::Mse => "Lᵢ = rᵢ²".to_string(),
        Loss::Mae => "Lᵢ = |rᵢ|".to_string(),
        Loss::Huber { delta } => format!("Lᵢ, Huber δ = {}", fmt_sig(delta, 3)),
        Loss::Logistic => "Lᵢ, cross-entropy".to_string(),
    };
    Table {
        caption: format!(
            "Each example's own loss and arrow at θ = {}{}; the first {} of {} are added up.",
            fmt_vec(theta, 3),
            if shown < n {
                format!(" (the first {shown} rows)")
            } else {
                String::new()
            },
            fmt_count(k),
            fmt_count(n)
        ),
        head: vec![
            "example".into(),
            "x".into(),
            "y".into(),
            "residual rᵢ".into(),
            loss,
            "∇Lᵢ".into(),
            "added up".into(),
            "share of the pull".into(),
        ],
        rows,
        foot: vec![
            mean_row(format!("mean of the first {}", fmt_count(k)), prefix),
            mean_row(format!("C: mean of all {}", fmt_count(n)), problem),
        ],
    }
}
