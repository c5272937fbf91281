// Embedding in course notes: two scenes in iframes of a page from another
// origin (made from the Embed dialog's own HTML snippet), each painting,
// sizing itself and responding on its own; controls=0 and lock=1; Copy
// link inside a frame that may not write to the clipboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { launch, open, settle, BASE, heatmapPainted } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Serves `html` at / on a free loopback port: another origin than the page's. */
async function notesServer(html) {
  const server = http.createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** The Embed dialog's HTML snippet for the page's current view. */
async function htmlSnippet(page, { controls = true, lock = false } = {}) {
  await page.click("#embed-open");
  await page.setChecked("#embed-controls", controls);
  await page.setChecked("#embed-lock", lock);
  const snippet = await page.inputValue("#snippet-html");
  await page.keyboard.press("Escape");
  return snippet;
}

/** Waits until the framed page in iframe `handle` is ready and visible, and returns its Frame. */
async function readyFrame(handle) {
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  await frame.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await frame.waitForFunction(() => document.body.dataset.painted !== "false", null, { timeout: 15000 });
  return frame;
}

const shown = (frame, selector) => frame.evaluate((s) => [...document.querySelectorAll(s)]
  .some((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"), selector);
const thetaOf = (frame) => frame.evaluate(() => new URL(location.href).searchParams.get("theta"));

/** Drags θ on plot `plotId` of `frame`; in an iframe (`handle`), the course page scrolls to the plot first. */
async function dragTheta(page, frame, plotId, handle = null) {
  if (handle) {
    const top = await frame.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, plotId);
    await handle.evaluate((el, top) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY + top - 20), top);
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const [x, y] = await frame.evaluate(() => window.gradavgApp.thetaPosition());
  const box = await frame.locator(`#${plotId}`).boundingBox();
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(box.x + x + 10 * k, box.y + y - 4 * k);
  await page.mouse.up();
}

test("two scenes embedded in course notes on another origin paint, size themselves and work apart", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point&theta=0,0");
  const one = await htmlSnippet(page);
  await page.click('.scene-tab[data-scene="estimator"]');
  await settle(page);
  const two = await htmlSnippet(page);
  assert.match(one, new RegExp(`^<iframe src="${BASE.replace(/[.?]/g, "\\$&")}\\?scene=one-point&amp;.*embed=1`));
  assert.match(two, /scene=estimator&amp;.*embed=1/);
  const notes = await notesServer(`<!doctype html><meta charset="utf-8"><title>Week 3 notes</title>
    <body style="max-width: 760px; margin: 0 auto; font-family: serif"><h1>Week 3: averaging gradients</h1>
    <p>Drag θ below.</p>${one}<p>Now draw some batches.</p>${two}<p>The end.</p></body>`);
  const reader = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const notesPage = await reader.newPage();
  const notesErrors = [];
  notesPage.on("console", (m) => { if (m.type() === "error") notesErrors.push(m.text()); });
  notesPage.on("pageerror", (e) => notesErrors.push(String(e)));
  await notesPage.goto(notes.url);
  const frames = await notesPage.$$("iframe");
  assert.equal(frames.length, 2);
  const [f1, f2] = [await readyFrame(frames[0]), await readyFrame(frames[1])];
  for (const [frame, handle, surface] of [[f1, frames[0], "param-surface"], [f2, frames[1], "est-param-surface"]]) {
    await readyFrame(handle);
    assert.ok(await heatmapPainted(frame, surface), `${surface} is painted inside its frame`);
    assert.equal(await shown(frame, ".scene-tab"), false, "no scene tabs in an embed");
    assert.equal(await shown(frame, ".controls"), false, "no shared data panel in an embed");
    assert.equal(await shown(frame, ".explain"), false, "no long explanation in an embed");
    assert.equal(await shown(frame, "#full-page-link"), true, "the full-page link shows");
    // The frame took the height its page reported: no inner scrollbar.
    await notesPage.waitForFunction((el) => el.style.height !== "", handle);
    const inner = await frame.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
    assert.ok(inner[0] <= inner[1] + 1, `content ${inner[0]} px fits the frame's ${inner[1]} px`);
    assert.ok(inner[1] > 600, `the frame grew from 640 px to its content (${inner[1]} px)`);
    assert.equal(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, "no horizontal scrolling");
  }
  // Dragging θ in one frame moves that frame's θ only.
  const before2 = await thetaOf(f2);
  const before1 = await thetaOf(f1);
  await dragTheta(notesPage, f1, "param-plot", frames[0]);
  await f1.waitForFunction((t) => new URL(location.href).searchParams.get("theta") !== t, before1);
  assert.equal(await thetaOf(f2), before2, "the other embed did not move");
  await dragTheta(notesPage, f2, "est-param-plot", frames[1]);
  await f2.waitForFunction((t) => new URL(location.href).searchParams.get("theta") !== t, before2);
  assert.deepEqual(errors, []);
  assert.deepEqual(notesErrors, []);
  notes.close();
  await reader.close();
  await context.close();
});

test("controls=0 leaves the figures and captions; lock=1 keeps θ where the teacher put it", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point&theta=0.5,0.5&embed=1&controls=0&lock=1", { width: 700, height: 700 });
  assert.equal(await shown(page, '[data-scene="one-point"] button'), false, "no buttons");
  assert.equal(await shown(page, '[data-scene="one-point"] :is(input, select)'), false, "no inputs");
  assert.equal(await shown(page, "#caption-param"), true);
  assert.match(await page.textContent("#caption-param"), /per-example arrows start at the same θ/);
  const full = await page.getAttribute("#full-page-link", "href");
  assert.ok(!/embed=|controls=|lock=/.test(full) && /theta=0\.5,0\.5/.test(full), full);
  assert.equal(await page.getAttribute("#full-page-link", "target"), "_blank");
  const t0 = await thetaOf(page);
  await dragTheta(page, page.mainFrame(), "param-plot");
  await page.locator("#param-plot").focus();
  await page.keyboard.press("ArrowRight");
  await page.mouse.click(...(await (async () => { const b = await page.locator("#param-plot").boundingBox(); return [b.x + b.width * 0.8, b.y + b.height * 0.2]; })()));
  await settle(page);
  assert.equal(await thetaOf(page), t0, "locked: θ stays");
  assert.deepEqual(errors, []);
  await context.close();

  // Without lock, the same embed still lets students drag θ.
  const free = await open(browser, "?scene=one-point&theta=0.5,0.5&embed=1&controls=0", { width: 700, height: 700 });
  await dragTheta(free.page, free.page.mainFrame(), "param-plot");
  await free.page.waitForFunction((t) => new URL(location.href).searchParams.get("theta") !== t, t0);
  await free.context.close();
});

test("an embed keeps the scene's own controls, and fits 320 px without scrolling sideways", async () => {
  for (const scene of ["one-point", "estimator", "training", "average-first", "surfaces"]) {
    const { page, errors, context } = await open(browser, `?scene=${scene}&embed=1`, { width: 320, height: 640 });
    assert.equal(await shown(page, `[data-scene="${scene}"] :is(.view-buttons, .part-tabs) button`), true, `${scene}: its buttons`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, `${scene}: no horizontal scroll`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("Copy link in a frame without clipboard access selects the link and says how to copy it", async () => {
  const src = `${BASE}?scene=estimator&embed=1`;
  const notes = await notesServer(`<!doctype html><meta charset="utf-8"><title>Notes</title>
    <iframe src="${src}" title="gradavg" width="100%" height="700"></iframe>`);
  const reader = await browser.newContext({ viewport: { width: 800, height: 800 } });
  const notesPage = await reader.newPage();
  const errors = [];
  notesPage.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  notesPage.on("pageerror", (e) => errors.push(String(e)));
  await notesPage.goto(notes.url);
  const frame = await readyFrame(await notesPage.$("iframe"));
  await frame.click("#embed-copy-link");
  await frame.waitForFunction(() => document.getElementById("embed-copy-status").textContent !== "");
  assert.match(await frame.textContent("#embed-copy-status"), /press Ctrl\+C/);
  const selected = await frame.evaluate(() => {
    const box = document.getElementById("embed-link-text");
    return [box.value, box.value.slice(box.selectionStart, box.selectionEnd), document.activeElement === box];
  });
  assert.equal(selected[1], selected[0], "the whole link is selected");
  assert.ok(selected[2], "and focused");
  assert.ok(selected[0].includes("scene=estimator") && !selected[0].includes("embed="), `the full-page link: ${selected[0]}`);
  assert.deepEqual(errors, []);
  notes.close();
  await reader.close();
});

test("locked, no caption or legend invites dragging θ", async () => {
  for (const [scene, caption] of [["one-point", "#caption-param"], ["training", "#train-caption-param"]]) {
    const { page, errors, context } = await open(browser, `?scene=${scene}&embed=1&lock=1`, { width: 700, height: 700 });
    assert.doesNotMatch(await page.textContent(caption), /drag/i, `${scene} caption`);
    const legend = await page.evaluate((s) => [...document.querySelectorAll(`[data-scene="${s}"] .legend li`)]
      .filter((li) => li.getClientRects().length).map((li) => li.innerText).join(" "), scene);
    assert.doesNotMatch(legend, /drag/i, `${scene} legend`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
