//! The one seeded, portable random source of the core.
//!
//! Every random draw in gradavg goes through [`SeededRng`], which is PCG-64
//! (the MCG variant, `rand_pcg::Pcg64Mcg`) seeded from a `u32` carried in the
//! page state. PCG is plain 128-bit integer arithmetic, value-stable across
//! platforms and a fraction of ChaCha's code size (which keeps the wasm
//! within budget). The conversions below use only exact IEEE operations or
//! the pure-Rust `libm` crate, so the same seed gives bit-identical numbers
//! in the native build and in WebAssembly.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// A seeded, portable generator of uniform and normal draws.
pub struct SeededRng {
    inner: Pcg64Mcg,
}

impl SeededRng {
    /// A generator whose stream depends only on `seed`.
    pub fn new(seed: u32) -> Self {
        Self {
            inner: Pcg64Mcg::seed_from_u64(u64::from(seed)),
        }
    }

    /// A uniform draw in [0, 1): the top 53 bits of a `u64`, times 2⁻⁵³ (exact).
    pub fn uniform(&mut self) -> f64 {
        (self.inner.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform whole number in 0..n (n > 0), exactly uniform: draws
    /// below the largest multiple of n that fits in 64 bits are kept.
    pub fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let v = self.inner.next_u64();
            if v < zone {
                return v % n;
            }
        }
    }

    /// A uniform draw in [lo, hi).
    pub fn uniform_in(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }

    /// A standard normal draw by the Box–Muller transform,
    /// z = √(−2 ln u₁) · cos(2π u₂) with u₁ ∈ (0, 1].
    ///
    /// `rand_distr::Normal` is not used on purpose: its ziggurat calls `exp`
    /// and `ln` through std, which uses the system libm natively and Rust's
    /// libm port in wasm, and the two can differ in the last bit. Here both
    /// builds call the same `libm` functions, so the data is bit-identical.
    pub fn standard_normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform();
        let u2 = self.uniform();
        libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(2.0 * core::f64::consts::PI * u2)
    }
}

/// A fresh seed from the operating system (or the browser's crypto API).
/// This is the only place the core uses entropy; everything else is seeded.
/// Seeds are kept below a million so that links stay short and readable.
pub fn fresh_seed() -> u32 {
    let mut bytes = [0u8; 4];
    // A failure of the entropy source is not worth a dead page: fall back to 1.
    match getrandom::fill(&mut bytes) {
        Ok(()) => u32::from_le_bytes(bytes) % 1_000_000,
        Err(_) => 1,
    }
}
