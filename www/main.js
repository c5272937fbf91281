// Generic wiring, URL sync and the animation loop for gradavg. No math and
// nothing scene-specific here: controls, buttons, plots and text slots are
// found by data- attributes, and every number, arrow and sentence comes from
// the Rust core (the App object).
//   data-setting="key"   a control of one setting (value typed by the control)
//   data-value="v"       a button that sets its setting to v
//   data-item="k"        item k of a list setting (menus from data-choices)
//   data-slider="key"    a log slider; the core maps position <-> value
//   data-show="key"      shows the setting's value
//   data-action="name"   runs an action of the page or the scene (data-arg)
//   data-slot="name"     a text the scene writes
//   data-shown-if / data-enabled-if / data-pressed-if="flag ..."   the scene's switches
//   data-plot="param|data|..."   a figure the pointer acts on; data-hover-slot
//   data-table           the scene's text twin (twin.js)
//   data-export="figure" data-format="png|svg"   a download (export.js)
//   data-copy-link, data-link-text, data-copy-status   Copy link and its fallback (embed.js)
//   data-page-link       shows the full-page link (printed)
// Embedding and the Embed dialog live in embed.js, the guided lesson in
// lesson.js (its steps are data: lesson-steps.js), the status line in announce.js.
import init, { App } from "../pkg/page.js";
import { announcer } from "./announce.js";
import { showLinkedScene } from "./early.js";
import { applyPresentation, copyLink, reportHeight, wireEmbedDialog } from "./embed.js";
import { wireDownloads, wirePrint } from "./export.js";
import { writeTable } from "./twin.js";
import { wireGridWorker } from "./grids.js";
import { wireLesson } from "./lesson.js";
import { wireOwnData } from "./own-data.js";

const $ = (id) => document.getElementById(id);
const all = (selector, root = document) => [...root.querySelectorAll(selector)];

function showBanner(message) {
  const banner = $("error-banner");
  if (!banner) return;
  banner.textContent = `Something went wrong inside the page: ${message}. Reload to start again.`;
  banner.hidden = false;
}

window.addEventListener("error", (e) => showBanner(e.message || "unknown error"));
window.addEventListener("unhandledrejection", (e) => showBanner(String(e.reason && e.reason.message || e.reason)));

const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function showNotices(lines) {
  const list = $("notice-list");
  if (!list) return;
  list.replaceChildren(...lines.map((line) => {
    const li = document.createElement("li");
    li.textContent = line;
    return li;
  }));
  $("notices").hidden = lines.length === 0;
}

function reportControlError(message) {
  const el = $("control-error");
  if (el) el.textContent = message;
}

/** Milliseconds of painting a frame at rest before the rest waits for the
 *  next frame (see App.render). */
const PAINT_SLICE_MS = 10;

/** Resolves once the page's first text has painted, or after `ms` (a tab in
 *  the background paints nothing). The wasm draws none of that text, so it is
 *  fetched after it rather than competing with it on a slow connection
 *  (Lighthouse's simulated phone counted the wasm in the largest paint
 *  whenever its request began first: 3.2 s instead of 1.0 s). */
function afterFirstPaint(ms = 1000) {
  return new Promise((resolve) => {
    let observer = null;
    const done = () => {
      clearTimeout(timer);
      if (observer) observer.disconnect();
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (performance.getEntriesByName("first-contentful-paint").length) return done();
    if (typeof PerformanceObserver === "undefined") return;
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length) done();
    });
    observer.observe({ type: "paint", buffered: true });
  });
}

async function main() {
  showLinkedScene(); // already done by early.js on the site; the single file runs it here
  await afterFirstPaint();
  // A single-file copy of the page (cargo xtask dist) carries the wasm inline.
  await init(window.gradavgWasm ? { module_or_path: window.gradavgWasm } : undefined);
  performance.mark("gradavg-wasm-ready");
  const app = new App(window.location.search);
  performance.mark("gradavg-app-ready");
  window.gradavgApp = app; // for the end-to-end tests and the benchmark
  showNotices(app.notices());
  const embedded = applyPresentation(app);
  const section = () => document.querySelector(`.scene[data-scene="${app.scene()}"]`);

  // --- painting -----------------------------------------------------------
  const speaker = announcer($("announcer"));
  let frameRequested = false;
  let urlTimer = null;

  /** The page's own address without the query: where links and embeds point. */
  const pageUrl = () => window.location.href.split(/[?#]/)[0];
  /** The link that reproduces this view on the full page. */
  const fullPageLink = () => `${pageUrl()}?${app.fullPageQuery()}`;

  function writeUrl() {
    urlTimer = null;
    window.history.replaceState(null, "", `${window.location.pathname}?${app.query()}`);
    for (const el of all("[data-link-text]:not(textarea)")) el.value = embedded ? fullPageLink() : window.location.href;
    for (const el of all("[data-page-link]")) el.textContent = fullPageLink();
    const full = $("full-page-link");
    if (full) full.href = fullPageLink();
  }

  function scheduleUrl(now) {
    if (now) {
      clearTimeout(urlTimer);
      writeUrl();
    } else if (urlTimer === null) {
      urlTimer = setTimeout(writeUrl, 200);
    }
  }

  function writeTexts(root) {
    for (const [slot, text, title] of app.texts()) {
      for (const el of all(`[data-slot="${slot}"]`, root)) {
        el.textContent = text;
        if (title) el.title = title; else el.removeAttribute("title");
      }
    }
    const flags = new Map(app.flags());
    const any = (names) => names.split(" ").some((f) => flags.get(f));
    // The scene's switches, and the page's (undo, own data) on the data panel.
    for (const scope of [root, ...all("[data-page-flags]")]) {
      for (const el of all("[data-shown-if]", scope)) el.hidden = !any(el.dataset.shownIf);
      for (const el of all("[data-enabled-if]", scope)) el.disabled = !any(el.dataset.enabledIf);
      for (const el of all("[data-pressed-if]", scope)) el.setAttribute("aria-pressed", String(any(el.dataset.pressedIf)));
    }
  }

  /** Paints what is due. At rest a change that costs several long canvases
   *  is painted a slice at a time, one frame each (`whole`: all at once, as
   *  printing needs); `body[data-painted]` says when nothing is left, no
   *  canvas due and none showing a coarse surface while grids.js's worker
   *  computes the fine one. */
  function paint(whole = false) {
    frameRequested = false;
    let animating = false;
    try {
      animating = app.render(performance.now(), whole ? undefined : PAINT_SLICE_MS);
      sendGridJobs();
      const root = section();
      if (root) writeTexts(root);
      updateDataPanel();
      for (const table of all("[data-table]", root || document)) writeTable(app, table);
      speaker.update(root, performance.now(), animating);
    } catch (err) {
      showBanner(err && err.message ? err.message : String(err));
      return;
    } finally {
      if (!document.body.dataset.ready) document.body.dataset.ready = "true"; // the first paint has run
    }
    const painting = app.painting();
    // A canvas may show a coarse surface while the worker computes the fine one.
    const final = !painting && !app.waitingForGrids();
    document.body.dataset.painted = String(final);
    if (final && !performance.getEntriesByName("gradavg-first-figure").length) {
      performance.mark("gradavg-first-figure"); // every figure of the first view painted
    }
    if (animating) scheduleUrl(false);
    if (animating || painting) requestPaint();
  }

  const sendGridJobs = wireGridWorker(app, requestPaint);

  function requestPaint() {
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(() => paint());
    }
  }

  function changed({ urlNow = false } = {}) {
    requestPaint();
    scheduleUrl(urlNow);
  }

  // --- controls -----------------------------------------------------------
  function syncControls(restore = null) {
    const settings = new Map(app.settings().map(([key, value, text]) => [key, { value, text }]));
    for (const el of all("[data-setting]")) {
      if ((document.activeElement === el && el !== restore) || el.dataset.value !== undefined) continue;
      const s = settings.get(el.dataset.setting);
      if (el.dataset.choices) {
        const shown = app.choices(el.dataset.selectedFrom || "");
        el.replaceChildren(...app.choices(el.dataset.choices).map(([value, label]) => {
          const option = document.createElement("option");
          option.value = String(value);
          option.textContent = label;
          return option;
        }));
        const item = Number(el.dataset.item);
        const chosen = s ? s.value[item] : shown[item] && shown[item][0];
        if (chosen !== undefined) el.value = String(chosen);
      } else if (el.type === "checkbox") {
        el.checked = Boolean(s && s.value);
      } else if (s) {
        el.value = s.text;
      }
    }
    for (const el of all("[data-slider]")) {
      if (document.activeElement !== el) el.value = app.sliderPosition(el.dataset.slider);
      // A log slider's position means nothing read aloud: give its value.
      const s = settings.get(el.dataset.slider);
      if (s) el.setAttribute("aria-valuetext", s.text);
    }
    for (const el of all("[data-show]")) {
      const s = settings.get(el.dataset.show);
      if (s) el.textContent = s.text;
    }
  }

  /// Runs a change; a refused one leaves its message, and the control
  /// `el` (even while focused) shows the value that stays.
  function afterChange(run, el) {
    let refused = false;
    try {
      run();
      reportControlError("");
    } catch (err) {
      refused = true;
      reportControlError(err && err.message ? err.message : String(err));
    }
    syncControls(refused ? el : null);
    changed({ urlNow: true });
  }

  /// The typed value a control holds: a boolean, a number, a list, or a choice key.
  function controlValue(el) {
    const key = el.dataset.setting;
    if (el.dataset.value !== undefined) return el.dataset.value;
    if (el.type === "checkbox") return el.checked;
    if (el.dataset.item !== undefined) {
      const items = all(`[data-setting="${key}"][data-item]`, el.closest("[data-scene]") || document);
      return items.sort((a, b) => a.dataset.item - b.dataset.item).map((item) => Number(item.value));
    }
    if (el.type === "number" || el.type === "range") return el.value.trim() === "" ? NaN : Number(el.value);
    return el.value;
  }

  for (const el of all("[data-setting]")) {
    const eventName = el.tagName === "BUTTON" ? "click" : el.type === "range" ? "input" : "change";
    el.addEventListener(eventName, () => afterChange(() => app.set(el.dataset.setting, controlValue(el)), el));
  }
  for (const el of all("[data-slider]")) {
    el.addEventListener("input", () => afterChange(() => app.setSliderPosition(el.dataset.slider, Number(el.value))));
  }
  for (const el of all("[data-action]")) {
    el.addEventListener("click", () => {
      const arg = el.dataset.arg !== undefined ? Number(el.dataset.arg) : (reducedMotion() ? 1 : 0);
      afterChange(() => app.action(el.dataset.action, arg, performance.now()));
    });
  }

  // --- scenes -------------------------------------------------------------
  function showScene(key) {
    for (const s of all(".scene")) s.hidden = s.dataset.scene !== key;
    for (const tab of all(".scene-tab")) {
      if (tab.dataset.scene === key) tab.setAttribute("aria-current", "page"); else tab.removeAttribute("aria-current");
    }
    app.resize();
    requestPaint();
  }
  for (const tab of all(".scene-tab")) {
    tab.addEventListener("click", (e) => {
      e.preventDefault();
      app.setScene(tab.dataset.scene);
      showScene(tab.dataset.scene);
      syncControls();
      changed({ urlNow: true });
    });
  }

  const dismiss = $("dismiss-notices");
  if (dismiss) dismiss.addEventListener("click", () => { $("notices").hidden = true; });
  for (const table of all("[data-table]")) {
    const details = table.closest("details");
    if (details) details.addEventListener("toggle", () => writeTable(app, table));
  }
  for (const button of all("[data-copy-link]")) {
    button.addEventListener("click", () => {
      writeUrl();
      copyLink(button, embedded ? fullPageLink() : window.location.href);
    });
  }
  wireEmbedDialog(app, pageUrl);
  wireDownloads(app, fullPageLink, reportControlError);
  const updateDataPanel = wireOwnData(app, (change) => afterChange(change));
  wirePrint(() => { app.resize(); paint(true); });

  // --- pointer and keyboard -------------------------------------------------
  function wirePlot(element, figure) {
    // A long press on touch (600 ms without moving) on a data figure removes
    // the example pressed, as Delete does with a keyboard.
    let longPress = null;
    const cancelLongPress = () => { clearTimeout(longPress?.timer); longPress = null; };
    element.addEventListener("pointerdown", (e) => {
      try { element.setPointerCapture(e.pointerId); } catch { /* a pointer the browser no longer knows */ }
      speaker.hold(true);
      if (figure === "param") element.focus({ preventScroll: true });
      if (app.pointerDown(figure, e.offsetX, e.offsetY, e.shiftKey)) changed();
      else requestPaint();
      cancelLongPress();
      if (figure === "data" && e.pointerType === "touch") {
        longPress = { x: e.offsetX, y: e.offsetY, timer: setTimeout(() => {
          longPress = null;
          const removed = app.key("Delete", false); // the example the press picked
          app.pointerUp(); // ends the press: no drag follows
          if (removed) changed({ urlNow: true });
        }, 600) };
      }
    });
    element.addEventListener("pointermove", (e) => {
      if (longPress && Math.hypot(e.offsetX - longPress.x, e.offsetY - longPress.y) > 8) cancelLongPress();
      if (app.pointerMove(figure, e.offsetX, e.offsetY)) changed();
      else requestPaint();
    });
    const end = () => {
      cancelLongPress();
      app.pointerUp();
      speaker.hold(false);
      requestPaint();
      scheduleUrl(true);
    };
    element.addEventListener("pointerup", end);
    element.addEventListener("pointercancel", end);
    element.addEventListener("pointerleave", () => { app.pointerLeave(); requestPaint(); });
  }
  for (const el of all('[data-plot="param"], [data-plot="data"]')) wirePlot(el, el.dataset.plot);
  // On a data figure the keys pick examples: [ and ] step through them, Escape lets go.
  for (const el of all('[data-plot="data"]')) {
    el.addEventListener("keydown", (e) => {
      if (["[", "]", "Escape", "Delete", "Backspace"].includes(e.key) && app.key(e.key, e.shiftKey)) {
        e.preventDefault();
        changed();
      }
    });
  }
  for (const el of all('[data-plot="param"]')) {
    el.addEventListener("keydown", (e) => {
      if (app.key(e.key, e.shiftKey)) {
        e.preventDefault();
        changed();
      }
    });
    el.addEventListener("wheel", (e) => {
      if (app.wheel(e.offsetX, e.offsetY, e.deltaY)) {
        e.preventDefault();
        changed();
      }
    }, { passive: false });
  }
  // A focused chart is read from the keyboard: ← → step, Home and End jump.
  for (const el of all('[data-plot="loss"]')) {
    el.addEventListener("keydown", (e) => {
      const text = app.readKey(el.dataset.plot, e.key);
      if (!text) return;
      e.preventDefault();
      const slots = all(`[data-slot="${el.dataset.hoverSlot}"]`, el.closest("[data-scene]") || document);
      for (const slot of slots) slot.textContent = text;
      speaker.say(text);
    });
  }
  for (const el of all("[data-hover-slot]")) {
    const slots = () => all(`[data-slot="${el.dataset.hoverSlot}"]`, el.closest("[data-scene]") || document);
    el.addEventListener("pointermove", (e) => {
      const text = app.hoverText(el.dataset.plot, e.offsetX, e.offsetY);
      for (const slot of slots()) slot.textContent = text;
    });
    el.addEventListener("pointerleave", () => { for (const slot of slots()) slot.textContent = ""; });
  }

  const resizer = new ResizeObserver(() => { app.resize(); requestPaint(); });
  for (const plot of all(".plot")) resizer.observe(plot);
  // A move to a screen with another pixel ratio changes no CSS size, so watch the ratio itself.
  const watchRatio = () => {
    window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener("change", () => {
      app.resize();
      requestPaint();
      watchRatio();
    }, { once: true });
  };
  watchRatio();

  syncControls();
  showScene(app.scene());
  wireLesson(app, { showScene, syncControls, changed, reportError: reportControlError });
  performance.mark("gradavg-controls-ready");
  writeUrl();
  reportHeight();
  // The first figures are painted in the next frame, a task of their own,
  // not at the end of the wasm's start-up: neither then blocks the page long.
  requestPaint();
}

main().catch((err) => showBanner(err && err.message ? err.message : String(err)));
