//! One model per file, each with its formulas next to their derivatives.

pub mod linear;
pub mod linear_cost;
pub mod logistic;
pub mod loss;
pub mod lowest_point;
pub mod measured_gradient;
pub mod mlp;
