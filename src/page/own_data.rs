//! A student's own data: a CSV paste or file, a built-in dataset, points
//! added, moved or deleted on the data figure, and the CSV of what is shown.
//! Every change here makes a new [`Shared`] or says what is wrong, so the
//! data stay as they were until the whole change is valid.

use crate::core::csv::{parse_csv, SecondColumn};
use crate::core::data::{DataOrder, Dataset};
use crate::core::points::{encoded_len, quantize, MAX_LINK_CHARS};
use crate::core::text::fmt_count;
use crate::page::loss_choice::LossKey;
use crate::page::state::{Shared, MAX_EXAMPLES};

/// A dataset that ships with the page (see `data/README.md`).
pub struct BuiltIn {
    /// The name in the menu and in `load_built_in`.
    pub key: &'static str,
    pub label: &'static str,
    /// Where it comes from, as the page says under the menu.
    pub source: &'static str,
    csv: &'static str,
}

/// Where Anscombe's four sets come from.
const ANSCOMBE: &str =
    "F. J. Anscombe (1973), The American Statistician 27(1): four sets with the same least-squares line";

/// The built-in datasets, in menu order.
pub const BUILT_IN: [BuiltIn; 7] = [
    BuiltIn {
        key: "anscombe-1",
        label: "Anscombe's quartet, set I",
        source: ANSCOMBE,
        csv: include_str!("../../data/anscombe-1.csv"),
    },
    BuiltIn {
        key: "anscombe-2",
        label: "Anscombe's quartet, set II",
        source: ANSCOMBE,
        csv: include_str!("../../data/anscombe-2.csv"),
    },
    BuiltIn {
        key: "anscombe-3",
        label: "Anscombe's quartet, set III",
        source: ANSCOMBE,
        csv: include_str!("../../data/anscombe-3.csv"),
    },
    BuiltIn {
        key: "anscombe-4",
        label: "Anscombe's quartet, set IV",
        source: ANSCOMBE,
        csv: include_str!("../../data/anscombe-4.csv"),
    },
    BuiltIn {
        key: "old-faithful",
        label: "Old Faithful: eruption (min) → wait (min)",
        source: "Old Faithful geyser, 272 eruptions; W. Härdle (1991), Smoothing Techniques, via R's faithful",
        csv: include_str!("../../data/old-faithful.csv"),
    },
    BuiltIn {
        key: "cars-1920s",
        label: "Cars of the 1920s: speed (mph) → stopping distance (ft)",
        source: "50 cars; M. Ezekiel (1930), Methods of Correlation Analysis, via R's cars",
        csv: include_str!("../../data/cars-1920s.csv"),
    },
    BuiltIn {
        key: "iris",
        label: "Irises: petal length (cm) → virginica (1) or versicolor (0)",
        source: "100 irises; E. Anderson (1935), R. A. Fisher (1936), via R's iris",
        csv: include_str!("../../data/iris-versicolor-virginica.csv"),
    },
];

/// A paste read: its examples, and whether its header names the second
/// column a label (`x,label`), so that it holds 0s and 1s for a classifier.
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    pub data: Dataset,
    pub labels: bool,
}

/// The examples of a CSV paste (x,y; or x,label when the header's second
/// name is "label" or "class", each label then 0 or 1), each value kept as
/// the page keeps points ([`quantize`]), or every bad line by number.
pub fn read_csv(text: &str) -> Result<Pasted, Vec<String>> {
    let lines = |errors: Vec<crate::core::csv::LineError>| {
        errors.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    let mut table = parse_csv(text, SecondColumn::Y).map_err(lines)?;
    // ASCII only: Unicode's case tables would add 10 KB to the page.
    let labels = table.header.as_ref().is_some_and(|[_, second]| {
        ["label", "class"]
            .iter()
            .any(|name| second.trim().eq_ignore_ascii_case(name))
    });
    if labels {
        table = parse_csv(text, SecondColumn::Label).map_err(lines)?;
    }
    Ok(Pasted {
        data: Dataset {
            xs: table.xs.into_iter().map(quantize).collect(),
            ys: table.ys.into_iter().map(quantize).collect(),
        },
        labels,
    })
}

/// Makes the loss fit new points: labels (`labels`) switch it to the
/// cross-entropy, and points that are not all 0 or 1 switch the
/// cross-entropy to the squared error. Returns what changed, in words.
pub fn fit_loss(next: &mut Shared, labels: bool) -> Option<String> {
    if labels && next.loss != LossKey::Logistic {
        next.loss = LossKey::Logistic;
        return Some(
            "The second column holds labels, so each example's loss is now the cross-entropy (logistic regression)."
                .into(),
        );
    }
    next.loss_conflict()?;
    next.loss = LossKey::Mse;
    Some("These y are not all 0 or 1, so each example's loss is now the squared error.".into())
}

/// Under the cross-entropy a point's y is its label: 1 from ½ up, else 0.
fn snapped_y(shared: &Shared, y: f64) -> f64 {
    match shared.loss {
        LossKey::Logistic if y >= 0.5 => 1.0,
        LossKey::Logistic => 0.0,
        _ => quantize(y),
    }
}

/// `shared` with `data` as its examples, in the order given. θ, the window
/// and the selection start afresh; a batch larger than N shrinks.
pub fn with_points(shared: &Shared, data: Dataset) -> Shared {
    let mut next = shared.clone();
    next.recipe.n = data.len();
    next.points = Some(data);
    next.order = DataOrder::Generated;
    next.selected = None;
    next.view = None;
    next.batch = next.batch.min(next.recipe.n);
    next
}

/// `shared` with the built-in dataset `key` (and the loss it needs, with a
/// sentence saying so when the loss changed), or why not.
pub fn load_built_in(shared: &Shared, key: &str) -> Result<(Shared, Option<String>), String> {
    let set = BUILT_IN
        .iter()
        .find(|b| b.key == key)
        .ok_or_else(|| format!("there is no built-in dataset \"{key}\""))?;
    let pasted = read_csv(set.csv).map_err(|e| e.join("; "))?;
    let mut next = with_points(shared, pasted.data);
    next.theta = [0.0, 0.0];
    let note = fit_loss(&mut next, pasted.labels);
    Ok((next, note))
}

/// The examples as they are shown, as an editable copy: the student's
/// points, or the generated ones, in their stored order.
fn editable(shared: &Shared) -> Shared {
    let mut next = shared.clone();
    let data = shared.dataset();
    next.recipe.n = data.len();
    next.points = Some(Dataset {
        xs: data.xs.iter().copied().map(quantize).collect(),
        ys: data.ys.iter().copied().map(quantize).collect(),
    });
    next.order = DataOrder::Generated;
    next
}

/// `shared` with a new example at `at` = (x, y), selected; or why not.
pub fn add_point(shared: &Shared, at: [f64; 2]) -> Result<Shared, String> {
    if shared.recipe.n >= MAX_EXAMPLES {
        return Err(format!(
            "there are already {} examples, the most the page holds",
            fmt_count(MAX_EXAMPLES)
        ));
    }
    let mut next = editable(shared);
    let points = next.points.as_mut().expect("editable data are points");
    points.xs.push(quantize(at[0]));
    points.ys.push(snapped_y(shared, at[1]));
    next.recipe.n += 1;
    next.selected = Some(next.recipe.n - 1);
    Ok(next)
}

/// `shared` with example `i` moved to `at` = (x, y).
pub fn move_point(shared: &Shared, i: usize, at: [f64; 2]) -> Shared {
    let mut next = editable(shared);
    let points = next.points.as_mut().expect("editable data are points");
    if i < points.len() {
        points.xs[i] = quantize(at[0]);
        points.ys[i] = snapped_y(shared, at[1]);
    }
    next
}

/// `shared` without example `i`, or why not (the last one stays).
pub fn delete_point(shared: &Shared, i: usize) -> Result<Shared, String> {
    if shared.recipe.n <= 1 {
        return Err("a problem needs at least one example: the last one stays".into());
    }
    let mut next = editable(shared);
    let points = next.points.as_mut().expect("editable data are points");
    if i >= points.len() {
        return Err(format!("there is no example {}", i + 1));
    }
    points.xs.remove(i);
    points.ys.remove(i);
    next.recipe.n -= 1;
    next.selected = None;
    next.batch = next.batch.min(next.recipe.n);
    Ok(next)
}

/// `shared` back on the generated data of its recipe.
pub fn generated(shared: &Shared) -> Shared {
    let mut next = shared.clone();
    next.points = None;
    next.recipe.n = next.recipe.n.clamp(1, MAX_EXAMPLES);
    next.selected = None;
    next.view = None;
    next
}

/// The examples shown, as CSV: a header (`x,label` under the
/// cross-entropy, else `x,y`), then one row each, every
/// value in the shortest text that reads back as the same 32-bit float (the
/// generated data keep full precision).
pub fn to_csv(shared: &Shared) -> String {
    let data = shared.dataset();
    let mut out = String::from(match shared.loss {
        LossKey::Logistic => "x,label\n",
        _ => "x,y\n",
    });
    for (&x, &y) in data.xs.iter().zip(&data.ys) {
        if shared.points.is_some() {
            out.push_str(&format!("{},{}\n", x as f32, y as f32));
        } else {
            out.push_str(&format!("{x},{y}\n"));
        }
    }
    out
}

/// Whether the student's points fit in a link, as a sentence, or `None`
/// for generated data (the recipe is in the link).
pub fn link_note(shared: &Shared) -> Option<String> {
    let points = shared.points.as_ref()?;
    let length = encoded_len(points.len());
    Some(if length <= MAX_LINK_CHARS {
        format!(
            "Your {} are in the link ({} characters).",
            examples(points.len()),
            fmt_count(length)
        )
    } else {
        format!(
            "Your {} are too many for a link ({} characters; a link holds at most {}): the link keeps \
             everything else, so use Download CSV to keep or share the data.",
            examples(points.len()),
            fmt_count(length),
            fmt_count(MAX_LINK_CHARS)
        )
    })
}

fn examples(n: usize) -> String {
    if n == 1 {
        "1 example".into()
    } else {
        format!("{} examples", fmt_count(n))
    }
}
