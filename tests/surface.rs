//! The surface from sufficient statistics, its contours and colour scale.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::geometry::{auto_view, equal_scale_frame};
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::moments::Moments;
use gradavg::core::surface::{ColorScale, SurfaceGrid};

fn problem(n: usize, seed: u32, x_min: f64) -> LinearProblem {
    let r = DataRecipe {
        n,
        slope: -2.0,
        intercept: 30.0,
        noise: 1.3,
        x_min,
        x_max: x_min + 4.0,
        seed,
    };
    LinearProblem::from_dataset(Dataset::generate(&r)).unwrap()
}

#[test]
fn sufficient_statistics_surface_equals_the_direct_mean() {
    // Including data far from 0 (x around 100), where raw sums of squares
    // would lose digits: the centred moments keep 1e-12 relative agreement.
    for (n, seed, x_min) in [(1, 1, 0.0), (7, 2, -3.0), (1000, 3, 100.0), (5000, 4, -1.0)] {
        let p = problem(n, seed, x_min);
        let m = p.moments();
        let grid = SurfaceGrid::compute(m, (-10.0, 10.0), (-50.0, 80.0), 17, 13);
        let (dx, dy) = (20.0 / 17.0, 130.0 / 13.0);
        for j in 0..13 {
            for i in 0..17 {
                let t = [-10.0 + (i as f64 + 0.5) * dx, -50.0 + (j as f64 + 0.5) * dy];
                let direct = p.loss(&t).unwrap();
                let fast = grid.values[j * 17 + i];
                assert!(
                    (fast - direct).abs() <= 1e-12 * direct.max(1.0),
                    "N={n} θ={t:?}: {fast} vs {direct}"
                );
            }
        }
    }
}

#[test]
fn contour_lines_lie_on_their_level() {
    let p = problem(300, 9, -1.0);
    let m = p.moments();
    let frame = equal_scale_frame(auto_view(m), 0.0, 0.0, 400.0, 300.0);
    let grid = SurfaceGrid::for_frame(m, &frame, 256);
    let scale = ColorScale::spanning(m, &grid);
    let levels = scale.levels(9);
    assert!(levels.len() >= 4, "levels {levels:?}");
    let lines = grid.contour_lines(&levels);
    assert_eq!(lines.len(), levels.len());
    for line in &lines {
        assert!(!line.paths.is_empty(), "level {} has no line", line.level);
        for p in line.paths.iter().flatten() {
            // How far the drawn point is from the true isoline, in pixels:
            // |C(p) − level| / |∇C(p)| in θ units, over θ units per pixel.
            // Interpolating between the centres of the page's 256-cell grid
            // must stay within half a pixel.
            let (c, g) = (m.cost(*p), m.gradient(*p));
            let off_px = (c - line.level).abs() / g[0].hypot(g[1]) / frame.units_per_px();
            assert!(
                off_px < 0.5,
                "point {p:?} has C = {c}, level {}: {off_px} px off",
                line.level
            );
            assert!(
                p[0] > frame.x.0 && p[0] < frame.x.1 && p[1] > frame.y.0 && p[1] < frame.y.1,
                "no edge pieces: {p:?}"
            );
        }
    }
}

#[test]
fn log_scale_spans_the_window_and_survives_a_perfect_fit() {
    let p = problem(100, 1, 0.0);
    let m = p.moments();
    let frame = equal_scale_frame(auto_view(m), 0.0, 0.0, 300.0, 300.0);
    let grid = SurfaceGrid::for_frame(m, &frame, 64);
    let scale = ColorScale::spanning(m, &grid);
    assert!(
        (scale.lo - m.min_cost()).abs() < 1e-12,
        "θ* is inside, so the bottom is C(θ*)"
    );
    let top = grid.values.iter().copied().fold(0.0, f64::max);
    assert!(scale.hi >= top, "the top covers every cell");
    assert_eq!(scale.position(scale.lo), 0.0);
    assert_eq!(scale.position(scale.hi), 1.0);
    // y = 2x exactly: C(θ*) = 0, yet the scale stays finite and ordered.
    let exact = Moments::of(&[0.0, 1.0, 2.0], &[0.0, 2.0, 4.0]);
    let g = SurfaceGrid::compute(&exact, (0.0, 4.0), (-2.0, 2.0), 32, 32);
    let s = ColorScale::spanning(&exact, &g);
    assert!(s.lo > 0.0 && s.hi > s.lo && s.position(0.0) == 0.0);
}

#[test]
fn auto_view_is_centred_on_the_minimum_and_holds_the_origin() {
    for seed in 0..20 {
        let p = problem(50, seed, -1.0);
        let m = p.moments();
        let v = auto_view(m);
        assert_eq!(v.center, m.minimum().unwrap());
        assert!(
            (0.0 - v.center[0]).abs() < v.half && (0.0 - v.center[1]).abs() < v.half,
            "θ = 0 must be in view (seed {seed})"
        );
    }
}
