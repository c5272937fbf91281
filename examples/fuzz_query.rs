//! `cargo xtask fuzz`: the URL codec against generated links, a million by
//! default (`cargo run --release --example fuzz_query -- COUNT`).
//!
//! Each link mixes real keys with values that are fine, out of range, not
//! numbers, NaN, ±inf, empty, percent-escaped or cut short, and pure
//! garbage. For every one: no panic; every notice names a key the link gave
//! (the x range answers to either of its keys); the state is drawable
//! (`State::problems`); and it writes back and reads again unchanged.
//! Student points (`data=`) come as encodings of random 32-bit patterns
//! (NaN and infinity among them), cut at a random length.

use gradavg::core::data::Dataset;
use gradavg::core::points::encode;
use gradavg::core::rng::SeededRng;
use gradavg::scenes::state::{from_query, notice_concerns, table, to_query};
use std::time::Instant;

const VALUES: [&str; 24] = [
    "0",
    "1",
    "-1",
    "12",
    "4",
    "0.5",
    "1e6",
    "-1e300",
    "1e-320",
    "NaN",
    "inf",
    "-inf",
    "",
    "%",
    "%2",
    "%41",
    "1,2",
    "1,2,3",
    "0,0,1",
    ",,",
    "é",
    "+",
    "sorted-x",
    "mean-error-squared",
];
const GARBAGE: &str = "abcnthetaxyview=&,.%-+0123456789eEinfNa ?#é\u{0}/";

fn pick<'a>(rng: &mut SeededRng, from: &[&'a str]) -> &'a str {
    from[rng.below(from.len() as u64) as usize]
}

/// One generated link.
fn link(rng: &mut SeededRng, keys: &[&'static str]) -> String {
    if rng.uniform() < 0.2 {
        let garbage: Vec<char> = GARBAGE.chars().collect();
        let len = rng.below(80) as usize;
        return (0..len)
            .map(|_| garbage[rng.below(garbage.len() as u64) as usize])
            .collect();
    }
    let pairs = 1 + rng.below(8) as usize;
    let parts: Vec<String> = (0..pairs)
        .map(|_| {
            let key = if rng.uniform() < 0.9 {
                pick(rng, keys)
            } else {
                "bogus"
            };
            let value = if key == "data" && rng.uniform() < 0.7 {
                points(rng)
            } else if rng.uniform() < 0.5 {
                pick(rng, &VALUES).to_string()
            } else {
                format!(
                    "{}",
                    (rng.uniform() - 0.3) * 10f64.powi(rng.below(8) as i32)
                )
            };
            format!("{key}={value}")
        })
        .collect();
    format!("?{}", parts.join("&"))
}

/// An encoding of 1 to 30 points of random 32-bit patterns, often cut short.
fn points(rng: &mut SeededRng) -> String {
    let n = 1 + rng.below(30) as usize;
    let mut value = || {
        let bits = rng.below(1 << 32) as u32;
        if rng.uniform() < 0.8 {
            // A readable number most of the time.
            (rng.uniform() - 0.5) * 10f64.powi(rng.below(14) as i32)
        } else {
            f32::from_bits(bits) as f64
        }
    };
    let xs: Vec<f64> = (0..n).map(|_| value()).collect();
    let ys: Vec<f64> = (0..n).map(|_| value()).collect();
    let text = encode(&Dataset { xs, ys });
    if rng.uniform() < 0.2 {
        let cut = rng.below(text.len() as u64 + 1) as usize;
        text[..cut].to_string()
    } else {
        text
    }
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let keys: Vec<&'static str> = table().iter().map(|s| s.key).collect();
    let mut rng = SeededRng::new(2026);
    let start = Instant::now();
    let mut notices = 0usize;
    for k in 0..count {
        let query = link(&mut rng, &keys);
        let (state, said) = from_query(&query);
        let given = gradavg::page::settings::query_keys(&query);
        for n in &said {
            assert!(
                notice_concerns(n, &given),
                "link {k} {query:?}: a notice about {:?}, which it does not give",
                n.key
            );
        }
        notices += said.len();
        assert!(
            state.problems().is_empty(),
            "link {k} {query:?}: {:?}",
            state.problems()
        );
        assert_eq!(from_query(&to_query(&state)).0, state, "link {k} {query:?}");
    }
    println!(
        "{count} generated links in {:.1} s: no panic, {notices} notices, each naming a key its link gave; \
         every state drawable and round-tripping",
        start.elapsed().as_secs_f64()
    );
}
