//! The seeded dataset generator: pinned values, determinism and the
//! statistics of the noise.

#[path = "common/pins.rs"]
mod pins;

use gradavg::core::data::Dataset;
use gradavg::core::moments::Moments;
use gradavg::scenes::state::State;

#[test]
fn default_dataset_is_pinned_bit_for_bit() {
    pins::check_default_dataset();
}

#[test]
fn large_dataset_is_pinned_bit_for_bit() {
    pins::check_large_dataset();
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let r = State::default().shared.recipe;
    assert_eq!(Dataset::generate(&r), Dataset::generate(&r));
    let mut other = r;
    other.seed += 1;
    assert_ne!(Dataset::generate(&r).xs, Dataset::generate(&other).xs);
}

#[test]
fn generated_data_has_the_recipes_line_and_noise() {
    // With N = 10,000 the least-squares fit recovers a and c within a few
    // standard errors, and the residual variance is σ² within 5%.
    // SE(slope) = σ / (√N · sd(x)) = 0.5 / (100 · 0.866) ≈ 0.0058.
    let mut r = State::default().shared.recipe;
    r.n = 10_000;
    r.seed = 99;
    let d = Dataset::generate(&r);
    assert!(d.xs.iter().all(|&x| (r.x_min..r.x_max).contains(&x)));
    let m = Moments::of(&d.xs, &d.ys);
    let [slope, intercept] = m.minimum().unwrap();
    assert!((slope - r.slope).abs() < 4.0 * 0.0058, "slope {slope}");
    assert!(
        (intercept - r.intercept).abs() < 0.03,
        "intercept {intercept}"
    );
    let residual_var = m.min_cost();
    assert!(
        (residual_var / (r.noise * r.noise) - 1.0).abs() < 0.05,
        "residual variance {residual_var}"
    );
}
