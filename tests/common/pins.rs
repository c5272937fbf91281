//! Dataset values pinned bit for bit. The native tests (tests/data.rs) and
//! the wasm tests (tests/web.rs) both check them, which proves that the same
//! seed gives the same data in both builds.

/// (index, x bits, y bits) of the default dataset (N = 12, seed 7).
pub const DEFAULT_DATA: [(usize, u64, u64); 3] = [
    (0, 0xbfe0da00cc728f48, 0xbfd80dce42f46ca9),
    (1, 0x3ff2e2327221bbaa, 0x3ffd7199d64011d0),
    (11, 0x3f91d459f0dfc780, 0xbface4d80f255bf0),
];

/// The default recipe with N = 10,000 and seed 424242: the bits of Σx, Σy
/// and of the last y. The sums cover every draw, the tail of the normal
/// sampler included.
pub const LARGE_N: usize = 10_000;
pub const LARGE_SEED: u32 = 424_242;
pub const LARGE_SUMS: (u64, u64, u64) =
    (0x40b32ccaecfe29e5, 0x40c82cf097b1cd6e, 0x3ff115f0815d02e8);
