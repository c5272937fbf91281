// Accessibility, checked by a tool and by hand: axe-core on every scene, every
// part of scene 4 and an embed, at desktop and phone widths, with no violation
// and every "needs review" item resolved here; 24×24 px targets on a phone;
// and the status line speaking once a change settles.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { launch, open, settle, pagePoint } from "./helpers.mjs";

const AXE = fs.readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const VIEWS = ["?scene=one-point", "?scene=one-point&picture=mistaken", "?scene=estimator&draws=100",
  "?scene=training", "?scene=average-first&part=inputs", "?scene=average-first&part=linear-cost",
  "?scene=average-first&part=max-cost", "?scene=average-first&part=network", "?scene=estimator&embed=1",
  "?scene=surfaces&sel=2", "?scene=surfaces&loss=huber&k=3", "?lesson=1&step=6", "?lesson=1&step=14&present=1"];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** WCAG contrast of an element's text against the first opaque background behind it. */
function contrastOf(page, selector) {
  return page.evaluate((selector) => {
    const rgb = (c) => c.match(/[\d.]+/g).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const el = document.querySelector(selector);
    let bg = null;
    for (let a = el; a && !bg; a = a.parentElement) {
      const c = rgb(getComputedStyle(a).backgroundColor);
      if (c.length === 3 || c[3] === 1) bg = c.slice(0, 3);
    }
    const [fg, back] = [lum(rgb(getComputedStyle(el).color)), lum(bg || [255, 255, 255])];
    return (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05);
  }, selector);
}

for (const [viewport, scheme] of [[{ width: 1280, height: 800 }, "light"], [{ width: 390, height: 844 }, "light"], [{ width: 1280, height: 800 }, "dark"], [{ width: 390, height: 844 }, "dark"]]) {
  test(`axe-core finds no violation at ${viewport.width} px in ${scheme} mode, and every item it leaves for review passes by hand`, async () => {
    for (const view of VIEWS) {
      const { page, context } = await open(browser, view, viewport);
      await page.emulateMedia({ colorScheme: scheme });
      // The sections below the first screen are not rendered until scrolled
      // near (content-visibility: auto), and axe needs them rendered to see
      // what lies behind their text: rendered here, as a reader would scroll.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll(".explain, .controls")) el.style.contentVisibility = "visible";
      });
      await page.evaluate(AXE);
      const result = await page.evaluate(() => axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      }));
      const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      assert.deepEqual(violations, [], `${view} at ${viewport.width} px, ${scheme}`);
      for (const item of result.incomplete) {
        for (const node of item.nodes) {
          const why = [...node.any, ...node.all, ...node.none].map((c) => c.message).join(" ");
          // axe cannot judge a MathML operator (∑, −, parentheses: "only non-text
          // characters"); its contrast is measured here instead.
          assert.ok(item.id === "color-contrast" && /only non-text characters/.test(why),
            `${view}: ${item.id} needs review at ${node.target.join(" ")}: ${why}`);
          const ratio = await contrastOf(page, node.target.join(" "));
          assert.ok(ratio >= 4.5, `${view}: ${node.target.join(" ")} has contrast ${ratio.toFixed(2)}`);
        }
      }
      await context.close();
    }
  });
}

test("on a phone every visible control is at least 24×24 CSS px", async () => {
  for (const view of VIEWS) {
    const { page, context } = await open(browser, view, { width: 390, height: 844 });
    const small = await page.evaluate(() => [...document.querySelectorAll("button, input, select, a[href], [tabindex]")]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .map((el) => { const r = el.getBoundingClientRect(); return [el.id || el.textContent.trim(), r.width, r.height]; })
      .filter(([, w, h]) => w < 24 || h < 24));
    assert.deepEqual(small, [], view);
    await context.close();
  }
});

/** Counts changes of text that a screen reader would speak: every live region of the page. */
async function countSpeech(page) {
  await page.evaluate(() => {
    window.spoken = [];
    const live = [...document.querySelectorAll("[aria-live], [role=status], [role=alert], output")]
      .filter((el) => el.getAttribute("aria-live") !== "off");
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const region = live.find((el) => el.contains(r.target));
        if (region) window.spoken.push(region.id || region.className);
      }
    });
    for (const el of live) observer.observe(el, { childList: true, characterData: true, subtree: true });
  });
}

test("readouts speak once a drag settles, and at most once a second during Play", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point&theta=0,0");
  await countSpeech(page);
  const start = await pagePoint(page, "param-plot", await page.evaluate(() => window.gradavgApp.thetaPosition()));
  await page.mouse.move(start[0], start[1]);
  await page.mouse.down();
  for (let k = 1; k <= 90; k++) {
    await page.mouse.move(start[0] + 2 * k, start[1] - k);
    await page.waitForTimeout(30);
  }
  const during = await page.evaluate(() => window.spoken.length);
  assert.equal(during, 0, "nothing is spoken while θ is held");
  await page.mouse.up();
  await settle(page);
  await page.waitForTimeout(100);
  const spoken = await page.evaluate(() => window.spoken);
  assert.deepEqual(spoken, ["announcer"], "one announcement on release");
  const said = await page.textContent("#announcer");
  assert.match(said, /C\(θ\), the cost: [\d.]+; .*difference between the two: 0 \(to rounding\)/);
  assert.deepEqual(errors, []);
  await context.close();

  const train = await open(browser, "?scene=training&epochs=20&speed=2");
  await countSpeech(train.page);
  await train.page.click("#train-play");
  await train.page.waitForTimeout(3000);
  const count = await train.page.evaluate(() => window.spoken.length);
  assert.ok(count >= 1 && count <= 4, `${count} announcements in 3 s of Play`);
  assert.match(await train.page.textContent("#announcer"), /Time: /);
  await train.context.close();
});

test("the keyboard picks examples on a focused data figure: ] and [ step, Escape lets go", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point");
  await page.locator("#data-plot").focus();
  await page.keyboard.press("]");
  await page.keyboard.press("]");
  await settle(page);
  assert.match(await page.textContent("#example-info"), /^Example 2: x = /);
  await page.waitForFunction(() => new URL(location.href).searchParams.get("sel") === "1"); // the link keeps it
  await page.keyboard.press("[");
  await page.keyboard.press("[");
  await settle(page);
  assert.match(await page.textContent("#example-info"), /^Example 12: /, "[ wraps to the last example");
  await page.keyboard.press("Escape");
  await settle(page);
  assert.match(await page.textContent("#example-info"), /^Point at an example/);
  // The arrows on the data figure do not move θ (they belong to the parameter figure).
  const theta = new URL(page.url()).searchParams.get("theta");
  await page.keyboard.press("ArrowRight");
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get("theta"), theta);
  assert.deepEqual(errors, []);
  await context.close();
});

test("every figure of scenes 1–3 has a text twin: the examples' numbers, their mean and ∇C", async () => {
  const { page, errors, context } = await open(browser, "?scene=one-point&theta=0,0&sel=2");
  assert.match(await page.getAttribute("#data-plot", "aria-describedby"), /twin-one-point/);
  await page.click('[data-scene="one-point"] .twin summary');
  await settle(page);
  const table = await page.evaluate(() => {
    const t = document.getElementById("twin-one-point");
    return {
      caption: t.caption.textContent,
      head: [...t.tHead.rows[0].cells].map((c) => c.textContent),
      rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)),
      foot: [...t.tFoot.rows].map((r) => [...r.cells].map((c) => c.textContent)),
    };
  });
  assert.equal(table.caption, "The 12 examples at θ = (0, 0).");
  assert.equal(table.head.length, 6);
  assert.equal(table.rows.length, 12);
  assert.equal(table.rows[2][0], "3 (selected)");
  // Every row's gradient is −2r·(x, 1), read back from the table's own cells.
  for (const [, x, , r, , grad] of table.rows) {
    const [g0, g1] = grad.slice(1, -1).split(", ").map((v) => Number(v.replace("−", "-")));
    const [xv, rv] = [x, r].map((v) => Number(v.replace("−", "-")));
    assert.ok(Math.abs(g1 + 2 * rv) <= 0.01 * Math.max(1, Math.abs(g1)), `${grad} against r = ${r}`);
    assert.ok(Math.abs(g0 - g1 * xv) <= 0.02 * Math.max(1, Math.abs(g0)), `${grad} against x = ${x}`);
  }
  assert.equal(table.foot[0][5], await page.textContent("#readout-mean"), "the mean row is the readout");
  assert.equal(table.foot[1][5], (await page.textContent("#readout-grad")).split(";")[0], "∇C row");
  // It follows θ.
  await page.locator("#param-plot").focus();
  await page.keyboard.press("ArrowUp");
  await settle(page);
  assert.match(await page.evaluate(() => document.getElementById("twin-one-point").caption.textContent), /θ = \(0, 0\.0\d+\)|θ = \(0, 0\.\d+\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the loss chart is read from the keyboard: ← and → step through the runs, Home and End jump", async () => {
  const { page, errors, context } = await open(browser, "?scene=training&epochs=5");
  await page.locator("#train-loss-plot").focus();
  await page.keyboard.press("ArrowLeft");
  const end = await page.textContent("#train-hover");
  assert.match(end, /^Epoch 5\.0: full-batch GD: step 5, 60 gradient evaluations, C = [\d.]+; .*SGD, B = 1.*: step 60, 60 gradient evaluations/);
  await page.keyboard.press("ArrowLeft");
  assert.match(await page.textContent("#train-hover"), /^Epoch 4\.9: /);
  await page.keyboard.press("Home");
  assert.match(await page.textContent("#train-hover"), /^Epoch 0\.0: full-batch GD: step 0, 0 gradient evaluations/);
  await page.keyboard.press("ArrowRight");
  assert.match(await page.textContent("#train-hover"), /^Epoch 0\.1: /);
  assert.equal(await page.textContent("#announcer"), await page.textContent("#train-hover"), "and it is said");
  await page.keyboard.press("End");
  assert.equal(await page.textContent("#train-hover"), end);
  assert.deepEqual(errors, []);
  await context.close();
});

test("scene 4's text twin sets the averaged example beside the mean, and the network keeps its own table", async () => {
  const { page, errors, context } = await open(browser, "?scene=average-first&part=inputs&theta=0,0");
  await page.click('[data-scene="average-first"] .twin summary');
  await settle(page);
  const foot = await page.evaluate(() => [...document.getElementById("twin-average-first").tFoot.rows].map((r) => r.cells[0].textContent));
  assert.deepEqual(foot, ["mean of all 12", "∇C, from the data's sums", "the averaged example (x̄, ȳ)"]);
  await page.click('[data-scene="average-first"] [data-value="network"]');
  await settle(page);
  assert.equal(await page.isVisible('[data-scene="average-first"] .twin'), false, "the network's numbers are in its table");
  assert.equal(await page.isVisible('[data-scene="average-first"] .net-table'), true);
  assert.deepEqual(errors, []);
  await context.close();
});
