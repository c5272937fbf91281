//! One model per file, each with its formulas next to their derivatives.

pub mod linear;
pub mod linear_cost;
pub mod logistic;
pub mod loss;
pub mod mlp;
