//! Decimal numerals that are hard to read to the nearest f64, shared by
//! the native test (tests/decimal.rs) and the wasm one (tests/web.rs).

/// Tricky numerals and the bits of their nearest f64 (ties to even), from
/// std's correctly rounded parser.
pub const TRICKY: [(&str, u64); 10] = [
    ("0.30000000000000004", 0x3FD3333333333334),
    ("9007199254740993", 0x4340000000000000),
    ("1e23", 0x44B52D02C7E14AF6),
    ("2.2250738585072011e-308", 0x000FFFFFFFFFFFFF),
    ("5e-324", 0x0000000000000001),
    ("1.7976931348623157e308", 0x7FEFFFFFFFFFFFFF),
    ("1e400", 0x7FF0000000000000),
    ("-0", 0x8000000000000000),
    (".5e+1", 0x4014000000000000),
    ("3.", 0x4008000000000000),
];
