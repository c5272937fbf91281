// Scene 5: every example's own surface, and their running mean becoming C.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, settle, text, paintedPixels, heatmapPainted, pagePoint } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("Add them up runs k from 1 to N and the gap to C reaches 0 (to rounding)", async () => {
  const { page, errors, context } = await open(browser, "?scene=surfaces&n=8&k=2");
  assert.ok(await heatmapPainted(page, "surf-param-surface"));
  assert.ok(await paintedPixels(page, "surf-panels") > 20000, "the panels' surfaces");
  assert.ok(await paintedPixels(page, "surf-panels-marks") > 100, "θ and an arrow in every panel");
  assert.match(await text(page, "surf-readout-k"), /^2 of 8$/);
  assert.doesNotMatch(await text(page, "surf-readout-gap"), /to rounding/);
  assert.match(await text(page, "surf-caption-param"), /first 2 of the 8 surfaces.*Its lowest point is θ = .*differs from C by up to/);
  await page.click("#surf-add");
  await page.waitForFunction(() => document.getElementById("surf-add").textContent === "Stop");
  const seen = new Set();
  for (let i = 0; i < 60 && !seen.has("8 of 8"); i++) {
    seen.add(await text(page, "surf-readout-k"));
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(() => document.getElementById("surf-add").textContent === "Add them up");
  await settle(page);
  assert.ok(seen.size >= 4, `k passes through several values: ${[...seen]}`);
  assert.match(await text(page, "surf-readout-k"), /^8 of 8$/);
  assert.equal(await text(page, "surf-readout-gap"), "0 (to rounding)");
  assert.match(await text(page, "surf-caption-param"), /the mean is C itself/);
  assert.doesNotMatch(await page.evaluate(() => location.search), /[?&]k=/, "k = N is left out of the link");
  // The text twin: at k = N the mean of the first k is C, cell for cell.
  await page.click('[data-scene="surfaces"] .twin summary');
  await page.waitForFunction(() => document.getElementById("twin-surfaces").tFoot !== null);
  const foot = await page.evaluate(() => [...document.getElementById("twin-surfaces").tFoot.rows].map((r) => [...r.cells].map((c) => c.textContent)));
  assert.equal(foot[0][0], "mean of the first 8");
  assert.equal(foot[1][0], "C: mean of all 8");
  assert.deepEqual(foot[0].slice(1), foot[1].slice(1));
  assert.equal(await page.evaluate(() => document.getElementById("twin-surfaces").tBodies[0].rows.length), 8);
  assert.deepEqual(errors, []);
  await context.close();
});

test("reduced motion: Add them up goes to k = N at once", async () => {
  const { page, errors, context } = await open(browser, "?scene=surfaces&n=8&k=1");
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.click("#surf-add");
  await settle(page);
  assert.match(await text(page, "surf-readout-k"), /^8 of 8$/);
  assert.equal(await text(page, "surf-add"), "Add them up");
  assert.deepEqual(errors, []);
  await context.close();
});

test("switching the loss changes the arrows and the caption; a picked example gets a panel", async () => {
  const { page, errors, context } = await open(browser, "?scene=surfaces&n=12&theta=0,0");
  const arrows = () => page.evaluate(() => document.getElementById("surf-panels-marks").toDataURL());
  const mse = await arrows();
  assert.match(await text(page, "surf-caption-panels"), /Under the squared error/);
  await page.selectOption("#surf-loss", "mae");
  await page.waitForFunction(() => location.search.includes("loss=mae"));
  await settle(page);
  assert.notEqual(await arrows(), mse, "MAE arrows differ from MSE ones");
  assert.match(await text(page, "surf-caption-panels"), /same length wherever θ is/);
  assert.equal(await page.locator("#surf-delta").isVisible(), false);
  await page.selectOption("#surf-loss", "huber");
  await settle(page);
  assert.equal(await page.locator("#surf-delta").isVisible(), true);
  assert.equal(await page.inputValue("#surf-delta"), "1", "δ's box shows the δ in use");
  assert.match(await text(page, "surf-caption-panels"), /Huber with δ = 1/);

  assert.equal(await page.locator("#surf-panel").isDisabled(), true, "nothing picked yet");
  await page.locator("#surf-data-plot").scrollIntoViewIfNeeded();
  const where = await pagePoint(page, "surf-data-plot", await page.evaluate(() => window.gradavgApp.examplePosition("data", 9)));
  await page.mouse.click(where[0], where[1]);
  await settle(page);
  assert.equal(await text(page, "surf-panel"), "Give example 10 a panel");
  await page.click("#surf-panel");
  await page.waitForFunction(() => location.search.includes("panels=9,0,1,2"));
  await settle(page);
  assert.equal(await text(page, "surf-panel"), "Take example 10's panel away");
  assert.match(await text(page, "surf-caption-data"), /examples 10, 1, 2 and 3, have the panels/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an outlier dominates the pull under MSE and is capped under MAE and Huber; undo takes it back", async () => {
  const { page, errors, context } = await open(browser, "?scene=surfaces&n=12&theta=1.4,0.5&sel=3");
  const share = async () => Number((await text(page, "surf-pull")).match(/carries ([\d.]+)%/)[1]);
  const before = await share();
  assert.match(await text(page, "surf-outlier"), /^Make example 4 an outlier$/);
  await page.click("#surf-outlier");
  await page.waitForFunction(() => location.search.includes("data="));
  await settle(page);
  const mse = await share();
  assert.ok(mse > 50 && mse > 2 * before, `under MSE example 4 pulls ${before}% → ${mse}%`);
  await page.selectOption("#surf-loss", "mae");
  await settle(page);
  const mae = await share();
  assert.ok(mae < 100 / 12 * 1.5, `under MAE its pull is no more than its |(x, 1)| share: ${mae}%`);
  await page.selectOption("#surf-loss", "huber");
  await settle(page);
  const huber = await share();
  assert.ok(huber < mse / 2 && huber > mae, `Huber caps it between: ${mae}% < ${huber}% < ${mse}%`);
  await page.click("#data-undo");
  await page.waitForFunction(() => !location.search.includes("data="));
  assert.deepEqual(errors, []);
  await context.close();
});
