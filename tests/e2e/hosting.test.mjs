// The page under the conditions a careful static host sets: a strict
// Content-Security-Policy, gzip, and revalidation. Any CSP violation fails.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, open, settle } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("every scene and part runs under the strict CSP without a violation", async () => {
  const queries = ["", "?scene=estimator&draws=100", "?scene=training",
    "?scene=average-first&part=inputs&surface=mean-error-squared", "?scene=average-first&part=linear-cost",
    "?scene=average-first&part=max-cost", "?scene=average-first&part=network", "?scene=surfaces&loss=mae"];
  for (const query of queries) {
    const { page, errors, context } = await open(browser, query);
    const response = await page.goto(BASE + query);
    assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    await page.waitForSelector("body[data-ready=true]");
    await settle(page);
    assert.deepEqual(errors, [], `${query || "scene 1"}: ${errors.join("; ")}`);
    await context.close();
  }
});

test("the server gzips, validates and revalidates", async () => {
  const wasm = await fetch(`${BASE}pkg/gradavg_bg.wasm`, { headers: { "Accept-Encoding": "gzip" } });
  assert.equal(wasm.headers.get("content-encoding"), "gzip");
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get("cache-control"), "no-cache");
  const etag = wasm.headers.get("etag");
  assert.match(etag, /^"[0-9a-f]{16}"$/);
  await wasm.arrayBuffer();
  const again = await fetch(`${BASE}pkg/gradavg_bg.wasm`, { headers: { "If-None-Match": etag } });
  assert.equal(again.status, 304);
  const missing = await fetch(`${BASE}Cargo.toml`);
  assert.equal(missing.status, 404, "only the page's files are served");
});
