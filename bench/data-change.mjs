// A data change at rest as the page's own loop paints it: the longest
// main-thread task, the longest App.render call, and how long until every
// figure is final (body[data-painted]). Used by page.mjs; alone:
//   GRADAVG_URL=http://127.0.0.1:8000/ node bench/data-change.mjs
import { launch, open } from "../tests/e2e/helpers.mjs";

/** `count` new seeds one after another at `query`, each left to settle. */
export async function dataChanges(browser, query, count) {
  const { page, context } = await open(browser, query);
  const result = await page.evaluate(async (count) => {
    const app = window.gradavgApp;
    const render = app.render.bind(app);
    let renders = [];
    app.render = (...args) => {
      const t0 = performance.now();
      const r = render(...args);
      renders.push(performance.now() - t0);
      return r;
    };
    let tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: "longtask" });
    const painted = () => new Promise((resolve) => {
      const check = () => (document.body.dataset.painted === "true" ? resolve() : setTimeout(check, 2));
      requestAnimationFrame(() => requestAnimationFrame(check));
    });
    const runs = [];
    for (let k = 0; k < count; k++) {
      renders = [];
      tasks = [];
      const t0 = performance.now();
      // As the seed box does: set, then ask the page's loop for a frame.
      document.querySelector('[data-setting="seed"]').value = String(2000 + k);
      document.querySelector('[data-setting="seed"]').dispatchEvent(new Event("change", { bubbles: true }));
      await painted();
      const until = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 100)); // the observer reports after the task
      runs.push({ until, render: Math.max(...renders), renders: renders.length, longTasks: tasks.length, longest: Math.max(0, ...tasks) });
    }
    observer.disconnect();
    return runs;
  }, count);
  await context.close();
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await launch();
  for (const query of ["?n=10000&loss=mae", "?n=1000&loss=logistic&scene=training", "?n=10000&loss=huber&scene=surfaces"]) {
    const runs = await dataChanges(browser, query, 8);
    const med = (key) => { const s = runs.map((r) => r[key]).sort((a, b) => a - b); return s[s.length >> 1]; };
    console.log(query, `until painted ${med("until").toFixed(0)} ms, longest render ${med("render").toFixed(1)} ms,`,
      `longest task ${med("longest").toFixed(0)} ms, long tasks ${med("longTasks")} (medians of ${runs.length});`,
      runs.map((r) => `${r.render.toFixed(0)}/${r.longest.toFixed(0)}`).join(" "));
  }
  await browser.close();
}
