// Dragging θ, the arrow keys, hovering an example, and the mistaken picture.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, settle, text, pagePoint } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const thetaFromUrl = (page) => new URL(page.url()).searchParams.get("theta");

test("dragging θ changes the readouts and the URL", async () => {
  const { page, errors, context } = await open(browser);
  const before = { cost: await text(page, "readout-cost"), theta: thetaFromUrl(page) };
  const start = await pagePoint(page, "param-plot", await page.evaluate(() => window.gradavgApp.thetaPosition()));
  await page.mouse.move(start[0], start[1]);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(start[0] + 12 * k, start[1] + 6 * k);
  await page.mouse.up();
  await settle(page);
  await page.waitForFunction((t) => new URL(location.href).searchParams.get("theta") !== t, before.theta);
  assert.notEqual(await text(page, "readout-cost"), before.cost);
  const [slope] = thetaFromUrl(page).split(",").map(Number);
  const [slope0] = before.theta.split(",").map(Number);
  assert.ok(slope > slope0, `dragging right must raise the slope (${slope0} → ${slope})`);
  assert.match(await text(page, "readout-gap"), /^0 \(to rounding\)$/, "the identity holds at every θ");
  // The readout of θ agrees with the URL.
  assert.ok((await text(page, "readout-theta")).startsWith("("));
  assert.deepEqual(errors, []);
  await context.close();
});

test("the arrow keys move θ when the figure has focus", async () => {
  const { page, context } = await open(browser);
  await page.locator("#param-plot").focus();
  const t0 = thetaFromUrl(page).split(",").map(Number);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowUp");
  await settle(page);
  await page.waitForFunction((t) => new URL(location.href).searchParams.get("theta") !== t, t0.join(","));
  const t1 = thetaFromUrl(page).split(",").map(Number);
  assert.ok(t1[0] > t0[0], "ArrowRight raises the slope");
  assert.ok(t1[1] - t0[1] > 5 * (t1[0] - t0[0]) / 2 - 1e-9, "Shift+ArrowUp is a ten-times step of the intercept");
  await context.close();
});

test("hovering an example highlights it and shows its numbers", async () => {
  const { page, context } = await open(browser);
  assert.match(await text(page, "example-info"), /Point at an example/);
  const where = await pagePoint(page, "data-plot", await page.evaluate(() => window.gradavgApp.examplePosition("data", 4)));
  await page.mouse.move(where[0], where[1]);
  await settle(page);
  assert.match(await text(page, "example-info"), /^Example 5: x = .*residual r = .*∇Lᵢ = −2r·\(x, 1\) = \(/);
  // The same example is picked from its arrow in the parameter figure.
  const tip = await pagePoint(page, "param-plot", await page.evaluate(() => window.gradavgApp.examplePosition("param", 4)));
  await page.mouse.move(tip[0], tip[1]);
  await settle(page);
  assert.match(await text(page, "example-info"), /^Example \d+:/);
  await context.close();
});

test("the mistaken picture is a toggle, kept in the URL, and animates back", async () => {
  const { page, errors, context } = await open(browser);
  await page.click("#picture-toggle");
  await page.waitForFunction(() => location.search.includes("picture=mistaken"));
  await page.waitForTimeout(1900);
  await settle(page);
  assert.match(await text(page, "caption-param"), /^The mistaken picture/);
  assert.equal(await text(page, "picture-toggle"), "Show the true picture");
  await page.click("#picture-toggle");
  await page.waitForTimeout(1900);
  await settle(page);
  assert.ok(!page.url().includes("picture=mistaken"));
  assert.match(await text(page, "caption-param"), /All 12 per-example arrows start at the same θ/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a control with a bad value says why and keeps the data", async () => {
  const { page, context } = await open(browser);
  await page.fill("#ctl-n", "200000");
  await page.locator("#ctl-n").dispatchEvent("change");
  await settle(page);
  // It says what stays (not "the default"), and the box shows it again.
  assert.match(await text(page, "control-error"), /^n must be a whole number from 1 to 10000; it stays 12$/);
  assert.equal(await page.inputValue("#ctl-n"), "12");
  assert.match(await text(page, "caption-data"), /^12 examples/);
  await page.click("#new-data");
  await settle(page);
  assert.equal(await text(page, "control-error"), "", "a change that works clears the message");
  await page.fill("#ctl-n", "10000");
  await page.locator("#ctl-n").dispatchEvent("change");
  await settle(page);
  assert.match(await text(page, "caption-data"), /^10,000 examples/);
  assert.match(await text(page, "readout-gap"), /^0 \(to rounding\)$/);
  await context.close();
});
