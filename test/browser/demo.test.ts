/**
 * `npm start`'s site on the sample movement, in Debian's Chromium: the demo is run as `npm start` runs it
 * (without serving), then each page type is opened over HTTP and must load clean, draw its charts and pass axe.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardData } from "../../functions/core/dashboards/dashboard-data.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { type RunningSite, serveSite } from "../../site/serve.js";
import { launchChromium, openPage, scanAccessibility } from "../helpers/browser.js";
import { observatory } from "../helpers/cli.js";

let dir: string;
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "observatory-demo-site-"));
  const demo = await observatory(["demo", "--dir", dir, "--no-serve", "--lines", "1000"]);
  expect(demo.code, demo.stderr).toBe(0);
  site = await serveSite(join(dir, "site"));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each([
  "index.html",
  "opportunities.html",
  "redistribution.html",
  "accountability.html",
  "region-sub-saharan-africa.html",
  "regions.html",
  "countries.html",
  "hub-east-africa.html",
  "hub-pakistan.html",
  "evidence.html",
  "framework.html",
  "ar/redistribution.html",
  "fr/outcomes.html",
  "es/evidence.html",
])("the sample movement's %s", (path) => {
  it("loads clean, draws its charts and has no axe violation", async () => {
    const opened = await openPage(browser, site.url + path);
    try {
      const { page } = opened;
      if ((await page.locator('script[type="module"]').count()) > 0) {
        await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, {
          timeout: 20_000,
        });
        expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe("true");
      }
      const figures = await page.locator("figure.chart-figure").count();
      expect(await page.locator("figure.chart-figure svg").count()).toBe(figures);
      expect(await scanAccessibility(page)).toEqual([]);
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe.each(["", "es/", "fr/", "ar/"])("the sample movement's pages in %s at 390 px wide", (folder) => {
  it.each([
    "index.html",
    "opportunities.html",
    "outcomes.html",
    "redistribution.html",
    "evidence.html",
    "hub-east-africa.html",
  ])("%s fits the screen and loads clean", async (file) => {
    const opened = await openPage(browser, site.url + folder + file, {
      viewport: { width: 390, height: 844 },
    });
    try {
      const { page } = opened;
      if ((await page.locator('script[type="module"]').count()) > 0)
        await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, {
          timeout: 20_000,
        });
      const [width, viewport] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      expect(width, `${folder}${file} is ${width} px wide`).toBeLessThanOrEqual(viewport ?? 0);
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe("the sample movement's reconciliation", () => {
  it("flags the allocation gaps the sample plants", async () => {
    const opened = await openPage(browser, `${site.url}redistribution.html`);
    try {
      const flagged = await opened.page.locator("#reconciliation tr.flagged").allInnerTexts();
      expect(flagged.some((row) => row.includes("East Africa Hub") && row.includes("gap"))).toBe(true);
      expect(flagged.some((row) => row.includes("not reported by the hub"))).toBe(true);
    } finally {
      await opened.close();
    }
  });
});

describe("the sample movement's protected country and the hub seated there", () => {
  it("have no figure, no allocation and no evidence key in any built file", async () => {
    const countries = bundledCountryTable();
    const protectedCodes = [...countries.byCode.values()].filter((c) => c.isProtected).map((c) => c.isoCode);
    const built = join(dir, "site");
    const files = (await readdir(built, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(500);
    const keys = new RegExp(`(country(%3A|:)(${protectedCodes.join("|")})\\b)|(hub(%3A|:)pakistan\\b)`);
    for (const file of files) expect(await readFile(file, "utf8"), file).not.toMatch(keys);
    const rows = JSON.parse(await readFile(join(built, "data/indicators.json"), "utf8")) as IndicatorRow[];
    expect(rows.filter((row) => row.scope === "hub" && row.scope_id === "pakistan")).toEqual([]);
    expect(rows.filter((row) => row.scope === "country" && protectedCodes.includes(row.scope_id))).toEqual(
      [],
    );
    expect(rows.some((row) => row.scope === "hub")).toBe(true);
    const dashboard = JSON.parse(await readFile(join(built, "data/dashboard.json"), "utf8")) as DashboardData;
    expect(dashboard.allocations.filter((row) => row.hub_id === "pakistan")).toEqual([]);
    expect(dashboard.hubs.find((hub) => hub.hub_id === "pakistan")?.country).toBe("");
    const page = await readFile(join(built, "hub-pakistan.html"), "utf8");
    expect(page).toContain("This hub&#39;s figures are withheld");
    expect(page).not.toContain("figure-link");
  });
});
