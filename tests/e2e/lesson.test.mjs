// The guided lesson: steps from the data file, in the URL (step=k), Next and
// Back by button and by key, predictions that never block and reveal the
// answer, a teacher's link to one step, leaving with the state kept, a phone,
// and axe-core on the lesson.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { launch, open, settle } from "./helpers.mjs";
import { STEPS } from "../../www/lesson-steps.js";

const AXE = fs.readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const param = (page, key) => new URL(page.url()).searchParams.get(key);
const stepOf = (page) => Number(param(page, "step") || 1);

test("the lesson has 12–16 steps in claim order, at least five of them predictions", () => {
  assert.ok(STEPS.length >= 12 && STEPS.length <= 16, `${STEPS.length} steps`);
  const predictions = STEPS.filter((s) => s.predict);
  assert.ok(predictions.length >= 5, `${predictions.length} predictions`);
  for (const s of predictions) {
    assert.ok(s.predict.answer >= 0 && s.predict.answer < s.predict.choices.length, s.predict.question);
    assert.ok(s.reveal && s.reveal.length > 40, `a reveal for “${s.predict.question}”`);
  }
  const claims = new Set(STEPS.map((s) => s.claim));
  for (let c = 1; c <= 12; c++) assert.ok(claims.has(`T${c}`), `T${c} is taught`);
});

test("walking the lesson: every step sets its scene without a refused key, in the URL, by button and by key", async () => {
  const { page, errors, context } = await open(browser, "?lesson=1");
  assert.equal(await page.textContent("#lesson-count"), `Step 1 of ${STEPS.length}`);
  for (let k = 1; k <= STEPS.length; k++) {
    await settle(page);
    assert.equal(await page.textContent("#lesson-count"), `Step ${k} of ${STEPS.length}`);
    assert.equal(await page.textContent("#lesson-text"), STEPS[k - 1].text);
    assert.equal(await page.textContent("#control-error"), "", `step ${k}: every key of the step was used`);
    assert.equal(await page.locator(".lesson-look").count(), 1, `step ${k} points at one thing`);
    await page.waitForFunction((k) => Number(new URL(location.href).searchParams.get("step") || 1) === k, k);
    if (k < STEPS.length) {
      if (k % 2) await page.click("#lesson-next");
      else { await page.locator("body").focus(); await page.keyboard.press("ArrowRight"); }
    }
  }
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((k) => Number(new URL(location.href).searchParams.get("step")) === k, STEPS.length - 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the T4 step: one example's surface is a valley, and adding them all up gives C", async () => {
  const k = STEPS.findIndex((s) => s.claim === "T4") + 1;
  const { page, errors, context } = await open(browser, `?lesson=1&step=${k}`);
  assert.equal(param(page, "scene"), "surfaces");
  assert.match(await page.textContent("#surf-readout-k"), /^1 of 12$/);
  assert.doesNotMatch(await page.textContent("#surf-readout-gap"), /to rounding/);
  await page.click("#lesson-choices button >> nth=1"); // along a whole line: right
  await settle(page);
  assert.match(await page.textContent("#lesson-reveal"), /^Right/);
  assert.match(await page.textContent("#surf-readout-k"), /^12 of 12$/);
  assert.equal(await page.textContent("#surf-readout-gap"), "0 (to rounding)", "what the reveal says, on the page");
  assert.match(await page.textContent("#surf-caption-panels"), /valley with no single lowest point/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a prediction never blocks: a choice or Skip reveals the answer and what to look at", async () => {
  const k = STEPS.findIndex((s) => s.revealSet && s.revealSet.includes("b=16")) + 1; // B from 4 to 16
  const { page, errors, context } = await open(browser, `?lesson=1&step=${k}`);
  assert.equal(param(page, "scene"), "estimator");
  assert.equal(param(page, "b"), "4");
  assert.equal(await page.isVisible("#lesson-reveal"), false, "nothing is revealed before the answer");
  const measured4 = Number(await page.textContent("#est-readout-measured"));
  await page.click("#lesson-choices button >> nth=0"); // "2×": wrong
  await settle(page);
  assert.match(await page.textContent("#lesson-reveal"), /^Not quite: the answer is “4×”\. /);
  assert.equal(param(page, "b"), "16", "the reveal sets B = 16");
  const measured16 = Number(await page.textContent("#est-readout-measured"));
  const theory16 = Number(await page.textContent("#est-readout-theory"));
  // What the reveal claims, measured on the page: the variance fell about 4×, near the theory.
  assert.ok(measured4 / measured16 > 3 && measured4 / measured16 < 5.3, `${measured4} → ${measured16}`);
  assert.ok(Math.abs(measured16 / theory16 - 1) < 0.15, `${measured16} against theory ${theory16}`);
  assert.equal(await page.isDisabled("#lesson-skip"), true);

  await page.click("#lesson-next"); // the sorted, sequential step
  await page.click("#lesson-skip");
  assert.match(await page.textContent("#lesson-reveal"), /^The answer: “No: each batch is biased/);
  assert.match(await page.textContent("#est-pass"), /biased/, "the readout it points at says so");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the network step's answer is the page's own table; leaving keeps the state", async () => {
  const k = STEPS.findIndex((s) => s.claim === "T11") + 1;
  const { page, errors, context } = await open(browser, `?lesson=1&step=${k}`);
  await page.click("#lesson-choices button >> nth=1");
  assert.match(await page.textContent("#lesson-reveal"), /^Right\. Only b₂/);
  assert.match(await page.textContent("#net-b2"), /^exact/);
  assert.doesNotMatch(await page.textContent("#net-w2"), /^exact/);
  const before = new URL(page.url()).searchParams;
  await page.click("#lesson-leave");
  await settle(page);
  assert.equal(await page.isVisible("#lesson"), false);
  const after = new URL(page.url()).searchParams;
  assert.equal(after.get("lesson"), null);
  for (const key of ["scene", "part", "theta", "n", "hidden"]) assert.equal(after.get(key), before.get(key), key);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a teacher's full link to a step keeps what the teacher set; the lesson works on a phone and passes axe", async () => {
  const { page, errors, context } = await open(browser, "?lesson=1&step=2&scene=one-point&theta=1,1", { width: 390, height: 844 });
  assert.equal(param(page, "theta"), "1,1", "a link with a state is not reset");
  assert.equal(await page.textContent("#lesson-count"), `Step 2 of ${STEPS.length}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  for (const id of ["lesson-back", "lesson-next", "lesson-leave"]) {
    const box = await page.locator(`#${id}`).boundingBox();
    assert.ok(box.width >= 24 && box.height >= 24, id);
  }
  await page.click("#lesson-next");
  await page.evaluate(AXE);
  const result = await page.evaluate(() => axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"] } }));
  assert.deepEqual(result.violations.map((v) => v.id), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("present=1: larger type, thicker lines, no secondary controls, and a clicker's keys drive the lesson", async () => {
  const plain = await open(browser, "?lesson=1&theta=0,0");
  const shown = await open(browser, "?lesson=1&theta=0,0&present=1");
  const { paintedPixels } = await import("./helpers.mjs");
  const [thin, thick] = [await paintedPixels(plain.page, "param-arrows"), await paintedPixels(shown.page, "param-arrows")];
  assert.ok(thick > 1.5 * thin, `the arrows cover ${thick} pixels presenting, ${thin} not`);
  const size = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.getElementById("lesson-text")).fontSize));
  assert.ok(await size(shown.page) >= 1.2 * await size(plain.page), "larger type");
  for (const selector of [".controls", ".explain", ".export"]) {
    assert.equal(await shown.page.isVisible(selector), false, `${selector} hidden`);
  }
  assert.equal(await shown.page.isVisible("#full-screen"), true);
  await shown.page.locator("body").focus();
  for (const key of ["PageDown", " ", "PageDown"]) await shown.page.keyboard.press(key);
  await shown.page.keyboard.press("PageUp");
  await shown.page.waitForFunction(() => new URL(location.href).searchParams.get("step") === "3");
  assert.deepEqual(shown.errors, []);
  await plain.context.close();
  await shown.context.close();
});
