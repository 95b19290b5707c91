/**
 * The published dashboards in a real browser: Debian's Chromium driven by playwright-core, against the
 * fixture site built with the real browser script and served over HTTP with the site's security headers.
 * Screenshots of every page type are kept in test-results/screenshots/ (not committed).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFramework } from "../../functions/core/framework/framework.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { buildSite } from "../../site/build/build-site.js";
import { directorySiteWriter } from "../../site/build/site-writer.js";
import { bundleClientScript } from "../../site/client/bundle.js";
import { type RunningSite, serveSite } from "../../site/serve.js";
import {
  launchChromium,
  type OpenedPage,
  openPage,
  saveScreenshot,
  scanAccessibility,
} from "../helpers/browser.js";
import { FIXTURE_CONTRIBUTIONS, FIXTURE_DASHBOARD, FIXTURE_REPORTS } from "../site/fixtures/dashboard.js";
import {
  FIXTURE_GENERATED_AT,
  FIXTURE_K,
  FIXTURE_ROWS,
  FIXTURE_VERSION,
} from "../site/fixtures/indicator-rows.js";
import { FIXTURE_SCENARIO_RECORDS, FIXTURE_SCENARIOS } from "../site/fixtures/scenarios.js";

/** One page of each type. */
const PAGE_TYPES = [
  ["overview", "index.html"],
  ["lens-opportunities", "opportunities.html"],
  ["lens-power", "power.html"],
  ["lens-outcomes", "outcomes.html"],
  ["lens-redistribution", "redistribution.html"],
  ["lens-accountability", "accountability.html"],
  ["regions", "regions.html"],
  ["region", "region-sub-saharan-africa.html"],
  ["countries", "countries.html"],
  ["hubs", "hubs.html"],
  ["hub", "hub-hub-ke.html"],
  ["hub-withheld", "hub-hub-bd.html"],
  ["evidence", "evidence.html"],
  ["framework", "framework.html"],
  ["scenarios", "scenarios.html"],
  ["scenario", "scenario-fixture-solidarity.html"],
] as const;

/** The languages of the site, by folder, English at the root. */
const LANGUAGES = [
  ["en", ""],
  ["es", "es/"],
  ["fr", "fr/"],
  ["ar", "ar/"],
] as const;

/** A phone's width: no page may be wider. */
const PHONE = { width: 390, height: 844 };

/**
 * The protected seats of two fixture hubs: named nowhere but on the countries page, which lists every
 * protected country as withheld.
 */
const PROTECTED_SEATS = ["Bangladesh", "Egypt"];

let site: RunningSite;
let browser: Browser;
/** The built site, kept for the whole file (the per-test temp folders are removed after each test). */
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "observatory-browser-"));
  await buildSite(
    {
      framework: loadFramework(FIXTURE_VERSION),
      frameworks: [loadFramework("2026.1"), loadFramework(FIXTURE_VERSION)],
      indicators: FIXTURE_ROWS,
      dashboard: FIXTURE_DASHBOARD,
      reports: [...FIXTURE_REPORTS, ...FIXTURE_SCENARIO_RECORDS],
      countries: bundledCountryTable(),
      generatedAt: FIXTURE_GENERATED_AT,
      k: FIXTURE_K,
      clientFiles: await bundleClientScript(),
      scenarios: FIXTURE_SCENARIOS,
    },
    directorySiteWriter(dir),
  );
  site = await serveSite(dir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(
  path: string,
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<OpenedPage> {
  const opened = await openPage(browser, site.url + path, options);
  const scripted = (await opened.page.locator('script[type="module"]').count()) > 0;
  if (options.javaScriptEnabled !== false && scripted) {
    await opened.page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, {
      timeout: 20_000,
    });
    const ready = await opened.page.evaluate(() => document.documentElement.dataset.ready);
    expect(ready, opened.problems().join("\n")).toBe("true");
  }
  return opened;
}

/** The text of every `<text>` in a chart's SVG, live or static. */
async function chartText(page: Page, chart: string): Promise<string[]> {
  return page.locator(`[id="chart-${chart}"] svg text`).allTextContents();
}

describe.each(PAGE_TYPES)("the %s page", (name, path) => {
  it("loads with no console error, no failed request, charts drawn with marks, and no axe violation", async () => {
    const opened = await open(path);
    try {
      const { page } = opened;
      const figures = await page.locator("figure.chart-figure").count();
      for (let i = 0; i < figures; i++) {
        const figure = page.locator("figure.chart-figure").nth(i);
        const marks = await figure.locator("svg path, svg rect, svg line, svg text").count();
        expect(marks, `${path} chart ${i}`).toBeGreaterThan(3);
      }
      const interactive = await page.locator("figure[data-chart]").count();
      expect(await page.locator("figure[data-chart].is-live .chart-live svg").count()).toBe(interactive);
      expect(await scanAccessibility(page)).toEqual([]);
      const text = await page.locator("body").innerText();
      if (!path.endsWith("countries.html"))
        for (const seat of PROTECTED_SEATS) expect(text).not.toContain(seat);
      await saveScreenshot(page, name);
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe.each(LANGUAGES)("in %s, at 390 px wide", (language, folder) => {
  it.each(PAGE_TYPES)(
    "the %s page fits the screen, loads clean (favicon included) and passes axe",
    async (name, file) => {
      const opened = await open(folder + file, { viewport: PHONE });
      try {
        const { page } = opened;
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(
          language === "ar" ? "rtl" : "ltr",
        );
        const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(width[0], `${folder}${file} is ${width[0]} px wide`).toBeLessThanOrEqual(width[1] ?? 0);
        const icon = await page.locator('link[rel="icon"]').getAttribute("href");
        const favicon = await page.request.get(new URL(icon ?? "", page.url()).toString());
        expect(favicon.status()).toBe(200);
        expect(favicon.headers()["content-type"]).toBe("image/svg+xml");
        expect(await scanAccessibility(page)).toEqual([]);
        if (
          name === "overview" ||
          name === "lens-redistribution" ||
          name === "evidence" ||
          name === "scenario"
        )
          await saveScreenshot(page, `${name}-${language}-390`);
        expect(opened.problems()).toEqual([]);
      } finally {
        await opened.close();
      }
    },
  );
});

describe("tables at 390 px", () => {
  it("scroll inside their own box, which the keyboard reaches, with a shadow on the edge that has more", async () => {
    const opened = await open("fr/redistribution.html", { viewport: PHONE });
    try {
      const { page } = opened;
      const box = page.locator("#reconciliation .table-wrap:has(.reconciliation-table)");
      const sizes = await box.evaluate((element) => [element.scrollWidth, element.clientWidth]);
      expect(sizes[0]).toBeGreaterThan(sizes[1] ?? 0);
      expect(await box.getAttribute("tabindex")).toBe("0");
      expect(await box.evaluate((element) => getComputedStyle(element).backgroundImage)).toContain(
        "radial-gradient",
      );
      await box.focus();
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(
        () => (document.querySelector(".table-wrap:has(.reconciliation-table)")?.scrollLeft ?? 0) > 0,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await opened.close();
    }
  });
});

describe("languages, folders and caching", () => {
  it("serves /es, without its slash, as the Spanish site whose links work", async () => {
    const opened = await open("es");
    try {
      const { page } = opened;
      expect(new URL(page.url()).pathname).toBe("/es/");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
      await page.locator(".site-nav a", { hasText: "Poder" }).click();
      await page.waitForURL(/\/es\/power\.html$/);
      expect(await page.locator("h1").textContent()).toBe("Poder");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("publishes French, with the framework, regions and numbers in French", async () => {
    const opened = await open("fr/outcomes.html");
    try {
      const { page } = opened;
      expect(await page.locator("h1").textContent()).toBe("Résultats");
      expect(await page.locator("#language_diversity h2").textContent()).toBe(
        "Diversité linguistique des nouveaux contenus",
      );
      const labels = await chartText(page, "participants.by-region");
      expect(labels).toContain("Afrique subsaharienne");
      expect(labels.some((text) => text.includes("Par région, 2025 (mouvement\u00a0: 69\u202f120)"))).toBe(
        true,
      );
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("lets the browser keep hashed assets for a year and revalidate pages", async () => {
    const opened = await open("power.html");
    try {
      const { page } = opened;
      const stylesheet = await page.locator('link[rel="stylesheet"]').getAttribute("href");
      expect(stylesheet).toMatch(/^style\.[0-9a-f]{10}\.css$/);
      const asset = await page.request.get(new URL(stylesheet ?? "", page.url()).toString());
      expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
      const html = await page.request.get(page.url());
      expect(html.headers()["cache-control"]).toBe("no-cache");
    } finally {
      await opened.close();
    }
  });
});

describe("honest charts in the browser", () => {
  it("redraws a sorted region chart with the movement line for the year picked, axes in the page's language", async () => {
    const opened = await open("fr/outcomes.html?year=2024");
    try {
      const { page } = opened;
      const labels = await chartText(page, "newcomer_share.by-region");
      expect(labels.some((text) => text.includes("Par région, 2024 (mouvement\u00a0: 33,4\u00a0%)"))).toBe(
        true,
      );
      expect(labels).toContain("100\u00a0%");
      const dashed = page.locator(
        '[id="chart-newcomer_share.by-region"] svg g.mark-rule.role-mark line[stroke-dasharray]',
      );
      expect(await dashed.count()).toBe(1);
      const bars = await page
        .locator('[id="chart-newcomer_share.by-region"] svg g.mark-rect path')
        .evaluateAll((paths) => paths.map((path) => path.getBoundingClientRect()));
      const widths = [...bars].sort((a, b) => a.top - b.top).map((box) => Math.round(box.width));
      expect(widths).toEqual([...widths].sort((a, b) => b - a));
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("writes Arabic axes with CLDR's ar digits and compact words", async () => {
    const opened = await open("ar/redistribution.html");
    try {
      const labels = await chartText(opened.page, "money.raised-deployed");
      expect(labels.some((text) => /^\u200f\d+(\.\d+)?\u00a0مليون\u00a0US\$$/.test(text))).toBe(true);
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe("filters", () => {
  it("change the charts and the URL, and a shared URL opens on the same view", async () => {
    const opened = await open("redistribution.html");
    try {
      const { page } = opened;
      expect(await page.locator("form.filters").isVisible()).toBe(true);
      expect(await chartText(page, "money.raised-deployed")).toContain("Raised and deployed by region, 2025");
      await page.selectOption('select[name="year"]', "2023");
      await page.waitForFunction(() => window.location.search.includes("year=2023"));
      expect(await chartText(page, "money.raised-deployed")).toContain("Raised and deployed by region, 2023");
      expect(await chartText(page, "net_transfer_usd.diverging")).toContain("Net transfers by region, 2023");
      await page.selectOption('select[name="region"]', "South Asia");
      await page.waitForFunction(
        () => new URL(window.location.href).searchParams.get("region") === "South Asia",
      );
      const evidence = await page.locator("a.evidence-link").first().getAttribute("href");
      expect(evidence).toContain("year=2023");
      expect(evidence).toContain("region=South+Asia");
      const shared = page.url();
      const again = await open(shared.slice(site.url.length));
      try {
        expect(await again.page.locator('select[name="year"]').inputValue()).toBe("2023");
        expect(await again.page.locator('select[name="region"]').inputValue()).toBe("South Asia");
        expect(await chartText(again.page, "money.raised-deployed")).toContain(
          "Raised and deployed by region, 2023",
        );
        expect(again.problems()).toEqual([]);
      } finally {
        await again.close();
      }
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("ignore values in the URL that the page does not offer", async () => {
    const opened = await open("redistribution.html?year=1999&region=%3Cscript%3E");
    try {
      expect(await opened.page.locator('select[name="year"]').inputValue()).toBe("2025");
      expect(await opened.page.locator('select[name="region"]').inputValue()).toBe("");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("narrow the evidence to a year, a region or a hub", async () => {
    const opened = await open("evidence.html?year=2025&region=Sub-Saharan+Africa");
    try {
      const { page } = opened;
      const visible = await page
        .locator(".evidence-table tr[data-year]:visible")
        .evaluateAll((rows) => rows.map((row) => row.id));
      expect(visible.sort()).toEqual([
        "report-r-de-fin-2025",
        "report-r-gf-fin-2025",
        "report-r-ke-fin-2025",
        "report-r-ke-imp-2025",
      ]);
      await page.selectOption('select[name="hub"]', "hub-ke");
      await page.waitForFunction(() => window.location.search.includes("hub=hub-ke"));
      expect(await page.locator(".evidence-table tr[data-year]:visible").count()).toBe(2);
      await page.selectOption('select[name="year"]', "2024");
      expect(await page.locator(".evidence-table tr[data-year]:visible").count()).toBe(0);
      expect(await page.locator("#evidence-empty").isVisible()).toBe(true);
    } finally {
      await opened.close();
    }
  });

  it("work from the keyboard, after a skip link", async () => {
    const opened = await open("redistribution.html");
    try {
      const { page } = opened;
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
      await page.keyboard.press("Enter");
      expect(page.url()).toContain("#main");
      await page.focus('select[name="year"]');
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => window.location.search.includes("year=2024"));
      expect(await chartText(page, "money.raised-deployed")).toContain("Raised and deployed by region, 2024");
    } finally {
      await opened.close();
    }
  });
});

describe("disclosure on the rendered pages", () => {
  it("shows a suppressed region figure as the word in the chart, for the year picked", async () => {
    const opened = await open("outcomes.html?year=2024");
    try {
      const labels = await chartText(opened.page, "participants.by-region");
      expect(labels).toContain("Middle East & North Africa");
      expect(labels).toContain("suppressed");
      const bars = opened.page.locator('[id="chart-participants.by-region"] svg g.mark-rect path');
      expect(await bars.count()).toBe(7);
      const description = await opened.page
        .locator('[id="chart-participants.by-region-description"]')
        .textContent();
      expect(description).toContain("Middle East & North Africa: suppressed");
    } finally {
      await opened.close();
    }
  });

  it("never names a hub's protected seat", async () => {
    const opened = await open("hub-hub-bd.html");
    try {
      expect(await opened.page.locator("dl.facts").innerText()).toContain("withheld (protected country)");
    } finally {
      await opened.close();
    }
  });
});

describe("reading without JavaScript, printing, right to left, downloads", () => {
  it("shows every chart as SVG with its data table, and no filters, when scripts do not run", async () => {
    const opened = await open("redistribution.html", { javaScriptEnabled: false });
    try {
      const { page } = opened;
      expect(await page.locator("form.filters").isVisible()).toBe(false);
      const figures = await page.locator("figure.chart-figure").count();
      expect(figures).toBeGreaterThan(3);
      expect(await page.locator("figure.chart-figure svg.chart").count()).toBe(figures);
      expect(await page.locator("figure.chart-figure details.chart-data table").count()).toBe(figures);
      expect(await chartText(page, "money.raised-deployed")).toContain("Raised and deployed by region, 2025");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("prints a region page without navigation, filters or links", async () => {
    const opened = await open("region-sub-saharan-africa.html");
    try {
      const { page } = opened;
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".site-nav").isVisible()).toBe(false);
      expect(await page.locator(".chart-links").first().isVisible()).toBe(false);
      expect(await page.locator("figure.chart-figure svg").first().isVisible()).toBe(true);
      expect(await page.locator("table.figures").isVisible()).toBe(true);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await opened.close();
    }
  });

  it("lays Arabic pages out right to left, the framework in Arabic, charts keeping their left-to-right geometry", async () => {
    const opened = await open("ar/opportunities.html");
    try {
      const { page } = opened;
      expect(
        await page.evaluate(() => getComputedStyle(document.querySelector("main") as Element).direction),
      ).toBe("rtl");
      expect(
        await page.evaluate(
          () => getComputedStyle(document.querySelector(".chart-frame") as Element).direction,
        ),
      ).toBe("ltr");
      expect(await page.locator("h1").textContent()).toBe("الفرص");
      expect(await page.locator("bdi[lang=en]").count()).toBe(0);
      const lorenz = await chartText(page, "funding.lorenz");
      expect(lorenz.some((text) => text.includes("Gini 0.581"))).toBe(true);
    } finally {
      await opened.close();
    }
  });

  it("downloads a chart's data as CSV with formulas neutralised", async () => {
    const opened = await open("accountability.html");
    try {
      const href = await opened.page.locator('[id="chart-reporting.grid"] a[download]').getAttribute("href");
      const response = await opened.page.request.get(new URL(href ?? "", opened.page.url()).toString());
      expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      const csv = await response.text();
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.example""`);
    } finally {
      await opened.close();
    }
  });
});

/** The reports an evidence link should list, from the fixture's contributions and reports. */
function expectedReports(href: string): string[] {
  const query = new URL(href, "http://site.test/").searchParams;
  const year = query.get("year") === null ? null : Number(query.get("year"));
  const behind = query.get("behind");
  const hub = query.get("hub");
  const ids = behind
    ? FIXTURE_CONTRIBUTIONS.filter(
        (c) => `${c.basis}:${c.scope_id}` === behind && (year === null || c.year === year),
      ).flatMap((c) => c.report_ids)
    : FIXTURE_REPORTS.filter(
        (r) =>
          r.status === "current" &&
          r.hub_id !== null &&
          (hub === null || r.hub_id === hub) &&
          (year === null || r.year === year),
      ).map((r) => r.report_id);
  return [...new Set(ids)].sort();
}

/** The report ids the evidence page shows. */
async function visibleReports(page: Page): Promise<string[]> {
  const ids = await page
    .locator(".evidence-table tr[data-year]:visible")
    .evaluateAll((rows) => rows.map((row) => row.id.replace(/^report-/, "")));
  return ids.sort();
}

describe("evidence per figure", () => {
  it("lists exactly the reports behind every figure of a hub's page, the regions side by side, the countries and the overview", async () => {
    const links = new Set<string>();
    for (const path of ["hub-hub-ke.html", "regions.html", "countries.html", "index.html"]) {
      const opened = await open(path);
      try {
        const hrefs = await opened.page
          .locator("a.figure-link")
          .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
        expect(hrefs.length, path).toBeGreaterThan(0);
        for (const href of hrefs) links.add(href);
      } finally {
        await opened.close();
      }
    }
    expect([...links].some((href) => href.includes("behind=seat%3A"))).toBe(true);
    expect([...links].some((href) => href.includes("behind=country%3A"))).toBe(true);
    expect([...links].some((href) => href.includes("behind=hub%3A"))).toBe(true);
    const evidence = await open("evidence.html");
    try {
      const { page } = evidence;
      let nonEmpty = 0;
      for (const href of [...links].sort()) {
        await page.goto(site.url + href);
        await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
        const behind = new URL(href, site.url).searchParams.get("behind");
        if (behind) expect(await page.locator('select[name="behind"]').inputValue(), href).toBe(behind);
        const expected = expectedReports(href);
        expect(await visibleReports(page), href).toEqual(expected);
        expect(await page.locator("#evidence-empty").isVisible(), href).toBe(expected.length === 0);
        if (expected.length > 0) nonEmpty += 1;
      }
      expect(nonEmpty).toBeGreaterThan(10);
      expect(evidence.problems()).toEqual([]);
    } finally {
      await evidence.close();
    }
  });

  it("opens the reports behind a bar when a reader clicks it in a live chart", async () => {
    const opened = await open("outcomes.html");
    try {
      const { page } = opened;
      const chart = page.locator('[id="chart-participants.by-region"] .chart-live svg');
      const label = await chart
        .locator("text", { hasText: /^Sub-Saharan Africa$/ })
        .first()
        .boundingBox();
      if (label === null) throw new Error("no axis label for Sub-Saharan Africa");
      const rowMiddle = label.y + label.height / 2;
      const bars = chart.locator("g.mark-rect path");
      let bar: typeof bars | undefined;
      for (let index = 0; index < (await bars.count()); index++) {
        const box = await bars.nth(index).boundingBox();
        if (box !== null && box.y <= rowMiddle && rowMiddle <= box.y + box.height) bar = bars.nth(index);
      }
      if (bar === undefined) throw new Error("no bar beside the Sub-Saharan Africa label");
      await Promise.all([page.waitForURL(/evidence\.html/), bar.click()]);
      await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
      const href = page.url().slice(site.url.length);
      expect(href).toBe("evidence.html?year=2025&behind=lines%3ASub-Saharan+Africa#year-2025");
      expect(await visibleReports(page)).toEqual(expectedReports(href));
      expect(await visibleReports(page)).toEqual([
        "r-de-fin-2025",
        "r-gf-fin-2025",
        "r-ke-fin-2025",
        "r-ke-imp-2025",
      ]);
    } finally {
      await opened.close();
    }
  });

  it("links each reconciliation row to the global fund's report and the hub's, and the links land on those reports", async () => {
    const opened = await open("redistribution.html");
    try {
      const { page } = opened;
      const row = page
        .locator("#reconciliation tr", { hasText: "East Africa Hub" })
        .filter({ hasText: "gap" });
      const reports = await row.locator("td.report-links a").allInnerTexts();
      expect(reports).toEqual(["r-gf-fin-2025", "r-ke-fin-2025"]);
      await Promise.all([
        page.waitForURL(/#report-r-gf-fin-2025$/),
        row.locator("td.report-links a").first().click(),
      ]);
      const target = page.locator("#report-r-gf-fin-2025");
      expect(await target.isVisible()).toBe(true);
      expect(await target.locator("th").innerText()).toBe("r-gf-fin-2025");
      expect(await target.innerText()).toContain("Global Fund");
    } finally {
      await opened.close();
    }
  });
});

describe("targets", () => {
  it("reads the five targeted indicators against their targets on the overview, and beside the movement's figure on the regions page", async () => {
    const overview = await open("index.html");
    try {
      const readings = await overview.page.locator(".headline-target strong").allInnerTexts();
      expect(readings).toEqual([
        "target not met",
        "target not met",
        "target met",
        "target not met",
        "target not met",
      ]);
      const text = await overview.page.locator(".headline-target").allInnerTexts();
      expect(text).toContain("Target: at least 40.0% · target met: 1.0 pp above the target");
    } finally {
      await overview.close();
    }
    const regions = await open("regions.html");
    try {
      const rate = regions.page.locator("table.regions-comparison tr", { hasText: "Reporting rate" }).first();
      expect(await rate.locator("td").first().innerText()).toMatch(
        /86\.0%\s+target not met: 4\.0 pp below the target/,
      );
    } finally {
      await regions.close();
    }
  });
});

describe("the countries table", () => {
  it("sorts by any column from a button in its header, missing and withheld figures last, and says how it is sorted", async () => {
    const opened = await open("countries.html");
    try {
      const { page } = opened;
      const table = page.locator("table.countries-table").first();
      const names = () => table.locator("tbody th").allInnerTexts();
      const first = await names();
      expect(first[0]).toBe("Afghanistan (AF)");
      expect(first).toEqual([...first].sort((a, b) => a.localeCompare(b, "en")));
      const participants = table.locator("thead th", { hasText: "Participants" });
      expect(await participants.getAttribute("aria-sort")).toBeNull();
      await participants.getByRole("button").click();
      expect(await participants.getAttribute("aria-sort")).toBe("descending");
      expect(await table.locator("thead th").first().getAttribute("aria-sort")).toBeNull();
      const sorted = await names();
      expect(sorted.slice(0, 6)).toEqual([
        "Brazil (BR)",
        "Germany (DE)",
        "India (IN)",
        "United States (US)",
        "Kenya (KE)",
        "Antarctica (AQ)",
      ]);
      const rest = sorted.slice(6);
      expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, "en")));
      expect(rest).toContain("Nigeria (NG)");
      expect(rest).toContain("Bangladesh (BD)");
      await participants.getByRole("button").press("Enter");
      expect(await participants.getAttribute("aria-sort")).toBe("ascending");
      expect((await names())[0]).toBe("Antarctica (AQ)");
      expect(await scanAccessibility(page)).toEqual([]);
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("reads by country name without JavaScript, with no buttons, every protected country withheld with no figure", async () => {
    const opened = await open("countries.html", { javaScriptEnabled: false });
    try {
      const { page } = opened;
      expect(await page.locator("table.countries-table button").count()).toBe(0);
      const bangladesh = page
        .locator("table.countries-table")
        .first()
        .locator("tr", { hasText: "Bangladesh (BD)" });
      expect(await bangladesh.locator("td").allInnerTexts()).toEqual(["withheld (protected country)"]);
      expect(await bangladesh.locator("a").count()).toBe(0);
    } finally {
      await opened.close();
    }
  });
});

describe("a hub seated in a protected country", () => {
  it("says its figures are withheld and why, and shows none of them", async () => {
    const opened = await open("hub-hub-bd.html");
    try {
      const { page } = opened;
      const section = page.locator("section", { has: page.locator("#figures-heading") });
      expect(await section.innerText()).toContain(
        "This hub's figures are withheld: it is seated in a country on the protection list",
      );
      expect(await page.locator("table.hub-figures").count()).toBe(0);
      expect(await page.locator("a.figure-link").count()).toBe(0);
      expect(await page.locator("#allocations-heading + p").innerText()).toContain("Withheld:");
    } finally {
      await opened.close();
    }
  });
});

describe("a scenario's page", () => {
  const SUMMARY_2025 =
    "would have moved $105K in 2025 from 1 hub to 2 and lowered the funding Gini from 0.520 to 0.517";
  const SUMMARY_2024 =
    "would have moved $102.5K in 2024 from 1 hub to 1 and lowered the funding Gini from 0.463 to 0.451";

  it("reads without JavaScript in the latest year: its summary, charts as SVG, hubs and evidence", async () => {
    const opened = await open("scenario-fixture-solidarity.html", { javaScriptEnabled: false });
    try {
      const { page } = opened;
      expect(await page.locator("form.filters").isVisible()).toBe(false);
      const text = await page.locator("main").innerText();
      expect(text).toContain(SUMMARY_2025);
      expect(text).not.toContain(SUMMARY_2024);
      expect(await page.locator("figure.chart-figure svg.chart").count()).toBe(4);
      expect(await chartText(page, "scenario.fixture-solidarity.sensitivity")).toContain(
        "Pool and funding Gini by contribution rate, 2025",
      );
      expect(await page.locator(".scenario-hubs:visible tbody tr").count()).toBe(3);
      expect(text).toContain("withheld (hub seated in a protected country)");
      expect(await page.locator(".scenario-evidence-link").getAttribute("href")).toBe(
        "evidence.html#report-r-scenario-1",
      );
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("follows the year picker: the URL, the summary, the hubs and every chart change to the year picked", async () => {
    const opened = await open("scenario-fixture-solidarity.html");
    try {
      const { page } = opened;
      await page.locator('select[name="year"]').selectOption("2024");
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get("year") === "2024");
      const text = await page.locator("main").innerText();
      expect(text).toContain(SUMMARY_2024);
      expect(text).not.toContain(SUMMARY_2025);
      expect(text).toContain("$1,847,500");
      for (const chart of ["per-editor", "net-transfer", "inequality", "sensitivity"])
        await page.waitForFunction(
          (id) =>
            [...document.querySelectorAll(`[id="chart-scenario.fixture-solidarity.${id}"] svg text`)].some(
              (node) => (node.textContent ?? "").includes("2024"),
            ),
          chart,
        );
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("opens at the year a shared URL names, and its evidence link finds the scenario file's entry", async () => {
    const opened = await open("es/scenario-fixture-solidarity.html?year=2024");
    try {
      const { page } = opened;
      expect(await page.locator('select[name="year"]').inputValue()).toBe("2024");
      expect((await page.locator("main").innerText()).replace(/\u00a0/g, " ")).toContain(
        "habría movido 102,5 mil US$ en 2024",
      );
      await page.locator(".scenario-evidence-link").click();
      await page.waitForURL(/evidence\.html#report-r-scenario-1$/);
      expect(await page.locator("#report-r-scenario-1").innerText()).toContain("escenario de redistribución");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
