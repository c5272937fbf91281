// The scene a link names (?scene=training), shown as soon as the document is
// parsed, before main.js's modules and the wasm arrive: its own text is then
// what paints first (Lighthouse's largest paint on a phone came 2.5 s late).
// index.html loads this module on its own, ahead of main.js; main.js imports
// it too, so the single-file copy (cargo xtask dist) carries it. The core's
// reading of the link decides once it runs (main.js's showScene).

/** Shows the `.scene` section the link's `scene` key names, if it names one. */
export function showLinkedScene() {
  const key = new URLSearchParams(window.location.search).get("scene");
  const scenes = [...document.querySelectorAll(".scene")];
  const linked = key && scenes.find((s) => s.dataset.scene === key);
  if (linked) for (const s of scenes) s.hidden = s !== linked;
}

showLinkedScene();
