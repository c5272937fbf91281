//! `cargo xtask fuzz`, part two: the CSV reader against generated pastes, a
//! million by default (`cargo run --release --example fuzz_csv -- COUNT`).
//!
//! Each paste mixes good rows with numbers written every which way, NaN,
//! ±inf, overflow, empty and extra fields, other separators, decimal
//! commas, headers, comments, blank lines, CR and CRLF endings, and garbage;
//! now and then one over the 10,000-row cap. For every paste, read as x,y
//! and as x,label: no panic; a valid one has matching finite columns within
//! the cap (labels 0 or 1); a bad one lists errors in line order, each on a
//! line the paste has (0 only for "no rows" alone), each with a message.

use gradavg::core::csv::{parse_csv, SecondColumn, MAX_ROWS};
use gradavg::core::rng::SeededRng;
use std::time::Instant;

const FIELDS: [&str; 22] = [
    "0", "1", "-1", "2.5", "1e3", "-4E-2", "1e309", "NaN", "inf", "-inf", "", " ", "1,5", "abc",
    "é", "\u{0}", "\"1\"", "0x10", "+3", ".5", "5.", "1_000",
];
const SEPARATORS: [&str; 6] = [",", ";", "\t", "|", ", ", ""];
const ENDINGS: [&str; 3] = ["\n", "\r\n", "\r"];

fn pick<'a>(rng: &mut SeededRng, from: &[&'a str]) -> &'a str {
    from[rng.below(from.len() as u64) as usize]
}

fn field(rng: &mut SeededRng) -> String {
    if rng.uniform() < 0.5 {
        pick(rng, &FIELDS).to_string()
    } else {
        format!(
            "{}",
            (rng.uniform() - 0.5) * 10f64.powi(rng.below(12) as i32 - 4)
        )
    }
}

/// A paste with only good rows (x,y or x,label), so the valid path is
/// fuzzed as well.
fn clean_paste(rng: &mut SeededRng) -> String {
    let separator = pick(rng, &[",", ";", "\t", ", "]);
    let ending = pick(rng, &["\n", "\r\n"]);
    let rows = 1 + rng.below(40) as usize;
    (0..rows)
        .map(|_| {
            let x = (rng.uniform() - 0.5) * 10f64.powi(rng.below(8) as i32 - 2);
            format!("{x}{separator}{}{ending}", rng.below(2))
        })
        .collect()
}

fn paste(rng: &mut SeededRng, k: usize) -> String {
    if rng.uniform() < 0.3 {
        return clean_paste(rng);
    }
    let separator = pick(rng, &SEPARATORS);
    let ending = pick(rng, &ENDINGS);
    let rows = if k % 100_000 == 7 {
        MAX_ROWS + 1
    } else {
        rng.below(40) as usize
    };
    let mut text = String::new();
    if rng.uniform() < 0.3 {
        text.push_str(&format!("x{separator}y{ending}"));
    }
    for _ in 0..rows {
        match rng.below(20) {
            0 => text.push_str("# a comment"),
            1 => {}
            2 => text.push_str(&field(rng)),
            3 => text.push_str(&format!(
                "{}{separator}{}{separator}{}",
                field(rng),
                field(rng),
                field(rng)
            )),
            _ => text.push_str(&format!("{}{}{}", field(rng), separator, field(rng))),
        }
        text.push_str(ending);
    }
    text
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let mut rng = SeededRng::new(2027);
    let start = Instant::now();
    let (mut valid, mut errors) = (0usize, 0usize);
    for k in 0..count {
        let text = paste(&mut rng, k);
        let lines = text.lines().count();
        for second in [SecondColumn::Y, SecondColumn::Label] {
            match parse_csv(&text, second) {
                Ok(t) => {
                    valid += 1;
                    assert_eq!(t.xs.len(), t.ys.len(), "paste {k}");
                    assert!(!t.xs.is_empty() && t.xs.len() <= MAX_ROWS, "paste {k}");
                    assert!(
                        t.xs.iter().chain(&t.ys).all(|v| v.is_finite()),
                        "paste {k} {text:?}"
                    );
                    if second == SecondColumn::Label {
                        assert!(t.ys.iter().all(|&y| y == 0.0 || y == 1.0), "paste {k}");
                    }
                }
                Err(list) => {
                    errors += list.len();
                    assert!(!list.is_empty(), "paste {k}");
                    assert!(
                        list.windows(2).all(|w| w[0].line < w[1].line),
                        "paste {k}: {list:?}"
                    );
                    for e in &list {
                        assert!(!e.message.is_empty(), "paste {k}");
                        assert!(e.line <= lines, "paste {k}: line {} of {lines}", e.line);
                        assert!(e.line > 0 || list.len() == 1, "paste {k}: {list:?}");
                    }
                }
            }
        }
    }
    println!(
        "{count} generated pastes, each read as x,y and as x,label, in {:.1} s: no panic; {valid} valid \
         (finite, within {MAX_ROWS} rows), {errors} errors, each on a line of its paste, in order",
        start.elapsed().as_secs_f64()
    );
}
