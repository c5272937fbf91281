// Figures out of the page: Download SVG (XML holding the figure's arrows,
// contours and axis labels) and PNG (2× the figure's CSS size), and the
// printed page (no controls, every figure at its canvas's aspect ratio).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { launch, open, settle } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

test("Download SVG gives the figure as XML with its arrows, contours, axis labels, caption and link", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point&theta=0,0");
  const { name, bytes } = await download(page, '[data-scene="one-point"] [data-export="param"][data-format="svg"]');
  assert.equal(name, "gradavg-one-point-param-seed7.svg");
  const found = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    if (doc.querySelector("parsererror")) return { error: doc.querySelector("parsererror").textContent };
    const overlay = doc.querySelector("g[clip-path]");
    const texts = [...doc.querySelectorAll("text")].map((t) => t.textContent).join(" ");
    return {
      width: Number(doc.documentElement.getAttribute("width")),
      overlayShapes: overlay.querySelectorAll("line, polyline, polygon, path").length,
      contours: doc.querySelectorAll("g:not([clip-path]) polyline").length,
      texts,
    };
  }, bytes.toString("utf8"));
  assert.equal(found.error, undefined);
  const plotWidth = await page.evaluate(() => document.getElementById("param-plot").clientWidth);
  assert.equal(found.width, plotWidth, "drawn at the figure's CSS size");
  assert.ok(found.overlayShapes >= 24, `arrows: ${found.overlayShapes} shapes`);
  assert.ok(found.contours >= 5, `contours: ${found.contours}`);
  for (const label of ["slope θ₀", "intercept θ₁", "All 12 per-example arrows start at the same θ = (0, 0)"]) {
    assert.ok(found.texts.includes(label), `${label} in ${found.texts}`);
  }
  // The link may wrap anywhere: read it without the breaks.
  assert.ok(found.texts.replace(/\s+/g, "").includes("?scene=one-point&n=12"), "the link that reproduces it");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Download PNG decodes at twice the figure's CSS size, for each figure of scene 3", async () => {
  const { page, errors, context } = await open(browser, "?scene=training&epochs=5");
  for (const [figure, plot] of [["param", "train-param-plot"], ["loss", "train-loss-plot"], ["data", "train-data-plot"]]) {
    const { name, bytes } = await download(page, `[data-scene="training"] [data-export="${figure}"][data-format="png"]`);
    assert.equal(name, `gradavg-training-${figure}-seed7.png`);
    assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG");
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    const css = await page.evaluate((id) => [document.getElementById(id).clientWidth, document.getElementById(id).clientHeight], plot);
    assert.equal(width, 2 * css[0], `${figure}: PNG width`);
    assert.ok(height > 2 * css[1], `${figure}: the figure and its caption beneath (${height} px for a ${css[1]} px plot)`);
    // It decodes, and is not blank.
    const colours = await page.evaluate(async (b64) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], { type: "image/png" });
      const bitmap = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = c.getContext("2d");
      g.drawImage(bitmap, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    }, bytes.toString("base64"));
    assert.ok(colours > 20, `${figure}: ${colours} colours`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("printing shows no controls, every figure at its canvas's aspect ratio, and the link", async () => {
  for (const [query, width] of [["?scene=estimator&draws=100", 1280], ["?scene=one-point", 700], ["?scene=training", 760]]) {
    const { page, errors, context } = await open(browser, query, { width, height: 900 });
    await page.emulateMedia({ media: "print" });
    await settle(page);
    const seen = await page.evaluate(() => {
      const visible = (el) => el.getClientRects().length > 0;
      const scene = document.querySelector(".scene:not([hidden])");
      return {
        controls: [...document.querySelectorAll("button, input, select, .scene-tab, .controls")].filter(visible).length,
        link: visible(document.querySelector(".print-link")) ? document.querySelector(".print-link").textContent : "",
        figures: [...scene.querySelectorAll("canvas")].map((c) => {
          const r = c.getBoundingClientRect();
          return [c.id, c.width / c.height, r.width / r.height];
        }),
        caption: scene.querySelector("figcaption").textContent,
        explain: getComputedStyle(scene.querySelector(".explain")).contentVisibility,
      };
    });
    assert.equal(seen.controls, 0, `${query}: controls printed`);
    assert.match(seen.link, /This view, live: http:\/\/127\.0\.0\.1:\d+\/\?scene=/);
    assert.ok(seen.caption.length > 40, "captions print");
    // On screen the explanation is rendered only when scrolled near; on paper, all of it.
    assert.equal(seen.explain, "visible", `${query}: the explanation prints`);
    for (const [id, drawn, shown] of seen.figures) {
      assert.ok(Math.abs(drawn / shown - 1) < 0.01, `${query} at ${width} px: ${id} drawn ${drawn.toFixed(3)}, printed ${shown.toFixed(3)}`);
    }
    await page.emulateMedia({ media: "screen" });
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".scene:not([hidden]) .explain")).contentVisibility), "auto");
    assert.deepEqual(errors, []);
    await context.close();
  }
});
