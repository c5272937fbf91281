//! The network's tanh (core::tanh) against libm's, unit in the last place
//! by unit: it is made of IEEE operations alone, so its error is its own.

use gradavg::core::tanh::{tanh, tanh_in_place};

/// How many f64s lie between a and b (both finite, same sign or zero).
fn ulps(a: f64, b: f64) -> u64 {
    let key = |v: f64| {
        let bits = v.to_bits() as i64;
        if bits < 0 {
            i64::MIN - bits
        } else {
            bits
        }
    };
    key(a).abs_diff(key(b))
}

/// Points over [−25, 25]: a fine even grid, both sides of the 0.625
/// switch, the neighbourhood of the cap at 20, and tiny values.
fn points() -> Vec<f64> {
    let mut v: Vec<f64> = (-250_000..=250_000).map(|k| k as f64 * 1e-4).collect();
    for edge in [0.625f64, 20.0, 19.06] {
        let mut x = edge;
        for _ in 0..64 {
            v.extend([x, -x]);
            x = f64::from_bits(x.to_bits() - 1);
        }
    }
    v.extend((1..300).map(|e| 10f64.powi(-e)));
    v.extend([3.7e-320, 1e300, -1e300]);
    v
}

#[test]
fn within_three_units_in_the_last_place_of_libm_everywhere() {
    let mut worst = (0, 0.0);
    for x in points() {
        let (ours, reference) = (tanh(x), libm::tanh(x));
        let d = ulps(ours, reference);
        if d > worst.0 {
            worst = (d, x);
        }
    }
    assert!(
        worst.0 <= 3,
        "tanh({}) is {} ulps from libm",
        worst.1,
        worst.0
    );
}

#[test]
fn saturates_exactly_odd_and_passes_through_zero() {
    for x in [19.1, 20.0, 21.0, 700.0, 1e300] {
        assert_eq!(tanh(x), 1.0, "tanh({x})");
        assert_eq!(tanh(-x), -1.0, "tanh(-{x})");
    }
    for x in points() {
        assert_eq!(tanh(-x), -tanh(x), "odd at {x}");
    }
    assert_eq!(tanh(0.0), 0.0);
    assert!(tanh(f64::NAN).is_nan());
}

#[test]
fn in_place_matches_one_at_a_time_bit_for_bit() {
    // Odd lengths exercise the remainder after the pairs of the SIMD path.
    for len in [1, 2, 3, 8, 9] {
        let xs: Vec<f64> = (0..len).map(|k| (k as f64 - 4.0) * 0.37).collect();
        let mut zs = xs.clone();
        tanh_in_place(&mut zs);
        for (x, z) in xs.iter().zip(&zs) {
            assert_eq!(z.to_bits(), tanh(*x).to_bits(), "tanh({x})");
        }
    }
}
