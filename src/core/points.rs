//! A student's own points in a link: every value as a 32-bit float, little
//! endian, x then y for each point, in base64url without padding (RFC 4648
//! §5). 8 bytes per point make 500 points 5,334 characters, short enough for
//! the links browsers and chat apps accept.
//!
//! The page keeps its own points as 32-bit floats ([`quantize`]), so a
//! link carries them exactly and reproduces the same pixels. That is about
//! seven significant digits, far more than a figure can show.
//!
//! (Hand-written rather than a crate: it is 40 lines, and the wasm has a
//! size budget.)

use crate::core::data::Dataset;

/// The most characters of points a link carries; above it the page offers
/// the CSV instead.
pub const MAX_LINK_CHARS: usize = 7000;

/// The largest |value| the page accepts: far inside f32's range, so every
/// value survives [`quantize`].
pub const MAX_ABS: f64 = 1e12;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `v` as the page stores it: the nearest 32-bit float.
pub fn quantize(v: f64) -> f64 {
    v as f32 as f64
}

/// The length of the link text of `points` points, without encoding them:
/// 8 bytes a point, 4 characters per 3 bytes, the last group unpadded.
pub fn encoded_len(points: usize) -> usize {
    (8 * points * 4).div_ceil(3)
}

/// The points as a link's text.
pub fn encode(data: &Dataset) -> String {
    let mut bytes = Vec::with_capacity(8 * data.len());
    for (&x, &y) in data.xs.iter().zip(&data.ys) {
        bytes.extend_from_slice(&(x as f32).to_le_bytes());
        bytes.extend_from_slice(&(y as f32).to_le_bytes());
    }
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
        }
    }
    out
}

/// The points in a link's text, or what is wrong with it.
pub fn decode(text: &str, max_points: usize) -> Result<Dataset, String> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    for c in text.bytes() {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or("has a character that is not base64url")?;
        bits = bits << 6 | v as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count) as u8);
        }
    }
    if bytes.is_empty() || bytes.len() % 8 != 0 || count >= 6 {
        return Err("is cut short: it must hold whole points of two numbers".into());
    }
    if bytes.len() / 8 > max_points {
        return Err(format!("holds more than {max_points} points"));
    }
    let value = |b: &[u8]| f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64;
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for point in bytes.chunks_exact(8) {
        let (x, y) = (value(&point[..4]), value(&point[4..]));
        if !(x.abs() <= MAX_ABS && y.abs() <= MAX_ABS) {
            return Err(format!(
                "holds a value that is not a number from −{MAX_ABS:e} to {MAX_ABS:e}"
            ));
        }
        xs.push(x);
        ys.push(y);
    }
    Ok(Dataset { xs, ys })
}
