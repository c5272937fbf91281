// Event wiring, URL sync and the animation loop for gradavg. No math here:
// every number, arrow and sentence comes from the Rust core (the App object).
import init, { App } from "../pkg/gradavg.js";

const $ = (id) => document.getElementById(id);

function showBanner(message) {
  const banner = $("error-banner");
  banner.textContent = `Something went wrong inside the page: ${message}. Reload to start again.`;
  banner.hidden = false;
}

window.addEventListener("error", (e) => showBanner(e.message || "unknown error"));
window.addEventListener("unhandledrejection", (e) => showBanner(String(e.reason && e.reason.message || e.reason)));

const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function showNotices(lines) {
  const list = $("notice-list");
  list.replaceChildren(...lines.map((line) => {
    const li = document.createElement("li");
    li.textContent = line;
    return li;
  }));
  $("notices").hidden = lines.length === 0;
}

async function main() {
  await init();
  const app = new App(window.location.search);
  window.gradavgApp = app; // for the end-to-end tests and the benchmark
  showNotices(app.notices());

  // --- painting -----------------------------------------------------------
  let frameRequested = false;
  let urlTimer = null;

  function writeUrl() {
    urlTimer = null;
    const url = `${window.location.pathname}?${app.query()}`;
    window.history.replaceState(null, "", url);
    $("link-text").value = window.location.href;
  }

  function scheduleUrl(now) {
    if (now) {
      clearTimeout(urlTimer);
      writeUrl();
    } else if (urlTimer === null) {
      urlTimer = setTimeout(writeUrl, 200);
    }
  }

  function paint() {
    frameRequested = false;
    let animating = false;
    try {
      animating = app.render(performance.now());
      for (const [id, text, title] of app.texts()) {
        const el = $(id);
        if (!el) continue;
        el.textContent = text;
        if (title) el.title = title; else el.removeAttribute("title");
      }
    } catch (err) {
      showBanner(err && err.message ? err.message : String(err));
      return;
    }
    $("train-play").textContent = app.isPlaying() ? "Pause" : "Play";
    if (app.isPlaying()) scheduleUrl(false);
    const mistaken = app.showsMistakenPicture();
    $("picture-toggle").textContent = mistaken ? "Show the true picture" : "Show the mistaken picture";
    $("picture-toggle").setAttribute("aria-pressed", String(mistaken));
    if (animating) requestPaint();
  }

  function requestPaint() {
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(paint);
    }
  }

  function changed({ urlNow = false } = {}) {
    requestPaint();
    scheduleUrl(urlNow);
  }

  // --- controls -----------------------------------------------------------
  const controls = [...document.querySelectorAll("[data-key]")];

  function syncControls() {
    const settings = new Map(app.settings());
    if (document.activeElement !== $("ctl-batch")) $("ctl-batch").value = app.batchPosition();
    $("out-b").textContent = settings.get("b");
    if (document.activeElement !== $("ctl-train-batch")) $("ctl-train-batch").value = app.batchPosition();
    $("out-train-b").textContent = settings.get("b");
    if (document.activeElement !== $("ctl-lr")) $("ctl-lr").value = app.lrPosition();
    $("out-lr").textContent = settings.get("lr");
    $("ctl-decay").checked = settings.get("decay") === "1-over-t";
    $("ctl-valley").checked = settings.get("surface") === "mean-error-squared";
    for (const button of document.querySelectorAll("[data-part]")) {
      button.setAttribute("aria-pressed", String(button.dataset.part === settings.get("part")));
    }
    $("ctl-valley").disabled = settings.get("part") !== "inputs";
    const part = settings.get("part") + (settings.get("part") === "inputs" && settings.get("surface") === "mean-error-squared" ? " inputs-valley" : "");
    for (const item of document.querySelectorAll("[data-for]")) {
      item.hidden = !item.dataset.for.split(" ").some((key) => part.split(" ").includes(key));
    }
    // The slice menus list the network's parameters by name (from the core).
    const params = app.networkParams();
    const [sliceA, sliceB] = app.networkSlice();
    for (const [id, chosen] of [["ctl-slice-a", sliceA], ["ctl-slice-b", sliceB]]) {
      const select = $(id);
      select.replaceChildren(...params.map(([index, name]) => {
        const option = document.createElement("option");
        option.value = String(index);
        option.textContent = name;
        return option;
      }));
      select.value = String(chosen);
    }
    for (const input of controls) {
      const value = settings.get(input.dataset.key);
      if (value !== undefined && document.activeElement !== input) input.value = value;
      const out = $(`out-${input.dataset.key}`);
      if (out && value !== undefined) out.textContent = value;
    }
  }

  for (const input of controls) {
    const eventName = input.type === "range" ? "input" : "change";
    input.addEventListener(eventName, () => {
      try {
        app.setSetting(input.dataset.key, input.value);
        $("control-error").textContent = "";
      } catch (err) {
        $("control-error").textContent = err.message;
      }
      syncControls();
      changed({ urlNow: true });
    });
  }

  $("ctl-batch").addEventListener("input", () => {
    app.setBatchPosition(Number($("ctl-batch").value));
    syncControls();
    changed({ urlNow: true });
  });
  $("ctl-train-batch").addEventListener("input", () => {
    app.setBatchPosition(Number($("ctl-train-batch").value));
    syncControls();
    changed({ urlNow: true });
  });
  $("ctl-lr").addEventListener("input", () => {
    try { app.setLrPosition(Number($("ctl-lr").value)); } catch (err) { $("control-error").textContent = err.message; }
    syncControls();
    changed({ urlNow: true });
  });
  $("ctl-decay").addEventListener("change", () => {
    app.setSetting("decay", $("ctl-decay").checked ? "1-over-t" : "none");
    changed({ urlNow: true });
  });
  for (const button of document.querySelectorAll("[data-part]")) {
    button.addEventListener("click", () => {
      app.setSetting("part", button.dataset.part);
      syncControls();
      changed({ urlNow: true });
    });
  }
  for (const id of ["ctl-slice-a", "ctl-slice-b"]) {
    $(id).addEventListener("change", () => {
      try {
        app.setSetting("slice", `${$("ctl-slice-a").value},${$("ctl-slice-b").value}`);
        $("control-error").textContent = "";
      } catch (err) {
        $("control-error").textContent = err.message;
      }
      syncControls();
      changed({ urlNow: true });
    });
  }
  $("ctl-valley").addEventListener("change", () => {
    app.setSetting("surface", $("ctl-valley").checked ? "mean-error-squared" : "cost");
    syncControls();
    changed({ urlNow: true });
  });
  $("train-play").addEventListener("click", () => {
    if (app.isPlaying()) app.pause(); else app.play(performance.now());
    changed({ urlNow: true });
  });
  $("train-step").addEventListener("click", () => { app.stepForward(); changed({ urlNow: true }); });
  $("train-reset").addEventListener("click", () => { app.resetTime(); changed({ urlNow: true }); });
  $("train-loss-plot").addEventListener("pointermove", (e) => {
    $("train-hover").textContent = app.curveHover(e.offsetX, e.offsetY);
  });
  $("train-loss-plot").addEventListener("pointerleave", () => { $("train-hover").textContent = ""; });
  for (const [id, count] of [["draw-1", 1], ["draw-100", 100], ["draw-1000", 1000]]) {
    $(id).addEventListener("click", () => { app.draw(count); changed({ urlNow: true }); });
  }
  $("clear-draws").addEventListener("click", () => { app.clearDraws(); changed({ urlNow: true }); });

  // --- scenes -------------------------------------------------------------
  function showScene(key) {
    for (const section of document.querySelectorAll(".scene")) section.hidden = section.dataset.scene !== key;
    for (const tab of document.querySelectorAll(".scene-tab")) {
      if (tab.dataset.scene === key) tab.setAttribute("aria-current", "page"); else tab.removeAttribute("aria-current");
    }
    app.resize();
    requestPaint();
  }
  for (const tab of document.querySelectorAll(".scene-tab")) {
    tab.addEventListener("click", (e) => {
      e.preventDefault();
      app.setScene(tab.dataset.scene);
      showScene(tab.dataset.scene);
      changed({ urlNow: true });
    });
  }

  $("new-data").addEventListener("click", () => {
    app.newData();
    syncControls();
    changed({ urlNow: true });
  });

  $("picture-toggle").addEventListener("click", () => {
    app.togglePicture(performance.now(), reducedMotion());
    changed({ urlNow: true });
  });
  $("zoom-in").addEventListener("click", () => { app.zoom(0.8); changed({ urlNow: true }); });
  $("zoom-out").addEventListener("click", () => { app.zoom(1.25); changed({ urlNow: true }); });
  $("reset-view").addEventListener("click", () => { app.resetView(); changed({ urlNow: true }); });
  $("dismiss-notices").addEventListener("click", () => { $("notices").hidden = true; });

  $("copy-link").addEventListener("click", async () => {
    writeUrl();
    const status = $("copy-status");
    try {
      await navigator.clipboard.writeText(window.location.href);
      status.textContent = "Link copied.";
    } catch {
      $("link-text").select();
      status.textContent = "Select the link and copy it (Ctrl+C).";
    }
  });

  // --- pointer and keyboard -------------------------------------------------
  function wirePlot(element, figure) {
    element.addEventListener("pointerdown", (e) => {
      element.setPointerCapture(e.pointerId);
      if (figure === "param") element.focus({ preventScroll: true });
      if (app.pointerDown(figure, e.offsetX, e.offsetY, e.shiftKey)) changed();
      else requestPaint();
    });
    element.addEventListener("pointermove", (e) => {
      if (app.pointerMove(figure, e.offsetX, e.offsetY)) changed();
      else requestPaint();
    });
    const end = () => { if (app.pointerUp()) requestPaint(); scheduleUrl(true); };
    element.addEventListener("pointerup", end);
    element.addEventListener("pointercancel", end);
    element.addEventListener("pointerleave", () => { app.pointerLeave(); requestPaint(); });
  }
  for (const id of ["param-plot", "est-param-plot", "train-param-plot", "avg-param-plot"]) {
    wirePlot($(id), "param");
    $(id).addEventListener("keydown", (e) => {
      if (app.key(e.key, e.shiftKey)) {
        e.preventDefault();
        changed();
      }
    });
    $(id).addEventListener("wheel", (e) => {
      if (app.wheel(e.offsetX, e.offsetY, e.deltaY)) {
        e.preventDefault();
        changed();
      }
    }, { passive: false });
  }
  for (const id of ["data-plot", "est-data-plot", "train-data-plot", "avg-data-plot"]) wirePlot($(id), "data");

  const resizer = new ResizeObserver(() => { app.resize(); requestPaint(); });
  for (const plot of document.querySelectorAll(".plot")) resizer.observe(plot);
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
  paint();
  writeUrl();
  performance.mark("gradavg-first-figure");
  document.body.dataset.ready = "true";
}

main().catch((err) => showBanner(err && err.message ? err.message : String(err)));
