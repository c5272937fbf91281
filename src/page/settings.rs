//! Settings: each URL key declared once, as a [`Setting`] (its key, its
//! [`Kind`] and how it reads and writes one field of a sub-state). The query
//! codec, the notices and the typed values that cross to JavaScript are all
//! derived from these declarations.
//!
//! `from_query(&to_query(&s)) == s` for every valid state, and `from_query`
//! accepts any string at all: a value that is missing, garbled or out of
//! range falls back to its default, and a [`Notice`] names the key.

use crate::core::decimal;
use std::rc::Rc;

/// What kind of value a setting holds, and so how its text is read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A finite number in [lo, hi].
    Number { lo: f64, hi: f64 },
    /// A whole number in [lo, hi].
    Count { lo: usize, hi: usize },
    /// One of two spellings: `off` is false, `on` is true.
    Flag { off: &'static str, on: &'static str },
    /// One of the listed keys; `fallback` says what is shown instead.
    Choice {
        options: &'static [&'static str],
        fallback: &'static str,
    },
    /// `len` numbers in [lo, hi], separated by commas.
    List { len: usize, lo: f64, hi: f64 },
    /// 1 to `max` different whole numbers in [0, hi] (example indices),
    /// separated by commas; held as a `Value::List`.
    Picks { max: usize, hi: usize },
    /// Points encoded for a link (see `core::points`), at most `max` of them.
    Points { max: usize },
}

/// A setting's value, typed: what crosses to JavaScript and back.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Count(usize),
    Flag(bool),
    Choice(&'static str),
    List(Vec<f64>),
    Points(crate::core::data::Dataset),
}

impl Value {
    /// The number inside a Number, Count or Flag (for slider maps).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(v) => Some(*v),
            Value::Count(v) => Some(*v as f64),
            _ => None,
        }
    }
}

/// A message about one key of the URL that was not used as given.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: String,
    pub message: String,
}

impl Notice {
    /// A notice about `key`, cut short: a key from the URL is user input.
    pub fn new(key: &str, message: &str) -> Self {
        Self {
            key: key.chars().take(24).collect(),
            message: message.to_string(),
        }
    }
}

/// The notice as the page shows it: “key” and what happened.
impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "“{}” {}", self.key, self.message)
    }
}

/// A getter and a setter that reach a sub-state `S` inside the state `T`.
pub type Lens<T, S> = (fn(&T) -> &S, fn(&mut T) -> &mut S);

type Getter<T> = Rc<dyn Fn(&T) -> Option<Value>>;
type Setter<T> = Rc<dyn Fn(&mut T, Value) -> Result<(), String>>;

/// One URL key, declared once.
#[derive(Clone)]
pub struct Setting<T> {
    pub key: &'static str,
    pub kind: Kind,
    get: Getter<T>,
    set: Setter<T>,
}

impl<T: 'static> Setting<T> {
    /// The setting `key` of the sub-state that `lens` reaches. `get` gives
    /// `None` when the key is left out of the link (an automatic value);
    /// `set` takes any value that the kind allows.
    pub fn new<S: 'static>(
        lens: Lens<T, S>,
        key: &'static str,
        kind: Kind,
        get: fn(&S) -> Option<Value>,
        set: fn(&mut S, Value),
    ) -> Self {
        Self::build(lens, key, kind, get, move |s, v| {
            set(s, v);
            Ok(())
        })
    }

    /// Like [`Setting::new`], for a setting whose `set` may refuse a value
    /// that its kind allows, saying why (the state is then unchanged).
    pub fn checked<S: 'static>(
        lens: Lens<T, S>,
        key: &'static str,
        kind: Kind,
        get: fn(&S) -> Option<Value>,
        set: fn(&mut S, Value) -> Result<(), String>,
    ) -> Self {
        Self::build(lens, key, kind, get, set)
    }

    fn build<S: 'static>(
        lens: Lens<T, S>,
        key: &'static str,
        kind: Kind,
        get: fn(&S) -> Option<Value>,
        set: impl Fn(&mut S, Value) -> Result<(), String> + 'static,
    ) -> Self {
        let (read, write) = lens;
        Self {
            key,
            kind,
            get: Rc::new(move |t| get(read(t))),
            set: Rc::new(move |t, v| set(write(t), v)),
        }
    }

    /// The current value, `None` when the link leaves it out.
    pub fn get(&self, state: &T) -> Option<Value> {
        (self.get)(state)
    }

    /// The current value as the URL spells it, `None` when left out.
    pub fn spelling(&self, state: &T) -> Option<String> {
        self.get(state).map(|v| spell(self.kind, &v))
    }

    /// Sets the value, or says why not (the state is then unchanged).
    pub fn set(&self, state: &mut T, value: Value) -> Result<(), String> {
        (self.set)(state, value)
    }

    /// Sets the value spelled `text` (from a URL), or says what a good
    /// value looks like and what is used instead.
    pub fn set_text(&self, state: &mut T, text: &str) -> Result<(), String> {
        let value = parse(self.kind, text).map_err(|e| format!("{e}; {}", fallback(self.kind)))?;
        self.set(state, value)
    }
}

/// The URL spelling of `value`. Numbers use Rust's shortest round-trip form,
/// so parsing them gives the same bits.
pub fn format(value: &Value) -> String {
    match value {
        Value::Number(v) => v.to_string(),
        Value::Count(v) => v.to_string(),
        // A flag's URL spelling comes from its kind (see `spell`).
        Value::Flag(b) => b.to_string(),
        Value::Choice(k) => (*k).to_string(),
        Value::List(vs) => vs.iter().map(f64::to_string).collect::<Vec<_>>().join(","),
        Value::Points(d) => crate::core::points::encode(d),
    }
}

/// The URL spelling of `value` for a setting of `kind`.
pub fn spell(kind: Kind, value: &Value) -> String {
    match (kind, value) {
        (Kind::Flag { off, on }, Value::Flag(b)) => (if *b { on } else { off }).to_string(),
        _ => format(value),
    }
}

/// What a link gets instead of a value it cannot use.
fn fallback(kind: Kind) -> String {
    match kind {
        Kind::Flag { off, .. } => format!("{off} is used"),
        Kind::Choice { fallback, .. } => fallback.to_string(),
        Kind::Points { .. } => "generated data are used".into(),
        _ => "the default is used".into(),
    }
}

/// Reads `text` as a value of `kind`, or says what a good value looks like.
pub fn parse(kind: Kind, text: &str) -> Result<Value, String> {
    let text = text.trim();
    match kind {
        Kind::Number { lo, hi } => parse_number(text, lo, hi).map(Value::Number),
        Kind::Count { lo, hi } => match text.parse::<usize>() {
            Ok(v) if (lo..=hi).contains(&v) => Ok(Value::Count(v)),
            _ => Err(format!("must be a whole number from {lo} to {hi}")),
        },
        Kind::Flag { off, on } => match text {
            t if t == off => Ok(Value::Flag(false)),
            t if t == on => Ok(Value::Flag(true)),
            _ => Err(format!("must be {off} or {on}")),
        },
        Kind::Choice { options, .. } => options
            .iter()
            .find(|o| **o == text)
            .map(|o| Value::Choice(o))
            .ok_or_else(|| format!("must be {}", or_list(options))),
        Kind::List { len, lo, hi } => {
            let parts: Vec<&str> = text.split(',').collect();
            let bad = || format!("must be {len} numbers from {lo} to {hi}, separated by commas");
            if parts.len() != len {
                return Err(bad());
            }
            parts
                .iter()
                .map(|p| parse_number(p.trim(), lo, hi).map_err(|_| bad()))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::List)
        }
        Kind::Points { max } => crate::core::points::decode(text, max).map(Value::Points),
        Kind::Picks { max, hi } => {
            let bad = || {
                format!("must be 1 to {max} different whole numbers from 0 to {hi}, separated by commas")
            };
            let picks = text
                .split(',')
                .map(|p| p.trim().parse::<usize>().ok().filter(|&v| v <= hi))
                .collect::<Option<Vec<usize>>>()
                .ok_or_else(bad)?;
            let distinct = picks
                .iter()
                .enumerate()
                .all(|(i, p)| !picks[..i].contains(p));
            if picks.is_empty() || picks.len() > max || !distinct {
                return Err(bad());
            }
            Ok(Value::List(picks.into_iter().map(|p| p as f64).collect()))
        }
    }
}

/// Checks a typed value against its kind (values from JavaScript).
pub fn check(kind: Kind, value: Value) -> Result<Value, String> {
    match (&value, kind) {
        (Value::Number(_), Kind::Number { .. })
        | (Value::Count(_), Kind::Count { .. })
        | (Value::Choice(_), Kind::Choice { .. })
        | (Value::List(_), Kind::List { .. })
        | (Value::List(_), Kind::Picks { .. })
        | (Value::Points(_), Kind::Points { .. }) => parse(kind, &format(&value)),
        (Value::Flag(_), Kind::Flag { .. }) => Ok(value),
        (Value::Number(v), Kind::Count { .. }) => parse(kind, &v.to_string()),
        _ => Err("has a value of the wrong type".into()),
    }
}

/// The variant of `all` whose key is the choice `value`.
pub fn choice_of<E: Copy>(all: &[E], key: fn(E) -> &'static str, value: &Value) -> Option<E> {
    all.iter()
        .copied()
        .find(|e| *value == Value::Choice(key(*e)))
}

/// The number inside a Number or Count value (NaN otherwise).
pub fn number_of(value: &Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

/// The whole number inside a Count value (0 otherwise).
pub fn count_of(value: &Value) -> usize {
    match value {
        Value::Count(c) => *c,
        _ => 0,
    }
}

/// The flag inside a Flag value (false otherwise).
pub fn flag_of(value: &Value) -> bool {
    matches!(value, Value::Flag(true))
}

/// The numbers inside a List value (`K` of them: the kind checked the length).
pub fn list_of<const K: usize>(value: &Value) -> [f64; K] {
    let mut out = [f64::NAN; K];
    if let Value::List(l) = value {
        for (o, v) in out.iter_mut().zip(l) {
            *o = *v;
        }
    }
    out
}

fn parse_number(text: &str, lo: f64, hi: f64) -> Result<f64, String> {
    match decimal::read(text) {
        Some(v) if v.is_finite() && (lo..=hi).contains(&v) => Ok(v),
        _ => Err(format!("must be a number from {lo} to {hi}")),
    }
}

fn or_list(options: &[&str]) -> String {
    match options {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The query string of `state`, without the leading `?`.
pub fn to_query<T: 'static>(table: &[Setting<T>], state: &T) -> String {
    table
        .iter()
        .filter_map(|s| {
            s.get(state)
                .map(|v| format!("{}={}", s.key, spell(s.kind, &v)))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The state described by `query` (with or without a leading `?`), starting
/// from `T::default()`, and a notice for every key that was unknown,
/// repeated or not usable.
pub fn from_query<T: Default + 'static>(table: &[Setting<T>], query: &str) -> (T, Vec<Notice>) {
    let mut state = T::default();
    let notices = apply_query(table, &mut state, query);
    (state, notices)
}

/// Sets the keys that `query` gives on `state`, leaving every other key as
/// it is; a notice for every key that was unknown, repeated or not usable
/// (that key keeps its value).
pub fn apply_query<T: 'static>(table: &[Setting<T>], state: &mut T, query: &str) -> Vec<Notice> {
    let mut notices = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        let value = percent_decode(raw_value);
        if seen.contains(&key) {
            notices.push(Notice::new(
                &key,
                "was given more than once; the last value is used",
            ));
        } else {
            seen.push(key.clone());
        }
        let result = match table.iter().find(|s| s.key == key) {
            Some(setting) => setting.set_text(state, &value),
            None => Err("is not a setting of this page and was ignored".into()),
        };
        if let Err(problem) = result {
            notices.push(Notice::new(&key, &problem));
        }
    }
    notices
}

/// The keys a query names, decoded, in order.
pub fn query_keys(query: &str) -> Vec<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| percent_decode(pair.split_once('=').map_or(pair, |(k, _)| k)))
        .collect()
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
