// The JS API contract of DESIGN.md, used from JavaScript as a course author would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("Problem computes from JS and bad arguments throw Errors that name the problem", async () => {
  const { page, errors, context } = await open(browser);
  const result = await page.evaluate(async () => {
    const { default: init, Problem } = await import("/pkg/gradavg.js");
    await init(); // the API is its own module (pkg/gradavg.js), apart from the page's
    const p = Problem.linear(new Float64Array([0, 1, 2]), new Float64Array([1, 3, 2]));
    const theta = new Float64Array([1, 0]);
    const out = {
      n: p.numExamples(),
      params: p.numParams(),
      loss: p.loss(theta),
      grads: Array.from(p.exampleGradients(theta)),
      gradient: Array.from(p.gradient(theta)),
      batch: Array.from(p.batchGradient(theta, new Uint32Array([0, 1]))),
      update: Array.from(p.batchUpdate(theta, new Uint32Array([0, 1]), 0.5)),
      types: [p.exampleLosses(theta) instanceof Float64Array, p.gradient(theta) instanceof Float64Array],
      errors: [],
    };
    const attempts = [
      () => Problem.linear(new Float64Array([1, 2]), new Float64Array([1])),
      () => Problem.linear(new Float64Array([]), new Float64Array([])),
      () => Problem.linear(new Float64Array([NaN]), new Float64Array([1])),
      () => p.loss(new Float64Array([1])),
      () => p.gradient(new Float64Array([Infinity, 0])),
      () => p.batchGradient(theta, new Uint32Array([])),
      () => p.batchGradient(theta, new Uint32Array([9])),
      () => p.batchUpdate(theta, new Uint32Array([0]), NaN),
    ];
    for (const attempt of attempts) {
      try { attempt(); out.errors.push("no error"); } catch (e) { out.errors.push(`${e instanceof Error}:${e.message}`); }
    }
    out.after = p.loss(theta); // still alive after every error
    return out;
  });
  assert.equal(result.n, 3);
  assert.equal(result.params, 2);
  assert.ok(Math.abs(result.loss - 5 / 3) < 1e-15);
  assert.deepEqual(result.grads, [-0, -2, -4, -4, -0, -0]); // −2·r·x with x = 0 is −0
  assert.ok(Math.abs(result.gradient[0] + 4 / 3) < 1e-15 && Math.abs(result.gradient[1] + 2) < 1e-15);
  assert.deepEqual(result.batch, [-2, -3]);
  assert.deepEqual(result.update, [2, 1.5]);
  assert.deepEqual(result.types, [true, true]);
  const expected = [/same length/, /at least one example/, /xs\[0\] is NaN/, /2 entries/, /theta\[0\] is inf/,
    /batch is empty/, /index 9 is out of range/, /learning rate is NaN/];
  result.errors.forEach((line, i) => {
    assert.ok(line.startsWith("true:"), `attempt ${i} did not throw an Error: ${line}`);
    assert.match(line, expected[i]);
    assert.doesNotMatch(line, /unreachable/);
  });
  assert.ok(Math.abs(result.after - 5 / 3) < 1e-15);
  assert.deepEqual(errors, []);
  await context.close();
});

test("exampleLosses and exampleGradients fill a caller's array, reused call after call", async () => {
  const { page, errors, context } = await open(browser);
  const result = await page.evaluate(async () => {
    const { default: init, Problem } = await import("/pkg/gradavg.js");
    await init();
    const xs = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i)), ys = xs.map((x) => 2 * x - 1 + Math.cos(7 * x));
    const problems = { linear: Problem.linear(xs, ys), huber: Problem.linear(xs, ys, { loss: "huber", delta: 0.3 }), net: Problem.mlp(xs, ys, 3) };
    const out = {};
    for (const [name, p] of Object.entries(problems)) {
      const np = p.numParams(), thetas = [Float64Array.from({ length: np }, (_, k) => 0.1 * (k + 1)), Float64Array.from({ length: np }, (_, k) => -0.3 * k)];
      const losses = new Float64Array(50).fill(NaN), grads = new Float64Array(50 * np).fill(NaN);
      const same = [];
      for (const t of thetas) {
        const l = p.exampleLosses(t, losses), g = p.exampleGradients(t, grads);
        same.push(l === losses && g === grads,
          losses.every((v, i) => Object.is(v, p.exampleLosses(t)[i])),
          grads.every((v, i) => Object.is(v, p.exampleGradients(t)[i])));
      }
      const before = Array.from(losses);
      const bad = [];
      for (const arg of [new Float64Array(49), new Float32Array(50), Array.from(losses), "out"]) {
        try { p.exampleLosses(thetas[0], arg); bad.push("no error"); } catch (e) { bad.push(`${e instanceof Error}:${e.message}`); }
      }
      try { p.exampleGradients(thetas[0], new Float64Array(50)); bad.push("no error"); } catch (e) { bad.push(`${e instanceof Error}:${e.message}`); }
      out[name] = { same, bad, untouched: before.every((v, i) => Object.is(v, losses[i])) };
    }
    return out;
  });
  for (const [name, r] of Object.entries(result)) {
    assert.deepEqual(r.same, [true, true, true, true, true, true], `${name}: the array given back is the one passed, with the fresh call's values`);
    assert.match(r.bad[0], /^true:out must have N = 50 entries, got 49/);
    assert.match(r.bad[1], /^true:out must be a Float64Array of N = 50 entries, got a Float32Array/);
    assert.match(r.bad[2], /^true:out must be a Float64Array of N = 50 entries, got an array/);
    assert.match(r.bad[3], /^true:out must be a Float64Array of N = 50 entries, got the string "out"/);
    assert.match(r.bad[4], /^true:out must have N·P = \d+ entries, got 50/);
    assert.ok(r.untouched, `${name}: a refused call leaves the array as it was`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("the network's kernels (SIMD tanh in the API build) agree with Math.tanh's plain-JS twin", async () => {
  const { page, errors, context } = await open(browser);
  const worst = await page.evaluate(async () => {
    const { default: init, Problem } = await import("/pkg/gradavg.js");
    await init();
    const plain = await import("/bench/plain.js");
    const xs = Float64Array.from({ length: 400 }, (_, i) => 9 * Math.sin(i)), ys = xs.map((x) => Math.cos(x));
    const out = {};
    // H = 8 runs the two-lane path only; H = 3 leaves one unit for the scalar tail.
    for (const h of [8, 3]) {
      const w = Problem.mlp(xs, ys, h), j = plain.mlp(xs, ys, h);
      // Weights up to ±3 reach both sides of tanh's switch at 0.625 and its cap at 20.
      const t = Float64Array.from({ length: 3 * h + 1 }, (_, k) => 3 * Math.sin(2.3 * k + 1));
      // Normwise: the largest difference over the largest entry (1 − h² near a
      // saturated unit has few correct digits of its own, in either tanh).
      const rel = (a, b) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0) / Math.max(...Array.from(b, Math.abs));
      out[h] = {
        loss: rel([w.loss(t)], [j.loss(t)]),
        examples: rel(w.exampleGradients(t), j.exampleGradients(t)),
        gradient: rel(w.gradient(t), j.gradient(t)),
        saturated: Array.from(xs).filter((x) => Math.abs(t[0] * x + t[h]) > 20).length,
        small: Array.from(xs).filter((x) => Math.abs(t[0] * x + t[h]) < 0.625).length,
      };
    }
    return out;
  });
  for (const [h, r] of Object.entries(worst)) {
    assert.ok(r.loss < 1e-13, `H = ${h}: loss off by ${r.loss}`);
    assert.ok(r.gradient < 1e-11, `H = ${h}: ∇C off by ${r.gradient}`);
    assert.ok(r.examples < 1e-11, `H = ${h}: a per-example gradient off by ${r.examples}`);
  }
  assert.ok(worst[8].saturated > 0 && worst[8].small > 0, "the first hidden unit should meet both of tanh's branches and its cap");
  assert.deepEqual(errors, []);
  await context.close();
});

test("costGrid gives C at every cell centre, for each two-parameter problem, and refuses the rest by name", async () => {
  const { page, errors, context } = await open(browser);
  const result = await page.evaluate(async () => {
    const { default: init, Problem } = await import("/pkg/gradavg.js");
    await init();
    const xs = new Float64Array([-1, 0.5, 2, 3]);
    const ys = new Float64Array([0, 1, 1, 0]);
    const problems = {
      mse: Problem.linear(xs, ys),
      huber: Problem.linear(xs, ys, { loss: "huber", delta: 0.3 }),
      logistic: Problem.logistic(xs, ys),
      linearCost: Problem.linearCost(xs, ys),
    };
    const out = { mismatches: {}, errors: [] };
    const [x0, x1, y0, y1, nx, ny] = [-2, 1, -0.5, 2.5, 5, 3];
    for (const [name, p] of Object.entries(problems)) {
      const grid = p.costGrid([x0, x1], [y0, y1], nx, ny);
      let bad = grid.length === nx * ny ? 0 : -1;
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++) {
          const [dx, dy] = [(x1 - x0) / nx, (y1 - y0) / ny];
          const theta = new Float64Array([x0 + (i + 0.5) * dx, y0 + (j + 0.5) * dy]);
          if (!Object.is(grid[j * nx + i], p.loss(theta))) bad++;
        }
      }
      out.mismatches[name] = bad;
    }
    const p = problems.huber;
    for (const attempt of [
      () => Problem.mlp(xs, ys, 2).costGrid([0, 1], [0, 1], 2, 2),
      () => p.costGrid([1, 0], [0, 1], 2, 2),
      () => p.costGrid([0, 1], [0, NaN], 2, 2),
      () => p.costGrid([0, 1], [0, 1], 0, 2),
      () => p.costGrid([0, 1], [0, 1], 2, 1e9),
    ]) {
      try { attempt(); out.errors.push("no error"); } catch (e) { out.errors.push(`${e instanceof Error}:${e.message}`); }
    }
    return out;
  });
  // The same C as loss(θ), to the bit (−1 would mean a grid of the wrong size).
  assert.deepEqual(result.mismatches, { mse: 0, huber: 0, logistic: 0, linearCost: 0 });
  assert.match(result.errors[0], /^true:costGrid draws C over two parameters, and this problem has 7$/);
  assert.match(result.errors[1], /^true:x must be \[low, high\]/);
  assert.match(result.errors[2], /^true:y must be \[low, high\]/);
  assert.match(result.errors[3], /^true:nx must be a whole number from 1 to 4096, got 0$/);
  assert.match(result.errors[4], /^true:ny must be a whole number from 1 to 4096/);
  assert.deepEqual(errors, []);
  await context.close();
});
