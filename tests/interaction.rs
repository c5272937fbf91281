//! Keys, zoom, pan and picking, as pure functions.

use gradavg::core::geometry::PlotFrame;
use gradavg::core::geometry::ViewWindow;
use gradavg::page::hit::{distance_to_segment, nearest_arrow, nearest_point};
use gradavg::page::interaction::{
    key_step, pan_view, snap, step_selection, theta_after_key, zoom_view,
};
use gradavg::page::model::GradArrow;
use gradavg::scenes::one_point::mistaken::{blend, ease};

const VIEW: ViewWindow = ViewWindow {
    center: [1.0, 2.0],
    half: 5.0,
};

#[test]
fn arrow_keys_step_one_percent_and_ten_with_shift() {
    assert_eq!(key_step(&VIEW, false), 0.1);
    assert_eq!(key_step(&VIEW, true), 1.0);
    assert_eq!(
        theta_after_key([0.0, 0.0], "ArrowRight", 0.1),
        Some([0.1, 0.0])
    );
    assert_eq!(
        theta_after_key([0.0, 0.0], "ArrowUp", 0.1),
        Some([0.0, 0.1])
    );
    assert_eq!(
        theta_after_key([0.0, 0.0], "ArrowLeft", 0.1),
        Some([-0.1, 0.0])
    );
    assert_eq!(
        theta_after_key([0.0, 0.0], "ArrowDown", 0.1),
        Some([0.0, -0.1])
    );
    assert_eq!(theta_after_key([0.0, 0.0], "a", 0.1), None);
}

#[test]
fn zoom_keeps_the_point_under_the_pointer_fixed() {
    let about = [3.0, -1.0];
    let z = zoom_view(VIEW, 0.5, about);
    assert_eq!(z.half, 2.5);
    // `about` sits at the same fraction of the window before and after.
    for ((a, c0), c1) in about.iter().zip(VIEW.center).zip(z.center) {
        let (before, after) = ((a - c0) / VIEW.half, (a - c1) / z.half);
        assert!((before - after).abs() < 1e-12);
    }
    assert_eq!(zoom_view(VIEW, 1e-12, about).half, 1e-6, "zoom is clamped");
}

#[test]
fn pan_moves_the_window_against_the_drag() {
    let p = pan_view(VIEW, [1.0, 1.0], [2.0, 3.0]);
    assert_eq!(p.center, [0.0, 0.0]);
    assert_eq!(p.half, VIEW.half);
}

#[test]
fn snap_rounds_to_the_pixel_grid() {
    assert_eq!(snap([0.123456, -1.98765], 0.01), [0.12, -1.99]);
    assert_eq!(
        snap([0.123456, 2.0], 0.0),
        [0.123456, 2.0],
        "no grid, no change"
    );
}

fn frame() -> PlotFrame {
    PlotFrame {
        left: 10.0,
        top: 10.0,
        width: 100.0,
        height: 100.0,
        x: (0.0, 10.0),
        y: (0.0, 10.0),
    }
}

#[test]
fn frames_map_pixels_and_back() {
    let f = frame();
    assert_eq!(f.to_px_f([0.0, 10.0]), (10.0, 10.0), "top left");
    assert_eq!(f.to_px_f([10.0, 0.0]), (110.0, 110.0), "bottom right");
    let p = f.from_px(35.0, 80.0);
    assert_eq!(f.to_px_f(p), (35.0, 80.0));
}

#[test]
fn picking_finds_the_nearest_point_within_reach() {
    let f = frame();
    let (xs, ys) = ([1.0, 5.0, 9.0], [1.0, 5.0, 9.0]);
    assert_eq!(nearest_point(&f, &xs, &ys, (61.0, 59.0), 5.0), Some(1));
    assert_eq!(nearest_point(&f, &xs, &ys, (80.0, 40.0), 5.0), None);
    assert_eq!(
        distance_to_segment((0.0, 5.0), (0.0, 0.0), (10.0, 0.0)),
        5.0
    );
    assert_eq!(
        distance_to_segment((-3.0, 4.0), (0.0, 0.0), (10.0, 0.0)),
        5.0
    );
}

#[test]
fn picking_an_arrow_prefers_the_one_whose_tip_is_nearer() {
    let f = frame();
    // Two arrows from (5, 5): one short, one long, along the same line.
    let arrows = [
        GradArrow {
            from: [5.0, 5.0],
            grad: [-1.0, 0.0],
        },
        GradArrow {
            from: [5.0, 5.0],
            grad: [-4.0, 0.0],
        },
    ];
    assert_eq!(
        nearest_arrow(&f, &arrows, 1.0, (100.0, 60.0), 4.0),
        Some(1),
        "only the long one reaches x = 9"
    );
    assert_eq!(
        nearest_arrow(&f, &arrows, 1.0, (70.0, 60.0), 4.0),
        Some(0),
        "at the short tip the short one wins"
    );
}

#[test]
fn the_animation_runs_from_the_mistaken_to_the_true_arrows() {
    let wrong = [GradArrow {
        from: [0.0, 0.0],
        grad: [1.0, 1.0],
    }];
    let right = [GradArrow {
        from: [4.0, 2.0],
        grad: [-1.0, 3.0],
    }];
    assert_eq!(blend(&wrong, &right, 0.0), wrong);
    assert_eq!(blend(&wrong, &right, 1.0), right);
    assert_eq!(blend(&wrong, &right, 0.5)[0].from, [2.0, 1.0]);
    assert_eq!((ease(-1.0), ease(0.5), ease(2.0)), (0.0, 0.5, 1.0));
}

#[test]
fn brackets_step_through_the_examples_and_wrap() {
    assert_eq!(step_selection(None, 12, true), Some(0));
    assert_eq!(step_selection(None, 12, false), Some(11));
    assert_eq!(step_selection(Some(4), 12, true), Some(5));
    assert_eq!(step_selection(Some(4), 12, false), Some(3));
    assert_eq!(step_selection(Some(11), 12, true), Some(0));
    assert_eq!(step_selection(Some(0), 12, false), Some(11));
    assert_eq!(
        step_selection(Some(30), 12, true),
        Some(0),
        "a stale selection starts again"
    );
    assert_eq!(step_selection(Some(0), 1, true), Some(0));
    assert_eq!(step_selection(None, 0, true), None);
}
