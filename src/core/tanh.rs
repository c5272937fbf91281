//! tanh from `+ − × ÷` alone, one example's hidden layer at a time: the
//! network's kernels spend most of their time here.
//!
//! Cephes' method (S. L. Moshier, Cephes Math Library, `tanh.c`):
//! - |x| < 0.625: tanh x = x + x·s·P(s)/Q(s) with s = x², a rational fit
//!   (P of degree 2, Q monic of degree 3);
//! - otherwise: tanh |x| = 1 − 2/(e^{2|x|} + 1), the sign put back after,
//!   with |x| capped at 20, where 2/(e⁴⁰ + 1) < 2⁻⁵⁶ already rounds the
//!   result to 1.
//!
//! e^a for a in [0, 40] is 2ᵏ·e^r with k = ⌊a/ln 2 + ½⌋ and
//! r = a − k·ln 2 in [−0.35, 0.35] (ln 2 in two parts, so k·ln 2 is exact
//! to 2⁻⁶⁴), and e^r by its Taylor series to r¹³/13!, whose remainder is
//! below 10⁻¹⁷. 2ᵏ is built from its bits.
//!
//! Every step is an IEEE operation (no `libm`, no fused multiply–add), so
//! the result is the same bits natively and in wasm, and the same bits in
//! the two-lane SIMD path ([`tanh_in_place`] under `simd128`) as in the
//! scalar one: the lanes run the same operations in the same order, and
//! the branch becomes a select. Within 2·10⁻¹⁶ of the true value relative
//! (tests/tanh.rs checks ≤ 3 units in the last place against `libm`).

/// P's coefficients, highest power first.
const P: [f64; 3] = [
    -9.643_991_794_250_523e-1,
    -9.928_772_310_019_185e1,
    -1.614_687_684_417_084_5e3,
];
/// Q's coefficients below its leading 1, highest power first.
const Q: [f64; 3] = [
    1.128_116_784_916_329_3e2,
    2.235_488_390_601_004_5e3,
    4.844_063_053_251_255e3,
];
/// Below this |x| the rational fit is used.
const SMALL: f64 = 0.625;
/// |x| is capped here: tanh rounds to ±1 well before.
const CAP: f64 = 20.0;
const LOG2_E: f64 = std::f64::consts::LOG2_E;
/// ln 2 = LN2_HI + LN2_LO, LN2_HI with its low 32 bits zero (fdlibm's split).
const LN2_HI: f64 = 6.931_471_803_691_238e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
/// 1/j! for j = 13 down to 2, for Horner's rule.
const INV_FACTORIAL: [f64; 12] = [
    1.0 / 6_227_020_800.0,
    1.0 / 479_001_600.0,
    1.0 / 39_916_800.0,
    1.0 / 3_628_800.0,
    1.0 / 362_880.0,
    1.0 / 40_320.0,
    1.0 / 5_040.0,
    1.0 / 720.0,
    1.0 / 120.0,
    1.0 / 24.0,
    1.0 / 6.0,
    1.0 / 2.0,
];
/// 2⁵²: adding it to a whole number below 2⁵² leaves the number in the
/// low bits of the sum.
const TWO_52: f64 = 4_503_599_627_370_496.0;

/// tanh x, as described in the module documentation.
pub fn tanh(x: f64) -> f64 {
    let a = x.abs();
    if a < SMALL {
        let s = x * x;
        x + x * s * (rational_p(s) / rational_q(s))
    } else {
        let t = 1.0 - 2.0 / (exp_0_40(2.0 * capped(a)) + 1.0);
        t.copysign(x)
    }
}

/// Replaces every z in `zs` by tanh z: two at a time with wasm SIMD where
/// the build has it, the same bits as [`tanh`] either way.
pub fn tanh_in_place(zs: &mut [f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        let mut pairs = zs.chunks_exact_mut(2);
        for pair in &mut pairs {
            simd::tanh_pair(pair);
        }
        for z in pairs.into_remainder() {
            *z = tanh(*z);
        }
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    for z in zs {
        *z = tanh(*z);
    }
}

/// min(a, CAP), NaN staying NaN (as wasm's `pmin` does).
fn capped(a: f64) -> f64 {
    if CAP < a {
        CAP
    } else {
        a
    }
}

/// P(s), Horner's rule.
fn rational_p(s: f64) -> f64 {
    (P[0] * s + P[1]) * s + P[2]
}

/// Q(s) = s³ + q₀s² + q₁s + q₂, Horner's rule.
fn rational_q(s: f64) -> f64 {
    ((s + Q[0]) * s + Q[1]) * s + Q[2]
}

/// e^a for a in [0, 40]: 2ᵏ·e^r.
fn exp_0_40(a: f64) -> f64 {
    let k = (a * LOG2_E + 0.5).trunc();
    let r = (a - k * LN2_HI) - k * LN2_LO;
    let mut e = INV_FACTORIAL[0];
    for c in &INV_FACTORIAL[1..] {
        e = e * r + c;
    }
    e = (e * r + 1.0) * r + 1.0;
    // k + 1023 + 2⁵² holds k + 1023 in its low bits; shifted up by 52 they
    // are the exponent field of 2ᵏ.
    let two_k = f64::from_bits((k + 1023.0 + TWO_52).to_bits() << 52);
    e * two_k
}

/// The same steps on two lanes at once.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::*;
    use std::arch::wasm32::*;

    pub fn tanh_pair(pair: &mut [f64]) {
        let x = f64x2(pair[0], pair[1]);
        let a = f64x2_abs(x);
        let splat = f64x2_splat;

        // The rational fit, for |x| < 0.625.
        let s = f64x2_mul(x, x);
        let p = f64x2_add(
            f64x2_mul(f64x2_add(f64x2_mul(splat(P[0]), s), splat(P[1])), s),
            splat(P[2]),
        );
        let q = f64x2_add(
            f64x2_mul(
                f64x2_add(f64x2_mul(f64x2_add(s, splat(Q[0])), s), splat(Q[1])),
                s,
            ),
            splat(Q[2]),
        );
        let small = f64x2_add(x, f64x2_mul(f64x2_mul(x, s), f64x2_div(p, q)));

        // 1 − 2/(e^{2|x|} + 1), sign put back.
        let a2 = f64x2_mul(splat(2.0), f64x2_pmin(a, splat(CAP)));
        let k = f64x2_trunc(f64x2_add(f64x2_mul(a2, splat(LOG2_E)), splat(0.5)));
        let r = f64x2_sub(
            f64x2_sub(a2, f64x2_mul(k, splat(LN2_HI))),
            f64x2_mul(k, splat(LN2_LO)),
        );
        let mut e = splat(INV_FACTORIAL[0]);
        for c in &INV_FACTORIAL[1..] {
            e = f64x2_add(f64x2_mul(e, r), splat(*c));
        }
        e = f64x2_add(
            f64x2_mul(f64x2_add(f64x2_mul(e, r), splat(1.0)), r),
            splat(1.0),
        );
        let bits = f64x2_add(f64x2_add(k, splat(1023.0)), splat(TWO_52));
        let two_k = i64x2_shl(bits, 52);
        let big = f64x2_sub(
            splat(1.0),
            f64x2_div(splat(2.0), f64x2_add(f64x2_mul(e, two_k), splat(1.0))),
        );
        // copysign: the magnitude's bits with x's sign bit.
        let sign = splat(-0.0);
        let big = v128_bitselect(x, big, sign);

        let t = v128_bitselect(small, big, f64x2_lt(a, splat(SMALL)));
        pair[0] = f64x2_extract_lane::<0>(t);
        pair[1] = f64x2_extract_lane::<1>(t);
    }
}
