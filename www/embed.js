// Embedding: how the page is shown (embed=1, controls=0, lock=1, present=1), the height
// an embedded page reports to the page around it, Copy link where the
// clipboard may be blocked, and the Embed dialog. Every link and snippet is
// built by the core from the state; this file only places them.

/** Marks <html> with the presentation the link asks for (embedded, presenting…); CSS does the rest. */
export function applyPresentation(app) {
  const [embedded, controls, locked, , , presenting] = app.presentation();
  const root = document.documentElement;
  root.classList.toggle("embedded", embedded === 1);
  root.classList.toggle("no-controls", controls === 0);
  root.classList.toggle("locked", locked === 1);
  root.classList.toggle("presenting", presenting === 1);
  const full = document.getElementById("full-screen");
  if (full && presenting === 1) {
    full.hidden = false;
    const toggle = () => (document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen()).catch(() => {});
    full.addEventListener("click", toggle);
    document.addEventListener("keydown", (e) => {
      const typing = e.target.closest && e.target.closest("input, select, textarea");
      if (e.key === "f" && !e.ctrlKey && !e.metaKey && !e.altKey && !typing) toggle();
    });
  }
  const bar = document.getElementById("embed-bar");
  if (bar) bar.hidden = embedded !== 1;
  return embedded === 1;
}

/** Inside a frame, posts the page's height to the parent on load and on every change. */
export function reportHeight() {
  if (window.parent === window) return;
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "gradavg:resize", height }, "*");
    window.parent.postMessage({ subject: "lti.frameResize", height }, "*");
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}

/** True when this document may write to the clipboard (an iframe needs allow="clipboard-write"). */
function clipboardAllowed() {
  const policy = document.permissionsPolicy || document.featurePolicy;
  if (policy && typeof policy.allowsFeature === "function" && !policy.allowsFeature("clipboard-write")) return false;
  return Boolean(navigator.clipboard && window.isSecureContext);
}

/**
 * Copies `link` (or a snippet: `what` names it) for the Copy button `button`:
 * the clipboard where allowed; else the text box of the same group is shown,
 * selected, and the status says how to copy it. Never throws, so nothing
 * reaches the console.
 */
export async function copyLink(button, link, what = "link") {
  const group = button.closest("[data-link-group]") || document;
  const input = group.querySelector("[data-link-text]");
  const status = group.querySelector("[data-copy-status]");
  const say = (text) => { if (status) status.textContent = text; };
  if (input) input.value = link;
  if (clipboardAllowed()) {
    try {
      await navigator.clipboard.writeText(link);
      say(`${what[0].toUpperCase()}${what.slice(1)} copied.`);
      return;
    } catch { /* fall through to selecting the text */ }
  }
  if (!input) return say(link);
  input.hidden = false;
  input.focus();
  input.select();
  say(`The ${what} is selected: press Ctrl+C (⌘C on a Mac) to copy it.`);
}

/** Wires the Embed button and its dialog: options, a live preview, snippets with Copy buttons. */
export function wireEmbedDialog(app, pageUrl) {
  const dialog = document.getElementById("embed-dialog");
  const opener = document.getElementById("embed-open");
  if (!dialog || !opener) return;
  const controls = document.getElementById("embed-controls");
  const lock = document.getElementById("embed-lock");
  const width = document.getElementById("embed-width");
  // The preview's frame is made at the first opening: an iframe in the page
  // costs a document of its own while the page is parsed.
  const previewBox = document.getElementById("embed-preview-box");
  let preview = null;
  const list = document.getElementById("embed-snippets");
  let height = 640;

  function writeSnippets() {
    const rows = app.embedSnippets(pageUrl(), controls.checked, lock.checked, Number(width.value), height);
    list.replaceChildren(...rows.map(([id, label, text]) => {
      const row = document.createElement("div");
      row.className = "snippet";
      row.dataset.linkGroup = "";
      const name = document.createElement("label");
      name.htmlFor = `snippet-${id}`;
      name.textContent = label;
      const box = document.createElement("textarea");
      box.id = `snippet-${id}`;
      box.readOnly = true;
      box.rows = Math.min(8, text.split("\n").length + 1);
      box.value = text;
      box.dataset.linkText = "";
      const copy = document.createElement("button");
      copy.type = "button";
      copy.textContent = `Copy ${label.split(",")[0]}`;
      const status = document.createElement("span");
      status.setAttribute("role", "status");
      status.dataset.copyStatus = "";
      copy.addEventListener("click", () => copyLink(copy, text, "snippet"));
      row.append(name, box, copy, status);
      return row;
    }));
  }

  function update() {
    if (!preview) {
      preview = document.createElement("iframe");
      preview.id = "embed-preview";
      preview.title = "Preview of the embed";
      previewBox.append(preview);
    }
    preview.style.width = `${Number(width.value)}px`;
    preview.src = `?${app.embedQuery(controls.checked, lock.checked)}`;
    writeSnippets();
  }

  window.addEventListener("message", (e) => {
    if (!preview || e.source !== preview.contentWindow || !e.data || e.data.type !== "gradavg:resize") return;
    height = Math.round(e.data.height);
    preview.style.height = `${height}px`;
    writeSnippets();
  });
  for (const el of [controls, lock, width]) el.addEventListener("change", update);
  opener.addEventListener("click", () => {
    update();
    dialog.showModal();
  });
  dialog.addEventListener("close", () => { preview?.removeAttribute("src"); opener.focus(); });
}
