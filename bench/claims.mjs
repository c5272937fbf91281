// The issue-13 review URLs: a screenshot of each scene and every text slot it shows,
// for a person to read before and after a change to the captions.
// Usage: GRADAVG_URL=http://127.0.0.1:8000/ node bench/claims.mjs out-dir
import { writeFileSync, mkdirSync } from "node:fs";
import { launch, open, settle } from "../tests/e2e/helpers.mjs";

const out = process.argv[2] || "bench/out/claims";
const only = process.argv[3] || "";
mkdirSync(out, { recursive: true });
const cases = [
  ["estimator-draw1000", "?scene=estimator", 1000],
  ["estimator-draws999", "?scene=estimator&draws=999", 0],
  ["estimator-sorted-seq", "?scene=estimator&mode=sequential&order=sorted-x&draws=999", 0],
  ["estimator-seq-random", "?scene=estimator&mode=sequential&draws=100", 0],
  ["estimator-b1-replace", "?scene=estimator&b=1&mode=with-replacement&draws=1000", 0],
  ["estimator-bN", "?scene=estimator&b=12&draws=200", 0],
  ["training-noise0", "?scene=training&noise=0", 0],
  ["training-sorted-y", "?scene=training&order=sorted-y", 0],
  ["training-lr05", "?scene=training&lr=0.5", 0],
  ["training-decay", "?scene=training&decay=1-over-t", 0],
  ["training-sorted-lr03", "?scene=training&order=sorted-y&lr=0.3", 0],
  ["training-default", "?scene=training", 0],
  ["network", "?scene=average-first&part=network", 0],
  ["linear-cost", "?scene=average-first&part=linear-cost", 0],
  ["inputs", "?scene=average-first&part=inputs", 0],
  ["inputs-valley", "?scene=average-first&part=inputs&surface=mean-error-squared", 0],
  ["max-cost", "?scene=average-first&part=max-cost", 0],
  ["one-point-min", "?scene=one-point&theta=1.67,0.389", 0],
  ["one-point-noise0", "?scene=one-point&noise=0", 0],
  ["one-point-default", "?scene=one-point", 0],
  ["one-point-n1", "?scene=one-point&n=1", 0],
];
const browser = await launch();
for (const [name, query, draws] of cases.filter(([name]) => name.startsWith(only))) {
  const { page, context } = await open(browser, query, { width: 1280, height: 800 });
  if (draws) {
    const button = page.locator(`[data-scene=estimator] [data-action=draw][data-arg="${draws}"]`);
    if (await button.count()) await button.first().click();
    await settle(page);
  }
  await page.waitForTimeout(query.includes("training") ? 2500 : 300);
  const scene = page.locator("section.scene:not([hidden])").first();
  await scene.screenshot({ path: `${out}/${name}.png` });
  await scene.locator("[data-plot=param]").first().screenshot({ path: `${out}/${name}-param.png` });
  const texts = await scene.evaluate((s) => [...s.querySelectorAll("[data-slot], figcaption, p, dd, td, th, legend, label")]
    .filter((e) => e.offsetParent !== null && e.textContent.trim())
    .map((e) => `${e.dataset.slot || e.tagName}: ${e.textContent.trim().replace(/\s+/g, " ")}`));
  writeFileSync(`${out}/${name}.txt`, [...new Set(texts)].join("\n") + "\n");
  await context.close();
}
await browser.close();
console.log(`written to ${out}/`);
