//! The batch sampler: its three modes follow their definitions exactly, and
//! uniform draws are uniform.

use gradavg::core::sampler::{batch_indices, SamplingMode, MAX_INDICES};

use SamplingMode::*;

#[test]
fn sequential_batches_follow_the_formula() {
    // Draw d takes (d·B + j) mod N.
    let idx = batch_indices(7, 3, 5, Sequential, 99).unwrap();
    let expected: Vec<u32> = (0..5)
        .flat_map(|d| (0..3).map(move |j| ((d * 3 + j) % 7) as u32))
        .collect();
    assert_eq!(idx, expected);
}

#[test]
fn without_replacement_batches_are_distinct_and_epochs_cover_each_example_once() {
    let (n, b) = (103, 10); // 10 batches per epoch; 3 examples left out of each epoch
    let idx = batch_indices(n, b, 50, WithoutReplacement, 5).unwrap();
    for epoch in idx.chunks(10 * b) {
        let mut seen = vec![false; n];
        for &i in epoch {
            assert!(!seen[i as usize], "index {i} repeated within an epoch");
            seen[i as usize] = true;
        }
        assert_eq!(seen.iter().filter(|&&s| s).count(), 100);
    }
    // Successive epochs are different shuffles.
    assert_ne!(idx[..100], idx[100..200]);
}

#[test]
fn same_seed_same_draws_other_seed_other_draws() {
    for mode in [WithReplacement, WithoutReplacement] {
        let a = batch_indices(1000, 32, 100, mode, 1).unwrap();
        assert_eq!(a, batch_indices(1000, 32, 100, mode, 1).unwrap());
        assert_ne!(a, batch_indices(1000, 32, 100, mode, 2).unwrap());
        assert!(a.iter().all(|&i| i < 1000));
    }
}

#[test]
fn with_replacement_indices_are_uniform() {
    // 200,000 indices over N = 50: Pearson's χ² has 49 degrees of freedom,
    // mean 49 and standard deviation √98 ≈ 9.9. Allow 5 standard deviations.
    let n = 50;
    let idx = batch_indices(n, 20, 10_000, WithReplacement, 2024).unwrap();
    let mut counts = vec![0f64; n];
    for &i in &idx {
        counts[i as usize] += 1.0;
    }
    let expected = idx.len() as f64 / n as f64;
    let chi2: f64 = counts
        .iter()
        .map(|c| (c - expected).powi(2) / expected)
        .sum();
    assert!((chi2 - 49.0).abs() < 5.0 * 98f64.sqrt(), "χ² = {chi2}");
}

#[test]
fn bad_arguments_are_refused_with_reasons() {
    let msg = |r: Result<Vec<u32>, gradavg::core::error::ProblemError>| r.unwrap_err().0;
    assert!(msg(batch_indices(10, 0, 1, WithReplacement, 0)).contains("batch size is 0"));
    assert!(msg(batch_indices(10, 11, 1, WithoutReplacement, 0))
        .contains("cannot be drawn from 10 without replacement"));
    assert!(msg(batch_indices(0, 1, 1, Sequential, 0)).contains("no examples"));
    assert!(msg(batch_indices(10, 1 << 20, 1 << 10, WithReplacement, 0))
        .contains(&format!("at most {MAX_INDICES}")));
    assert!(SamplingMode::parse("shuffled")
        .unwrap_err()
        .0
        .contains("unknown sampling mode \"shuffled\""));
    // With replacement and sequentially, a batch may be larger than N.
    assert_eq!(
        batch_indices(3, 5, 1, Sequential, 0).unwrap(),
        vec![0, 1, 2, 0, 1]
    );
    assert_eq!(
        batch_indices(3, 5, 2, WithReplacement, 0).unwrap().len(),
        10
    );
    assert!(batch_indices(10, 4, 0, WithReplacement, 0)
        .unwrap()
        .is_empty());
}
