// Costly surfaces off the main thread (www/grids.js, www/grid-worker.js):
// the worker's grids paint the pixels the page would have painted itself,
// the page shows a coarse surface while it waits, and without a worker it
// computes every grid as before.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, open, settle, canvasPixels, heatmapPainted } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Counts the worker's answers from now on (main.js's App is the same object). */
const countAnswers = (page) => page.evaluate(() => {
  const app = window.gradavgApp;
  const provide = app.provideGrid.bind(app);
  window.answers = 0;
  app.provideGrid = (...args) => { window.answers++; return provide(...args); };
});

/** Every canvas painted again in one go, each grid computed on the page. */
const paintWholeHere = (page) => page.evaluate(() => {
  const app = window.gradavgApp;
  app.useGridWorker(false);
  app.resize();
  app.render(performance.now());
});

/** A fresh page at `query` once ready (not settled): its worker script
 *  answered by `route` if given, and `watch(page)` run before it loads. */
async function openWith(query, { route, watch } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (watch) watch(page);
  if (route) await context.route("**/www/grid-worker.js", route);
  await page.goto(BASE + query);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  return { page, context };
}

/** Two animation frames: the first paints are done. */
const twoFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

for (const [what, query] of [
  ["the cross-entropy in scene 3", "?n=1000&loss=logistic&scene=training"],
  ["Huber in scene 5 (C and the running mean)", "?n=2000&loss=huber&delta=0.5&scene=surfaces&k=700"],
  ["MAE in scene 2", "?n=3000&loss=mae&scene=estimator"],
]) {
  test(`${what}: the worker's grids paint the page's own pixels`, async () => {
    const { page, errors, context } = await open(browser, query);
    await countAnswers(page);
    await page.click("#new-data");
    await settle(page);
    assert.ok(await page.evaluate(() => window.answers) >= 1, "the worker computed the surface");
    assert.equal(await page.evaluate(() => window.gradavgApp.waitingForGrids()), false);
    const fromWorker = await canvasPixels(page);
    await paintWholeHere(page);
    assert.deepEqual(await canvasPixels(page), fromWorker);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("while the worker is held back the surface is coarse but drawn, and the page says it is not final", async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, context } = await openWith("?n=1000&loss=mae", { route: async (route) => { await held; await route.continue(); } });
  await twoFrames(page);
  assert.equal(await page.evaluate(() => window.gradavgApp.waitingForGrids()), true);
  assert.equal(await page.evaluate(() => document.body.dataset.painted), "false");
  assert.ok(await heatmapPainted(page, "param-surface"), "a coarse surface meanwhile, not a blank figure");
  const coarse = await canvasPixels(page);
  release();
  await settle(page);
  const fine = await canvasPixels(page);
  assert.notEqual(fine["param-surface"], coarse["param-surface"], "the fine grid replaced the coarse one");
  assert.equal(fine["param-arrows"], coarse["param-arrows"], "the arrows did not move");
  await paintWholeHere(page);
  assert.deepEqual(await canvasPixels(page), fine);
  await context.close();
});

test("painting whole (as for printing) does not wait for the worker", async () => {
  const never = () => new Promise(() => {}); // the worker's script never arrives
  const { page, context } = await openWith("?n=1000&loss=huber&scene=estimator", { route: never });
  await twoFrames(page);
  assert.equal(await page.evaluate(() => window.gradavgApp.waitingForGrids()), true);
  const whole = await page.evaluate(() => {
    const app = window.gradavgApp;
    app.render(performance.now());
    return !app.waitingForGrids() && !app.painting();
  });
  assert.ok(whole, "every canvas final after one whole paint");
  const printed = await canvasPixels(page);
  await paintWholeHere(page);
  assert.deepEqual(await canvasPixels(page), printed);
  await context.close();
});

test("a worker that cannot start leaves the page computing its grids itself", async () => {
  const warnings = [];
  const { page, context } = await openWith("?n=1000&loss=logistic&scene=training", {
    route: (route) => route.fulfill({ status: 404, body: "" }),
    watch: (page) => page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); }),
  });
  await settle(page);
  assert.equal(await page.evaluate(() => window.gradavgApp.waitingForGrids()), false);
  assert.ok(await heatmapPainted(page, "train-param-surface"));
  assert.ok(warnings.some((w) => w.includes("computed on the page")), warnings.join("\n"));
  const here = await canvasPixels(page);
  await paintWholeHere(page);
  assert.deepEqual(await canvasPixels(page), here);
  await context.close();
});

test("a view without costly surfaces never loads the worker; the first costly one does", async () => {
  const loaded = [];
  const { page, context } = await openWith("?n=1000", {
    watch: (page) => page.on("request", (r) => loaded.push(new URL(r.url()).pathname)),
  });
  await settle(page);
  assert.deepEqual(loaded.filter((p) => /grid-worker|gradavg(_bg)?\.(js|wasm)/.test(p)), [], "MSE: nothing for the worker");
  await page.selectOption("#ctl-loss", "mae");
  await settle(page);
  assert.ok(loaded.some((p) => p.endsWith("/www/grid-worker.js")), loaded.join(" "));
  assert.ok(loaded.some((p) => p.endsWith("/pkg/gradavg_bg.wasm")), "the worker runs the Problem API's module");
  await context.close();
});
