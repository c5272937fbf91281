//! Every sentence and readout on the page that describes a figure,
//! generated from the scene it describes, so the words never drift from
//! the picture.

use crate::core::math::LibmExt;
use crate::core::models::linear::residual;
use crate::core::models::logistic::sigmoid;
use crate::core::models::loss::Loss;
use crate::core::text::{
    fmt_count, fmt_difference, fmt_raw, fmt_rounded, fmt_sig, fmt_vec, fmt_vec_rounded, plural,
};
use crate::page::loss_words::{
    cost_gradient_source, fit_words, floor_words, gradient_formula, loss_formula, loss_name,
    mean_of_what,
};
use crate::page::model::Model;
use crate::page::readout::Readout;
use crate::render::tip_density::{whole_stride, DENSITY_ABOVE};
use crate::scenes::one_point::settings::Picture;

/// The readouts, captions and legend of scene 1. `highlight` is the example
/// under the pointer or selected; `progress` is 0 in the mistaken picture,
/// 1 in the true one, and in between while animating.
pub fn one_point_text(
    scene: &Model,
    picture: Picture,
    highlight: Option<usize>,
    progress: f64,
) -> Vec<Readout> {
    let n = scene.problem.num_examples();
    let gap = scene.identity_gap();
    let (grad, scale) = (scene.cost_gradient(), scene.cost_gradient_scale());
    let legend = if progress < 1.0 {
        "−∇C at each example's own place (the mistaken picture)".to_string()
    } else if n == 1 {
        "−∇L₁(θ) of the one example".to_string()
    } else if n > DENSITY_ABOVE {
        format!(
            "−∇Lᵢ(θ) of the {} examples: the tips of all as a density (darker: more tips), one in {} drawn as an arrow",
            fmt_count(n),
            whole_stride(n)
        )
    } else {
        format!("−∇Lᵢ(θ) of each of the {n} examples")
    };
    vec![
        Readout {
            slot: "readout-cost",
            text: fmt_rounded(scene.cost(), 4, scene.cost_scale()),
            title: format!("C(θ) = {}", fmt_raw(scene.cost())),
        },
        Readout {
            slot: "readout-grad",
            text: format!(
                "{}; the dashed arrow is −∇C = {}",
                fmt_vec_rounded(grad, 4, scale),
                fmt_vec_rounded([-grad[0], -grad[1]], 4, scale)
            ),
            title: format!("∇C = ({}, {})", fmt_raw(grad[0]), fmt_raw(grad[1])),
        },
        Readout::new(
            "readout-mean",
            fmt_vec_rounded(scene.mean_gradient(), 4, scale),
        ),
        Readout {
            slot: "readout-gap",
            text: if scene.on_kink() {
                "none to compare: θ is on a kink of C".into()
            } else {
                fmt_difference(gap, scale)
            },
            title: format!("|mean − ∇C| = {}", fmt_raw(gap)),
        },
        Readout::new("readout-theta", fmt_vec(scene.theta(), 3)),
        Readout::new(
            "label-grad",
            format!("∇C(θ), {}", cost_gradient_source(scene.loss())),
        ),
        Readout::new(
            "legend-gradc",
            format!(
                "−∇C, computed on its own {}",
                cost_gradient_source(scene.loss())
            ),
        ),
        Readout::new("loss-aside", loss_aside(scene.loss())),
        Readout::new("caption-param", param_caption(scene, picture, progress)),
        Readout::new("caption-data", data_caption(scene)),
        Readout::new("legend-examples", legend),
        Readout::new("legend-scale", arrow_scale_text(scene)),
        Readout::new("example-info", example_info(scene, highlight)),
    ]
}

fn arrow_scale_text(scene: &Model) -> String {
    let longest = scene
        .example_arrows()
        .iter()
        .map(|a| a.grad[0].hypot_(a.grad[1]))
        .fold(0.0, f64::max);
    let hint = if longest * scene.arrow_unit < 0.08 * scene.view.half {
        " The arrows are short here: raise “Arrow length ×” to see them."
    } else {
        ""
    };
    format!(
        "Arrows point along −∇, the downhill step. Length: 1 unit of θ on screen is {} units of gradient.{hint}",
        fmt_sig(1.0 / scene.arrow_unit, 3)
    )
}

fn param_caption(scene: &Model, picture: Picture, progress: f64) -> String {
    let n = scene.problem.num_examples();
    let minimum = match scene.minimum {
        Some(t) if scene.fits_exactly() => format!(
            "The lowest point is at θ* = {}, where C = 0 (to rounding): the line fits every example.",
            fmt_vec(t, 3)
        ),
        Some(t) => format!(
            "The lowest point, C = {}, is at θ* = {}.",
            fmt_sig(scene.min_cost(), 3),
            fmt_vec(t, 3)
        ),
        None if scene.separable => format!(
            "A threshold on x splits the two labels, so C has no lowest point: it keeps falling {} as θ \
             sharpens the curve into a step at that threshold.",
            floor_words(scene.floor())
        ),
        None => "Every x is the same, so the lowest points form a whole line of θ.".to_string(),
    };
    if progress < 1.0 {
        return "The mistaken picture: each example is put at its own place, as if the surface were drawn over the examples, \
             and given the surface's downhill direction there. No training step ever computes this. \
             Press \"Show the true picture\" to move every arrow to the one θ."
            .to_string();
    }
    let agreement = if scene.on_kink() {
        "cannot be compared here: θ sits on a kink of C, where an example's loss has no gradient, \
         so C has none either, and the mean of the arrows is one of its subgradients"
            .to_string()
    } else {
        format!(
            "differ by {}",
            fmt_difference(scene.identity_gap(), scene.cost_gradient_scale())
        )
    };
    let heading = if picture == Picture::True {
        ""
    } else {
        "The true picture. "
    };
    let (all, arrows) = if n == 1 {
        (
            "its one example".to_string(),
            "The one per-example arrow starts".to_string(),
        )
    } else {
        (
            format!("all {n} examples"),
            format!("All {n} per-example arrows start"),
        )
    };
    format!(
        "{heading}The surface is C(θ), the mean loss of {all} under {}, over the parameters slope θ₀ and intercept θ₁. \
         {arrows} at the same θ = {}. Their mean (bold) and ∇C computed on its own, {} (dashed), \
         {agreement}. {minimum}",
        loss_name(scene.loss()),
        fmt_vec(scene.theta(), 3),
        cost_gradient_source(scene.loss())
    )
}

fn data_caption(scene: &Model) -> String {
    let r = &scene.shared.recipe;
    let t = scene.theta();
    let source = if scene.shared.points.is_some() {
        format!("{} of your own data.", plural(r.n, "example", "examples"))
    } else if scene.loss() == Loss::Logistic {
        format!(
            "{} labelled 1 where {}·x + {} plus logistic noise (scale {}, seed {}) is above 0, else 0.",
            plural(r.n, "example", "examples"),
            fmt_sig(r.slope, 3),
            fmt_sig(r.intercept, 3),
            fmt_sig(r.noise, 3),
            r.seed
        )
    } else {
        format!(
            "{} drawn from y = {}·x + {} plus noise (σ = {}, seed {}).",
            plural(r.n, "example", "examples"),
            fmt_sig(r.slope, 3),
            fmt_sig(r.intercept, 3),
            fmt_sig(r.noise, 3),
            r.seed
        )
    };
    format!(
        "{source} {}, and C(θ) = {} is {}.",
        fit_words(scene.loss(), t),
        fmt_rounded(scene.cost(), 4, scene.cost_scale()),
        mean_of_what(scene.loss())
    )
}

fn example_info(scene: &Model, highlight: Option<usize>) -> String {
    let d = scene.problem.data();
    let Some(i) = highlight.filter(|&i| i < d.len()) else {
        return "Point at an example or its arrow to see its numbers.".to_string();
    };
    let (x, y, t) = (d.xs[i], d.ys[i], scene.theta());
    if scene.loss() == Loss::Logistic {
        let p = sigmoid(t[0] * x + t[1]);
        return format!(
            "Example {}: x = {}, label y = {}, p = σ(θ₀x + θ₁) = {}, error p − y = {}, Lᵢ = {} = {}, \
             ∇Lᵢ = (p − y)·(x, 1) = {}",
            i + 1,
            fmt_sig(x, 3),
            y,
            fmt_sig(p, 3),
            fmt_sig(p - y, 3),
            if y == 1.0 { "−ln p" } else { "−ln(1 − p)" },
            fmt_sig(scene.problem.loss_of(i, t), 3),
            fmt_vec(scene.problem.gradient_of(i, t), 3)
        );
    }
    let r = residual(x, y, t);
    let (loss, gradient) = match scene.loss() {
        Loss::Mse => ("r²", "−2r·(x, 1)"),
        Loss::Mae => ("|r|", "−sign(r)·(x, 1)"),
        Loss::Huber { delta } if r.abs() <= delta => ("r² (|r| ≤ δ)", "−2r·(x, 1)"),
        Loss::Huber { .. } => ("2δ|r| − δ² (|r| > δ)", "−2δ·sign(r)·(x, 1)"),
        Loss::Logistic => unreachable!("logistic is worded above"),
    };
    format!(
        "Example {}: x = {}, y = {}, residual r = {}, Lᵢ = {loss} = {}, ∇Lᵢ = {gradient} = {}",
        i + 1,
        fmt_sig(x, 3),
        fmt_sig(y, 3),
        fmt_sig(r, 3),
        fmt_sig(scene.problem.loss_of(i, t), 3),
        fmt_vec(scene.problem.gradient_of(i, t), 3)
    )
}

/// Above the explanation, which is written for the squared error: what the
/// figures use instead, and why the argument still holds ("" under MSE).
fn loss_aside(loss: Loss) -> String {
    if loss == Loss::Mse {
        return String::new();
    }
    format!(
        "The figures now use {}: {} and {}. The explanation below is written for the squared error, \
         but its argument holds for any loss: C is the mean of the Lᵢ, so ∇C is the mean of the ∇Lᵢ \
         wherever each Lᵢ has a gradient.",
        loss_name(loss),
        loss_formula(loss),
        gradient_formula(loss)
    )
}
