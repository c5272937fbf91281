//! The core kernel timed natively, for the wasm-against-native comparison of
//! `cargo xtask bench` (bench/page.mjs times the same call in the browser).
//!
//! Kernel: 10,000 mini-batch gradients of B = 32, without replacement, on
//! N = 1,000 examples xᵢ = i/N, yᵢ = ((7i) mod 13)/13, θ = (0.5, −0.25), seed 1.
//! Prints the median of 15 runs in milliseconds.

use gradavg::core::estimator::sample_batch_gradients;
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::sampler::SamplingMode;
use std::time::Instant;

fn main() {
    let n = 1000;
    let xs: Vec<f64> = (0..n).map(|i| i as f64 / n as f64).collect();
    let ys: Vec<f64> = (0..n).map(|i| ((7 * i) % 13) as f64 / 13.0).collect();
    let p = LinearProblem::new(&xs, &ys).expect("valid data");
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let start = Instant::now();
            let draws = sample_batch_gradients(
                &p,
                &[0.5, -0.25],
                32,
                10_000,
                SamplingMode::WithoutReplacement,
                1,
            )
            .expect("valid arguments");
            std::hint::black_box(draws);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{:.3}", times[times.len() / 2]);
}
