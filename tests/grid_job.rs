//! Costly surfaces as jobs for a worker: the numbers that cross to it and
//! back, the grid it computes (the same bits as the page's own), and the
//! page's bookkeeping of what it asked and what it waits for.

use gradavg::core::data::{DataRecipe, Dataset};
use gradavg::core::geometry::PlotFrame;
use gradavg::core::grid_job::GridJob;
use gradavg::core::models::linear::LinearProblem;
use gradavg::core::models::loss::Loss;
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

#[test]
fn a_job_computes_the_grid_the_page_samples_to_the_bit() {
    for loss in LOSSES {
        let p = problem(300, loss);
        let job = GridJob::over_frame(&p, &frame(), 40);
        let page = SurfaceGrid::over_frame(&|t| p.cost_at(t), &frame(), 40);
        let worker = GridJob::decode(&job.encode()).unwrap().run();
        assert_eq!((worker.nx, worker.ny), (40, 25), "{loss:?}: square cells");
        assert_eq!(worker, page, "{loss:?}");
        let bits = |g: &SurfaceGrid| g.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&worker), bits(&page), "{loss:?}");
    }
}

#[test]
fn a_job_round_trips_through_its_numbers() {
    for loss in LOSSES {
        let job = GridJob::over_frame(&problem(17, loss), &frame(), 12);
        let numbers = job.encode();
        assert_eq!(numbers.len(), 9 + 2 * 17);
        assert_eq!(GridJob::decode(&numbers).unwrap(), job, "{loss:?}");
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
fn numbers_no_encoding_writes_are_refused_with_the_reason() {
    let good = GridJob::over_frame(&problem(4, Loss::Huber { delta: 1.0 }), &frame(), 12).encode();
    let with = |at: usize, v: f64| {
        let mut n = good.clone();
        n[at] = v;
        GridJob::decode(&n).unwrap_err()
    };
    assert!(GridJob::decode(&good[..5])
        .unwrap_err()
        .contains("9 numbers"));
    assert!(with(0, 7.0).contains("loss code"));
    assert!(with(1, 0.0).contains("delta"));
    assert!(with(1, f64::NAN).contains("delta"));
    assert!(with(2, f64::INFINITY).contains("rectangle"));
    assert!(with(3, good[2]).contains("rectangle"));
    assert!(with(6, 2.5).contains("nx"));
    assert!(with(7, -1.0).contains("ny"));
    assert!(with(6, 0.0).contains("no cells"));
    assert!(with(8, 5.0).contains("N = 5"));
    assert!(GridJob::decode(&good[..good.len() - 1])
        .unwrap_err()
        .contains("carries"));
    assert!(!with(9, f64::NAN).is_empty(), "a NaN example");
    // The cross-entropy's labels are 0 or 1.
    let mut logistic = GridJob::over_frame(&problem(4, Loss::Logistic), &frame(), 12).encode();
    logistic[9 + 4] = 0.5;
    assert!(GridJob::decode(&logistic).is_err());
}

#[cfg(feature = "web")]
mod page_bookkeeping {
    use super::*;
    use gradavg::canvas::grids::WorkerGrids;
    use gradavg::render::grid_source::GridSource;

    fn job(n: usize) -> GridJob {
        GridJob::over_frame(&problem(n, Loss::Mae), &frame(), 12)
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
        let grids = WorkerGrids::default();
        grids.use_worker(true);
        grids.painting(0, true);
        assert_eq!(grids.grid(&job(9)), None);
        grids.painting(4, true);
        assert_eq!(grids.grid(&job(9)), None, "the same job for another canvas");
        let new = grids.take_new();
        assert_eq!(new.len(), 1, "asked once");
        let (id, numbers) = &new[0];
        assert_eq!(numbers, &job(9).encode());
        assert!(grids.awaits(*id));
        assert_eq!(grids.waiting_canvases(), vec![0, 4]);
        let values = GridJob::decode(numbers).unwrap().run().values;
        assert!(
            grids.provide(*id, values[1..].to_vec()).is_err(),
            "wrong size"
        );
        assert_eq!(grids.provide(*id, values).unwrap(), vec![0, 4]);
        assert!(!grids.waiting());
        // Kept: painted again, the canvas gets it without asking.
        grids.painting(0, true);
        assert_eq!(grids.grid(&job(9)), Some(job(9).run()));
        assert!(grids.take_new().is_empty());
    }

    #[test]
    fn a_canvas_painted_again_no_longer_waits_for_its_old_job() {
        let grids = WorkerGrids::default();
        grids.use_worker(true);
        grids.painting(0, true);
        assert_eq!(grids.grid(&job(9)), None);
        let old = grids.take_new()[0].0;
        // New data: the canvas asks for another grid.
        grids.painting(0, true);
        assert_eq!(grids.grid(&job(10)), None);
        assert!(!grids.awaits(old), "the old job may be skipped");
        let new = grids.take_new()[0].0;
        assert!(grids.awaits(new));
        // The old one still answered is kept, and repaints nothing.
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
