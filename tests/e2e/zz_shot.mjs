import { launch, open } from "./helpers.mjs";
const browser = await launch();
const { page, context } = await open(browser, process.argv[2], { width: 1280, height: 800 });
const el = await page.$(process.argv[3]);
await el.screenshot({ path: process.argv[4] });
await context.close(); await browser.close();
