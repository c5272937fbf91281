//! A student's own data: the link codec, CSV in and out, edits on the data
//! figure, undo and redo.

use gradavg::core::data::{DataOrder, Dataset};
use gradavg::core::points::{decode, encode, encoded_len, quantize, MAX_LINK_CHARS};
use gradavg::core::rng::SeededRng;
use gradavg::page::history::History;
use gradavg::page::loss_choice::LossKey;
use gradavg::page::own_data::{
    add_point, delete_point, fit_loss, load_built_in, move_point, read_csv, to_csv, with_points,
    BUILT_IN,
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
    assert_eq!(good.data.xs, vec![1.5, 3.0]);
    assert_eq!(good.data.ys, vec![2.0, 4.25]);
    assert!(!good.labels);
}

#[test]
fn csv_out_reads_back_as_the_same_points() {
    let shared = with_points(&Shared::default(), random_points(200, 7));
    let text = to_csv(&shared);
    assert!(text.starts_with("x,y\n"));
    assert_eq!(
        read_csv(&text).unwrap().data,
        shared.points.clone().unwrap()
    );
    // Generated data keep every digit.
    let generated = Shared::default();
    let back = read_csv(&to_csv(&generated)).unwrap().data;
    assert_eq!(back.xs.len(), 12);
    for (a, b) in back.xs.iter().zip(&generated.dataset().xs) {
        assert_eq!(*a, quantize(*b));
    }
}

#[test]
fn every_built_in_dataset_loads() {
    for set in &BUILT_IN {
        let (shared, note) = load_built_in(&Shared::default(), set.key).unwrap();
        let n = shared.recipe.n;
        assert!(n >= 11, "{}", set.key);
        assert_eq!(shared.points.as_ref().unwrap().len(), n);
        // Only the labelled set changes the loss (from MSE), and says so.
        let labelled = set.key == "iris";
        assert_eq!(note.is_some(), labelled, "{}", set.key);
        assert_eq!(shared.loss == LossKey::Logistic, labelled, "{}", set.key);
    }
    assert_eq!(
        load_built_in(&Shared::default(), "galton").err().unwrap(),
        "there is no built-in dataset \"galton\""
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

#[test]
fn labels_switch_the_loss_and_numbers_switch_it_back() {
    // x,label: each label must be 0 or 1, and a bad one is named by its line.
    let bad = read_csv("x,label\n1,0\n2,1\n3,0.5\n").unwrap_err();
    assert_eq!(
        bad,
        vec!["line 4: the label “0.5” must be 0 or 1".to_string()]
    );
    let pasted = read_csv("petal,Label\n4.7,0\n5.9,1\n").unwrap();
    assert!(pasted.labels);
    let mut next = with_points(&Shared::default(), pasted.data);
    let note = fit_loss(&mut next, true).unwrap();
    assert!(note.contains("cross-entropy"), "{note}");
    assert_eq!(next.loss, LossKey::Logistic);
    // Numbers that are not labels take the cross-entropy back to MSE.
    let mut again = with_points(&next, random_points(5, 3));
    let note = fit_loss(&mut again, false).unwrap();
    assert!(note.contains("squared error"), "{note}");
    assert_eq!(again.loss, LossKey::Mse);
    // 0/1 numbers under a plain x,y header keep the loss as it is.
    let plain = read_csv("x,y\n1,0\n2,1\n").unwrap();
    let mut kept = with_points(&Shared::default(), plain.data);
    assert_eq!(fit_loss(&mut kept, plain.labels), None);
    assert_eq!(kept.loss, LossKey::Mse);
}

#[test]
fn under_the_cross_entropy_edits_snap_to_labels_and_csv_says_label() {
    let mut shared = Shared {
        loss: LossKey::Logistic,
        ..Shared::default()
    };
    // Generated data are labels under the cross-entropy.
    assert!(shared.dataset().ys.iter().all(|&y| y == 0.0 || y == 1.0));
    shared = add_point(&shared, [0.3, 0.62]).unwrap();
    shared = add_point(&shared, [0.4, 0.49]).unwrap();
    shared = move_point(&shared, 0, [1.0, -3.0]);
    let p = shared.points.as_ref().unwrap();
    assert_eq!((p.ys[12], p.ys[13], p.ys[0]), (1.0, 0.0, 0.0));
    assert!(to_csv(&shared).starts_with("x,label\n"));
    assert_eq!(shared.loss_conflict(), None);
    // A link that asks for logistic over numbers that are not labels falls
    // back to MSE, and the notice names the key and the example.
    let numbers = with_points(&Shared::default(), random_points(4, 9));
    let query = to_query(&gradavg::scenes::state::State {
        shared: numbers,
        ..Default::default()
    });
    let (state, notices) = from_query(&format!("{query}&loss=logistic"));
    assert_eq!(state.shared.loss, LossKey::Mse);
    let said: Vec<String> = notices.iter().map(ToString::to_string).collect();
    assert!(
        said.iter()
            .any(|n| n.starts_with("“loss”") && n.contains("example 1's y")),
        "{said:?}"
    );
}
