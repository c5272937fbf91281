//! Reading a number written in decimal, as links and CSV pastes hold them.
//!
//! The text must be a decimal numeral, `[+-]? digits [. digits] [(e|E) [+-]? digits]`
//! (digits on at least one side of the point), or `inf`, `infinity` or
//! `nan` in any case, which read as themselves so that callers can say
//! why they refuse them. That is exactly the finite-or-not text Rust's
//! `f64::from_str` accepts. The numeral is then converted to the nearest
//! f64 (ties to even) by a [`Converter`]:
//! - natively, and in every build but the page's wasm, std's own parser;
//! - in the page's wasm, the browser's `parseFloat()`, which ECMAScript also
//!   defines as the nearest f64. The canvas adapter hands it in at start
//!   ([`use_converter`]). std's parser would add its tables of powers of
//!   ten, 14 KB gzipped, to a page that has no other use for them.
//!
//! The grammar is checked here either way, so both read the same texts.

use std::sync::OnceLock;

/// Converts a checked decimal numeral to the nearest f64.
pub type Converter = fn(&str) -> f64;

static CONVERTER: OnceLock<Converter> = OnceLock::new();

/// Sets the converter of this build (the first call wins).
pub fn use_converter(convert: Converter) {
    let _ = CONVERTER.set(convert);
}

/// `text` as a number, or `None` when it is not a decimal numeral (see
/// the module documentation). Surrounding spaces are not trimmed.
pub fn read(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let sign = if text.starts_with('-') { -1.0 } else { 1.0 };
    let is = |word: &str| unsigned.eq_ignore_ascii_case(word);
    if is("inf") || is("infinity") {
        Some(sign * f64::INFINITY)
    } else if is("nan") {
        Some(f64::NAN)
    } else if is_numeral(unsigned) {
        convert(text)
    } else {
        None
    }
}

/// Digits with at most one point and digits on one side of it at least,
/// then an optional exponent with digits.
fn is_numeral(unsigned: &str) -> bool {
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mantissa_ok =
        digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn convert(text: &str) -> Option<f64> {
    match CONVERTER.get() {
        Some(convert) => Some(convert(text)),
        None => text.parse().ok(),
    }
}

/// In the page's wasm there is no parser of its own: without the
/// browser's, nothing reads as a number.
#[cfg(all(target_arch = "wasm32", feature = "web"))]
fn convert(text: &str) -> Option<f64> {
    CONVERTER.get().map(|convert| convert(text))
}
