//! Datasets: the examples (xᵢ, yᵢ) that every figure is computed from.

use crate::rng::SeededRng;

/// The recipe for a synthetic dataset, y = a·x + c + σ·ε with ε ~ N(0, 1)
/// and x uniform in [x_min, x_max). The same recipe gives the same data on
/// every platform (see [`crate::rng`]).
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

    /// N, the number of examples.
    pub fn len(&self) -> usize {
        self.xs.len()
    }

    /// True when there are no examples.
    pub fn is_empty(&self) -> bool {
        self.xs.is_empty()
    }
}
