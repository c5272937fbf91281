// The plain-JavaScript twins of the Problem API's kernels: the typed-array
// loops a d3-based page would run. The benchmark times each against the
// wasm method that computes the same thing (bench/kernels.mjs). Not used
// by the page: every number on screen comes from the Rust core.

/** MSE linear regression on xs, ys (Float64Array each), θ = [slope, intercept]. */
export function linear(xs, ys) {
  const n = xs.length;
  return {
    loss(t) {
      let s = 0;
      for (let i = 0; i < n; i++) { const r = ys[i] - t[0] * xs[i] - t[1]; s += r * r; }
      return s / n;
    },
    exampleLosses(t, into) {
      const out = into ?? new Float64Array(n);
      for (let i = 0; i < n; i++) { const r = ys[i] - t[0] * xs[i] - t[1]; out[i] = r * r; }
      return out;
    },
    exampleGradients(t, into) {
      const out = into ?? new Float64Array(2 * n);
      for (let i = 0; i < n; i++) { const g = -2 * (ys[i] - t[0] * xs[i] - t[1]); out[2 * i] = g * xs[i]; out[2 * i + 1] = g; }
      return out;
    },
    gradient(t) {
      let a = 0, b = 0;
      for (let i = 0; i < n; i++) { const g = -2 * (ys[i] - t[0] * xs[i] - t[1]); a += g * xs[i]; b += g; }
      return new Float64Array([a / n, b / n]);
    },
    batchGradient(t, idx) {
      let a = 0, b = 0;
      for (let k = 0; k < idx.length; k++) { const i = idx[k]; const g = -2 * (ys[i] - t[0] * xs[i] - t[1]); a += g * xs[i]; b += g; }
      return new Float64Array([a / idx.length, b / idx.length]);
    },
  };
}

/** A 1 → h → 1 tanh network, θ = [w1 (h), b1 (h), w2 (h), b2]. */
export function mlp(xs, ys, h) {
  const n = xs.length;
  const hid = new Float64Array(h);
  function forward(x, t) {
    let y = t[3 * h];
    for (let j = 0; j < h; j++) { hid[j] = Math.tanh(t[j] * x + t[h + j]); y += t[2 * h + j] * hid[j]; }
    return y;
  }
  function backward(x, e, t, out, at) {
    for (let j = 0; j < h; j++) {
      const dz = 2 * e * t[2 * h + j] * (1 - hid[j] * hid[j]);
      out[at + j] += dz * x; out[at + h + j] += dz; out[at + 2 * h + j] += 2 * e * hid[j];
    }
    out[at + 3 * h] += 2 * e;
  }
  const p = 3 * h + 1;
  return {
    loss(t) {
      let s = 0;
      for (let i = 0; i < n; i++) { const e = forward(xs[i], t) - ys[i]; s += e * e; }
      return s / n;
    },
    exampleGradients(t, into) {
      const out = into ? into.fill(0) : new Float64Array(n * p); // backward adds
      for (let i = 0; i < n; i++) { const e = forward(xs[i], t) - ys[i]; backward(xs[i], e, t, out, i * p); }
      return out;
    },
    gradient(t) {
      const out = new Float64Array(p);
      for (let i = 0; i < n; i++) { const e = forward(xs[i], t) - ys[i]; backward(xs[i], e, t, out, 0); }
      for (let k = 0; k < p; k++) out[k] /= n;
      return out;
    },
  };
}
