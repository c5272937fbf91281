//! The URL codec: `State` ⇄ query string, pure and total.
//!
//! `from_query(&to_query(&s)).0 == s` for every valid state, and
//! `from_query` accepts any string at all: a value that is missing, garbled
//! or out of range falls back to its default, and a [`Notice`] names the key
//! so the page can say what it ignored.

use crate::core::data::DataOrder;
use crate::core::geometry::ViewWindow;
use crate::core::sampler::SamplingMode;
use crate::page::state::{Picture, Scene, State, MAX_DRAWS, MAX_EPOCHS, MAX_EXAMPLES};
use crate::scenes::average_first::network::HIDDEN_RANGE;
use crate::scenes::average_first::parts::Part;
use std::fmt::Write;

/// A message about one key of the URL that was not used as given.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: String,
    pub message: String,
}

/// The query string of `state`, without the leading `?`. Numbers are written
/// in Rust's shortest round-trip form, so parsing them gives the same bits.
pub fn to_query(state: &State) -> String {
    let r = &state.recipe;
    let mut q = format!(
        "scene={}&n={}&a={}&c={}&noise={}&xmin={}&xmax={}&seed={}&theta={},{}&arrows={}",
        state.scene.key(),
        r.n,
        r.slope,
        r.intercept,
        r.noise,
        r.x_min,
        r.x_max,
        r.seed,
        state.theta[0],
        state.theta[1],
        state.arrow_scale
    );
    if let Some(v) = state.view {
        let _ = write!(q, "&view={},{},{}", v.center[0], v.center[1], v.half);
    }
    if state.picture == Picture::Mistaken {
        q.push_str("&picture=mistaken");
    }
    if let Some(i) = state.selected {
        let _ = write!(q, "&sel={i}");
    }
    let _ = write!(
        q,
        "&lr={}&epochs={}&decay={}&at={}&speed={}&xaxis={}",
        state.lr,
        state.epochs,
        if state.decay { "1-over-t" } else { "none" },
        state.at,
        state.speed,
        if state.against_compute {
            "evals"
        } else {
            "epochs"
        }
    );
    let _ = write!(
        q,
        "&part={}&surface={}",
        state.part.key(),
        if state.valley {
            "mean-error-squared"
        } else {
            "cost"
        }
    );
    let _ = write!(q, "&hidden={}", state.hidden);
    if let Some([a, b]) = state.slice {
        let _ = write!(q, "&slice={a},{b}");
    }
    if let Some([a, b]) = state.net_at {
        let _ = write!(q, "&net={a},{b}");
    }
    let _ = write!(
        q,
        "&order={}&b={}&mode={}&draws={}&dseed={}",
        state.order.key(),
        state.batch,
        state.mode.key(),
        state.draws,
        state.draw_seed
    );
    q
}

/// The state described by `query` (with or without a leading `?`), and a
/// notice for every key that was unknown, repeated or not usable.
pub fn from_query(query: &str) -> (State, Vec<Notice>) {
    let mut state = State::default();
    let mut notices = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        let value = percent_decode(raw_value);
        if seen.contains(&key) {
            notices.push(notice(
                &key,
                "was given more than once; the last value is used",
            ));
        } else {
            seen.push(key.clone());
        }
        if let Err(problem) = apply_setting(&mut state, &key, value.trim()) {
            notices.push(notice(&key, &problem));
        }
    }
    if state.recipe.x_min >= state.recipe.x_max {
        let d = State::default().recipe;
        state.recipe.x_min = d.x_min;
        state.recipe.x_max = d.x_max;
        notices.push(notice(
            "xmin",
            "must be less than xmax; both were reset to their defaults",
        ));
    }
    if state
        .slice
        .is_some_and(|[a, b]| a.max(b) > 3 * state.hidden)
    {
        state.slice = None;
        notices.push(notice(
            "slice",
            "names a parameter the network does not have; w₂[1] and b₂ are shown",
        ));
    }
    if state.batch > state.recipe.n {
        state.batch = state.recipe.n.min(State::default().batch);
        notices.push(notice(
            "b",
            "is larger than the number of examples; a smaller batch is used",
        ));
    }
    if state.selected.is_some_and(|i| i >= state.recipe.n) {
        state.selected = None;
        notices.push(notice(
            "sel",
            "names an example that does not exist; nothing is selected",
        ));
    }
    (state, notices)
}

fn notice(key: &str, message: &str) -> Notice {
    // A key from the URL is user input: keep it short, the page shows it as text.
    let key: String = key.chars().take(24).collect();
    Notice {
        key,
        message: message.to_string(),
    }
}

/// Sets the field named by `key` from the text `value`, or says why the
/// value was not usable (leaving the field as it was).
pub fn apply_setting(state: &mut State, key: &str, value: &str) -> Result<(), String> {
    let r = &mut state.recipe;
    match key {
        "scene" => {
            state.scene = Scene::ALL
                .into_iter()
                .find(|s| s.key() == value)
                .ok_or_else(|| {
                    format!(
                        "is not a scene; the scene \"{}\" is shown",
                        Scene::OnePoint.key()
                    )
                })?
        }
        "n" => r.n = parse_count(value, 1, MAX_EXAMPLES)?,
        "a" => r.slope = parse_number(value, -100.0, 100.0)?,
        "c" => r.intercept = parse_number(value, -100.0, 100.0)?,
        "noise" => r.noise = parse_number(value, 0.0, 100.0)?,
        "xmin" => r.x_min = parse_number(value, -1000.0, 1000.0)?,
        "xmax" => r.x_max = parse_number(value, -1000.0, 1000.0)?,
        "seed" => r.seed = parse_count(value, 0, u32::MAX as usize)? as u32,
        "theta" => {
            let [slope, intercept] = parse_list::<2>(value, -1e6, 1e6)?;
            state.theta = [slope, intercept];
        }
        "arrows" => state.arrow_scale = parse_number(value, 0.05, 20.0)?,
        "view" => {
            let [c0, c1, half] = parse_list::<3>(value, -1e6, 1e6)?;
            if half <= 0.0 {
                return Err(
                    "needs a positive half-width; the window is framed automatically".into(),
                );
            }
            state.view = Some(ViewWindow {
                center: [c0, c1],
                half,
            });
        }
        "picture" => match value {
            "true" => state.picture = Picture::True,
            "mistaken" => state.picture = Picture::Mistaken,
            _ => return Err("must be \"true\" or \"mistaken\"; the true picture is shown".into()),
        },
        "sel" => state.selected = Some(parse_count(value, 0, MAX_EXAMPLES - 1)?),
        "order" => {
            state.order = DataOrder::ALL
                .into_iter()
                .find(|o| o.key() == value)
                .ok_or_else(|| {
                    "must be random, sorted-x or sorted-y; the order as generated is used"
                        .to_string()
                })?
        }
        "b" => state.batch = parse_count(value, 1, MAX_EXAMPLES)?,
        "mode" => {
            state.mode = SamplingMode::parse(value).map_err(|_| {
                "must be with-replacement, without-replacement or sequential".to_string()
            })?
        }
        "draws" => state.draws = parse_count(value, 0, MAX_DRAWS)?,
        "part" => state.part = Part::ALL
            .into_iter()
            .find(|p| p.key() == value)
            .ok_or_else(|| {
                "must be inputs, linear-cost, max-cost or network; the averaged inputs are shown"
                    .to_string()
            })?,
        "surface" => {
            state.valley = match value {
                "cost" => false,
                "mean-error-squared" => true,
                _ => return Err("must be cost or mean-error-squared; the cost is shown".into()),
            }
        }
        "hidden" => state.hidden = parse_count(value, HIDDEN_RANGE.0, HIDDEN_RANGE.1)?,
        "slice" => {
            let [a, b] = parse_list::<2>(value, 0.0, (3 * HIDDEN_RANGE.1) as f64)?;
            if a.fract() != 0.0 || b.fract() != 0.0 || a == b {
                return Err(
                    "must be two different parameter numbers; w₂[1] and b₂ are shown".into(),
                );
            }
            state.slice = Some([a as usize, b as usize]);
        }
        "net" => state.net_at = Some(parse_list::<2>(value, -1e6, 1e6)?),
        "lr" => state.lr = parse_number(value, 1e-6, 100.0)?,
        "epochs" => state.epochs = parse_count(value, 1, MAX_EPOCHS)?,
        "decay" => {
            state.decay = match value {
                "none" => false,
                "1-over-t" => true,
                _ => return Err("must be none or 1-over-t; no decay is used".into()),
            }
        }
        "at" => state.at = parse_number(value, 0.0, MAX_EPOCHS as f64)?,
        "speed" => state.speed = parse_number(value, 0.05, 100.0)?,
        "xaxis" => {
            state.against_compute = match value {
                "epochs" => false,
                "evals" => true,
                _ => return Err("must be epochs or evals; epochs are used".into()),
            }
        }
        "dseed" => state.draw_seed = parse_count(value, 0, u32::MAX as usize)? as u32,
        _ => return Err("is not a setting of this page and was ignored".into()),
    }
    Ok(())
}

fn parse_number(value: &str, lo: f64, hi: f64) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(v) if v.is_finite() && (lo..=hi).contains(&v) => Ok(v),
        _ => Err(format!(
            "must be a number from {lo} to {hi}; the default is used"
        )),
    }
}

fn parse_count(value: &str, lo: usize, hi: usize) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(v) if (lo..=hi).contains(&v) => Ok(v),
        _ => Err(format!(
            "must be a whole number from {lo} to {hi}; the default is used"
        )),
    }
}

fn parse_list<const K: usize>(value: &str, lo: f64, hi: f64) -> Result<[f64; K], String> {
    let parts: Vec<&str> = value.split(',').collect();
    let bad = || {
        format!("must be {K} numbers from {lo} to {hi}, separated by commas; the default is used")
    };
    if parts.len() != K {
        return Err(bad());
    }
    let mut out = [0.0; K];
    for (slot, part) in out.iter_mut().zip(parts) {
        *slot = parse_number(part.trim(), lo, hi).map_err(|_| bad())?;
    }
    Ok(out)
}

/// Decodes `%XX` escapes and `+` (a space in form encoding). A malformed
/// escape is kept as it is; invalid UTF-8 becomes U+FFFD.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
