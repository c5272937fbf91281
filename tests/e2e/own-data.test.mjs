// A student's own data: edits on the data figure with undo and redo, a CSV
// paste with a bad line, a built-in dataset, Download CSV, and a link that
// carries edited points and reproduces the same pixels.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, settle, text, pagePoint, canvasPixels } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const param = (page, key) => new URL(page.url()).searchParams.get(key);
/** Waits until the link says `key` = `value` (null: left out); pointer and key changes reach it within 200 ms. */
const linkSays = (page, key, value) => page.waitForFunction(([k, v]) => new URL(location.href).searchParams.get(k) === v, [key, value]);
const cost = (page) => text(page, "readout-cost");

test("add, move and delete points on the data figure, then undo and redo", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point&n=6&theta=0.5,0.5");
  await page.locator("#data-plot").scrollIntoViewIfNeeded();
  const box = await page.locator("#data-plot").boundingBox();
  const before = await cost(page);

  await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.2); // empty space: a new point
  await linkSays(page, "sel", "6");
  assert.equal(param(page, "n"), "7");
  assert.ok(param(page, "data"), "the points are in the link");
  assert.equal(param(page, "sel"), "6", "the new point is picked");
  assert.match(await text(page, "caption-data"), /^7 examples of your own data/);
  assert.notEqual(await cost(page), before, "scene 1 follows");

  const from = await pagePoint(page, "data-plot", await page.evaluate(() => window.gradavgApp.examplePosition("data", 2)));
  const moved = await cost(page);
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  await page.mouse.move(from[0] + 30, from[1] - 40, { steps: 5 });
  await page.mouse.up();
  await linkSays(page, "sel", "2");
  await settle(page);
  assert.notEqual(await cost(page), moved, "moving a point changes C");
  const afterMove = param(page, "data");

  await page.locator("#data-plot").focus();
  await page.keyboard.press("Delete");
  await linkSays(page, "n", "6");
  assert.equal(param(page, "n"), "6", "Delete removes the picked point");

  await page.keyboard.press("Control+z");
  await linkSays(page, "n", "7");
  assert.equal(param(page, "n"), "7");
  assert.equal(param(page, "data"), afterMove, "undo brings the deleted point back where it was");
  await page.click("#data-undo"); // the move
  await page.click("#data-undo"); // the added point
  await settle(page);
  assert.equal(param(page, "n"), "6");
  assert.equal(param(page, "data"), null, "back to the generated data");
  assert.equal(await cost(page), before);
  assert.equal(await page.isDisabled("#data-undo"), true);
  await page.keyboard.press("Control+Shift+z");
  await linkSays(page, "n", "7");
  assert.equal(param(page, "n"), "7", "redo adds the point again");
  assert.equal(await page.isDisabled("#data-redo"), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a pasted CSV with a bad line 7 names the line and changes nothing; a good one is used by every scene", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point&n=12");
  const link = page.url();
  await page.click(".csv-box summary");
  await page.fill("#csv-text", "x,y\n1,2\n2,3.5\n3,4\n4,5.5\n5,6\n6,x7\n7,8\n");
  await page.click("#csv-use");
  await settle(page);
  assert.equal(await page.isVisible("#csv-errors"), true);
  assert.equal(await text(page, "csv-error-list"), "line 7: y “x7” is not a number");
  assert.match(await text(page, "csv-status"), /^Nothing was changed/);
  assert.equal(page.url(), link, "the data stay as they were");

  await page.fill("#csv-text", "x;y\n1,5;2\n2;3,5\n3;4\n");
  await page.click("#csv-use");
  await settle(page);
  assert.equal(await page.isVisible("#csv-errors"), false);
  assert.match(await text(page, "csv-status"), /^Pasted: 3 examples\.$/);
  assert.equal(param(page, "n"), "3");
  for (const scene of ["estimator", "training", "surfaces"]) {
    await page.click(`.scene-tab[data-scene="${scene}"]`);
    await settle(page);
    assert.equal(param(page, "n"), "3", `${scene} uses the pasted data`);
  }
  assert.match(await text(page, "surf-readout-k"), /^3 of 3$/);
  const download = page.waitForEvent("download");
  await page.click("#csv-download");
  const file = await download;
  assert.equal(file.suggestedFilename(), "gradavg-data-3-examples.csv");
  const body = await (await import("node:fs/promises")).readFile(await file.path(), "utf8");
  assert.equal(body, "x,y\n1.5,2\n2,3.5\n3,4\n");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a built-in dataset loads with its source named; generated data come back", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point");
  await page.selectOption("#dataset", "old-faithful");
  await settle(page);
  assert.equal(param(page, "n"), "272");
  assert.match(await text(page, "csv-status"), /Old Faithful geyser, 272 eruptions/);
  assert.match(await text(page, "data-note"), /Your 272 examples are in the link \(2,902 characters\)/);
  assert.equal(await page.isDisabled("#ctl-n"), true, "N is the data's");
  await page.click("#use-generated");
  await settle(page);
  assert.equal(param(page, "data"), null);
  assert.equal(await page.isDisabled("#ctl-n"), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link with edited data reproduces identical pixels", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point&n=8&theta=1,0");
  await page.locator("#data-plot").scrollIntoViewIfNeeded();
  const box = await page.locator("#data-plot").boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.15);
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.85);
  await linkSays(page, "n", "10");
  await settle(page);
  const link = new URL(page.url()).search;
  assert.ok(link.includes("data="));
  const pixels = await canvasPixels(page);
  const again = await open(browser, link);
  await settle(again.page);
  assert.equal(new URL(again.page.url()).search, link, "the link is stable");
  assert.deepEqual(await canvasPixels(again.page), pixels);
  assert.deepEqual([...errors, ...again.errors], []);
  await again.context.close();
  await context.close();
});

test("a long press on touch removes the example pressed", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point&n=6");
  await page.locator("#data-plot").scrollIntoViewIfNeeded();
  const [x, y] = await page.evaluate(() => window.gradavgApp.examplePosition("data", 3));
  await page.evaluate(([x, y]) => {
    const el = document.getElementById("data-plot");
    const box = el.getBoundingClientRect();
    const init = { pointerId: 7, pointerType: "touch", isPrimary: true, bubbles: true, clientX: box.left + x, clientY: box.top + y };
    el.dispatchEvent(new PointerEvent("pointerdown", init));
    setTimeout(() => el.dispatchEvent(new PointerEvent("pointerup", init)), 900);
  }, [x, y]);
  await linkSays(page, "n", "5");
  assert.ok(param(page, "data"), "the example is gone from the student's points");
  // A short touch only picks.
  const [x2, y2] = await page.evaluate(() => window.gradavgApp.examplePosition("data", 1));
  await page.evaluate(([x, y]) => {
    const el = document.getElementById("data-plot");
    const box = el.getBoundingClientRect();
    const init = { pointerId: 8, pointerType: "touch", isPrimary: true, bubbles: true, clientX: box.left + x, clientY: box.top + y };
    el.dispatchEvent(new PointerEvent("pointerdown", init));
    el.dispatchEvent(new PointerEvent("pointerup", init));
  }, [x2, y2]);
  await linkSays(page, "sel", "1");
  await page.waitForTimeout(800);
  assert.equal(param(page, "n"), "5");
  assert.deepEqual(errors, []);
  await context.close();
});
