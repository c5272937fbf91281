//! A student's own data as CSV: two columns, `x,y` (a regression) or
//! `x,label` with labels 0 and 1 (a classifier), an optional header, and
//! comma, semicolon or tab between the columns. Every bad line is reported
//! by its number and what is wrong with it, and a paste with any bad line
//! gives no data at all, so the data on the page stay as they were until
//! the whole paste is valid. (Scene 5's "Your own data" builds on this.)

use crate::core::decimal;
use crate::core::text::{fmt_count, plural};

/// The most rows a paste may hold.
pub const MAX_ROWS: usize = 10_000;

/// What the second column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecondColumn {
    /// Any finite number: y.
    Y,
    /// A class label, 0 or 1.
    Label,
}

/// A valid paste: the columns, the header if there was one, the separator.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub header: Option<[String; 2]>,
    pub separator: char,
}

/// One problem: the line it is on (from 1; 0 for the paste as a whole) and
/// what is wrong, in words for the student.
#[derive(Clone, Debug, PartialEq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.message),
            n => write!(f, "line {n}: {}", self.message),
        }
    }
}

/// The separator of `line`: a tab if it has one, else a semicolon if it has
/// one, else a comma.
fn separator_of(line: &str) -> char {
    ['\t', ';']
        .into_iter()
        .find(|s| line.contains(*s))
        .unwrap_or(',')
}

/// `field` as a number. With semicolons between the columns a decimal comma
/// is read as a point ("1,5;2" is 1.5 and 2).
fn number(field: &str, separator: char) -> Option<f64> {
    let field = field.trim();
    let text = if separator == ';' && !field.contains('.') {
        field.replacen(',', ".", 1)
    } else {
        field.to_string()
    };
    decimal::read(&text)
}

/// Reads `text` (the whole paste) whose second column holds `second`.
/// Blank lines and lines starting with `#` are skipped. A first line of two
/// fields neither of which is a number is the header.
pub fn parse_csv(text: &str, second: SecondColumn) -> Result<Table, Vec<LineError>> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .peekable();
    let Some(&(_, first)) = lines.peek() else {
        return Err(vec![LineError {
            line: 0,
            message: "there are no rows: paste two columns, x and y".into(),
        }]);
    };
    let separator = separator_of(first);
    let mut header = None;
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    let mut errors = Vec::new();
    let mut first_line = true;
    for (line, text) in lines {
        let fields: Vec<&str> = text.split(separator).map(str::trim).collect();
        if first_line {
            first_line = false;
            let any_number = fields.iter().any(|f| number(f, separator).is_some());
            if fields.len() == 2 && !any_number {
                header = Some([fields[0].to_string(), fields[1].to_string()]);
                continue;
            }
        }
        if xs.len() == MAX_ROWS {
            errors.push(LineError {
                line,
                message: format!(
                    "more than {0} rows; a paste holds at most {0}",
                    fmt_count(MAX_ROWS)
                ),
            });
            break;
        }
        match row(&fields, separator, second) {
            Ok((x, y)) => {
                xs.push(x);
                ys.push(y);
            }
            Err(message) => errors.push(LineError { line, message }),
        }
    }
    if errors.is_empty() && xs.is_empty() {
        errors.push(LineError {
            line: 0,
            message: "there is a header but no rows of numbers".into(),
        });
    }
    if errors.is_empty() {
        Ok(Table {
            xs,
            ys,
            header,
            separator,
        })
    } else {
        Err(errors)
    }
}

/// One data row, or what is wrong with it.
fn row(fields: &[&str], separator: char, second: SecondColumn) -> Result<(f64, f64), String> {
    let name = match separator {
        '\t' => "tab",
        ';' => "semicolon",
        _ => "comma",
    };
    if fields.len() != 2 {
        return Err(format!(
            "has {}; it needs 2 (x and {}), one {name} between them",
            plural(fields.len(), "field", "fields"),
            if second == SecondColumn::Y {
                "y"
            } else {
                "a label"
            }
        ));
    }
    let read = |field: &str, column: &str| -> Result<f64, String> {
        let shown: String = field.chars().take(24).collect();
        match number(field, separator) {
            None if field.is_empty() => Err(format!("{column} is empty")),
            None => Err(format!("{column} “{shown}” is not a number")),
            Some(v) if !v.is_finite() => Err(format!("{column} “{shown}” is not a finite number")),
            Some(v) if v.abs() > crate::core::points::MAX_ABS => Err(format!(
                "{column} “{shown}” is too large: the page takes values from −10¹² to 10¹²"
            )),
            Some(v) => Ok(v),
        }
    };
    let x = read(fields[0], "x")?;
    let y = match second {
        SecondColumn::Y => read(fields[1], "y")?,
        SecondColumn::Label => {
            let v = read(fields[1], "the label")?;
            if v != 0.0 && v != 1.0 {
                let shown: String = fields[1].chars().take(24).collect();
                return Err(format!("the label “{shown}” must be 0 or 1"));
            }
            v
        }
    };
    Ok((x, y))
}
