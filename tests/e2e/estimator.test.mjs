// Scene 2: the cloud of mini-batch estimates, the spread chart, sorted data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, settle, text, distinctColours, paintedPixels, canvasPixels, heatmapPainted } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const param = (page, key) => new URL(page.url()).searchParams.get(key);

test("the scene tab switches to scene 2, which paints its figures", async () => {
  const { page, errors, context } = await open(browser);
  await page.click('.scene-tab[data-scene="estimator"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get("scene") === "estimator");
  await settle(page);
  assert.equal(await page.locator("#scene-one-point").isHidden(), true);
  assert.equal(await page.locator("#scene-estimator").isVisible(), true);
  assert.equal(await page.locator('.scene-tab[data-scene="estimator"]').getAttribute("aria-current"), "page");
  assert.ok(await distinctColours(page, "est-param-surface") > 20);
  assert.ok(await heatmapPainted(page, "est-param-surface"), "the heatmap of C is missing");
  assert.ok(await distinctColours(page, "est-spread") > 5, "the spread chart is painted");
  assert.equal(await text(page, "est-readout-draws"), "0");
  assert.deepEqual(errors, []);
  await context.close();
});

test("drawing 1,000 batches makes a cloud, and its link reproduces it exactly", async () => {
  const { page, errors, context } = await open(browser, "?scene=estimator&n=200&b=16");
  const before = await paintedPixels(page, "est-param-arrows");
  await page.click("#draw-1000");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("draws") === "1000");
  await settle(page);
  assert.equal(await text(page, "est-readout-draws"), "1000");
  assert.match(await text(page, "est-readout-bias"), /^\(.+ ± .+, .+ ± .+\)$/);
  // The verdict is a test on random draws: either outcome is worded as a test result.
  assert.match(await text(page, "est-caption-param"),
    /∇C lies (inside mean ± 2 standard errors in both coordinates .*consistent with no bias|\S+ standard errors from the mean)/);
  assert.ok(await paintedPixels(page, "est-param-arrows") > before + 500, "the cloud adds painted pixels");
  const first = await canvasPixels(page);
  const again = await open(browser, new URL(page.url()).search);
  const second = await canvasPixels(again.page);
  for (const id of ["est-param-surface", "est-param-arrows", "est-data-line", "est-spread"]) {
    assert.ok(first[id] === second[id], `canvas ${id} differs after reopening the link`);
  }
  assert.equal(await text(again.page, "est-readout-mean"), await text(page, "est-readout-mean"));
  assert.deepEqual(errors, []);
  await context.close();
  await again.context.close();
});

test("moving θ or the batch size clears the cloud", async () => {
  const { page, context } = await open(browser, "?scene=estimator&n=200&b=16&draws=100");
  assert.equal(await text(page, "est-readout-draws"), "100");
  await page.locator("#est-param-plot").focus();
  await page.keyboard.press("ArrowUp");
  await settle(page);
  assert.equal(await text(page, "est-readout-draws"), "0");
  await page.click("#draw-100");
  await settle(page);
  assert.equal(await text(page, "est-readout-draws"), "100");
  await page.locator("#ctl-batch").fill("0.2");
  await settle(page);
  assert.equal(await text(page, "est-readout-draws"), "0");
  assert.equal(param(page, "b"), String(Math.round(200 ** 0.2)));
  await context.close();
});

test("sequential batches over sorted data: clusters, and an exact full pass", async () => {
  const { page, errors, context } = await open(browser, "?scene=estimator&n=1000&b=32&order=sorted-x&mode=sequential&draws=1000");
  assert.match(await text(page, "est-caption-param"), /the same 125 batches come round every pass.*one per position in the pass/);
  assert.match(await text(page, "est-pass"), /^One sequential pass is 125 batches of B = 32.*Every one is biased.*the gap is 0 \(to rounding\)\.$/);
  assert.match(await text(page, "est-readout-bias"), /no standard error, since sequential batches are not a random sample/);
  assert.match(await text(page, "est-readout-theory"), /sequential batches are not random/);
  assert.match(await text(page, "est-caption-data"), /stored sorted by x/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("scene 2 fits a 390 px phone", async () => {
  const { page, errors, context } = await open(browser, "?scene=estimator&draws=100", { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  assert.ok(await distinctColours(page, "est-spread") > 5);
  assert.ok(await paintedPixels(page, "est-param-arrows") > 300);
  assert.deepEqual(errors, []);
  await context.close();
});
