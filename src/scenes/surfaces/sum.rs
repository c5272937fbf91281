//! "Add them up": the mean of the first k per-example surfaces,
//! Mₖ(θ) = (1/k) Σ_{i<k} Lᵢ(θ), and how far it is from C(θ) = M_N(θ).

use crate::core::geometry::ViewWindow;
use crate::core::models::linear::LinearProblem;
use crate::core::models::loss::Loss;
use crate::core::objective::Objective;
use crate::core::Theta;

/// Grid points per side on which the gap to C is measured.
pub const GAP_GRID: usize = 25;

/// The first k examples as a problem of their own, whose cost is Mₖ.
pub fn first_k(all: &LinearProblem, k: usize, loss: Loss) -> LinearProblem {
    let d = all.data();
    let k = k.clamp(1, d.len());
    LinearProblem::with_loss(&d.xs[..k], &d.ys[..k], loss)
        .expect("a non-empty prefix of valid data is valid")
}

/// The largest gap between Mₖ and C over a grid of the window, and the
/// largest C there (the size the gap is judged against).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    pub largest: f64,
    pub at: Theta,
    pub cost_max: f64,
    pub cost_min: f64,
}

impl Gap {
    /// True when the gap is rounding: below 10⁻¹² of the costs compared.
    pub fn is_rounding(&self) -> bool {
        self.largest <= 1e-12 * self.cost_max.max(f64::MIN_POSITIVE)
    }
}

/// max over a [`GAP_GRID`]² grid of the window of |Mₖ(θ) − C(θ)|, with Mₖ
/// summed example by example (the mean of the first k losses). Under MSE C
/// comes from `all`'s five sums of the data: computed another way. Under
/// the other losses C has no other way, and is the mean of all N losses of
/// the same pass (the additions `all.cost_at` makes, in its order, so the
/// same bits): one pass of N a point instead of k + N.
pub fn gap_to_cost(all: &LinearProblem, prefix: &LinearProblem, view: ViewWindow) -> Gap {
    let mut gap = Gap {
        largest: 0.0,
        at: view.center,
        cost_max: 0.0,
        cost_min: f64::INFINITY,
    };
    let k = prefix.num_examples();
    let n = all.num_examples();
    let by_moments = all.loss_kind() == Loss::Mse;
    let mut losses = vec![0.0; if by_moments { k } else { n }];
    for j in 0..GAP_GRID {
        for i in 0..GAP_GRID {
            let u = |c: usize| -1.0 + 2.0 * c as f64 / (GAP_GRID - 1) as f64;
            let t = [
                view.center[0] + u(i) * view.half,
                view.center[1] + u(j) * view.half,
            ];
            let (mean_k, c) = if by_moments {
                prefix.losses_into(&t, &mut losses);
                (losses.iter().sum::<f64>() / k as f64, all.cost_at(t))
            } else {
                all.losses_into(&t, &mut losses);
                let first: f64 = losses[..k].iter().sum();
                let rest: f64 = losses[k..].iter().fold(first, |s, l| s + l);
                (first / k as f64, rest / n as f64)
            };
            let d = (mean_k - c).abs();
            if d > gap.largest {
                gap.largest = d;
                gap.at = t;
            }
            gap.cost_max = gap.cost_max.max(c);
            gap.cost_min = gap.cost_min.min(c);
        }
    }
    gap
}
