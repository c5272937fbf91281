// The data panel's own-data part: a built-in dataset, a CSV paste or file,
// Download CSV, Undo and Redo (buttons, Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y), and
// the note that says whether the points fit in a link. Every rule and every
// message is the core's (App.importCsv, loadDataset, csv, dataNote).
import { download } from "./export.js";

const $ = (id) => document.getElementById(id);

/// Wires the panel; `run(change)` applies a change to the page (and shows a
/// refused one's message), `update()` refreshes what the panel shows.
export function wireOwnData(app, run) {
  const menu = $("dataset");
  const errors = $("csv-errors");
  const status = $("csv-status");
  if (!menu || !errors) return () => {};

  for (const [key, label, source] of app.datasets()) {
    const option = document.createElement("option");
    option.value = key;
    option.textContent = label;
    option.title = source;
    menu.append(option);
  }
  menu.addEventListener("change", () => {
    if (!menu.value) return;
    const source = menu.selectedOptions[0].title;
    let note = "";
    run(() => { note = app.loadDataset(menu.value); });
    showErrors([]);
    status.textContent = `Loaded: ${source}.${note ? ` ${note}` : ""}`;
    menu.value = "";
  });

  function showErrors(lines) {
    $("csv-error-list").replaceChildren(...lines.map((line) => {
      const li = document.createElement("li");
      li.textContent = line;
      return li;
    }));
    errors.hidden = lines.length === 0;
  }

  /// Reads a paste or a file's text: on any bad line nothing changes and
  /// every bad line is listed.
  function importText(text, what) {
    let note;
    try {
      note = app.importCsv(text);
    } catch (err) {
      const lines = String(err && err.message ? err.message : err).split("\n");
      showErrors(lines);
      status.textContent = `Nothing was changed: ${lines.length === 1 ? "the problem is" : `${lines.length} lines have problems`} below.`;
      return;
    }
    showErrors([]);
    run(() => {});
    const n = new Map(app.settings().map(([key, value]) => [key, value])).get("n");
    status.textContent = `${what}: ${n} ${n === 1 ? "example" : "examples"}.${note ? ` ${note}` : ""}`;
  }

  $("csv-use").addEventListener("click", () => importText($("csv-text").value, "Pasted"));
  $("csv-file").addEventListener("change", async (e) => {
    const file = e.target.files && e.target.files[0];
    if (!file) return;
    importText(await file.text(), `Read ${file.name}`);
    e.target.value = "";
  });
  $("csv-download").addEventListener("click", () => {
    download(app.csvFileName(), new Blob([app.csv()], { type: "text/csv" }));
  });

  document.addEventListener("keydown", (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const target = e.target;
    if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
    const key = e.key.toLowerCase();
    const name = key === "z" ? (e.shiftKey ? "redo" : "undo") : key === "y" ? "redo" : null;
    if (!name) return;
    e.preventDefault();
    run(() => app.action(name, 0, performance.now()));
  });

  const note = $("data-note");
  return function update() {
    const text = app.dataNote();
    if (note.textContent !== text) note.textContent = text;
  };
}
