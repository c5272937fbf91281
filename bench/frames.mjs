// Frame intervals while scene 3 plays at N = 10,000: the gaps between
// animation frames over 4 s after a 0.5 s warm-up, as the student sees them.
// Usage: GRADAVG_URL=… node bench/frames.mjs [query]
import { launch, open } from "../tests/e2e/helpers.mjs";

/** Median, 95th percentile and worst frame interval (ms) while playing `query`. */
export async function playingFrames(browser, query = "?scene=training&n=10000&speed=1") {
  const { page, context } = await open(browser, query);
  const result = await page.evaluate(() => new Promise((resolve) => {
    const gaps = [];
    let longTasks = 0;
    new PerformanceObserver((list) => { longTasks += list.getEntries().length; }).observe({ type: "longtask" });
    document.querySelector('[data-scene="training"] [data-action="play"]').click();
    const start = performance.now();
    let last = null;
    const frame = (now) => {
      if (now - start > 500) {
        if (last !== null) gaps.push(now - last);
        last = now;
      }
      if (now - start < 4500) requestAnimationFrame(frame);
      else resolve({ gaps, longTasks });
    };
    requestAnimationFrame(frame);
  }));
  await context.close();
  const g = result.gaps.sort((a, b) => a - b);
  const at = (q) => g[Math.min(g.length - 1, Math.floor(q * g.length))];
  return { median: at(0.5), p95: at(0.95), worst: g[g.length - 1], frames: g.length, longTasks: result.longTasks };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await launch();
  console.log(await playingFrames(browser, process.argv[2]));
  await browser.close();
}
