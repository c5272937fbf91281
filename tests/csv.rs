//! The CSV reader of a student's own data: separators, header, decimal
//! commas, labels, every bad line by number, nothing kept from a bad paste,
//! and the 10,000-row cap.

use gradavg::core::csv::{parse_csv, SecondColumn, MAX_ROWS};

fn errors(text: &str, second: SecondColumn) -> Vec<String> {
    parse_csv(text, second)
        .expect_err("the paste is bad")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn comma_semicolon_and_tab_with_or_without_a_header() {
    for (text, sep) in [
        ("x,y\n1,2\n3.5,-4\n", ','),
        ("x;y\r\n1;2\r\n3,5;-4\r\n", ';'),
        ("1\t2\n3.5\t-4", '\t'),
    ] {
        let t = parse_csv(text, SecondColumn::Y).unwrap();
        assert_eq!(t.xs, [1.0, 3.5], "{text:?}");
        assert_eq!(t.ys, [2.0, -4.0], "{text:?}");
        assert_eq!(t.separator, sep);
        assert_eq!(t.header.is_some(), text.starts_with('x'));
    }
    let t = parse_csv("# Anscombe I\n\nx, y\n 10 , 8.04 \n", SecondColumn::Y).unwrap();
    assert_eq!(t.header, Some(["x".to_string(), "y".to_string()]));
    assert_eq!((t.xs[0], t.ys[0]), (10.0, 8.04));
}

#[test]
fn every_bad_line_is_named_and_nothing_is_kept() {
    let text = "x,y\n1,2\n3\n4,five\n,6\n7,NaN\n8,inf\n9,1,2\n10,11\n";
    assert_eq!(
        errors(text, SecondColumn::Y),
        [
            "line 3: has 1 field; it needs 2 (x and y), one comma between them",
            "line 4: y “five” is not a number",
            "line 5: x is empty",
            "line 6: y “NaN” is not a finite number",
            "line 7: y “inf” is not a finite number",
            "line 8: has 3 fields; it needs 2 (x and y), one comma between them",
        ]
    );
}

#[test]
fn labels_are_zero_or_one() {
    let t = parse_csv("petal,setosa\n1.4,0\n4.7,1\n", SecondColumn::Label).unwrap();
    assert_eq!(t.ys, [0.0, 1.0]);
    assert_eq!(
        errors("1.4,0\n4.7,2\n5,yes\n", SecondColumn::Label),
        [
            "line 2: the label “2” must be 0 or 1",
            "line 3: the label “yes” is not a number"
        ]
    );
}

#[test]
fn empty_pastes_and_the_row_cap_say_so() {
    assert_eq!(
        errors("", SecondColumn::Y),
        ["there are no rows: paste two columns, x and y"]
    );
    assert_eq!(errors("\n# only a comment\n", SecondColumn::Y).len(), 1);
    assert_eq!(
        errors("x,y\n", SecondColumn::Y),
        ["there is a header but no rows of numbers"]
    );
    let rows: String = (0..MAX_ROWS).map(|i| format!("{i},{i}\n")).collect();
    assert_eq!(
        parse_csv(&rows, SecondColumn::Y).unwrap().xs.len(),
        MAX_ROWS
    );
    let over = format!("{rows}1,1\n");
    assert_eq!(
        errors(&over, SecondColumn::Y),
        ["line 10001: more than 10,000 rows; a paste holds at most 10,000"]
    );
}

#[test]
fn a_long_bad_field_is_shown_cut_short() {
    let long = "9".repeat(30) + "x";
    let e = errors(&format!("1,{long}\n"), SecondColumn::Y);
    assert_eq!(
        e,
        [format!("line 1: y “{}” is not a number", "9".repeat(24))]
    );
}
