//! Scene 5's sentences, generated from what it shows: why each example's
//! surface has the shape it has under the chosen loss, and how far the mean
//! of the first k surfaces still is from C.

use crate::core::models::linear::LinearProblem;
use crate::core::models::logistic;
use crate::core::models::loss::Loss;
use crate::core::text::{fmt_count, fmt_sig, fmt_vec};
use crate::page::loss_words::floor_words;
use crate::page::readout::Readout;
use crate::scenes::surfaces::sum::Gap;

/// What the captions read: the problem under the scene's loss, the first
/// k of it, the examples with panels, the gap to C, and the highlighted example.
pub struct SurfacesView<'a> {
    pub problem: &'a LinearProblem,
    pub prefix: &'a LinearProblem,
    pub shown: &'a [usize],
    pub gap: Gap,
    pub highlight: Option<usize>,
    pub animating: bool,
    /// θ, where the pull of each example is measured.
    pub theta: crate::core::Theta,
}

/// Every text slot of scene 5.
pub fn surfaces_text(v: &SurfacesView) -> Vec<Readout> {
    let n = v.problem.num_examples();
    let k = v.prefix.num_examples();
    vec![
        Readout::new("caption-panels", panels_caption(v)),
        Readout::new("caption-param", sum_caption(v)),
        Readout::new("caption-data", data_caption(v)),
        Readout::new("readout-k", format!("{} of {}", fmt_count(k), fmt_count(n))),
        Readout::new("readout-gap", gap_text(&v.gap)),
        Readout::new("panel-label", panel_label(v)),
        Readout::new("pull", pull_text(v)),
        Readout::new(
            "outlier-label",
            match v.highlight {
                Some(i) => format!("Make example {} an outlier", i + 1),
                None => format!(
                    "Make example {} an outlier",
                    v.shown.first().map_or(1, |i| i + 1)
                ),
            },
        ),
        Readout::new(
            "legend-guide",
            if v.problem.loss_kind().is_regression() {
                "dashed: where this example's loss is 0, θ₁ = yᵢ − θ₀xᵢ"
            } else {
                "dashed: where zᵢ = θ₀xᵢ + θ₁ = 0, so pᵢ = ½ (the bend of the ramp)"
            }
            .into(),
        ),
        Readout::new(
            "add-label",
            if v.animating { "Stop" } else { "Add them up" }.into(),
        ),
    ]
}

/// Why each panel looks as it does, for the scene's loss.
fn panels_caption(v: &SurfacesView) -> String {
    let shape = match v.problem.loss_kind() {
        Loss::Mse => "Under the squared error, Lᵢ(θ) = (yᵢ − θ₀xᵢ − θ₁)² is 0 along the whole dashed line \
             θ₁ = yᵢ − θ₀xᵢ (every line through that example's point fits it perfectly) and rises on both sides: \
             a valley with no single lowest point. Its arrow −∇Lᵢ crosses the valley at a right angle and grows \
             with the distance from it."
            .to_string(),
        Loss::Mae => "Under the absolute error, Lᵢ(θ) = |yᵢ − θ₀xᵢ − θ₁| is the same valley with a sharp \
             floor along the dashed line and flat sides. Its arrow −∇Lᵢ = sign(rᵢ)·(xᵢ, 1) has the same length \
             wherever θ is, and flips across the floor: the loss slopes by 1 per unit of residual, however far \
             the line is from the example."
            .to_string(),
        Loss::Huber { delta } => format!(
            "Under Huber with δ = {}, Lᵢ(θ) is the squared residual within δ of the dashed line and grows \
             straight beyond it: a rounded floor with flat sides. Its arrow grows with the distance up to a \
             residual of δ, and no further.",
            fmt_sig(delta, 3)
        ),
        Loss::Logistic => "Under the cross-entropy, Lᵢ(θ) = softplus(zᵢ) − yᵢzᵢ with zᵢ = θ₀xᵢ + θ₁ is a ramp: \
             near 0 on the side of the dashed line zᵢ = 0 where the curve gives the example its own label, \
             rising in a straight line on the other. Its arrow −∇Lᵢ = (yᵢ − pᵢ)·(xᵢ, 1) crosses the line at a \
             right angle, fades away on the good side and never grows past |(xᵢ, 1)|: no example's own loss \
             has a lowest point."
            .to_string(),
    };
    let panels = if v.shown.len() == 1 {
        "The panel shows one example's own loss".to_string()
    } else {
        format!(
            "Each of the {} panels shows one example's own loss",
            v.shown.len()
        )
    };
    format!(
        "{panels}, over the same window and in the same colours as C. {shape} {}",
        bowl_sentence(v.problem)
    )
}

/// Whether the mean of the valleys has one lowest point.
fn bowl_sentence(problem: &LinearProblem) -> String {
    let n = problem.num_examples();
    if n == 1 {
        return "With one example, C is this one valley: it has no single lowest point either."
            .into();
    }
    if problem.loss_kind() == Loss::Logistic {
        return match problem.lowest_point() {
            Some(star) => format!(
                "The ramps face different ways, so their mean, C, rises in every direction: only the mean \
                 has a lowest point, θ* = {}.",
                fmt_vec(star, 3)
            ),
            None if logistic::separable(problem.data()) => {
                let floor = logistic::infimum(problem.data());
                format!(
                    "A threshold on x splits the labels, so {} can be made right at once: even their mean, C, \
                     has no lowest point and keeps falling {}.",
                    if floor.1.is_some() {
                        "every example but those at the threshold"
                    } else {
                        "every example"
                    },
                    floor_words(floor)
                )
            }
            None => "Every example has the same x, so C's lowest points form a whole line of θ.".into(),
        };
    }
    match (problem.loss_kind(), problem.moments().minimum()) {
        (_, None) => "Every example has the same x, so every valley runs the same way and even their mean, C, \
             is a valley: the data cannot tell the slope."
            .into(),
        (Loss::Mse, Some(star)) => format!(
            "The valleys run at different angles, so only their mean, C, has a single lowest point, \
             θ* = {}.",
            fmt_vec(star, 3)
        ),
        _ => "The valleys run at different angles, so their mean, C, rises in every direction away from \
             its lowest region: the mean has a bottom that no single example has."
            .into(),
    }
}

/// Where the running mean stands.
fn sum_caption(v: &SurfacesView) -> String {
    let (n, k) = (v.problem.num_examples(), v.prefix.num_examples());
    let what = if k == 1 {
        "The first surface alone, L₁".to_string()
    } else {
        format!(
            "The mean of the first {} of the {} surfaces, (L₁ + … + L{}) / {k}",
            fmt_count(k),
            fmt_count(n),
            subscript(k)
        )
    };
    let lowest = match (v.prefix.loss_kind(), v.prefix.moments().minimum()) {
        (Loss::Logistic, _) if k < n && logistic::separable(v.prefix.data()) => {
            " A threshold on x splits the labels added so far, so this mean has no lowest point yet."
                .to_string()
        }
        (Loss::Logistic, _) => String::new(),
        (_, None) => " It is still a valley: the examples added so far share one x, so it has no single lowest point.".to_string(),
        (Loss::Mse, Some(m)) if k < n => format!(
            " Its lowest point is θ = {} (the cross), the best line for these {} examples.",
            fmt_vec(m, 3),
            fmt_count(k)
        ),
        _ => String::new(),
    };
    let gap = if k == n {
        if v.gap.is_rounding() {
            format!(
                " With all {} added, the mean is C itself: the largest gap on the grid is 0 (to rounding). \
                 C is the average of the examples' surfaces, and ∇C the average of their arrows.",
                fmt_count(n)
            )
        } else {
            format!(
                " With all {} added, the largest gap to C on the grid is {}.",
                fmt_count(n),
                fmt_sig(v.gap.largest, 3)
            )
        }
    } else {
        format!(
            " It still differs from C by up to {} on the grid (C runs from {} to {} there); add the \
             rest (k = {}) and the gap closes.",
            fmt_sig(v.gap.largest, 3),
            fmt_sig(v.gap.cost_min, 3),
            fmt_sig(v.gap.cost_max, 3),
            fmt_count(n)
        )
    };
    format!("{what}, in C's colours.{lowest}{gap}")
}

/// k as a subscript: "₁₂".
fn subscript(k: usize) -> String {
    k.to_string()
        .chars()
        .map(|c| char::from_u32(0x2080 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

fn data_caption(v: &SurfacesView) -> String {
    let names: Vec<String> = v.shown.iter().map(|i| (i + 1).to_string()).collect();
    let which = match names.as_slice() {
        [] => "none".to_string(),
        [one] => format!("example {one}"),
        [init @ .., last] => format!("examples {} and {last}", init.join(", ")),
    };
    format!(
        "The data and the line of θ. The numbered points, {which}, have the panels above; click a point \
         to pick it, then \"Give it a panel\".{}",
        v.highlight
            .map(|i| format!(" Example {} is highlighted in every figure.", i + 1))
            .unwrap_or_default()
    )
}

/// Each example's share of the total pull at θ, sᵢ = |∇Lᵢ| / Σⱼ |∇Lⱼ|, for
/// the example picked (or the one that pulls hardest), against an equal
/// share 1/N, and why it is what it is under the loss.
fn pull_text(v: &SurfacesView) -> String {
    let n = v.problem.num_examples();
    let theta = v.theta;
    let lengths: Vec<f64> = (0..n)
        .map(|i| {
            let g = v.problem.gradient_of(i, theta);
            g[0].hypot(g[1])
        })
        .collect();
    let total: f64 = lengths.iter().sum();
    if n < 2 || total == 0.0 {
        return String::new();
    }
    let (i, hardest) = match v.highlight {
        Some(i) if i < n => (i, false),
        _ => (
            (0..n)
                .max_by(|&a, &b| lengths[a].total_cmp(&lengths[b]))
                .unwrap_or(0),
            true,
        ),
    };
    let share = 100.0 * lengths[i] / total;
    let why = match v.problem.loss_kind() {
        Loss::Mse => "under the squared error an example pulls in proportion to its residual, so one far-off example can outweigh all the others",
        Loss::Mae => "under the absolute error each arrow's length is |(xᵢ, 1)| whatever the residual, so a far-off example pulls no harder than a near one",
        Loss::Huber { .. } => "under Huber an example's pull stops growing once its residual passes δ, so a far-off example is capped",
        Loss::Logistic => "under the cross-entropy an example pulls with its error |pᵢ − yᵢ| < 1 times |(xᵢ, 1)|, so a far-off x pulls harder, but a far-off example on its own label's side hardly pulls at all",
    };
    format!(
        "At θ, example {}{} carries {}% of the total pull Σ|∇Lⱼ| (an equal share would be {}%): {why}.",
        i + 1,
        if hardest { ", the one that pulls hardest," } else { "" },
        fmt_sig(share, 2),
        fmt_sig(100.0 / n as f64, 2)
    )
}

fn gap_text(gap: &Gap) -> String {
    if gap.is_rounding() {
        "0 (to rounding)".into()
    } else {
        format!("{} at θ = {}", fmt_sig(gap.largest, 3), fmt_vec(gap.at, 3))
    }
}

/// The label of the panel button, for the selected example.
fn panel_label(v: &SurfacesView) -> String {
    match v.highlight {
        Some(i) if v.shown.contains(&i) => format!("Take example {}'s panel away", i + 1),
        Some(i) => format!("Give example {} a panel", i + 1),
        None => "Give it a panel (pick a point first)".into(),
    }
}
