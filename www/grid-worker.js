// The worker that samples costly surfaces for the page (see grids.js): it
// loads the page's own wasm and runs each grid job with the same code the
// page would, so the values are the same bits. No math here either.
import init, { gridValues } from "../pkg/page.js";

const ready = init();

self.onmessage = async ({ data }) => {
  await ready;
  try {
    const values = gridValues(data.job);
    self.postMessage({ id: data.id, values }, [values.buffer]);
  } catch (err) {
    self.postMessage({ id: data.id, error: String(err && err.message || err) });
  }
};
