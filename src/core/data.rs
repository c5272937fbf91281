//! Datasets: the examples (xᵢ, yᵢ) that every figure is computed from.

use crate::core::math::LibmExt;
use crate::core::rng::SeededRng;

/// The recipe for a synthetic dataset, y = a·x + c + σ·ε with ε ~ N(0, 1)
/// and x uniform in [x_min, x_max). The same recipe gives the same data on
/// every platform (see [`crate::core::rng`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DataRecipe {
    /// N, the number of examples.
    pub n: usize,
    /// a, the true slope.
    pub slope: f64,
    /// c, the true intercept.
    pub intercept: f64,
    /// σ, the standard deviation of the noise.
    pub noise: f64,
    /// The smallest x.
    pub x_min: f64,
    /// The largest x.
    pub x_max: f64,
    /// The seed of the draws.
    pub seed: u32,
}

/// A set of examples, stored in the order they were generated.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
}

impl Dataset {
    /// Draws the examples of `recipe`. For each example, x is drawn first
    /// and then ε, from one seeded stream.
    pub fn generate(recipe: &DataRecipe) -> Self {
        let mut rng = SeededRng::new(recipe.seed);
        let mut xs = Vec::with_capacity(recipe.n);
        let mut ys = Vec::with_capacity(recipe.n);
        for _ in 0..recipe.n {
            let x = rng.uniform_in(recipe.x_min, recipe.x_max);
            let y = recipe.slope * x + recipe.intercept + recipe.noise * rng.standard_normal();
            xs.push(x);
            ys.push(y);
        }
        Self { xs, ys }
    }

    /// Draws labelled examples from `recipe` for logistic regression: x as
    /// in [`Dataset::generate`], then label 1 when a·x + c + σ·ε > 0, with ε
    /// from the standard logistic distribution (ε = ln(u/(1 − u)), u uniform),
    /// so that P(label 1 | x) = σ((a·x + c)/σ) exactly; with σ = 0 the label
    /// is 1 exactly where a·x + c > 0, and the classes are separable.
    pub fn generate_labels(recipe: &DataRecipe) -> Self {
        let mut rng = SeededRng::new(recipe.seed);
        let mut xs = Vec::with_capacity(recipe.n);
        let mut ys = Vec::with_capacity(recipe.n);
        for _ in 0..recipe.n {
            let x = rng.uniform_in(recipe.x_min, recipe.x_max);
            let u = rng.uniform_in(0.0, 1.0);
            let noise = if recipe.noise > 0.0 {
                recipe.noise * (u / (1.0 - u)).ln_()
            } else {
                0.0
            };
            let label = recipe.slope * x + recipe.intercept + noise > 0.0;
            xs.push(x);
            ys.push(if label { 1.0 } else { 0.0 });
        }
        Self { xs, ys }
    }

    /// N, the number of examples.
    pub fn len(&self) -> usize {
        self.xs.len()
    }

    /// True when there are no examples.
    pub fn is_empty(&self) -> bool {
        self.xs.is_empty()
    }
}

/// The order in which the examples are stored: as generated (random, since
/// x is drawn independently each time) or sorted. Sorted order is what makes
/// consecutive examples alike, the correlated data of claim T6.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataOrder {
    Generated,
    SortedByX,
    SortedByY,
}

impl DataOrder {
    /// Every order, as the page lists them.
    pub const ALL: [DataOrder; 3] = [Self::Generated, Self::SortedByX, Self::SortedByY];

    /// The name used in the URL.
    pub fn key(self) -> &'static str {
        match self {
            Self::Generated => "random",
            Self::SortedByX => "sorted-x",
            Self::SortedByY => "sorted-y",
        }
    }
}

impl Dataset {
    /// The same examples in `order` (a stable sort, so ties keep their order).
    pub fn ordered(self, order: DataOrder) -> Self {
        let key: fn(&(f64, f64)) -> f64 = match order {
            DataOrder::Generated => return self,
            DataOrder::SortedByX => |p| p.0,
            DataOrder::SortedByY => |p| p.1,
        };
        let mut pairs: Vec<(f64, f64)> = self.xs.into_iter().zip(self.ys).collect();
        pairs.sort_by(|a, b| key(a).total_cmp(&key(b)));
        let (xs, ys) = pairs.into_iter().unzip();
        Self { xs, ys }
    }
}
