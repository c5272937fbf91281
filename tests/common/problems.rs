//! The linear problem the statistical tests draw from: N examples of
//! y = 1.5x + 0.5 + noise (σ = 0.5) on x ∈ [−1, 2], generated from `seed`
//! and stored in `order`.

use gradavg::core::data::{DataOrder, DataRecipe, Dataset};
use gradavg::core::models::linear::LinearProblem;

pub fn problem(n: usize, order: DataOrder, seed: u32) -> LinearProblem {
    let r = DataRecipe {
        n,
        slope: 1.5,
        intercept: 0.5,
        noise: 0.5,
        x_min: -1.0,
        x_max: 2.0,
        seed,
    };
    LinearProblem::from_dataset(Dataset::generate(&r).ordered(order)).unwrap()
}
