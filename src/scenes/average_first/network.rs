//! Scene 4's network part (claim T11), as pure data: a 1 → H → 1 tanh
//! network on a noisy sine, its true gradient (per-example backprop,
//! averaged) next to the average-first shortcut, seen on a 2-D slice of
//! parameter space through two parameters the student picks.

use crate::core::data::DataRecipe;
use crate::core::geometry::{PlotFrame, ViewWindow};
use crate::core::math::LibmExt;
use crate::core::models::mlp::{Activation, MlpProblem};
use crate::core::objective::Objective;
use crate::core::rng::SeededRng;
use crate::core::tanh;
use crate::core::Theta;

/// The x range of the data figure: the data's [−2, 2) with a margin.
pub const X_RANGE: (f64, f64) = (-2.2, 2.2);

/// Half the width of the slice's window around the seeded start.
const HOME_HALF: f64 = 2.5;

/// The hidden widths the page offers.
pub const HIDDEN_RANGE: (usize, usize) = (2, 8);
/// The most examples the network part uses (every cell of its surface
/// costs a forward pass per example).
pub const MAX_NETWORK_EXAMPLES: usize = 200;

/// The four kinds of parameter, in θ's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    W1,
    B1,
    W2,
    B2,
}

impl Group {
    /// The group of parameter k of a network with `h` hidden units.
    pub fn of(k: usize, h: usize) -> Group {
        [Group::W1, Group::B1, Group::W2, Group::B2][(k / h).min(3)]
    }
}

/// The network, its data, where it stands, and the slice shown.
pub struct Network {
    pub problem: MlpProblem,
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// Every parameter: the seeded start, with the two sliced ones moved.
    pub theta: Vec<f64>,
    /// The seeded start.
    pub init: Vec<f64>,
    /// The indices of the two parameters on the slice's axes.
    pub slice: [usize; 2],
    /// The window onto the slice, centred on the start.
    pub view: ViewWindow,
}

/// The noisy sine y = sin(2x) + σ·ε, x uniform in [−2, 2), from the state's
/// seed and noise (at most 200 examples).
pub fn sine_data(recipe: &DataRecipe) -> (Vec<f64>, Vec<f64>) {
    let mut rng = SeededRng::new(recipe.seed);
    let n = recipe.n.min(MAX_NETWORK_EXAMPLES);
    let xs: Vec<f64> = (0..n).map(|_| rng.uniform_in(-2.0, 2.0)).collect();
    let ys = xs
        .iter()
        .map(|&x| (2.0 * x).sin_() + 0.3 * recipe.noise * rng.standard_normal())
        .collect();
    (xs, ys)
}

/// Seeded starting weights: w₁ ~ 1.5·N(0, 1), b₁ ~ U(−1, 1), w₂ ~ N(0, 1)/√H, b₂ = 0.
pub fn start(h: usize, seed: u32) -> Vec<f64> {
    let mut rng = SeededRng::new(seed.wrapping_add(1));
    let mut t = Vec::with_capacity(3 * h + 1);
    t.extend((0..h).map(|_| 1.5 * rng.standard_normal()));
    t.extend((0..h).map(|_| rng.uniform_in(-1.0, 1.0)));
    t.extend((0..h).map(|_| rng.standard_normal() / (h as f64).sqrt()));
    t.push(0.0);
    t
}

/// The name of parameter k: "w₁[2]", "b₂", …
pub fn param_name(k: usize, h: usize) -> String {
    let j = k % h + 1;
    match Group::of(k, h) {
        Group::W1 => format!("w₁[{j}]"),
        Group::B1 => format!("b₁[{j}]"),
        Group::W2 => format!("w₂[{j}]"),
        Group::B2 => "b₂".into(),
    }
}

impl Network {
    /// The network of H = `hidden` units on the data of `recipe`, at its
    /// seeded start, seen on the slice through the parameters `slice`
    /// (`None` or an invalid pair: w₂[1] and b₂).
    pub fn new(recipe: &DataRecipe, hidden: usize, slice: Option<[usize; 2]>) -> Self {
        let h = hidden.clamp(HIDDEN_RANGE.0, HIDDEN_RANGE.1);
        let (xs, ys) = sine_data(recipe);
        let problem = MlpProblem::new(&xs, &ys, h).expect("generated data is finite and non-empty");
        let p = 3 * h + 1;
        let slice = slice
            .filter(|s| s[0] < p && s[1] < p && s[0] != s[1])
            .unwrap_or([2 * h, 3 * h]);
        let init = start(h, recipe.seed);
        let view = ViewWindow {
            center: [init[slice[0]], init[slice[1]]],
            half: HOME_HALF,
        };
        Self {
            problem,
            xs,
            ys,
            theta: init.clone(),
            init,
            slice,
            view,
        }
    }

    /// Puts the two sliced parameters at `at` (`None`: at the seeded
    /// start), widening the window when `at` lies outside it.
    pub fn place(&mut self, at: Option<Theta>) {
        self.theta.clone_from(&self.init);
        self.view = self.home_view();
        if let Some(at) = at {
            self.theta[self.slice[0]] = at[0];
            self.theta[self.slice[1]] = at[1];
            self.view = self.view.holding(at);
        }
    }

    /// The window around the seeded start on the slice.
    fn home_view(&self) -> ViewWindow {
        ViewWindow {
            center: [self.init[self.slice[0]], self.init[self.slice[1]]],
            half: HOME_HALF,
        }
    }

    /// H.
    pub fn hidden(&self) -> usize {
        self.problem.hidden()
    }

    /// The two sliced parameters' current values.
    pub fn point(&self) -> Theta {
        [self.theta[self.slice[0]], self.theta[self.slice[1]]]
    }

    /// C with the two sliced parameters set to `ab` and the others as they are.
    pub fn slice_cost(&self, ab: Theta) -> f64 {
        let mut t = self.theta.clone();
        t[self.slice[0]] = ab[0];
        t[self.slice[1]] = ab[1];
        (0..self.problem.num_examples())
            .map(|i| self.problem.example_loss(i, &t))
            .sum::<f64>()
            / self.problem.num_examples() as f64
    }

    /// ∇C: per-example backprop, averaged.
    pub fn true_gradient(&self) -> Vec<f64> {
        self.problem.cost_gradient(&self.theta)
    }

    /// The shortcut: the mean output error back-propagated once.
    pub fn shortcut_gradient(&self) -> Vec<f64> {
        self.problem.shortcut_gradient(&self.theta)
    }

    /// The same network at the same θ with linear hidden units (hⱼ = zⱼ):
    /// comparing its shortcut with its true gradient shows what the tanh
    /// breaks (with linear units, b₁'s shortcut is exact).
    pub fn with_linear_units(&self) -> MlpProblem {
        MlpProblem::with_activation(&self.xs, &self.ys, self.hidden(), Activation::Linear)
            .expect("the network's own data is finite and non-empty")
    }

    /// For each parameter group, in declaration order (index `group as
    /// usize`), the mean over the examples of |∇Lᵢ| restricted to it, at θ
    /// of `problem`: the size of the terms a group's mean is computed from,
    /// against which rounding is judged. One pass over the examples.
    pub fn group_scales(&self, problem: &MlpProblem) -> [f64; 4] {
        let (h, n) = (self.hidden(), problem.num_examples());
        let mut row = vec![0.0; 3 * h + 1];
        let mut sums = [0.0; 4];
        for i in 0..n {
            problem.example_gradient(i, &self.theta, &mut row);
            let mut squares = [0.0; 4];
            for (k, g) in row.iter().enumerate() {
                squares[Group::of(k, h) as usize] += g * g;
            }
            for (sum, sq) in sums.iter_mut().zip(squares) {
                *sum += sq.sqrt();
            }
        }
        sums.map(|s| s / n as f64)
    }

    /// The network's prediction ŷ(x) at the current θ.
    pub fn predict(&self, x: f64) -> f64 {
        let h = self.hidden();
        let t = &self.theta;
        t[3 * h]
            + (0..h)
                .map(|j| t[2 * h + j] * tanh::tanh(t[j] * x + t[h + j]))
                .sum::<f64>()
    }

    /// θ-units per gradient unit on the slice: the longer of the two sliced
    /// arrows fills half of the window's half-width.
    pub fn arrow_unit(&self) -> f64 {
        let (g, s) = (self.true_gradient(), self.shortcut_gradient());
        let len = |v: &[f64]| v[self.slice[0]].hypot_(v[self.slice[1]]);
        let longest = len(&g).max(len(&s));
        if longest > 0.0 {
            0.5 * self.view.half / longest
        } else {
            1.0
        }
    }

    /// The data window: every example and the curve, with an 8% margin.
    pub fn data_window(&self, frame_px: (f64, f64, f64, f64)) -> PlotFrame {
        let (left, top, width, height) = frame_px;
        let lo = self
            .ys
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .min(-1.2);
        let hi = self
            .ys
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max)
            .max(1.2);
        let pad = 0.08 * (hi - lo);
        PlotFrame {
            left,
            top,
            width,
            height,
            x: X_RANGE,
            y: (lo - pad, hi + pad),
        }
    }
}
