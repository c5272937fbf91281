// Hands the page's costly grids (C under MAE, Huber or the cross-entropy,
// summed example by example) to a web worker, one job at a time, and gives
// the values back to the App, which then paints the canvases that waited.
// A job no canvas waits for any more is skipped. Where no worker can run
// (the single-file copy, which has no file to start one from, or a worker
// that fails) the App computes every grid itself, as before.

/** Wires `app` to the worker, which starts with the first job (a page
 *  without costly surfaces never loads it); `repaint` asks the page for a
 *  frame. Returns the function to call after each App.render: it sends the
 *  new jobs. */
export function wireGridWorker(app, repaint) {
  if (window.gradavgWasm || typeof Worker === "undefined") return () => {};
  let worker = null;
  const queue = [];
  let busy = false;
  let failed = false;

  const giveUp = (why) => {
    if (failed) return;
    failed = true;
    console.warn(`costly surfaces are computed on the page from now on: ${why}`);
    if (worker) worker.terminate();
    queue.length = 0;
    app.useGridWorker(false);
    repaint();
  };
  const start = () => {
    worker = new Worker(new URL("./grid-worker.js", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }) => {
      busy = false;
      try {
        if (data.error) throw new Error(data.error);
        app.provideGrid(data.id, data.values);
      } catch (err) {
        return giveUp(err.message);
      }
      repaint();
      next();
    };
    worker.onerror = (e) => { e.preventDefault(); giveUp(e.message || "the worker did not start"); };
  };
  const next = () => {
    while (!busy && !failed && queue.length) {
      const id = queue.shift();
      const job = app.gridJob(id); // none when no canvas waits for it any more
      if (!job) continue;
      busy = true;
      worker.postMessage({ id, job }, [job.buffer]);
    }
  };
  app.useGridWorker(true);
  return () => {
    if (failed) return;
    queue.push(...app.gridJobs());
    if (!queue.length) return;
    try {
      if (!worker) start();
    } catch (err) {
      return giveUp(err.message);
    }
    next();
  };
}
