// Logistic regression in scenes 1–3 (and 5): labels 0/1, the curve p(x) and
// the errors on the data figure, the identity under the cross-entropy, the
// iris dataset, x,label pastes, edits that snap to labels, and a loss that
// cannot apply to numbers refused with the reason.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, settle, text, canvasPixels } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const param = (page, key) => new URL(page.url()).searchParams.get(key);
const csvRows = (page) => page.evaluate(() => window.gradavgApp.csv().trim().split("\n"));

test("scene 1 under the cross-entropy: labels, the curve and its errors, and the identity", async () => {
  const { page, errors, context } = await open(browser, "?n=20&theta=2,0.5");
  const before = await canvasPixels(page);
  await page.selectOption("#ctl-loss", "logistic");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("loss") === "logistic");
  await settle(page);
  const after = await canvasPixels(page);
  assert.notEqual(after["param-arrows"], before["param-arrows"], "the arrows change");
  assert.notEqual(after["data-points"], before["data-points"], "the data become labels");
  const rows = await csvRows(page);
  assert.equal(rows[0], "x,label");
  assert.ok(rows.slice(1).every((r) => /,(0|1)$/.test(r)), rows.join(" "));
  assert.match(await text(page, "caption-data"), /p\(x\) = σ\(2\.00·x \+ 0\.500\).*errors pᵢ − yᵢ/);
  assert.match(await text(page, "caption-param"), /under the cross-entropy.*The lowest point, C = /);
  assert.equal(await text(page, "readout-gap"), "0 (to rounding)");
  // Without noise a threshold splits the labels: no lowest point, and it says so.
  await page.fill("#ctl-noise", "0");
  await page.dispatchEvent("#ctl-noise", "input");
  await page.dispatchEvent("#ctl-noise", "change");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("noise") === "0");
  await settle(page);
  assert.match(await text(page, "caption-param"), /C has no lowest point/);
  // A link reproduces the same pixels.
  const again = await open(browser, new URL(page.url()).search);
  assert.deepEqual(await canvasPixels(again.page), await canvasPixels(page));
  assert.deepEqual([...errors, ...again.errors], []);
  await again.context.close();
  await context.close();
});

test("the iris dataset switches to the cross-entropy; scenes 2, 3 and 5 follow", async () => {
  const { page, errors, context } = await open(browser, "?scene=estimator");
  await page.selectOption("#dataset", "iris");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("loss") === "logistic");
  assert.match(await page.locator("#csv-status").textContent(), /Anderson.*now the cross-entropy/);
  assert.equal(param(page, "n"), "100");
  await page.click("#draw-100");
  await settle(page);
  assert.match(await text(page, "est-readout-bias"), /^\(.+ ± .+, .+ ± .+\)$/);
  // A test on random draws: either outcome is worded as a test result.
  assert.match(await text(page, "est-caption-param"),
    /∇C lies (inside mean ± 2 standard errors in both coordinates .*consistent with no bias|\S+ standard errors from the mean)/);
  await page.click('.scene-tab[data-scene="training"]');
  await settle(page);
  assert.match(await text(page, "train-stability"), /cross-entropy.*safe, not tight/);
  assert.match(await page.locator("#scene-training").textContent(), /curves p\(x\) = σ\(θ₀x \+ θ₁\)/);
  await page.click("#train-play");
  await page.waitForTimeout(500);
  await page.click("#train-play");
  assert.match(await text(page, "train-caption-loss"), /epoch/);
  await page.click('.scene-tab[data-scene="surfaces"]');
  await settle(page);
  assert.match(await page.locator("#scene-surfaces").textContent(), /a ramp/);
  assert.match(await page.locator("#scene-surfaces").textContent(), /pᵢ = ½/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("x,label pastes: a bad label is named by its line and nothing changes; edits snap to 0 or 1", async () => {
  const { page, errors, context } = await open(browser, "?n=12");
  const link = page.url();
  await page.click(".csv-box summary");
  await page.fill("#csv-text", "x,label\n1,0\n2,0\n3,1\n4,0\n5,1\n6,2\n7,1\n");
  await page.click("#csv-use");
  await settle(page);
  assert.match(await page.locator("#csv-errors").textContent(), /line 7: the label “2” must be 0 or 1/);
  assert.equal(page.url(), link, "nothing changed");
  await page.fill("#csv-text", "x,label\n1,0\n2,0\n3,1\n4,0\n5,1\n6,1\n7,1\n");
  await page.click("#csv-use");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("loss") === "logistic");
  assert.match(await page.locator("#csv-status").textContent(), /7 examples\. The second column holds labels/);
  // A click high on the data figure adds a label 1; low, a label 0.
  await page.locator("#data-plot").scrollIntoViewIfNeeded();
  const box = await page.locator("#data-plot").boundingBox();
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.3);
  await page.waitForFunction(() => new URL(location.href).searchParams.get("n") === "8");
  await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.62);
  await page.waitForFunction(() => new URL(location.href).searchParams.get("n") === "9");
  const rows = await csvRows(page);
  assert.match(rows[8], /,1$/, rows.join(" "));
  assert.match(rows[9], /,0$/, rows.join(" "));
  // Numbers that are not labels refuse the cross-entropy, and say why.
  await page.fill("#csv-text", "x,y\n1,2.5\n2,3\n");
  await page.click("#csv-use");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("loss") === null);
  assert.match(await page.locator("#csv-status").textContent(), /now the squared error/);
  await page.selectOption("#ctl-loss", "logistic");
  await settle(page);
  assert.equal(param(page, "loss"), null, "the loss stays the squared error");
  assert.match(await page.locator("body").textContent(), /example 1's y is 2\.5/);
  assert.deepEqual(errors, []);
  await context.close();
});
