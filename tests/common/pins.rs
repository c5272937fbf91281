//! Dataset values pinned bit for bit. The native tests (tests/data.rs) and
//! the wasm tests (tests/web.rs) both run these checks, which proves that
//! the same seed gives the same data in both builds.

use gradavg::core::data::Dataset;
use gradavg::scenes::state::State;

/// (index, x bits, y bits) of the default dataset (N = 12, seed 7).
const DEFAULT_DATA: [(usize, u64, u64); 3] = [
    (0, 0x3ff11d7599bbd0b2, 0x40003ebfe2c9381f),
    (1, 0x3ffcaff0f8827404, 0x400a2ef29289dcdc),
    (11, 0x3ff09efcf523c836, 0x40003e72911d36ac),
];

/// The default recipe with N = 10,000 and seed 424242: the bits of Σx, Σy
/// and of the last y. The sums cover every draw, the tails of the normal
/// sampler included.
const LARGE_N: usize = 10_000;
const LARGE_SEED: u32 = 424_242;
const LARGE_SUMS: (u64, u64, u64) = (0x40b3ae50732577eb, 0x40c88778c4b0e3ea, 0xbfe7e015bcd8c23e);

/// Checks three examples of the default dataset, bit for bit.
pub fn check_default_dataset() {
    let d = Dataset::generate(&State::default().shared.recipe);
    assert_eq!(d.len(), 12);
    for (i, x, y) in DEFAULT_DATA {
        assert_eq!(
            (d.xs[i].to_bits(), d.ys[i].to_bits()),
            (x, y),
            "example {i}: ({}, {})",
            d.xs[i],
            d.ys[i]
        );
    }
}

/// Checks the sums over a dataset of 10,000 examples, bit for bit.
pub fn check_large_dataset() {
    let mut r = State::default().shared.recipe;
    r.n = LARGE_N;
    r.seed = LARGE_SEED;
    let d = Dataset::generate(&r);
    let (sx, sy) = (d.xs.iter().sum::<f64>(), d.ys.iter().sum::<f64>());
    assert_eq!(
        (sx.to_bits(), sy.to_bits(), d.ys[LARGE_N - 1].to_bits()),
        LARGE_SUMS
    );
}
