// Soak: ten minutes of scene 3 playing (restarted when it ends) alternating
// with bursts of Draw 1,000 in scene 2, in one headless Chromium page. Every
// 10 s it samples the wasm memory and the JS heap; every animation frame
// it records the gap since the last. Prints the memory curve's start and
// end, and the worst frame gap after the first minute (warm-up), and writes
// them to bench/SOAK.md. Usage: GRADAVG_URL=… node bench/soak.mjs [minutes]
import { writeFileSync } from "node:fs";
import { launch, open } from "../tests/e2e/helpers.mjs";

const minutes = Number(process.argv[2] || 10);
const browser = await launch();
const { page, context, errors } = await open(browser, "?scene=training&n=1000&speed=10");
const result = await page.evaluate(async (minutes) => {
  const wasm = await (await import("/pkg/page.js")).default();
  const app = window.gradavgApp;
  const click = (scene, action) => document.querySelector(`[data-scene="${scene}"] [data-action="${action}"]`).click();
  const tab = (scene) => document.querySelector(`a.scene-tab[data-scene="${scene}"]`).click();
  const start = performance.now();
  const samples = [];
  const gaps = [];
  let last = null;
  let running = true;
  const frame = (now) => {
    if (last !== null && now - start > 60_000) gaps.push(now - last);
    last = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const sample = () => samples.push([Math.round((performance.now() - start) / 1000),
    wasm.memory.buffer.byteLength, performance.memory ? performance.memory.usedJSHeapSize : 0]);
  sample();
  let nextSample = 10_000;
  while (performance.now() - start < minutes * 60_000) {
    tab("training");
    for (let k = 0; k < 4; k++) {
      if (app.flags().find(([f]) => f === "playing")?.[1] !== true) click("training", "play");
      await sleep(2_500);
    }
    tab("estimator");
    for (let k = 0; k < 5; k++) {
      document.querySelector('[data-scene="estimator"] [data-action="draw"][data-arg="1000"]').click();
      await sleep(400);
    }
    click("estimator", "clear-draws");
    if (performance.now() - start > nextSample) { sample(); nextSample += 10_000; }
  }
  running = false;
  sample();
  gaps.sort((a, b) => a - b);
  return { samples, worst: gaps[gaps.length - 1], p99: gaps[Math.floor(0.99 * gaps.length)], frames: gaps.length };
}, minutes);
await context.close();
await browser.close();
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const [first, last] = [result.samples[0], result.samples[result.samples.length - 1]];
const peak = Math.max(...result.samples.map((s) => s[1]));
console.log(`soak ${minutes} min: wasm memory ${mb(first[1])} at ${first[0]} s → ${mb(last[1])} at ${last[0]} s (peak ${mb(peak)}); ` +
  `JS heap ${mb(first[2])} → ${mb(last[2])}; after the first minute ${result.frames} frames, p99 ${result.p99.toFixed(1)} ms, worst ${result.worst.toFixed(1)} ms; ` +
  `console errors: ${errors.length}`);
console.log("curve (s, wasm bytes, JS heap bytes):", JSON.stringify(result.samples));
writeFileSync(new URL("./SOAK.md", import.meta.url), `# gradavg soak report

\`node bench/soak.mjs ${minutes}\` on ${new Date().toISOString().slice(0, 10)}, headless Debian Chromium: scene 3 playing at N = 1,000
(10 epochs/s, restarted when it ends) for 10 s, then five *Draw 1,000* in scene 2 and *Clear*, over and over.

- wasm memory: ${mb(first[1])} at ${first[0]} s, ${mb(last[1])} at ${last[0]} s, peak ${mb(peak)}
- JS heap: ${mb(first[2])} → ${mb(last[2])}
- frame gaps after the first minute: ${result.frames} frames, p99 ${result.p99.toFixed(1)} ms, worst ${result.worst.toFixed(1)} ms (target: none over 100 ms)
- console errors: ${errors.length}

| s | wasm memory | JS heap |
|---|---|---|
${result.samples.map(([t, w, j]) => `| ${t} | ${mb(w)} | ${mb(j)} |`).join("\n")}
`);
