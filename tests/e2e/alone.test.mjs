// Any one scene can be mounted alone: a page that holds only scene 2's
// section (no title, tabs, other scenes, data panel or footer) works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, BASE, settle, distinctColours } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/// index.html with every <section class="scene"> but `key`'s, and everything outside <main>, removed.
function pageWithOnly(key) {
  const html = readFileSync(new URL("../../index.html", import.meta.url), "utf8");
  const head = html.slice(0, html.indexOf("<body>") + "<body>".length);
  const main = html.slice(html.indexOf("<main>"), html.indexOf("</main>") + "</main>".length);
  const sections = main.split(/(?=<section id="scene-)/).filter((part) => part.startsWith(`<section id="scene-${key}"`));
  assert.equal(sections.length, 1, `index.html has one section for ${key}`);
  const only = sections[0].replace(/\n<\/main>$/, "").replace(/<\/main>$/, "");
  return `${head}\n<main>\n${only}\n</main>\n</body></html>`;
}

test("scene 2 alone on a page: it paints, draws batches and writes its captions", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(/\/alone(\?.*)?$/, (route) => route.fulfill({ contentType: "text/html", body: pageWithOnly("estimator") }));
  await page.goto(`${BASE}alone?scene=estimator&n=40&b=8`);
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  assert.equal(await page.locator("section.scene").count(), 1);
  assert.ok(await distinctColours(page, "est-param-surface") > 20, "the surface is painted");
  await page.click("#draw-100");
  await settle(page);
  assert.equal(await page.locator("#est-readout-draws").textContent(), "100");
  assert.match(await page.locator("#est-caption-param").textContent(), /100/);
  assert.ok(await distinctColours(page, "est-spread") > 3, "the spread chart is painted");
  assert.match(await page.evaluate(() => location.search), /draws=100/);
  assert.deepEqual(errors, []);
  await context.close();
});
