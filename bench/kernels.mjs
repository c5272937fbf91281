// Every Problem kernel in wasm against its plain-JS twin (bench/plain.js), on
// the same V8 in one page, interleaved run by run: a markdown table of
// medians and the ratio JS ÷ wasm (above 1: wasm is faster), and the
// geometric mean. `cargo xtask bench` puts it in REPORT.md (via page.mjs);
// alone: GRADAVG_URL=… node bench/kernels.mjs
import { launch, open } from "../tests/e2e/helpers.mjs";

/** Times every kernel in a fresh page of `browser`; returns the table. */
export async function kernelTable(browser) {
const { page, context } = await open(browser);
const rows = await page.evaluate(async () => {
  const { default: init, Problem } = await import("/pkg/gradavg.js");
    await init(); // the API is its own module (pkg/gradavg.js), apart from the page's
  // Served by `cargo xtask serve` for the benchmark, from the page's own origin.
  const plain = await import("/bench/plain.js");
  const data = (n, seed) => {
    let s = seed >>> 0;
    const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const xs = Float64Array.from({ length: n }, () => 4 * rnd() - 2);
    const ys = Float64Array.from(xs, (x) => 1.5 * x + 0.5 + (rnd() - 0.5));
    return [xs, ys];
  };
  /** Median ms per call of each f over `reps` interleaved rounds. Each f's
   *  round repeats it for about 5 ms, since the clock is coarse (0.1 ms).
   *  The calls a round makes are counted over 20 ms of calls first: a pause
   *  there (a collection, a tier-up) can then only shorten the rounds a
   *  little, where timing the first call alone once left a round at one
   *  call, read as 0.1 ms by the clock. */
  const time = (fs, reps) => {
    const inner = fs.map((f) => {
      let calls = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < 20) {
        f();
        calls++;
      }
      return Math.max(1, Math.ceil((calls * 5) / (performance.now() - t0)));
    });
    const t = fs.map(() => []);
    for (let r = 0; r < reps; r++) {
      fs.forEach((f, k) => {
        const t0 = performance.now();
        for (let i = 0; i < inner[k]; i++) f();
        t[k].push((performance.now() - t0) / inner[k]);
      });
    }
    return t.map((v) => v.sort((a, b) => a - b)[v.length >> 1]);
  };
  // A number (loss) or the first entry of an array: every result feeds the
  // sink, so the JIT cannot drop a call whose value it would throw away
  // (a scalar's [0] is undefined, which once let V8 remove the JS loss loop).
  const first = (v) => (typeof v === "number" ? v : v[0]);
  const theta = new Float64Array([0.7, -0.2]);
  const out = [];
  let sink = 0;
  for (const n of [10_000, 100_000]) {
    const [xs, ys] = data(n, 1);
    const w = Problem.linear(xs, ys), j = plain.linear(xs, ys);
    for (const name of ["loss", "gradient", "exampleLosses", "exampleGradients"]) {
      const [tw, tj] = time([() => { sink += first(w[name](theta)); }, () => { sink += first(j[name](theta)); }], 21);
      out.push([`linear ${name}, N = ${n.toLocaleString("en")}`, tw, tj]);
    }
    // The same per-example kernels into an output array reused call after
    // call (the optional last argument, on both sides), as an animation would.
    for (const [name, width] of [["exampleLosses", 1], ["exampleGradients", 2]]) {
      const ow = new Float64Array(width * n), oj = new Float64Array(width * n);
      const [tw, tj] = time([() => { sink += w[name](theta, ow)[0]; }, () => { sink += j[name](theta, oj)[0]; }], 21);
      out.push([`linear ${name} into a reused array, N = ${n.toLocaleString("en")}`, tw, tj]);
    }
  }
  {
    const [xs, ys] = data(10_000, 2);
    const w = Problem.linear(xs, ys), j = plain.linear(xs, ys);
    const idx = Uint32Array.from({ length: 1000 }, (_, k) => (k * 7919) % 10_000);
    const [tw, tj] = time([() => { sink += w.batchGradient(theta, idx)[0]; }, () => { sink += j.batchGradient(theta, idx)[0]; }], 21);
    out.push(["linear batchGradient, B = 1,000 of N = 10,000", tw, tj]);
  }
  {
    const h = 8, [xs, ys] = data(10_000, 3);
    const w = Problem.mlp(xs, ys, h), j = plain.mlp(xs, ys, h);
    const t = Float64Array.from({ length: 3 * h + 1 }, (_, k) => Math.sin(k + 1));
    for (const name of ["loss", "exampleGradients", "gradient"]) {
      const [tw, tj] = time([() => { sink += first(w[name](t)); }, () => { sink += first(j[name](t)); }], 21);
      out.push([`network (H = 8) ${name}, N = 10,000`, tw, tj]);
    }
    const ow = new Float64Array(10_000 * (3 * h + 1)), oj = new Float64Array(ow.length);
    const [tw, tj] = time([() => { sink += w.exampleGradients(t, ow)[0]; }, () => { sink += j.exampleGradients(t, oj)[0]; }], 21);
    out.push(["network (H = 8) exampleGradients into a reused array, N = 10,000", tw, tj]);
  }
  if (!Number.isFinite(sink)) out.push(["(sink)", 0, 0]);
  return out;
});
await context.close();

/** Milliseconds as microseconds with three significant digits. */
const us = (ms) => { const u = ms * 1000; return `${u >= 100 ? u.toFixed(0) : u.toPrecision(3)} µs`; };
const lines = ["| kernel | wasm | plain JS | JS ÷ wasm |", "|---|---|---|---|"];
let logSum = 0;
for (const [name, w, j] of rows) {
  lines.push(`| ${name} | ${us(w)} | ${us(j)} | ${(j / w).toFixed(2)}× |`);
  logSum += Math.log(j / w);
}
const geomean = Math.exp(logSum / rows.length);
lines.push(`| **geometric mean** | | | **${geomean.toFixed(2)}×** |`);
// The same mean over the kernels that must touch every example (the
// moments make the linear loss and gradient O(1)).
const looping = rows.filter(([name]) => !/^linear (loss|gradient),/.test(name));
const loopMean = Math.exp(looping.reduce((s, [, w, j]) => s + Math.log(j / w), 0) / looping.length);
lines.push(`| geometric mean of the ${looping.length} kernels that touch every example | | | ${loopMean.toFixed(2)}× |`);
return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await launch();
  console.log(await kernelTable(browser));
  await browser.close();
}
