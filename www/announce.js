// What a screen reader hears. The readouts change on every frame while θ is
// dragged or a run plays, so they are not live regions themselves: one
// status line repeats them once a change settles (on release), or at most
// once a second while something moves. The text is the core's, copied.

const EVERY_MS = 1000;

/** Whether `el` is shown: the page hides a readout only with the `hidden`
 *  attribute (a scene's or a part's, or data-shown-if), which beats every
 *  display rule. Read from the attributes, not the style: asking the browser
 *  (getClientRects, checkVisibility) recomputed the page's style after the
 *  texts had changed, 30 ms at the first paint. */
function shown(el) {
  return el.closest("[hidden]") === null;
}

/** The readouts of scene section `root` as one line: "label: value; …". */
function summary(root) {
  const parts = [];
  for (const dl of root.querySelectorAll(".readouts dl")) {
    for (const dt of dl.querySelectorAll("dt")) {
      const dd = dt.nextElementSibling;
      if (dd && dd.textContent.trim() !== "" && shown(dt)) {
        parts.push(`${dt.textContent.trim()}: ${dd.textContent.trim()}`);
      }
    }
  }
  for (const el of root.querySelectorAll("[data-announce]")) parts.push(el.textContent.trim());
  return parts.join("; ");
}

/** The announcer of the status line `region`. */
export function announcer(region) {
  let said = null; // the first readouts are on the page already: not said
  let saidAt = -Infinity;
  let held = false;
  return {
    /** While held (a drag), nothing is said; the release says what it came to. */
    hold(on) { held = on; },
    /** Says `text` now: the answer to a key the reader pressed. */
    say(text) {
      if (region) region.textContent = text;
    },
    /** Says the readouts of `root` if they changed: now when settled, else at most once a second. */
    update(root, now, moving) {
      if (!region || !root || held || (moving && now - saidAt < EVERY_MS)) return;
      const text = summary(root);
      if (text === said) return;
      const first = said === null;
      said = text;
      if (first) return;
      saidAt = now;
      region.textContent = text;
    },
  };
}
