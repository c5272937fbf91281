//! A student's own data: the link codec, CSV in and out, edits on the data
//! figure, undo and redo.

use gradavg::core::data::{DataOrder, Dataset};
use gradavg::core::points::{decode, encode, encoded_len, quantize, MAX_LINK_CHARS};
use gradavg::core::rng::SeededRng;
use gradavg::page::history::History;
use gradavg::page::own_data::{
    add_point, delete_point, load_built_in, move_point, read_csv, to_csv, with_points, BUILT_IN,
};
use gradavg::page::state::Shared;
use gradavg::scenes::state::{from_query, to_query};

fn random_points(n: usize, seed: u32) -> Dataset {
    let mut rng = SeededRng::new(seed);
    let mut value = || quantize(rng.uniform_in(-1e3, 1e3) * rng.uniform_in(0.0, 1.0).powi(3));
    let xs = (0..n).map(|_| value()).collect();
    let ys = (0..n).map(|_| value()).collect();
    Dataset { xs, ys }
}

#[test]
fn points_round_trip_through_the_link_bit_for_bit() {
    for (n, seed) in [(1, 1), (2, 2), (3, 3), (12, 4), (500, 5), (777, 6)] {
        let data = random_points(n, seed);
        let text = encode(&data);
        assert_eq!(text.len(), (8 * n * 4).div_ceil(3), "unpadded base64url");
        assert_eq!(encoded_len(n), text.len());
        assert!(text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let back = decode(&text, 10_000).unwrap();
        assert_eq!(back, data, "n = {n}");
    }
    // 500 points fit in a link that browsers and chat apps accept.
    assert!(encode(&random_points(500, 9)).len() <= MAX_LINK_CHARS);
    assert!(encode(&random_points(500, 9)).len() < 8000);
}

#[test]
fn a_link_with_edited_points_reproduces_the_state() {
    let (state, notices) = from_query("scene=one-point&n=12");
    assert!(notices.is_empty());
    let edited = add_point(&state.shared, [0.3, 0.7]).unwrap();
    let mut next = state.clone();
    next.shared = edited;
    let link = to_query(&next);
    assert!(link.contains("&data="), "{link}");
    let (back, notices) = from_query(&link);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back.shared.points, next.shared.points);
    assert_eq!(back.shared.recipe.n, 13);
    assert_eq!(back.shared.dataset(), next.shared.dataset());
    // Too many points for a link: left out, and the note says so.
    let mut big = next.clone();
    big.shared = with_points(&next.shared, random_points(1000, 3));
    assert!(!to_query(&big).contains("data="));
    let note = gradavg::page::own_data::link_note(&big.shared).unwrap();
    assert!(
        note.contains("too many for a link") && note.contains("Download CSV"),
        "{note}"
    );
}

#[test]
fn bad_data_in_a_link_is_named_and_generated_data_are_used() {
    for (bad, says) in [
        ("data=@@@@", "not base64url"),
        ("data=AAAA", "cut short"),
        ("data=AACAfwAAAAAA", "cut short"),
        ("data=AACAfwAAAAA", "not a number"),
    ] {
        let (s, notices) = from_query(bad);
        assert!(
            notices
                .iter()
                .any(|n| n.key == "data" && n.message.contains(says)),
            "{bad}: {notices:?}"
        );
        assert!(s.shared.points.is_none());
        assert!(s.problems().is_empty());
    }
    // The order of the keys does not matter: N follows the points.
    let data = encode(&random_points(5, 1));
    let (s, notices) = from_query(&format!("data={data}&n=40&sel=4"));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!((s.shared.recipe.n, s.shared.selected), (5, Some(4)));
}

#[test]
fn a_csv_with_a_bad_line_changes_nothing_and_names_the_line() {
    let text = "x,y\n1,2\n2,3\n3,4\n4,5\n5,6\n6,x7\n7,8\n";
    let errors = read_csv(text).unwrap_err();
    assert_eq!(errors, vec!["line 7: y “x7” is not a number".to_string()]);
    let big = "1,1e13\n";
    assert!(read_csv(big).unwrap_err()[0].contains("too large"));
    let good = read_csv("x;y\n1,5;2\n3;4,25\n").unwrap();
    assert_eq!(good.xs, vec![1.5, 3.0]);
    assert_eq!(good.ys, vec![2.0, 4.25]);
}

#[test]
fn csv_out_reads_back_as_the_same_points() {
    let shared = with_points(&Shared::default(), random_points(200, 7));
    let text = to_csv(&shared);
    assert!(text.starts_with("x,y\n"));
    assert_eq!(read_csv(&text).unwrap(), shared.points.clone().unwrap());
    // Generated data keep every digit.
    let generated = Shared::default();
    let back = read_csv(&to_csv(&generated)).unwrap();
    assert_eq!(back.xs.len(), 12);
    for (a, b) in back.xs.iter().zip(&generated.dataset().xs) {
        assert_eq!(*a, quantize(*b));
    }
}

#[test]
fn every_built_in_dataset_loads() {
    for set in &BUILT_IN {
        let shared = load_built_in(&Shared::default(), set.key).unwrap();
        let n = shared.recipe.n;
        assert!(n >= 11, "{}", set.key);
        assert_eq!(shared.points.as_ref().unwrap().len(), n);
    }
    assert_eq!(
        load_built_in(&Shared::default(), "iris").err().unwrap(),
        "there is no built-in dataset \"iris\""
    );
}

#[test]
fn edits_keep_the_shown_order_and_undo_redo_restore_the_data() {
    let mut shared = Shared {
        order: DataOrder::SortedByX,
        ..Shared::default()
    };
    shared.theta = [0.5, 0.5];
    let shown = shared.dataset();
    let mut history = History::default();

    let added = add_point(&shared, [9.0, 9.0]).unwrap();
    history.record(&shared);
    assert_eq!(added.recipe.n, 13);
    assert_eq!(added.selected, Some(12));
    assert_eq!(
        added.order,
        DataOrder::Generated,
        "the points are kept as shown"
    );
    assert_eq!(
        added.dataset().xs[..12],
        shown.xs.iter().map(|&x| quantize(x)).collect::<Vec<_>>()[..]
    );

    let moved = move_point(&added, 0, [-5.0, 2.5]);
    history.record(&added);
    assert_eq!((moved.dataset().xs[0], moved.dataset().ys[0]), (-5.0, 2.5));

    let deleted = delete_point(&moved, 3).unwrap();
    history.record(&moved);
    assert_eq!(deleted.recipe.n, 12);

    let back = history.undo(&deleted).unwrap();
    assert_eq!(back.points, moved.points);
    let back = history.undo(&back).unwrap();
    assert_eq!(back.points, added.points);
    let forward = history.redo(&back).unwrap();
    assert_eq!(forward.points, moved.points);
    assert_eq!(forward.theta, deleted.theta, "undo and redo leave θ alone");
    let middle = history.undo(&forward).unwrap();
    let start = history.undo(&middle).unwrap();
    assert_eq!(start.points, None);
    assert_eq!(start.dataset(), shown);
    assert!(!history.can_undo() && history.can_redo());

    let one = with_points(&Shared::default(), random_points(1, 2));
    assert!(delete_point(&one, 0)
        .unwrap_err()
        .contains("the last one stays"));
}
