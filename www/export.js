// Figures out of the page: Download SVG (drawn by the core through plotters'
// SVG backend, with the caption and link beneath), Download PNG (that SVG at
// twice its CSS size), and printing (canvases laid out again for the paper).

export function download(fileName, blob) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** `svg` (a Blob) drawn on a canvas at twice its CSS size, as a PNG Blob. */
async function pngOf(svg) {
  const url = URL.createObjectURL(svg);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = 2 * image.naturalWidth;
    canvas.height = 2 * image.naturalHeight;
    canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Wires every [data-export][data-format] button. `onError` shows what failed. */
export function wireDownloads(app, link, onError) {
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", async () => {
      const figure = button.dataset.export;
      const format = button.dataset.format;
      try {
        const svg = new Blob([app.figureSvg(figure, link())], { type: "image/svg+xml" });
        const file = format === "svg" ? svg : await pngOf(svg);
        download(`${app.figureFileName(figure)}.${format}`, file);
      } catch (err) {
        onError(`The ${format.toUpperCase()} could not be made: ${err && err.message ? err.message : err}`);
      }
    });
  }
}

/** Lays the canvases out again for print and back for the screen, painting at once. */
export function wirePrint(relayout) {
  window.matchMedia("print").addEventListener("change", relayout);
  window.addEventListener("beforeprint", relayout);
  window.addEventListener("afterprint", relayout);
}
