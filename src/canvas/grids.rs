//! Costly surfaces off the main thread. At rest the page hands each grid
//! of C that costs a pass over the data per point (MAE, Huber, the
//! cross-entropy) to a web worker (`www/grid-worker.js`, which runs it with
//! the `Problem` API's `costGrid`) and paints a coarser grid meanwhile;
//! when the values come back the canvas that asked is painted again. Jobs
//! are matched by what they compute, so a grid that is ready is never
//! asked for twice, and a job no canvas waits for any more is not run.

use crate::core::grid_job::GridJob;
use crate::core::surface::SurfaceGrid;
use crate::render::grid_source::GridSource;
use std::cell::{Cell, RefCell};

/// Grids kept once computed: enough for every costly canvas of a scene
/// and a step back (a window zoomed out again, k moved back).
const KEPT: usize = 8;

/// The page's [`GridSource`]: jobs for the worker, and the grids it sent back.
#[derive(Default)]
pub struct WorkerGrids {
    /// A worker is running (main.js said so); without one, jobs run here.
    worker: Cell<bool>,
    /// Whether the paint under way may wait for the worker (at rest).
    offload: Cell<bool>,
    /// The canvas being painted: the one a job asked now is for.
    canvas: Cell<usize>,
    jobs: RefCell<Jobs>,
}

#[derive(Default)]
struct Jobs {
    /// Grids the worker computed, the newest last.
    ready: Vec<(GridJob, SurfaceGrid)>,
    /// Jobs asked and not yet answered, by id.
    asked: Vec<(u32, GridJob)>,
    /// Ids of asked jobs main.js has not taken yet.
    new: Vec<u32>,
    /// (canvas, job id): the canvases painted with a coarse grid meanwhile.
    awaited: Vec<(usize, u32)>,
    next_id: u32,
}

impl GridSource for WorkerGrids {
    fn grid(&self, job: &GridJob) -> Option<SurfaceGrid> {
        if !(self.worker.get() && self.offload.get()) {
            return Some(job.run());
        }
        let mut jobs = self.jobs.borrow_mut();
        if let Some((_, grid)) = jobs.ready.iter().find(|(j, _)| j == job) {
            return Some(grid.clone());
        }
        let id = match jobs.asked.iter().find(|(_, j)| j == job) {
            Some(&(id, _)) => id,
            None => {
                let id = jobs.next_id;
                jobs.next_id = id.wrapping_add(1);
                jobs.asked.push((id, job.clone()));
                jobs.new.push(id);
                id
            }
        };
        jobs.awaited.push((self.canvas.get(), id));
        None
    }
}

impl WorkerGrids {
    /// Whether a worker runs the jobs from now on.
    pub fn use_worker(&self, on: bool) {
        self.worker.set(on);
    }

    /// Canvas `index` is painted next, and `offload` says whether it may
    /// wait for the worker: what it waited for before no longer counts.
    pub fn painting(&self, index: usize, offload: bool) {
        self.canvas.set(index);
        self.offload.set(offload);
        self.jobs.borrow_mut().awaited.retain(|&(c, _)| c != index);
    }

    /// The canvases painted with a coarse grid that still wait for a fine one.
    pub fn waiting_canvases(&self) -> Vec<usize> {
        self.jobs.borrow().awaited.iter().map(|&(c, _)| c).collect()
    }

    /// Whether any canvas waits for the worker.
    pub fn waiting(&self) -> bool {
        !self.jobs.borrow().awaited.is_empty()
    }

    /// Forgets every job and canvas (another scene's canvases come next);
    /// the grids already computed stay.
    pub fn forget_jobs(&self) {
        let mut jobs = self.jobs.borrow_mut();
        jobs.asked.clear();
        jobs.new.clear();
        jobs.awaited.clear();
    }

    /// The ids of the jobs asked since the last call (after each render).
    /// Jobs no canvas waits for any more are dropped first, with the
    /// examples they hold: a late answer to one repaints nothing.
    pub fn take_new(&self) -> Vec<u32> {
        let mut jobs = self.jobs.borrow_mut();
        let Jobs {
            asked,
            awaited,
            new,
            ..
        } = &mut *jobs;
        asked.retain(|(id, _)| awaited.iter().any(|&(_, i)| i == *id));
        let mut fresh = std::mem::take(new);
        fresh.retain(|id| asked.iter().any(|(i, _)| i == id));
        fresh
    }

    /// How many jobs are asked and not answered (for the tests).
    pub fn asked(&self) -> usize {
        self.jobs.borrow().asked.len()
    }

    /// The numbers of job `id` for the worker, while a canvas waits for
    /// it (else the worker skips it).
    pub fn job_numbers(&self, id: u32) -> Option<Vec<f64>> {
        if !self.awaits(id) {
            return None;
        }
        let jobs = self.jobs.borrow();
        let (_, job) = jobs.asked.iter().find(|(i, _)| *i == id)?;
        Some(job.encode())
    }

    /// Whether a canvas still waits for job `id`.
    pub fn awaits(&self, id: u32) -> bool {
        self.jobs.borrow().awaited.iter().any(|&(_, i)| i == id)
    }

    /// The worker's `values` for job `id`: kept, and the canvases that
    /// waited for them returned, to be painted again. Values of the wrong
    /// length for their job are an error (the canvases keep their coarse
    /// grid and say nothing new).
    pub fn provide(&self, id: u32, values: Vec<f64>) -> Result<Vec<usize>, &'static str> {
        let mut jobs = self.jobs.borrow_mut();
        let Some(at) = jobs.asked.iter().position(|(i, _)| *i == id) else {
            return Ok(Vec::new()); // a job forgotten since (another scene)
        };
        let grid = jobs.asked[at]
            .1
            .grid_of(values)
            .ok_or("the worker's grid does not fit its job")?;
        let (_, job) = jobs.asked.remove(at);
        if jobs.ready.len() == KEPT {
            jobs.ready.remove(0);
        }
        jobs.ready.push((job, grid));
        let canvases = jobs
            .awaited
            .iter()
            .filter(|&&(_, i)| i == id)
            .map(|&(c, _)| c)
            .collect();
        jobs.awaited.retain(|&(_, i)| i != id);
        Ok(canvases)
    }
}
