// Shared set-up for the end-to-end tests: one Debian Chromium per test file,
// pages that record console errors, and small readers of the page's state.
import { chromium } from "playwright-core";

export const BASE = process.env.GRADAVG_URL || "http://127.0.0.1:8000/";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Opens the page at `query` and waits until it is ready. Console errors and page errors are collected. */
export async function open(browser, query = "", viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  // Any Content-Security-Policy violation is an error like any other.
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation",
    (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`)));
  // A load that never ends says which requests it was still waiting for.
  const pending = new Set();
  page.on("request", (r) => pending.add(r));
  page.on("requestfinished", (r) => pending.delete(r));
  page.on("requestfailed", (r) => pending.delete(r));
  await page.goto(BASE + query).catch((e) => {
    throw new Error(`${e.message}\nstill waiting for: ${[...pending].map((r) => r.url()).join(", ")}`);
  });
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await settle(page);
  return { page, errors, context };
}

/** Waits for two animation frames, so pending paints have happened, and
 *  then for a paint spread over several frames (main.js's slices) to end. */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => document.body.dataset.painted !== "false", null, { timeout: 15000 });
}

export const text = (page, id) => page.locator(`#${id}`).textContent();

/** The number of distinct colours in a canvas: 1 for a blank canvas. */
export function distinctColours(page, id) {
  return page.evaluate((id) => {
    const c = document.getElementById(id);
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]);
    return seen.size;
  }, id);
}

/** How many pixels of a canvas are painted (not fully transparent): for overlay layers. */
export function paintedPixels(page, id) {
  return page.evaluate((id) => {
    const c = document.getElementById(id);
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    return count;
  }, id);
}

/** The RGBA pixel at a fraction (fx, fy) of a canvas's size. */
export function pixelAt(page, id, fx, fy) {
  return page.evaluate(([id, fx, fy]) => {
    const c = document.getElementById(id);
    return Array.from(c.getContext("2d").getImageData(Math.round(c.width * fx), Math.round(c.height * fy), 1, 1).data);
  }, [id, fx, fy]);
}

/** True when the parameter figure's heatmap is painted: pixels inside the plot are neither white nor transparent. */
export async function heatmapPainted(page, id) {
  for (const [fx, fy] of [[0.3, 0.3], [0.5, 0.5], [0.6, 0.7]]) {
    const [r, g, b, a] = await pixelAt(page, id, fx, fy);
    if (a !== 255 || (r > 245 && g > 245 && b > 245)) return false;
  }
  return true;
}

/** Every canvas's pixels, as data URLs, keyed by id. */
export function canvasPixels(page) {
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll("canvas")].map((c) => [c.id, c.toDataURL("image/png")])));
}

/** The page-relative CSS position of a point given relative to element `id`. */
export async function pagePoint(page, id, [x, y]) {
  const box = await page.locator(`#${id}`).boundingBox();
  return [box.x + x, box.y + y];
}
