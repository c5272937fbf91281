//! Scene 4's computations: the averaged-input shortcut, the valley of the
//! squared mean error, the linear cost's endless descent, and the maximum
//! cost's gradient.

use gradavg::page::model::Model;
use gradavg::scenes::average_first::parts as af;
use gradavg::scenes::average_first::settings::Part;
use gradavg::scenes::state::State;

fn model(theta: [f64; 2], part: Part) -> Model {
    let mut s = State::default();
    s.shared.recipe.n = 40;
    s.shared.theta = theta;
    s.average.part = part;
    Model::new(s.shared.clone())
}

#[test]
fn the_shortcut_misses_the_slope_part_by_the_stated_gap() {
    for theta in [[0.0, 0.0], [2.0, -1.0], [-1.0, 3.0]] {
        let m = model(theta, Part::Inputs);
        let (truth, short) = (
            m.cost_gradient(),
            af::averaged_input_gradient(&m.problem, theta),
        );
        assert!((truth[1] - short[1]).abs() < 1e-12, "intercept parts");
        assert!(
            (truth[0] - short[0] - af::slope_gap(&m.problem, theta)).abs() < 1e-12,
            "slope gap"
        );
    }
}

#[test]
fn descent_on_the_squared_mean_error_stops_in_the_valley_not_at_the_minimum() {
    let m = model([0.5, -1.0], Part::Inputs);
    let path = af::valley_descent(&m.problem, [0.5, -1.0]);
    let end = *path.last().unwrap();
    // Each step halves the mean error: after 40 steps it is 2⁻⁴⁰ of the start.
    let (start_error, end_error) = (
        af::mean_error(&m.problem, path[0]),
        af::mean_error(&m.problem, end),
    );
    assert!(
        end_error.abs() <= start_error.abs() * 1e-11,
        "mean error {end_error} left"
    );
    let mm = m.problem.moments();
    let star = mm.minimum().unwrap();
    assert!(
        (end[0] - star[0]).hypot(end[1] - star[1]) > 0.1,
        "the valley point is not θ*"
    );
    assert!(
        mm.cost(end) > 1.05 * mm.min_cost(),
        "so the real cost is still above its minimum"
    );
    // It moved along (x̄, 1) only.
    let d = [end[0] - 0.5, end[1] + 1.0];
    assert!((d[0] - mm.mean_x * d[1]).abs() < 1e-12);
}

#[test]
fn the_linear_cost_drops_by_the_same_amount_every_step() {
    let m = model([0.0, 0.0], Part::LinearCost);
    let mx = m.problem.moments().mean_x;
    let lr = 0.3;
    let path = af::linear_cost_descent(&m.problem, [0.0, 0.0], lr);
    for pair in path.windows(2) {
        let drop = af::mean_error(&m.problem, pair[0]) - af::mean_error(&m.problem, pair[1]);
        assert!((drop - lr * (mx * mx + 1.0)).abs() < 1e-12);
    }
    assert_eq!(af::linear_cost_gradient(&m.problem), [-mx, -1.0]);
}

#[test]
fn the_maximum_cost_gradient_is_the_worst_examples_and_not_the_mean() {
    // Central differences of J = max Lᵢ agree with ∇Lᵢ* where the worst example is unique.
    for theta in [[0.0, 0.0], [1.0, 1.0], [3.0, -2.0]] {
        let m = model(theta, Part::MaxCost);
        let g = af::max_cost_gradient(&m.problem, theta);
        let h = 1e-6;
        let numeric = [
            (af::max_cost(&m.problem, [theta[0] + h, theta[1]])
                - af::max_cost(&m.problem, [theta[0] - h, theta[1]]))
                / (2.0 * h),
            (af::max_cost(&m.problem, [theta[0], theta[1] + h])
                - af::max_cost(&m.problem, [theta[0], theta[1] - h]))
                / (2.0 * h),
        ];
        for k in 0..2 {
            assert!(
                (g[k] - numeric[k]).abs() < 1e-5 * (1.0 + g[k].abs()),
                "θ = {theta:?}: {g:?} vs {numeric:?}"
            );
        }
        let mean = m.cost_gradient();
        assert!(
            (g[0] - mean[0]).hypot(g[1] - mean[1]) > 0.1,
            "the max cost's gradient is not the mean gradient"
        );
    }
}

#[test]
fn the_network_part_slices_the_real_cost_and_names_its_parameters() {
    use gradavg::core::objective::{self, Objective};
    use gradavg::scenes::average_first::network::{param_name, start, Network};
    let mut s = State::default();
    s.shared.recipe.n = 60;
    s.average.hidden = 3;
    s.average.slice = Some([1, 9]);
    s.average.net_at = Some([0.7, -0.2]);
    let mut net = Network::new(&s.shared.recipe, s.average.hidden, s.average.slice);
    net.place(s.average.net_at);
    assert_eq!(param_name(1, 3), "w₁[2]");
    assert_eq!(param_name(4, 3), "b₁[2]");
    assert_eq!(param_name(8, 3), "w₂[3]");
    assert_eq!(param_name(9, 3), "b₂");
    // The point is where the state put the two sliced parameters; the rest is the seeded start.
    assert_eq!(net.point(), [0.7, -0.2]);
    let init = start(3, s.shared.recipe.seed);
    for k in [0, 2, 3, 4, 5, 6, 7, 8] {
        assert_eq!(net.theta[k], init[k]);
    }
    // The slice's cost at the point is the network's cost there.
    let c = objective::loss(&net.problem, &net.theta).unwrap();
    assert!((net.slice_cost(net.point()) - c).abs() < 1e-12);
    // The true gradient is the mean of per-example gradients; the shortcut
    // shares only the output bias's entry.
    let (g, short) = (net.true_gradient(), net.shortcut_gradient());
    let rows = objective::example_gradients(&net.problem, &net.theta).unwrap();
    let p = net.problem.num_params();
    for k in 0..p {
        let mean = rows.chunks(p).map(|r| r[k]).sum::<f64>() / 60.0;
        assert!((mean - g[k]).abs() < 1e-12);
    }
    assert!((g[9] - short[9]).abs() < 1e-12 && (g[0] - short[0]).abs() > 1e-6);
    // The prediction is the network's forward pass.
    let x = 0.3;
    let manual = net.theta[9]
        + (0..3)
            .map(|j| net.theta[6 + j] * (net.theta[j] * x + net.theta[3 + j]).tanh())
            .sum::<f64>();
    assert!((net.predict(x) - manual).abs() < 1e-12);
}

#[test]
fn the_maximum_cost_on_the_hull_is_the_maximum_over_every_example() {
    use gradavg::core::rng::SeededRng;
    let mut s = State::default();
    s.shared.recipe.n = 2000;
    let m = Model::new(s.shared.clone());
    let hull = af::hull(&m.problem);
    assert!(
        hull.len() >= 3 && hull.len() < 100,
        "hull of {} points",
        hull.len()
    );
    let mut rng = SeededRng::new(3);
    for _ in 0..500 {
        let theta = [rng.uniform_in(-5.0, 5.0), rng.uniform_in(-5.0, 5.0)];
        assert_eq!(
            af::max_cost_on(&m.problem, &hull, theta),
            af::max_cost(&m.problem, theta),
            "θ = {theta:?}"
        );
    }
}

#[test]
fn one_or_two_examples_are_their_own_hull() {
    for n in [1, 2] {
        let mut s = State::default();
        s.shared.recipe.n = n;
        let small = Model::new(s.shared.clone());
        assert_eq!(af::hull(&small.problem).len(), n);
        let theta = [0.3, 0.1];
        assert_eq!(
            af::max_cost_on(&small.problem, &af::hull(&small.problem), theta),
            af::max_cost(&small.problem, theta)
        );
    }
}
