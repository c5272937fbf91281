// Screenshots of the page at desktop and phone widths, for a person to look at.
// Usage: GRADAVG_URL=http://127.0.0.1:8000/ node bench/shots.mjs [out-dir] [query]
import { launch, open } from "../tests/e2e/helpers.mjs";

const out = process.argv[2] || "bench/out";
const query = process.argv[3] || "";
const browser = await launch();
for (const [name, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]]) {
  const { page, context } = await open(browser, query, viewport);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.screenshot({ path: `${out}/${name}-full.png`, fullPage: true });
  await context.close();
}
await browser.close();
console.log(`screenshots written to ${out}/`);
