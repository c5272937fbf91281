// The text twin of a scene's figures: a table of the numbers behind them,
// written by the core (App.table) and laid out here as th/td cells, for a
// screen reader or a keyboard to walk.

/** Writes the scene's text twin into `table` (only while its <details> is open). */
export function writeTable(app, table) {
  const details = table.closest("details");
  if (details && !details.open) return;
  const twin = app.table();
  if (!twin) return;
  const [caption, head, rows, foot] = twin;
  const cell = (tag, text, scope) => {
    const el = document.createElement(tag);
    el.textContent = text;
    if (scope) el.scope = scope;
    return el;
  };
  const row = (cells, tag) => {
    const tr = document.createElement("tr");
    tr.append(...cells.map((text, k) => (k === 0 ? cell("th", text, "row") : cell(tag, text))));
    return tr;
  };
  const thead = document.createElement("thead");
  const headRow = document.createElement("tr");
  headRow.append(...head.map((text) => cell("th", text, "col")));
  thead.append(headRow);
  const tbody = document.createElement("tbody");
  tbody.append(...rows.map((r) => row(r, "td")));
  const tfoot = document.createElement("tfoot");
  tfoot.append(...foot.map((r) => row(r, "td")));
  table.replaceChildren(cell("caption", caption), thead, tbody, tfoot);
}
