// A copied link reproduces the same pixels, and the phone layout works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, settle, canvasPixels, distinctColours } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("a copied link reproduces identical pixels", async () => {
  const { page, context } = await open(browser, "?n=40&seed=123&noise=0.8&theta=0.25,-0.5&arrows=1.5&sel=3");
  await page.locator("#param-plot").focus();
  await page.keyboard.press("ArrowLeft");
  await page.click("#zoom-in");
  await settle(page);
  await page.click("#copy-link");
  const link = await page.locator("#link-text").inputValue();
  assert.equal(link, page.url());
  const first = await canvasPixels(page);
  const second = await open(browser, new URL(link).search);
  const again = await canvasPixels(second.page);
  for (const id of Object.keys(first)) assert.ok(first[id] === again[id], `canvas ${id} differs after reopening the link`);
  assert.equal(await second.page.locator("#readout-theta").textContent(), await page.locator("#readout-theta").textContent());
  await context.close();
  await second.context.close();
});

test("at 390 px wide the figures stack, fit and paint", async () => {
  const { page, errors, context } = await open(browser, "", { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  const param = await page.locator("#param-plot").boundingBox();
  const data = await page.locator("#data-plot").boundingBox();
  assert.ok(data.y >= param.y + param.height, "the data figure sits below the parameter figure");
  assert.ok(param.width <= 390 && param.width > 300);
  assert.ok(await distinctColours(page, "param-surface") > 20);
  assert.ok(await distinctColours(page, "data-points") > 5);
  // Tapping an example selects it.
  await page.locator("#data-plot").scrollIntoViewIfNeeded();
  const box = await page.locator("#data-plot").boundingBox();
  const p = await page.evaluate(() => window.gradavgApp.examplePosition("data", 2));
  await page.mouse.click(box.x + p[0], box.y + p[1]);
  await settle(page);
  assert.match(await page.locator("#example-info").textContent(), /^Example 3:/);
  assert.deepEqual(errors, []);
  await context.close();
});
