//! core::decimal reads exactly the texts std's f64 parser reads, to the
//! same bits: the page's wasm checks the same grammar and then asks the
//! browser (tests/web.rs checks that side on the tricky values below).

#[path = "common/tricky_numerals.rs"]
mod tricky_numerals;

use gradavg::core::decimal::read;
use tricky_numerals::TRICKY;

#[test]
fn tricky_numerals_read_to_the_nearest_f64() {
    for (text, bits) in TRICKY {
        assert_eq!(read(text).map(f64::to_bits), Some(bits), "{text}");
    }
}

#[test]
fn accepts_what_std_accepts_and_nothing_else() {
    // Short strings over an alphabet that makes numerals, near misses and
    // the words inf, infinity and nan: every one of them up to length 4,
    // then a million random ones up to length 12.
    const ALPHABET: &[u8] = b"0159.eE+-_ xinftyaINFAYT,";
    let check = |s: &str| {
        let (ours, std) = (read(s), s.parse::<f64>().ok());
        assert_eq!(
            ours.is_some(),
            std.is_some(),
            "{s:?}: ours {ours:?}, std {std:?}"
        );
        if let (Some(a), Some(b)) = (ours, std) {
            assert!(
                a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                "{s:?}"
            );
        }
    };
    let mut all = vec![String::new()];
    for _ in 0..4 {
        all = all
            .iter()
            .flat_map(|s| ALPHABET.iter().map(move |&c| format!("{s}{}", c as char)))
            .collect();
        all.iter().for_each(|s| check(s));
    }
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..1_000_000 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (state >> 60) as usize % 13;
        let s: String = (0..len)
            .map(|k| ALPHABET[((state >> (k * 4 % 56)) as usize) % ALPHABET.len()] as char)
            .collect();
        check(&s);
    }
    for word in ["inf", "-Infinity", "NaN", "+nan", "INF"] {
        check(word);
    }
}
