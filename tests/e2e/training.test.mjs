// Scene 3: play, pause, step and reset; divergence; a link reproduces the runs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, settle, text, distinctColours, paintedPixels, canvasPixels, heatmapPainted } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const at = (page) => Number(new URL(page.url()).searchParams.get("at"));

test("scene 3 paints four runs and a loss chart, with captions from the runs", async () => {
  const { page, errors, context } = await open(browser, "?scene=training&n=200&b=16");
  assert.ok(await heatmapPainted(page, "train-param-surface"));
  assert.ok(await paintedPixels(page, "train-param-arrows") > 500, "the paths are missing");
  assert.ok(await distinctColours(page, "train-loss-curves") > 5, "the loss chart is blank");
  assert.match(await text(page, "train-legend-0"), /^full-batch GD$/);
  assert.match(await text(page, "train-legend-2"), /^SGD, B = 1, shuffled$/);
  assert.match(await text(page, "train-caption-loss"), /SGD got within 1% after [\d.]+ epochs?, [\d,]+ gradient evaluations, (and stayed there|but keeps jittering around the minimum, up to [\d.]+% above it)/);
  assert.match(await text(page, "train-stability"), /full-batch GD the limit [\d.]+; .* η = 0\.100 is below both/);
  assert.match(await text(page, "train-noise-ball"), /tr Σ\(θ\*\) = [\d.]+/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("play, pause, step and reset move the clock, and reset replays the same runs", async () => {
  const { page, errors, context } = await open(browser, "?scene=training&n=200&b=20&at=0&speed=10");
  const start = await canvasPixels(page);
  await page.click("#train-play");
  await page.waitForTimeout(400);
  await page.click("#train-play"); // pause
  await settle(page);
  await page.waitForFunction(() => Number(new URL(location.href).searchParams.get("at")) > 0);
  const paused = at(page);
  assert.ok(paused > 0.5 && paused < 20, `the clock should have run for a while, at ${paused}`);
  await page.waitForTimeout(300);
  await settle(page);
  assert.equal(at(page), paused, "pause holds the clock");
  await page.click("#train-step");
  await page.waitForFunction((p) => Number(new URL(location.href).searchParams.get("at")) > p, paused);
  assert.ok(Math.abs(at(page) - paused - 0.1) < 1e-9, "a step is B/N = 0.1 epoch");
  await page.click("#train-reset");
  await page.waitForFunction(() => Number(new URL(location.href).searchParams.get("at")) === 0);
  await settle(page);
  const again = await canvasPixels(page);
  for (const id of ["train-param-arrows", "train-loss-curves", "train-loss", "train-data-line"]) assert.ok(start[id] === again[id], `${id} differs after reset`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link reproduces the trajectories pixel for pixel", async () => {
  const { page, context } = await open(browser, "?scene=training&n=150&b=10&lr=0.05&decay=1-over-t&epochs=15&at=7.5&xaxis=evals");
  const first = await canvasPixels(page);
  const again = await open(browser, new URL(page.url()).search);
  const second = await canvasPixels(again.page);
  for (const id of ["train-param-arrows", "train-loss-curves", "train-loss", "train-data-line"]) assert.ok(first[id] === second[id], `${id} differs`);
  assert.match(await text(page, "train-caption-param"), /η = 0\.0500, constant for 7 epochs, then η\/2, η\/3/);
  assert.match(await text(page, "train-caption-loss"), /What decay did, final excess cost with decay \(and with constant η\)/);
  await context.close();
  await again.context.close();
});

test("a learning rate that diverges stops the run and says so", async () => {
  const { page, errors, context } = await open(browser, "?scene=training&n=100&b=10&lr=5");
  assert.match(await text(page, "train-legend-0"), /^full-batch GD: diverged at step \d+$/);
  assert.match(await text(page, "train-caption-loss"), /Full-batch GD diverged at step \d+/);
  assert.doesNotMatch(await page.locator("#scene-training").textContent(), /NaN|Infinity/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** In the loss chart, right of the band at the time shown (the overlay's
 *  leftmost painted column): how many pixels of a run's colour the two
 *  canvases show together, and the background alone. */
function runPixelsAhead(page) {
  return page.evaluate(() => {
    const curves = document.getElementById("train-loss-curves");
    const time = document.getElementById("train-loss");
    const { width, height } = curves;
    const overlay = time.getContext("2d").getImageData(0, 0, width, height).data;
    let band = width;
    for (let i = 3; i < overlay.length; i += 4) if (overlay[i] > 0) band = Math.min(band, ((i - 3) / 4) % width);
    const both = document.createElement("canvas");
    both.width = width;
    both.height = height;
    const ctx = both.getContext("2d");
    ctx.drawImage(curves, 0, 0);
    ctx.drawImage(time, 0, 0);
    // Blue, vermillion and reddish purple: far from grey, unlike the axes and the grid.
    const coloured = (data) => {
      let count = 0;
      for (let y = 0; y < height; y++) {
        for (let x = band + 5; x < width; x++) {
          const i = 4 * (y * width + x);
          if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) count++;
        }
      }
      return count;
    };
    return {
      band,
      shown: coloured(ctx.getImageData(0, 0, width, height).data),
      beneath: coloured(curves.getContext("2d").getImageData(0, 0, width, height).data),
    };
  });
}

test("the loss chart shows the runs only up to the time shown, playing (the curves drawn once, covered ahead) or paused", async () => {
  const { page, errors, context } = await open(browser, "?scene=training&n=1000&speed=0.2&at=5");
  await page.click("#train-play");
  await page.waitForTimeout(600);
  const playing = await runPixelsAhead(page);
  assert.ok(playing.band > 20 && playing.band < 500, `the band at the time shown is at x = ${playing.band}`);
  assert.ok(playing.beneath > 1000, `while playing, the background holds the whole curves (${playing.beneath} run pixels ahead)`);
  assert.equal(playing.shown, 0, "while playing, nothing of the runs shows ahead of the time");
  await page.click("#train-play"); // pause
  await settle(page);
  const paused = await runPixelsAhead(page);
  assert.equal(paused.beneath, 0, "paused, the background holds the curves up to the time shown");
  assert.equal(paused.shown, 0);
  assert.deepEqual(errors, []);
  await context.close();
});
