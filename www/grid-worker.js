// The worker that samples costly surfaces for the page (see grids.js). It
// runs each grid job with the Problem API's costGrid: the same Rust as the
// page's, summing in the same order, so the values are the page's own bits.
// No math here: it unpacks the job's numbers, laid out by GridJob::encode
// (src/core/grid_job.rs): [loss, δ, x₀, x₁, y₀, y₁, nx, ny, N, xs…, ys…].
import init, { Problem } from "../pkg/gradavg.js";

const LOSSES = ["mse", "mae", "huber"];
const HEAD = 9;
const ready = init();

function problemOf(job) {
  const [code, delta, , , , , , , n] = job;
  const xs = job.subarray(HEAD, HEAD + n);
  const ys = job.subarray(HEAD + n, HEAD + 2 * n);
  if (code === 3) return Problem.logistic(xs, ys);
  return Problem.linear(xs, ys, code === 2 ? { loss: "huber", delta } : { loss: LOSSES[code] });
}

self.onmessage = async ({ data: { id, job } }) => {
  try {
    await ready;
    const [, , x0, x1, y0, y1, nx, ny] = job;
    const problem = problemOf(job);
    let values;
    try {
      values = problem.costGrid([x0, x1], [y0, y1], nx, ny);
    } finally {
      problem.free();
    }
    self.postMessage({ id, values }, [values.buffer]);
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message || err) });
  }
};
