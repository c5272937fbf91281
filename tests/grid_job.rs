//! Costly surfaces as jobs for a worker: the numbers that cross to it and
//! back, the grid it computes (the same bits as the page's own), and the
//! page's bookkeeping of what it asked and what it waits for.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::geometry::PlotFrame;
use gradavg::core::grid_job::{cost_grid, GridJob, HEAD};
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::models::logistic;
use gradavg::core::models::loss::Loss;
use gradavg::core::models::mlp::MlpProblem;
use gradavg::core::surface::SurfaceGrid;

fn frame() -> PlotFrame {
    PlotFrame {
        left: 58.0,
        top: 22.0,
        width: 480.0,
        height: 300.0,
        x: (-6.0, 4.0),
        y: (-2.0, 4.25),
    }
}

fn examples(n: usize, loss: Loss) -> (Vec<f64>, Vec<f64>) {
    let r = DataRecipe {
        n,
        slope: 1.5,
        intercept: 0.5,
        noise: 0.8,
        x_min: -2.0,
        x_max: 3.0,
        seed: 11,
    };
    let d = Dataset::generate(&r);
    let ys = match loss {
        // Labels from the same recipe: 1 above the line's middle.
        Loss::Logistic => d.ys.iter().map(|&y| f64::from(y > 1.0)).collect(),
        _ => d.ys.clone(),
    };
    (d.xs.clone(), ys)
}

const LOSSES: [Loss; 4] = [
    Loss::Mse,
    Loss::Mae,
    Loss::Huber { delta: 0.7 },
    Loss::Logistic,
];

fn problem(n: usize, loss: Loss) -> LinearProblem {
    let (xs, ys) = examples(n, loss);
    LinearProblem::with_loss(&xs, &ys, loss).unwrap()
}

/// What `www/grid-worker.js` does with a job's numbers: the problem of
/// its examples under its loss, then `Problem.costGrid` over its window.
fn as_the_worker_does(numbers: &[f64]) -> Vec<f64> {
    let (head, examples) = numbers.split_at(HEAD);
    let n = head[8] as usize;
    let (xs, ys) = (&examples[..n], &examples[n..2 * n]);
    let problem = match head[0] {
        3.0 => logistic::problem(xs, ys),
        code => {
            let name = ["mse", "mae", "huber"][code as usize];
            LinearProblem::with_loss(xs, ys, Loss::parse(name, head[1]).unwrap())
        }
    }
    .unwrap();
    cost_grid(&problem, &head[2..4], &head[4..6], head[6], head[7]).unwrap()
}

#[test]
fn the_worker_computes_the_grid_the_page_samples_to_the_bit() {
    for loss in LOSSES {
        let p = problem(300, loss);
        let job = GridJob::over_frame(&p, &frame(), 40);
        let page = SurfaceGrid::over_frame(&|t| p.cost_at(t), &frame(), 40);
        assert_eq!((page.nx, page.ny), (40, 25), "{loss:?}: square cells");
        assert_eq!(job.run(), page, "{loss:?}");
        let worker = job.grid_of(as_the_worker_does(&job.encode())).unwrap();
        let bits = |g: &SurfaceGrid| g.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&worker), bits(&page), "{loss:?}");
    }
}

#[test]
fn a_job_is_laid_out_as_the_worker_reads_it() {
    let p = problem(3, Loss::Huber { delta: 0.7 });
    let numbers = GridJob::over_frame(&p, &frame(), 12).encode();
    let (xs, ys) = (&p.data().xs, &p.data().ys);
    let mut expected = vec![2.0, 0.7, -6.0, 4.0, -2.0, 4.25, 12.0, 8.0, 3.0];
    expected.extend(xs.iter().chain(ys));
    assert_eq!(numbers, expected);
    for (loss, code) in [(Loss::Mse, 0.0), (Loss::Mae, 1.0), (Loss::Logistic, 3.0)] {
        let numbers = GridJob::over_frame(&problem(3, loss), &frame(), 12).encode();
        assert_eq!(&numbers[..2], &[code, 0.0], "{loss:?}");
    }
}

#[test]
fn values_of_the_wrong_size_are_not_a_grid() {
    let job = GridJob::over_frame(&problem(5, Loss::Mae), &frame(), 12);
    let grid = job.run();
    assert_eq!(job.grid_of(grid.values.clone()), Some(grid.clone()));
    assert_eq!(job.grid_of(grid.values[1..].to_vec()), None);
    assert_eq!(job.grid_of(Vec::new()), None);
}

#[test]
fn cost_grid_samples_cell_centres_and_refuses_what_it_cannot_draw() {
    let p = problem(20, Loss::Mae);
    let values = cost_grid(&p, &[-1.0, 3.0], &[0.0, 1.0], 4.0, 2.0).unwrap();
    assert_eq!(values.len(), 8);
    // Entry j·nx + i is C at (x₀ + (i + ½)Δx, y₀ + (j + ½)Δy), rows from y₀ up:
    // j = 1, i = 2 is entry 4 + 2.
    assert_eq!(values[4 + 2].to_bits(), p.cost_at([1.5, 0.75]).to_bits());
    assert_eq!(values[0].to_bits(), p.cost_at([-0.5, 0.25]).to_bits());
    let err = |x: &[f64], y: &[f64], nx: f64, ny: f64| cost_grid(&p, x, y, nx, ny).unwrap_err().0;
    assert!(err(&[1.0, 1.0], &[0.0, 1.0], 4.0, 4.0).starts_with("x must be [low, high]"));
    assert!(err(&[0.0, 1.0], &[0.0, f64::NAN], 4.0, 4.0).starts_with("y must be"));
    assert!(err(&[0.0, 1.0], &[0.0], 4.0, 4.0).starts_with("y must be"));
    assert!(err(&[0.0, 1.0], &[0.0, 1.0], 0.0, 4.0)
        .starts_with("nx must be a whole number from 1 to 4096"));
    assert!(err(&[0.0, 1.0], &[0.0, 1.0], 4.0, 2.5).starts_with("ny must be"));
    assert!(err(&[0.0, 1.0], &[0.0, 1.0], 4.0, 5000.0).starts_with("ny must be"));
    let (xs, ys) = examples(10, Loss::Mse);
    let net = MlpProblem::new(&xs, &ys, 3).unwrap();
    let e = cost_grid(&net, &[0.0, 1.0], &[0.0, 1.0], 4.0, 4.0)
        .unwrap_err()
        .0;
    assert!(e.contains("this problem has 10"), "{e}");
}

#[cfg(feature = "web")]
mod page_bookkeeping {
    use super::*;
    use gradavg::canvas::grids::WorkerGrids;
    use gradavg::render::grid_source::GridSource;

    fn job(n: usize) -> GridJob {
        GridJob::over_frame(&problem(n, Loss::Mae), &frame(), 12)
    }

    /// Grids with a worker, after canvas 0 asked for `job(n)` at rest.
    fn asked_by_canvas_0(n: usize) -> WorkerGrids {
        let grids = WorkerGrids::default();
        grids.use_worker(true);
        grids.painting(0, true);
        assert_eq!(grids.grid(&job(n)), None);
        grids
    }

    #[test]
    fn without_a_worker_or_while_busy_every_grid_is_computed_at_once() {
        let grids = WorkerGrids::default();
        grids.painting(0, true);
        assert_eq!(grids.grid(&job(9)), Some(job(9).run()), "no worker");
        grids.use_worker(true);
        grids.painting(0, false);
        assert_eq!(grids.grid(&job(9)), Some(job(9).run()), "not at rest");
        assert!(grids.take_new().is_empty());
        assert!(!grids.waiting());
    }

    #[test]
    fn a_job_is_asked_once_waited_for_by_its_canvases_and_kept() {
        let grids = asked_by_canvas_0(9);
        grids.painting(4, true);
        assert_eq!(grids.grid(&job(9)), None, "the same job for another canvas");
        let new = grids.take_new();
        assert_eq!(new.len(), 1, "asked once");
        let id = new[0];
        let numbers = grids.job_numbers(id).unwrap();
        assert_eq!(numbers, job(9).encode());
        assert_eq!(grids.waiting_canvases(), vec![0, 4]);
        let values = job(9).run().values;
        assert!(
            grids.provide(id, values[1..].to_vec()).is_err(),
            "wrong size"
        );
        assert_eq!(grids.provide(id, values).unwrap(), vec![0, 4]);
        assert!(!grids.waiting());
        // Kept: painted again, the canvas gets it without asking.
        grids.painting(0, true);
        assert_eq!(grids.grid(&job(9)), Some(job(9).run()));
        assert!(grids.take_new().is_empty());
    }

    #[test]
    fn a_job_asked_again_while_on_its_way_is_not_asked_twice() {
        let grids = asked_by_canvas_0(9);
        let id = grids.take_new()[0];
        // A resize repaints the canvas: the same job, still on its way.
        grids.painting(0, true);
        assert_eq!(grids.grid(&job(9)), None);
        assert!(grids.take_new().is_empty());
        assert_eq!(grids.provide(id, job(9).run().values).unwrap(), vec![0]);
    }

    #[test]
    fn a_canvas_painted_again_no_longer_waits_for_its_old_job() {
        let grids = asked_by_canvas_0(9);
        let old = grids.take_new()[0];
        // New data: the canvas asks for another grid.
        grids.painting(0, true);
        assert_eq!(grids.grid(&job(10)), None);
        assert_eq!(grids.job_numbers(old), None, "the old job is skipped");
        assert_eq!(grids.asked(), 2);
        let new = grids.take_new();
        assert_eq!(new.len(), 1);
        let new = new[0];
        assert_eq!(grids.asked(), 1, "the old job and its examples are dropped");
        assert_eq!(grids.job_numbers(new), Some(job(10).encode()));
        // A late answer to the old one repaints nothing.
        assert_eq!(
            grids.provide(old, job(9).run().values).unwrap(),
            Vec::<usize>::new()
        );
        grids.forget_jobs();
        assert!(!grids.waiting());
        assert_eq!(
            grids.provide(new, job(10).run().values).unwrap(),
            Vec::<usize>::new()
        );
    }
}
