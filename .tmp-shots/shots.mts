import { chromium } from "playwright-core";
import { serveSite } from "../site/serve.ts";
const site = await serveSite("/tmp/demo-pages/site");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
const pages = process.argv.slice(2);
for (const spec of pages) {
  const [path, height, width] = spec.split("@");
  const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: Number(height ?? 900) } });
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(site.url + path);
  await page.waitForTimeout(1500);
  const name = path.replace(/[^a-z0-9]+/gi, "_");
  await page.screenshot({ path: `/tmp/shot_${name}.png`, fullPage: height === undefined });
  console.log(path, errors);
  await page.close();
}
await browser.close();
await site.close();
