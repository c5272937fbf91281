// The loss menu of the shared panel: scenes 1, 2 and 3 follow it, scene 4
// keeps the squared error and says so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, settle, text, canvasPixels } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("scene 1 under MAE and Huber: new arrows, the identity still holds, every text names the loss", async () => {
  const { page, errors, context } = await open(browser, "?n=20&sel=2");
  const before = await canvasPixels(page);
  assert.equal(await page.locator(".loss-aside").isVisible(), false, "no aside under MSE");
  await page.selectOption("#ctl-loss", "mae");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("loss") === "mae");
  await settle(page);
  const after = await canvasPixels(page);
  assert.notEqual(after["param-arrows"], before["param-arrows"], "the arrows change");
  assert.notEqual(after["param-surface"], before["param-surface"], "the surface changes");
  assert.equal(await text(page, "readout-gap"), "0 (to rounding)");
  assert.match(await text(page, "caption-param"), /under the absolute error.*measured from C by central differences/);
  assert.match(await page.locator('[data-slot="label-grad"]').first().textContent(), /central differences/);
  assert.match(await text(page, "caption-data"), /mean of their lengths \|rᵢ\|/);
  assert.ok(await page.locator(".loss-aside").isVisible());
  assert.equal(await page.locator("#ctl-delta").isVisible(), false, "δ only for Huber");
  await page.selectOption("#ctl-loss", "huber");
  await page.fill("#ctl-delta", "0.4");
  await page.press("#ctl-delta", "Enter");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("delta") === "0.4");
  await settle(page);
  assert.match(await text(page, "caption-param"), /under the Huber loss with δ = 0\.400/);
  assert.equal(await text(page, "readout-gap"), "0 (to rounding)");
  // The link carries the loss: reopened, it paints the same pixels.
  const url = new URL(page.url());
  const again = await open(browser, url.search);
  assert.deepEqual(await canvasPixels(again.page), await canvasPixels(page));
  assert.deepEqual([...errors, ...again.errors], []);
  await again.context.close();
  await context.close();
});

test("scenes 2 and 3 follow the loss, scene 4 keeps the squared error", async () => {
  const { page, errors, context } = await open(browser, "?scene=training&loss=mae&n=40");
  assert.match(await text(page, "train-stability"), /under the absolute error every arrow has the same length/);
  await page.click("#train-play");
  await page.waitForTimeout(600);
  await page.click("#train-play");
  assert.match(await text(page, "train-caption-loss"), /epoch/);
  await page.click('.scene-tab[data-scene="estimator"]');
  await settle(page);
  await page.click("#draw-100");
  await settle(page);
  assert.match(page.url(), /loss=mae/);
  await page.click('.scene-tab[data-scene="average-first"]');
  await settle(page);
  assert.equal(await page.locator("#ctl-loss").isDisabled(), true, "the menu does not apply to scene 4");
  assert.match(await page.locator("#loss-note").textContent(), /scene 4 is about the squared error/);
  assert.match(await page.locator("#scene-average-first").textContent(), /squared/);
  await page.click('.scene-tab[data-scene="one-point"]');
  await settle(page);
  assert.equal(await page.locator("#ctl-loss").isDisabled(), false);
  assert.match(await text(page, "caption-param"), /under the absolute error/);
  assert.deepEqual(errors, []);
  await context.close();
});
