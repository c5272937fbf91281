// The page away from its server (cargo xtask dist): dist/gradavg.html from
// file:// with every network request blocked, and dist/site/ served under a
// sub-path. `cargo xtask test` builds both and sets GRADAVG_DIST_FILE and
// GRADAVG_SITE_URL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { launch, settle, heatmapPainted, paintedPixels } from "./helpers.mjs";

const DIST_FILE = process.env.GRADAVG_DIST_FILE;
const SITE_URL = process.env.GRADAVG_SITE_URL;
const skip = !DIST_FILE || !SITE_URL ? "needs cargo xtask test (GRADAVG_DIST_FILE, GRADAVG_SITE_URL)" : false;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function visit(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 20000 }).catch(async (e) => {
    const banner = await page.textContent("#error-banner").catch(() => "");
    throw new Error(`${e.message}\npage errors: ${errors.join(" | ")}\nbanner: ${banner}`);
  });
  await settle(page);
  return { page, errors };
}

/** Shows every scene by its tab and checks that its surface and overlay are painted. */
async function everyScenePaints(page) {
  for (const scene of ["one-point", "estimator", "training", "average-first", "surfaces"]) {
    await page.click(`.scene-tab[data-scene="${scene}"]`);
    await settle(page);
    const [surface, overlay] = await page.evaluate((s) => ["param-surface", "param-arrows"].map((n) =>
      document.querySelector(`[data-scene="${s}"] canvas[data-canvas="${n}"]`).id), scene);
    assert.ok(await heatmapPainted(page, surface), `${scene}: surface painted`);
    assert.ok(await paintedPixels(page, overlay) > 100, `${scene}: overlay painted`);
    assert.equal(new URL(page.url()).searchParams.get("scene"), scene, `${scene}: the address follows`);
  }
}

test("dist/gradavg.html works from file:// with the network blocked", { skip }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blocked = [];
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith("file:")) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  const url = `${pathToFileURL(DIST_FILE).href}?scene=estimator&draws=100&theta=0.5,0`;
  const { page, errors } = await visit(context, url);
  assert.match(await page.textContent("#est-readout-draws"), /^100$/, "the link's state is used");
  await everyScenePaints(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.click('.scene-tab[data-scene="average-first"]');
  await page.click('[data-scene="average-first"] [data-value="network"]');
  await settle(page);
  assert.deepEqual(blocked, [], "nothing asked for the network");
  assert.ok(requests.every((u) => /^(file|data|blob):/.test(u)), requests.join(" "));
  assert.deepEqual(errors, []);
  await context.close();
});

test("dist/site/ works from a sub-path", { skip }, async () => {
  assert.match(SITE_URL, /\/course\/gradavg\/$/);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const { page, errors } = await visit(context, `${SITE_URL}?scene=training&epochs=5`);
  await everyScenePaints(page);
  const origin = new URL(SITE_URL).origin;
  const outside = requests.filter((u) => u.startsWith(origin) && !u.startsWith(SITE_URL));
  assert.deepEqual(outside, [], "every file comes from under the sub-path");
  assert.ok(requests.some((u) => u.endsWith("/course/gradavg/pkg/page_bg.wasm")));
  assert.deepEqual(errors, []);
  await context.close();
});
