// Scene 4: the parts of "you can't average first".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, settle, text, paintedPixels, canvasPixels, heatmapPainted } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("averaged inputs: the intercept parts agree, the slope parts do not, and the valley view explains why", async () => {
  const { page, errors, context } = await open(browser, "?scene=average-first&n=30");
  assert.ok(await heatmapPainted(page, "avg-param-surface"));
  assert.ok(await paintedPixels(page, "avg-param-arrows") > 300);
  const truth = (await text(page, "avg-readout-true")).match(/\((.+), (.+)\)/);
  const other = (await text(page, "avg-readout-other")).match(/\((.+), (.+)\)/);
  assert.equal(truth[2], other[2], "the intercept parts are equal");
  assert.notEqual(truth[1], other[1], "the slope parts differ");
  assert.match(await text(page, "avg-caption-param"), /differ by −2\(cov\(x, y\) − θ₀·var\(x\)\) = .+ which is zero only on the dashed line/);
  await page.click("#ctl-valley");
  await page.waitForFunction(() => location.search.includes("surface=mean-error-squared"));
  await settle(page);
  assert.match(await text(page, "avg-caption-param"), /stops where it first meets that valley, at θ = /);
  assert.equal(await page.locator('[data-shown-if="valley"]').first().isVisible(), true);
  assert.match(await text(page, "avg-caption-param"), /the real cost \(dashed contours\) is C = /);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the linear cost: the same gradient everywhere, averaging first exact, no minimum", async () => {
  const { page, errors, context } = await open(browser, "?scene=average-first&n=30");
  await page.click('[data-value="linear-cost"]');
  await page.waitForFunction(() => location.search.includes("part=linear-cost"));
  await settle(page);
  // The mean of the per-example ∇Jᵢ against the gradient at the averaged example: two computations.
  assert.match(await text(page, "avg-readout-gap"), /^0 \(to rounding\)$/);
  assert.match(await text(page, "avg-label-true"), /mean of the per-example ∇Jᵢ/);
  assert.match(await text(page, "avg-caption-param"), /J has no minimum/);
  // Moving θ leaves the gradient as it was.
  const before = await text(page, "avg-readout-true");
  await page.locator("#avg-param-plot").focus();
  await page.keyboard.press("Shift+ArrowUp");
  await page.keyboard.press("Shift+ArrowRight");
  await settle(page);
  assert.equal(await text(page, "avg-readout-true"), before);
  assert.equal(await page.locator("#ctl-valley").isDisabled(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the maximum cost: its gradient is one example's, and a link reproduces the view", async () => {
  const { page, errors, context } = await open(browser, "?scene=average-first&n=30&part=max-cost&theta=0.5,0.5");
  assert.match(await text(page, "avg-caption-param"), /the gradient of the worst example alone, example \d+ with loss/);
  assert.match(await text(page, "avg-caption-data"), /the worst-fitted one, example \d+, is highlighted/);
  assert.doesNotMatch(await text(page, "avg-readout-gap"), /to rounding/);
  const first = await canvasPixels(page);
  const again = await open(browser, new URL(page.url()).search);
  const second = await canvasPixels(again.page);
  for (const id of ["avg-param-surface", "avg-param-arrows", "avg-data-line"]) assert.ok(first[id] === second[id], `${id} differs`);
  assert.deepEqual(errors, []);
  await context.close();
  await again.context.close();
});

test("the tiny network: only the output bias survives averaging first, on a slice the student picks", async () => {
  const { page, errors, context } = await open(browser, "?scene=average-first&part=network&n=80");
  assert.ok(await heatmapPainted(page, "avg-param-surface"));
  assert.equal(await text(page, "net-b2"), "exact (to rounding)");
  for (const id of ["net-w2", "net-b1", "net-w1"]) assert.match(await text(page, id), /^off by [\d.]+% of its length$/);
  assert.match(await text(page, "net-b1-why"), /With linear hidden units .* it is exact \(to rounding\)\.$/);
  assert.match(await text(page, "avg-mean-loss"), /loss\.mean\(\)\.backward\(\) does, differs from the true gradient by 0 \(to rounding\)/);
  assert.match(await text(page, "avg-readout-gap"), /^all 13 parameters: angle [\d.]+°, length ratio [\d.]+$/);
  assert.match(await text(page, "avg-caption-param"), /slice through w₂\[1\] and b₂/);
  // Pick other parameters for the slice: the caption and the axes follow.
  await page.selectOption("#ctl-slice-a", { label: "w₁[2]" });
  await page.waitForFunction(() => location.search.includes("slice=1,12"));
  await settle(page);
  assert.match(await text(page, "avg-caption-param"), /slice through w₁\[2\] and b₂/);
  // Dragging moves the two sliced parameters, kept in the URL.
  const box = await page.locator("#avg-param-plot").boundingBox();
  const [x, y] = await page.evaluate(() => window.gradavgApp.thetaPosition());
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  await page.mouse.move(box.x + x + 40, box.y + y - 20, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("net") !== null);
  // More hidden units: 3H + 1 parameters.
  await page.selectOption("#ctl-hidden", "6");
  await page.waitForFunction(() => location.search.includes("hidden=6"));
  await settle(page);
  assert.match(await text(page, "avg-readout-gap"), /^all 19 parameters/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the network part and its table fit a 390 px phone", async () => {
  const { page, errors, context } = await open(browser, "?scene=average-first&part=network", { width: 390, height: 844 });
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.equal(scroll, client, "no horizontal scrolling");
  assert.match(await text(page, "net-b1"), /of its length/);
  assert.deepEqual(errors, []);
  await context.close();
});
