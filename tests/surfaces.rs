//! Scene 5: the mean of the first k example surfaces becomes C at k = N
//! (claim T4), under every loss; its keys round-trip and explain bad values.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::geometry::auto_view;
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::models::loss::Loss;
use gradavg::scenes::state::{from_query, to_query};
use gradavg::scenes::surfaces::sum::{first_k, gap_to_cost, GAP_GRID};

fn data(n: usize) -> Dataset {
    Dataset::generate(&DataRecipe {
        n,
        slope: 1.5,
        intercept: 0.5,
        noise: 0.5,
        x_min: -1.0,
        x_max: 2.0,
        seed: 7,
    })
}

#[test]
fn the_running_mean_of_surfaces_is_c_at_k_equal_n_and_not_before() {
    for n in [1, 2, 12, 500] {
        let d = data(n);
        let mse = LinearProblem::new(&d.xs, &d.ys).unwrap();
        let view = auto_view(mse.moments());
        for loss in [Loss::Mse, Loss::Mae, Loss::Huber { delta: 0.7 }] {
            let all = LinearProblem::with_loss(&d.xs, &d.ys, loss).unwrap();
            let full = gap_to_cost(&all, &first_k(&all, n, loss), view);
            assert!(
                full.is_rounding(),
                "n = {n}, {loss:?}: gap {:e}",
                full.largest
            );
            assert!(full.cost_max > 0.0);
            if n > 1 {
                let part = gap_to_cost(&all, &first_k(&all, n / 2, loss), view);
                assert!(
                    part.largest > 1e-3 * part.cost_max,
                    "n = {n}, {loss:?}: half the surfaces are not C yet ({:e})",
                    part.largest
                );
            }
        }
    }
}

#[test]
fn without_a_formula_c_in_the_gap_is_the_costs_own_bits() {
    // One pass gives Mₖ and C: C must still be exactly what C(θ) is elsewhere.
    let d = data(300);
    let view = auto_view(LinearProblem::new(&d.xs, &d.ys).unwrap().moments());
    for loss in [Loss::Mae, Loss::Huber { delta: 0.7 }] {
        let all = LinearProblem::with_loss(&d.xs, &d.ys, loss).unwrap();
        let u = |c: usize| -1.0 + 2.0 * c as f64 / (GAP_GRID - 1) as f64;
        let costs: Vec<f64> = (0..GAP_GRID * GAP_GRID)
            .map(|p| {
                let (i, j) = (p % GAP_GRID, p / GAP_GRID);
                all.cost_at([
                    view.center[0] + u(i) * view.half,
                    view.center[1] + u(j) * view.half,
                ])
            })
            .collect();
        for k in [1, 150, 300] {
            let gap = gap_to_cost(&all, &first_k(&all, k, loss), view);
            let max = costs.iter().copied().fold(0.0, f64::max);
            let min = costs.iter().copied().fold(f64::INFINITY, f64::min);
            assert_eq!(gap.cost_max.to_bits(), max.to_bits(), "{loss:?} k = {k}");
            assert_eq!(gap.cost_min.to_bits(), min.to_bits(), "{loss:?} k = {k}");
            if k == 300 {
                assert_eq!(gap.largest, 0.0, "{loss:?}: the same sums at k = N");
            }
        }
    }
}

#[test]
fn under_mse_the_gap_compares_a_sum_with_the_moments_formula() {
    // At k = N the two computations differ by rounding, not by exactly 0:
    // Mₖ is summed example by example, C comes from five sums of the data.
    let d = data(2000);
    let all = LinearProblem::new(&d.xs, &d.ys).unwrap();
    let gap = gap_to_cost(
        &all,
        &first_k(&all, 2000, Loss::Mse),
        auto_view(all.moments()),
    );
    assert!(gap.is_rounding());
    assert!(gap.largest < 1e-12 * gap.cost_max);
}

#[test]
fn scene_five_keys_round_trip_and_bad_values_are_named() {
    let (s, notices) = from_query("scene=surfaces&n=20&k=5&panels=3,0,19&loss=huber&delta=0.4");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.surfaces.k, Some(5));
    assert_eq!(s.surfaces.panels, vec![3, 0, 19]);
    assert_eq!(s.shared.loss(), Loss::Huber { delta: 0.4 });
    assert_eq!(from_query(&to_query(&s)).0, s);

    for (query, key, says) in [
        ("scene=surfaces&n=12&k=13", "k", "all of them are added up"),
        (
            "scene=surfaces&n=12&panels=2,12",
            "panels",
            "does not exist",
        ),
        (
            "scene=surfaces&panels=1,1",
            "panels",
            "different whole numbers",
        ),
        ("scene=surfaces&panels=1,2,3,4,5", "panels", "1 to 4"),
        ("scene=surfaces&loss=l1", "loss", "squared error"),
        ("scene=surfaces&delta=0", "delta", "from 0.05 to 20"),
    ] {
        let (s, notices) = from_query(query);
        assert!(
            notices
                .iter()
                .any(|n| n.key == key && n.message.contains(says)),
            "{query}: {notices:?}"
        );
        assert!(s.problems().is_empty());
    }
}

#[test]
fn a_panel_is_given_to_the_picked_example_and_taken_away_again() {
    let (mut s, _) = from_query("scene=surfaces&n=12");
    assert_eq!(s.surfaces.panels_of(12), vec![0, 1, 2, 3]);
    s.surfaces.toggle_panel(7, 12);
    assert_eq!(s.surfaces.panels_of(12), vec![7, 0, 1, 2]);
    s.surfaces.toggle_panel(1, 12);
    assert_eq!(s.surfaces.panels_of(12), vec![7, 0, 2]);
    assert!(to_query(&s).contains("panels=7,0,2"));
}
