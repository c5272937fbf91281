//! Numbers as people read them: significant digits, tick labels, and
//! differences that are zero up to rounding.

use crate::core::math::LibmExt;
/// `v` with `digits` significant digits. Very small or large magnitudes use
/// "×10ⁿ"; negatives use a true minus sign.
pub fn fmt_sig(v: f64, digits: usize) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "not a number".into()
        } else if v > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    if v == 0.0 {
        return "0".into();
    }
    let digits = digits.max(1);
    let exp = v.abs().log10_().floor() as i32;
    let body = if !(-3..5).contains(&exp) {
        let s = format!("{:.*e}", digits - 1, v);
        let (mantissa, power) = s.split_once('e').unwrap_or((&s, "0"));
        format!("{mantissa}×10{}", superscript(power))
    } else {
        let decimals = (digits as i32 - 1 - exp).max(0) as usize;
        format!("{v:.decimals$}")
    };
    body.replace('-', "−")
}

/// A tick label: the shortest decimal form, at most 6 decimals, no "−0".
pub fn fmt_tick(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.replace('-', "−")
    }
}

/// A vector (a, b) with `digits` significant digits per entry.
pub fn fmt_vec(v: [f64; 2], digits: usize) -> String {
    format!("({}, {})", fmt_sig(v[0], digits), fmt_sig(v[1], digits))
}

/// How a difference between two computations of the same quantity reads:
/// "0 (to rounding)" when it is within 64 units in the last place of the
/// quantity's `scale`, and the value otherwise.
pub fn fmt_difference(diff: f64, scale: f64) -> String {
    if is_rounding(diff, scale) {
        "0 (to rounding)".into()
    } else {
        fmt_sig(diff, 3)
    }
}

/// A count with its noun: "1 example", "12 examples", "1,000 draws".
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        fmt_count(count),
        if count == 1 { one } else { many }
    )
}

/// A whole number with its thousands separated by commas: "10,000".
pub fn fmt_count(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

/// True when `diff` is within 64 units in the last place of `scale`: what
/// two computations of one quantity may differ by through rounding alone.
pub fn is_rounding(diff: f64, scale: f64) -> bool {
    diff <= 64.0 * f64::EPSILON * scale.max(f64::MIN_POSITIVE)
}

/// A difference vector: "0 (to rounding)" when both entries are within
/// rounding of `scale` (see [`fmt_difference`]), and (a, b) otherwise.
pub fn fmt_vec_difference(v: [f64; 2], scale: f64) -> String {
    if v.iter().all(|x| is_rounding(x.abs(), scale)) {
        "0 (to rounding)".into()
    } else {
        fmt_vec(v, 2)
    }
}

/// A value that may be 0 up to rounding: "0 (to rounding)" when it is
/// within rounding of `scale`, and `digits` significant digits otherwise.
pub fn fmt_rounded(v: f64, digits: usize, scale: f64) -> String {
    if is_rounding(v.abs(), scale) {
        "0 (to rounding)".into()
    } else {
        fmt_sig(v, digits)
    }
}

/// A vector whose entries may be 0 up to rounding of `scale`: such entries
/// read "0", and a vector of two of them "(0, 0) to rounding".
pub fn fmt_vec_rounded(v: [f64; 2], digits: usize, scale: f64) -> String {
    let zero = v.map(|x| is_rounding(x.abs(), scale));
    if zero == [true, true] {
        return "(0, 0) to rounding".into();
    }
    let part = |k: usize| {
        if zero[k] {
            "0".to_string()
        } else {
            fmt_sig(v[k], digits)
        }
    };
    format!("({}, {})", part(0), part(1))
}

/// 10ᵏ as a short axis label: "0.01" … "100" for |k| ≤ 2, "10⁻⁴" beyond.
pub fn fmt_power_of_ten(k: i32) -> String {
    if (-2..=2).contains(&k) {
        fmt_tick(10f64.powi(k))
    } else {
        format!("10{}", superscript(&k.to_string()))
    }
}

/// The raw value, every digit, for a hover title.
pub fn fmt_raw(v: f64) -> String {
    format!("{v:e}").replace('-', "−")
}

fn superscript(power: &str) -> String {
    power
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            other => other,
        })
        .collect()
}
