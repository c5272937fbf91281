//! The words of scene 4, generated from the part and θ they describe.

use crate::core::math::angle_deg;
use crate::core::math::LibmExt;
use crate::core::objective::Objective;
use crate::core::text::{
    fmt_difference, fmt_rounded, fmt_sig, fmt_vec, fmt_vec_rounded, is_rounding, plural,
};
use crate::page::model::Model;
use crate::page::readout::Readout;
use crate::scenes::average_first::network::{param_name, Group, Network};
use crate::scenes::average_first::parts as af;
use crate::scenes::average_first::settings::{AverageSettings, Part};

/// Every text of scene 4.
pub fn average_text(model: &Model, s: &AverageSettings, net: Option<&Network>) -> Vec<Readout> {
    if let (Part::Network, Some(net)) = (s.part, net) {
        return network_text(net);
    }
    let theta = model.shared.theta;
    let (truth, other, other_name) = match s.part {
        Part::Inputs => (
            model.cost_gradient(),
            af::averaged_input_gradient(&model.problem, theta),
            "∇L(x̄, ȳ; θ), inputs averaged first",
        ),
        Part::LinearCost => {
            let (mean, short) = af::linear_cost_both_ways(&model.problem);
            (mean, short, "∇J(x̄, ȳ), inputs averaged first")
        }
        Part::MaxCost | Part::Network => (
            af::max_cost_gradient(&model.problem, theta),
            model.cost_gradient(),
            "mean of the ∇Lᵢ",
        ),
    };
    let gap = (truth[0] - other[0]).hypot_(truth[1] - other[1]);
    let scale = model.gradient_scale().max(truth[0].hypot_(truth[1]));
    vec![
        Readout::new("label-theta", "θ = (slope, intercept)".into()),
        Readout::new("readout-theta", fmt_vec(theta, 3)),
        Readout::new(
            "label-true",
            match s.part {
                Part::MaxCost => "∇J = ∇L of the worst example".into(),
                Part::LinearCost => "mean of the per-example ∇Jᵢ".into(),
                _ => "true gradient".into(),
            },
        ),
        Readout::new("readout-true", fmt_vec_rounded(truth, 4, scale)),
        Readout::new("label-other", other_name.to_string()),
        Readout::new("readout-other", fmt_vec_rounded(other, 4, scale)),
        Readout::new(
            "readout-gap",
            if is_rounding(gap, scale) {
                "0 (to rounding)".into()
            } else {
                format!(
                    "{}, angle {}°",
                    fmt_sig(gap, 3),
                    fmt_sig(angle_deg(&truth, &other), 2)
                )
            },
        ),
        Readout::new("caption-param", param_caption(model, s)),
        Readout::new("caption-data", data_caption(model, s)),
    ]
}

fn param_caption(model: &Model, s: &AverageSettings) -> String {
    let m = model.problem.moments();
    let theta = model.shared.theta;
    match s.part {
        Part::Inputs if s.valley => {
            let end = *af::valley_descent(&model.problem, theta)
                .last()
                .expect("a path has a start");
            let min = m.min_cost();
            format!(
                "The surface is (ē)², the squared mean error: the loss of one averaged example. It is zero on a whole line of θ, every \
                 line through the centroid (x̄, ȳ) = {}. Descent on it from θ (green path) stops where it first meets that valley, at θ = {}, \
                 where the real cost (dashed contours) is C = {} against C(θ*) = {} at its minimum.",
                fmt_vec([m.mean_x, m.mean_y], 3),
                fmt_vec(end, 3),
                fmt_sig(m.cost(end), 3),
                fmt_sig(min, 3)
            )
        }
        Part::Inputs => {
            let gap = af::slope_gap(&model.problem, theta);
            let star = m
                .minimum()
                .map(|t| fmt_sig(t[0], 3))
                .unwrap_or_else(|| "undefined (every x is equal)".into());
            format!(
                "At θ = {}, the true gradient (orange) and the shortcut that averages the inputs first (green) share their intercept part, \
                 −2·mean error, always. Their slope parts differ by −2(cov(x, y) − θ₀·var(x)) = {}, which is zero only on the dashed line \
                 θ₀ = {}, the least-squares slope. Drag θ onto it and the arrows meet.",
                fmt_vec(theta, 3),
                fmt_sig(gap, 3),
                star
            )
        }
        Part::LinearCost => {
            let drop = model.shared.lr * (m.mean_x * m.mean_x + 1.0);
            format!(
                "J(θ) = mean(yᵢ − θ₀xᵢ − θ₁) is linear in the errors, so its surface is a plane and its gradient (−x̄, −1) = {} is the \
                 same arrow at every θ. Descent with η = {} (orange path) lowers J by η(x̄² + 1) = {} at every step, for ever: J has no \
                 minimum. Averaging first is exact here: the gradient at the averaged example matches the mean of the per-example \
                 gradients, computed separately (readouts). That is not special to this cost: whatever a gradient entry takes from the \
                 examples linearly survives averaging, like the intercept part of the averaged-inputs shortcut and the network's b₂; \
                 what breaks is every entry that multiplies an example's error by something of its own.",
                fmt_vec(af::linear_cost_gradient(&model.problem), 3),
                fmt_sig(model.shared.lr, 3),
                fmt_sig(drop, 3)
            )
        }
        Part::MaxCost | Part::Network => {
            let (i, worst) = af::worst_example(&model.problem, theta);
            format!(
                "J(θ) = maxᵢ Lᵢ(θ) combines the examples by a maximum instead of a mean. Its gradient at θ = {} is the gradient of the \
                 worst example alone, example {} with loss {} (blue). The mean of all {} per-example gradients (orange) is the gradient \
                 of the mean loss C, a different cost: averaging gradients gives the gradient of an average, and of nothing else.",
                fmt_vec(theta, 3),
                i + 1,
                fmt_sig(worst, 3),
                model.problem.num_examples()
            )
        }
    }
}

fn data_caption(model: &Model, s: &AverageSettings) -> String {
    let theta = model.shared.theta;
    match s.part {
        Part::Inputs | Part::LinearCost => format!(
            "The examples, the line of θ and the centroid (x̄, ȳ). The mean error m = ȳ − θ₀x̄ − θ₁ = {} is how far the line passes \
             below the centroid.",
            fmt_rounded(af::mean_error(&model.problem, theta), 3, model.gradient_scale())
        ),
        Part::MaxCost | Part::Network => {
            let (i, _) = af::worst_example(&model.problem, theta);
            format!("The examples and the line of θ; the worst-fitted one, example {}, is highlighted: only it moves J.", i + 1)
        }
    }
}

/// The length of the part of `v` in `group`.
fn group_norm(v: &[f64], group: Group, h: usize) -> f64 {
    v.iter()
        .enumerate()
        .filter(|&(k, _)| Group::of(k, h) == group)
        .map(|(_, x)| x * x)
        .sum::<f64>()
        .sqrt()
}

/// How far the shortcut is from the truth over one group of parameters,
/// as a relative length |shortcut − true| / |true| over the group: "exact
/// (to rounding)", or "off by x% of its length". No single entry near 0 can
/// blow it up.
/// `scale` is the group's rounding scale (see [`Network::group_scales`]).
fn group_verdict(h: usize, group: Group, scale: f64, truth: &[f64], short: &[f64]) -> String {
    let diff: Vec<f64> = truth.iter().zip(short).map(|(a, b)| a - b).collect();
    let (gap, size) = (group_norm(&diff, group, h), group_norm(truth, group, h));
    if is_rounding(gap, scale) {
        "exact (to rounding)".into()
    } else if is_rounding(size, scale) {
        format!(
            "true part is 0; the shortcut gives length {}",
            fmt_sig(gap, 2)
        )
    } else {
        format!("off by {}% of its length", fmt_sig(100.0 * gap / size, 2))
    }
}

/// The texts of the network part.
fn network_text(net: &Network) -> Vec<Readout> {
    let (truth, short) = (net.true_gradient(), net.shortcut_gradient());
    let scales = net.group_scales(&net.problem);
    let [a, b] = net.slice;
    let h = net.hidden();
    let (na, nb) = (param_name(a, h), param_name(b, h));
    let pick = |v: &[f64]| [v[a], v[b]];
    let angle = angle_deg(&truth, &short);
    let len = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
    let ratio = len(&short) / len(&truth).max(1e-300);
    let verdict = |g: Group| group_verdict(h, g, scales[g as usize], &truth, &short);
    vec![
        Readout::new("label-theta", format!("({na}, {nb}), the point on the slice")),
        Readout::new("readout-theta", fmt_vec(net.point(), 3)),
        Readout::new("label-true", format!("true gradient, ({na}, {nb}) parts")),
        Readout::new("readout-true", fmt_vec(pick(&truth), 4)),
        Readout::new("label-other", format!("average first, ({na}, {nb}) parts")),
        Readout::new("readout-other", fmt_vec(pick(&short), 4)),
        Readout::new("readout-gap", format!("all {} parameters: angle {}°, length ratio {}", truth.len(), fmt_sig(angle, 2), fmt_sig(ratio, 3))),
        Readout::new("net-w1", verdict(Group::W1)),
        Readout::new("net-b1", verdict(Group::B1)),
        Readout::new("net-w2", verdict(Group::W2)),
        Readout::new("net-b2", verdict(Group::B2)),
        Readout::new("net-b1-why", b1_reason(net)),
        Readout::new("mean-loss", mean_loss_text(net, &truth, &scales)),
        Readout::new(
            "caption-param",
            format!(
                "A 1 → {h} → 1 tanh network has {} parameters; the surface is its cost C on the slice through {na} and {nb}, with the \
                 other {} held where they are. The orange arrow is the true gradient (every example back-propagated, then averaged), \
                 the green one averages the output error ŷ − y first and back-propagates once through the mean hidden activations. Over \
                 all parameters they are {}° apart, and the shortcut is {} times as long.",
                truth.len(),
                truth.len() - 2,
                fmt_sig(angle, 2),
                fmt_sig(ratio, 3)
            ),
        ),
        Readout::new(
            "caption-data",
            format!(
                "{} of a noisy sine and the network's prediction ŷ(x) at the current parameters.",
                plural(net.xs.len(), "example", "examples")
            ),
        ),
    ]
}

/// Why b₁'s shortcut fails, with the computed check: the same network with
/// linear hidden units, where b₁'s shortcut is exact.
fn b1_reason(net: &Network) -> String {
    let linear = net.with_linear_units();
    let truth = linear.cost_gradient(&net.theta);
    let short = linear.shortcut_gradient(&net.theta);
    format!(
        "each example contributes 2eᵢ·w₂ⱼ·tanh′(zᵢⱼ), its own error times its own slope, and the mean of a product is not the \
         product of the means. With linear hidden units (slope 1 everywhere) the shortcut would be exact: computed at this θ, it is {}.",
        group_verdict(
            net.hidden(),
            Group::B1,
            net.group_scales(&linear)[Group::B1 as usize],
            &truth,
            &short
        )
    )
}

/// Averaging the losses, then back-propagating once, next to the true
/// gradient: exact, unlike averaging anything before a nonlinearity.
fn mean_loss_text(net: &Network, truth: &[f64], scales: &[f64; 4]) -> String {
    let once = net.problem.mean_loss_backward(&net.theta);
    let gap = truth
        .iter()
        .zip(&once)
        .map(|(a, b)| (a - b).powi(2))
        .sum::<f64>()
        .sqrt();
    let scale = scales.iter().copied().fold(0.0, f64::max);
    format!(
        "Averaging the losses first is different: C = mean of (ŷᵢ − yᵢ)², back-propagated once, as loss.mean().backward() does, \
         differs from the true gradient by {} over all {} parameters. The mean is taken after the last nonlinearity, so nothing \
         is lost.",
        fmt_difference(gap, scale),
        truth.len()
    )
}
