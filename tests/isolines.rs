//! MSE's isolines in closed form: on the level, inside the window, smooth
//! to the pixel, and where the grid-traced contours are.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::geometry::{auto_view, equal_scale_frame, PlotFrame};
use gradavg::core::isolines::{cut_to_window, mse_isolines, STEP_PX};
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::moments::Moments;
use gradavg::core::surface::{ColorScale, SurfaceGrid};

fn moments(n: usize, seed: u32, noise: f64, x_min: f64) -> Moments {
    let r = DataRecipe {
        n,
        slope: -2.0,
        intercept: 3.0,
        noise,
        x_min,
        x_max: x_min + 4.0,
        seed,
    };
    *LinearProblem::from_dataset(Dataset::generate(&r))
        .unwrap()
        .moments()
}

/// The page's frame for these moments: 560 × 460 pixels, and the levels
/// its colour bar would label.
fn frame_and_levels(m: &Moments) -> (PlotFrame, Vec<f64>) {
    let frame = equal_scale_frame(auto_view(m), 60.0, 20.0, 560.0, 460.0);
    let scale = ColorScale::spanning(m, &SurfaceGrid::for_frame(m, &frame, 64));
    (frame, scale.levels(9))
}

/// Data far from 0 (x around 100): a long, thin valley whose ellipses are
/// a few pixels wide.
fn thin_valley() -> Moments {
    moments(50, 4, 2.0, 100.0)
}

fn cases() -> Vec<Moments> {
    vec![
        moments(12, 1, 1.3, 0.0),
        moments(1000, 2, 0.5, -2.0),
        moments(12, 3, 0.0, 0.0), // a perfect fit: C* = 0
        thin_valley(),
    ]
}

#[test]
fn every_point_away_from_the_edge_is_on_its_level() {
    for m in cases() {
        let (frame, levels) = frame_and_levels(&m);
        let lines = mse_isolines(&m, &levels, &frame).expect("x varies");
        assert_eq!(lines.len(), levels.len());
        let mut checked = 0;
        for line in &lines {
            for path in &line.paths {
                // The two ends of a cut run sit on the window's edge, on a chord.
                let closed = path.first() == path.last();
                let inner = if closed {
                    &path[..]
                } else {
                    &path[1..path.len() - 1]
                };
                for &p in inner {
                    let c = m.cost(p);
                    assert!(
                        (c - line.level).abs() <= 1e-9 * line.level + 1e-12 * m.cost_scale(p),
                        "C({p:?}) = {c}, level {}",
                        line.level
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "only {checked} points checked");
    }
}

#[test]
fn paths_stay_in_the_window_and_step_at_most_a_few_pixels() {
    for m in cases() {
        let (frame, levels) = frame_and_levels(&m);
        let (ex, ey) = (
            1e-9 * (frame.x.1 - frame.x.0),
            1e-9 * (frame.y.1 - frame.y.0),
        );
        for line in mse_isolines(&m, &levels, &frame).unwrap() {
            for path in &line.paths {
                assert!(path.len() >= 2);
                for p in path {
                    assert!(frame.x.0 - ex <= p[0] && p[0] <= frame.x.1 + ex, "{p:?}");
                    assert!(frame.y.0 - ey <= p[1] && p[1] <= frame.y.1 + ey, "{p:?}");
                }
                for pair in path.windows(2) {
                    let (a, b) = (frame.to_px_f(pair[0]), frame.to_px_f(pair[1]));
                    let step = (a.0 - b.0).hypot(a.1 - b.1);
                    assert!(step <= STEP_PX + 1e-9, "a step of {step} px");
                }
            }
        }
    }
}

#[test]
fn they_lie_where_the_traced_contours_do() {
    // The grid-traced contours on 512 cells are within a cell or so of the
    // ellipses; at every level the two find the same amount of line, except
    // in the thin valley, whose ellipses are a few pixels wide: the grid
    // only catches bits of them there.
    for m in cases() {
        let (frame, levels) = frame_and_levels(&m);
        let exact = mse_isolines(&m, &levels, &frame).unwrap();
        let traced = SurfaceGrid::for_frame(&m, &frame, 512).contour_lines(&levels);
        for (e, t) in exact.iter().zip(&traced) {
            assert_eq!(e.level, t.level);
            let px = |paths: &Vec<Vec<[f64; 2]>>| -> Vec<(f64, f64)> {
                paths.iter().flatten().map(|&p| frame.to_px_f(p)).collect()
            };
            let (e_px, t_px) = (px(&e.paths), px(&t.paths));
            for &(x, y) in &t_px {
                let nearest = e_px
                    .iter()
                    .map(|&(a, b)| (a - x).hypot(b - y))
                    .fold(f64::INFINITY, f64::min);
                assert!(
                    nearest <= 2.0,
                    "a traced point {nearest} px from the ellipse at level {}",
                    e.level
                );
            }
            let length = |pts: &Vec<Vec<[f64; 2]>>| -> f64 {
                pts.iter()
                    .flat_map(|p| p.windows(2))
                    .map(|w| {
                        let (a, b) = (frame.to_px_f(w[0]), frame.to_px_f(w[1]));
                        (a.0 - b.0).hypot(a.1 - b.1)
                    })
                    .sum()
            };
            let (le, lt) = (length(&e.paths), length(&t.paths));
            if m == thin_valley() {
                continue;
            }
            // A ring of a few pixels can fall between the grid's centres.
            if t_px.is_empty() {
                assert!(
                    le <= 8.0 * std::f64::consts::PI,
                    "level {}: {le} px untraced",
                    e.level
                );
                continue;
            }
            assert!(
                (le - lt).abs() <= 0.02 * le + 6.0,
                "level {}: {le} px against {lt} px",
                e.level
            );
        }
    }
}

#[test]
fn levels_at_or_below_the_minimum_have_none_and_constant_x_has_no_ellipses() {
    let m = moments(12, 1, 1.3, 0.0);
    let (frame, _) = frame_and_levels(&m);
    let floor = m.min_cost();
    let lines = mse_isolines(&m, &[floor * 0.5, floor, f64::NAN], &frame).unwrap();
    assert!(lines.iter().all(|l| l.paths.is_empty()));
    let flat = Moments::of(&[2.0, 2.0, 2.0], &[1.0, 2.0, 4.0]);
    assert!(mse_isolines(&flat, &[3.0], &frame).is_none());
}

#[test]
fn a_ring_inside_stays_closed_and_a_ring_across_an_edge_is_cut_on_it() {
    let square = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
    let whole = cut_to_window(&square, (-1.0, 2.0), (-1.0, 2.0));
    assert_eq!(
        whole,
        vec![vec![
            [0.0, 0.0],
            [1.0, 0.0],
            [1.0, 1.0],
            [0.0, 1.0],
            [0.0, 0.0]
        ]]
    );
    // The window x ≤ 0.5 keeps the left side, from the edge crossing on the
    // top to the one on the bottom, as one run across the ring's start.
    let cut = cut_to_window(&square, (-1.0, 0.5), (-1.0, 2.0));
    assert_eq!(
        cut,
        vec![vec![[0.5, 1.0], [0.0, 1.0], [0.0, 0.0], [0.5, 0.0]]]
    );
    assert!(cut_to_window(&square, (5.0, 6.0), (5.0, 6.0)).is_empty());
}
