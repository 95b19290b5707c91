import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { DashboardData } from "../../functions/core/dashboards/dashboard-data.js";
import { type Framework, loadFramework } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import type { ManifestRecord } from "../../functions/core/lake/manifest.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { buildSite, type SiteBuild } from "../../reports/build-site.js";
import type { Language } from "../../reports/messages.js";
import { directorySiteWriter, memorySiteWriter } from "../../reports/site-writer.js";
import { checkSpec } from "../../reports/validate-spec.js";
import { FIXTURE_DASHBOARD, FIXTURE_REPORTS, HOSTILE_HUB_NAME } from "./fixtures/dashboard.js";
import { FIXTURE_GENERATED_AT, FIXTURE_K, FIXTURE_ROWS, indicatorRow } from "./fixtures/indicator-rows.js";

const GOLDEN_DIR = fileURLToPath(new URL("./golden/", import.meta.url));
/** What the golden directory keeps: every chart's Vega-Lite spec and CSV, and the overview. */
const GOLDEN = (path: string) =>
  path.startsWith("specs/") || path.startsWith("data/charts/") || path === "index.html";
const framework = loadFramework("2026.1");
const countries = bundledCountryTable();
/** The browser script is an input of the build; its behaviour is tested in Chromium (test/browser). */
const CLIENT_FILES = { "site.js": "/* site.js */\n", "site-ABC123.js": "/* vega */\n" };
const LENS_PAGES = [
  "opportunities.html",
  "power.html",
  "outcomes.html",
  "redistribution.html",
  "accountability.html",
];
/** The pages that load the script: those with filters (accountability has no chart by region or year). */
const SCRIPTED = [
  "opportunities.html",
  "power.html",
  "outcomes.html",
  "redistribution.html",
  "evidence.html",
];
const REGION_PAGES = [
  "region-central-and-eastern-europe-and-central-asia.html",
  "region-east-southeast-asia-and-pacific.html",
  "region-latin-america-and-caribbean.html",
  "region-middle-east-and-north-africa.html",
  "region-north-america.html",
  "region-northern-and-western-europe.html",
  "region-south-asia.html",
  "region-sub-saharan-africa.html",
];
const HUB_PAGES = [
  "hub-global-fund.html",
  "hub-hub-ke.html",
  "hub-hub-de.html",
  "hub-hub-bd.html",
  "hub-hub-x.html",
];
const PAGES = [
  "index.html",
  ...LENS_PAGES,
  "regions.html",
  ...REGION_PAGES,
  "hubs.html",
  ...HUB_PAGES,
  "evidence.html",
  "framework.html",
];

interface BuildOptions {
  readonly framework?: Framework;
  readonly frameworks?: readonly Framework[];
  readonly dashboard?: DashboardData;
  readonly reports?: readonly ManifestRecord[];
  readonly languages?: readonly Language[];
}

async function build(indicators: readonly IndicatorRow[], options: BuildOptions = {}) {
  const writer = memorySiteWriter();
  const result = await buildSite(
    {
      framework: options.framework ?? framework,
      frameworks: options.frameworks,
      indicators,
      dashboard: options.dashboard ?? FIXTURE_DASHBOARD,
      reports: options.reports ?? FIXTURE_REPORTS,
      countries,
      generatedAt: FIXTURE_GENERATED_AT,
      k: FIXTURE_K,
      clientFiles: CLIENT_FILES,
      languages: options.languages ?? ["en"],
    },
    writer,
  );
  const text = (path: string) => {
    const content = writer.files.get(path);
    if (typeof content !== "string") throw new Error(`${path} was not written as text`);
    return content;
  };
  const everything = () => [...writer.files.values()].map((content) => String(content)).join("\n");
  const pages = () => result.pages.map(text).join("\n");
  return { result, files: writer.files, text, everything, pages };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/** The rows of one indicator's table on a lens page, as [scope label, ...cells], tags removed. */
function tableRows(page: string, indicator: string): string[][] {
  const article = page.split(`<article class="indicator" id="${indicator}"`)[1]?.split("</article>")[0] ?? "";
  const table = article.split('<table class="figures">')[1] ?? "";
  const strip = (cell: string) => cell.replace(/<[^>]+>/g, "");
  return [...table.matchAll(/<tr[^>]*><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)].map((match) => [
    strip(match[1] ?? ""),
    ...[...(match[2] ?? "").matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1] ?? ""),
  ]);
}

/** A framework in which `participants` is also published for hubs and countries. */
function withFinerScopes(): Framework {
  return {
    ...framework,
    indicators: framework.indicators.map((indicator) =>
      indicator.id === "participants"
        ? { ...indicator, scopes: ["movement", "region", "hub", "country"] }
        : indicator,
    ),
  };
}

describe("the fixture site", () => {
  let site: Awaited<ReturnType<typeof build>>;
  let result: SiteBuild;
  beforeAll(async () => {
    site = await build(FIXTURE_ROWS);
    result = site.result;
  });

  it("matches the golden specs, chart data and overview (UPDATE_GOLDEN=1 regenerates them)", async () => {
    const golden = [...site.files].filter(([path]) => GOLDEN(path));
    if (process.env.UPDATE_GOLDEN === "1") {
      await rm(GOLDEN_DIR, { recursive: true, force: true });
      const writer = directorySiteWriter(GOLDEN_DIR);
      for (const [path, content] of golden) await writer.write(path, content);
    }
    expect(await listFiles(GOLDEN_DIR)).toEqual(golden.map(([path]) => path).sort());
    for (const [path, content] of golden) {
      expect(String(content), path).toBe(await readFile(join(GOLDEN_DIR, path), "utf8"));
    }
  });

  it("writes every page type: overview, lenses, regions and each region, hubs and each hub, evidence, framework", () => {
    expect(result.pages).toEqual(PAGES);
    expect(result.withheld).toBe(0);
  });

  it("validates and publishes every chart's spec, CSV, and for filtered charts the compiled spec and data file", () => {
    const specs = [...site.files.keys()].filter((path) => path.endsWith(".vl.json"));
    expect(specs).toHaveLength(result.specs);
    expect(result.specs).toBe(50);
    for (const path of specs) {
      expect(path).toMatch(/^specs\/[a-z0-9_.-]+\.vl\.json$/);
      expect(checkSpec(JSON.parse(site.text(path))).problems, path).toEqual([]);
      const name = path.slice("specs/".length, -".vl.json".length);
      expect(site.files.has(`data/charts/${name}.csv`), name).toBe(true);
    }
    const interactive = [...site.files.keys()].filter((path) => path.endsWith(".vg.json"));
    expect(interactive.length).toBeGreaterThan(10);
    for (const path of interactive) {
      const name = path.slice("specs/".length, -".vg.json".length);
      const compiled = JSON.parse(site.text(path)) as { data: { name: string; values?: unknown }[] };
      expect(compiled.data.find((data) => data.name === "table")).toEqual({ name: "table" });
      const data = JSON.parse(site.text(`data/charts/${name}.json`)) as {
        values: unknown[];
        descriptions: object;
      };
      expect(data.values.length, name).toBeGreaterThan(0);
    }
  });

  it("gives every page a language, one external module script under a policy without unsafe-eval, a nav and the footer facts", () => {
    for (const page of PAGES) {
      const markup = site.text(page);
      expect(markup).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(markup)?.[1] ?? "";
      expect(policy.replaceAll("&#39;", "'")).toContain("script-src 'self';");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(markup.match(/<script[^>]*>/g) ?? []).toEqual(
        SCRIPTED.includes(page) ? ['<script type="module" src="site.js">'] : [],
      );
      expect(markup).not.toMatch(/\son[a-z]+=|javascript:|style="/i);
      expect(markup).toContain('<nav class="site-nav" aria-label="Site">');
      expect(markup).toContain("Evaluation framework 2026.1 · Generated");
      expect(markup).toContain('<time datetime="2026-03-02T09:30:00.000Z">2 March 2026, 09:30 UTC</time>');
    }
    expect(site.text("region-south-asia.html")).toContain('href="regions.html" aria-current="page"');
    expect(site.text("site.js")).toBe(CLIENT_FILES["site.js"]);
    expect(site.text("site-ABC123.js")).toBe(CLIENT_FILES["site-ABC123.js"]);
  });

  it("shows each chart as inline SVG with a text alternative, a CSV, its spec, a link to its evidence and a data table", () => {
    const outcomes = site.text("outcomes.html");
    const svgs = outcomes.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBe(9);
    for (const svg of svgs)
      expect(svg).toMatch(/role="img" aria-labelledby="[^"]+-title" aria-describedby="[^"]+-desc"/);
    const figure = outcomes.split('id="chart-participants.by-region"')[1]?.split("</figure>")[0] ?? "";
    expect(figure).toContain('data-spec="specs/participants.by-region.vg.json"');
    expect(figure).toContain('data-filters="year region"');
    expect(figure).toContain('<a href="data/charts/participants.by-region.csv" download>Data (CSV)</a>');
    expect(figure).toContain('href="evidence.html?year=2025#year-2025">Reports behind these figures</a>');
    expect(figure).toContain('<details class="chart-data"><summary>Data table</summary>');
  });

  it("shows suppressed figures as the word, never as 0, and explains them", () => {
    const rows = tableRows(site.text("outcomes.html"), "participants");
    expect(rows.find((row) => row[0] === "Middle East &amp; North Africa")).toEqual([
      "Middle East &amp; North Africa",
      "suppressed",
      "suppressed",
      "12",
    ]);
    expect(site.text("outcomes.html")).toContain(
      "<li>suppressed: fewer than 10 participants, so the figure is withheld.</li>",
    );
    const csv = site.text("data/charts/participants.by-region.csv");
    expect(csv).toContain("2023,Middle East & North Africa,,suppressed\r\n");
    const region = site.text("region-middle-east-and-north-africa.html");
    expect(region).toContain('<td class="withheld">suppressed</td>');
  });

  it("shows a figure whose denominator was zero as no value", () => {
    const rows = tableRows(site.text("power.html"), "local_revenue_share");
    expect(rows.find((row) => row[0] === "Middle East &amp; North Africa")).toEqual([
      "Middle East &amp; North Africa",
      "no value",
      "4.0%",
      "6.0%",
    ]);
  });

  it("leads the overview with the latest figures, the change and a plain sentence for each", () => {
    const overview = site.text("index.html");
    expect(overview).toContain("Headline figures for the whole movement in 2025");
    expect(overview).toMatch(/<p class="headline-value">\$47\.9M<\/p>/);
    expect(overview).toContain("up 6.9% from 2024</p>");
    expect(overview).toContain('up 1.6 pp from 2024 <span class="reading reading-better">(better)</span>');
    expect(overview).toContain('down 0.017 from 2024 <span class="reading reading-better">(better)</span>');
    expect(overview).toContain(
      '<p class="headline-sentence">41.2% of deployed funds reached the Global South in 2025, up from 39.6% in 2024.</p>',
    );
    expect(overview).toContain(
      '<p class="headline-sentence">The movement deployed $47.9M in 2025, up from $44.8M in 2024.</p>',
    );
    expect(overview).toContain("Target: no target set");
  });

  it("puts the Lorenz curve, the Theil parts, raised against deployed, net transfers, reconciliation and the reporting grid on their pages", () => {
    const opportunities = site.text("opportunities.html");
    expect(opportunities).toContain('id="chart-funding.lorenz"');
    expect(opportunities).toContain("Funding per editor across countries, 2025: Gini 0.581");
    expect(opportunities).toContain('id="chart-funding.theil"');
    const redistribution = site.text("redistribution.html");
    expect(redistribution).toContain('id="chart-money.raised-deployed"');
    expect(redistribution).toContain('id="chart-net_transfer_usd.diverging"');
    expect(redistribution).not.toContain('id="chart-net_transfer_usd.by-region"');
    expect(redistribution).toContain('id="chart-allocations.reconciliation"');
    expect(site.text("accountability.html")).toContain('id="chart-reporting.grid"');
  });

  it("flags every allocation the hub's receipts do not match, in words", () => {
    const section = site.text("redistribution.html").split('id="reconciliation"')[1] ?? "";
    expect(section.match(/<tr class="flagged"/g)).toHaveLength(3);
    expect(section).toContain("⚠ </span>gap</strong>");
    expect(section).toContain("not reported by the hub</strong>");
    expect(section).toContain("no allocation recorded</strong>");
    expect(section).toContain("<td>−$60,000</td>");
  });

  it("lists the evidence: current reports by year with SHA-256, upload time and earlier versions, and nothing internal", () => {
    const evidence = site.text("evidence.html");
    expect(evidence).toContain('<section class="evidence-year" id="year-2025"');
    const dach = evidence.split('id="report-r-de-fin-2025"')[1]?.split("</tr>")[0] ?? "";
    expect(dach).toContain('data-regions="Northern &amp; Western Europe|Sub-Saharan Africa"');
    expect(dach).toContain("<summary>1 earlier version</summary>");
    expect(dach).toContain("superseded by r-de-fin-2025");
    expect(evidence).not.toContain('id="report-r-de-fin-2025-v1"');
    expect(evidence).toContain("Reference data");
    expect(site.everything()).not.toContain("/home/someone/private");
    expect(site.everything()).not.toContain("raw/hub-de/");
    const reports = JSON.parse(site.text("data/reports.json")) as Record<string, unknown>[];
    expect(Object.keys(reports[0] ?? {})).not.toContain("file_name");
    expect(site.text("region-sub-saharan-africa.html")).toContain('id="report-r-ke-fin-2025"');
  });

  it("gives each hub a page with its reporting, allocations and reports, and never names a protected seat", () => {
    const kenya = site.text("hub-hub-ke.html");
    expect(kenya).toContain("<dd>Kenya</dd>");
    expect(kenya).toContain('<td class="state-partial">partial</td>');
    const bangla = site.text("hub-hub-bd.html");
    expect(bangla).toContain("<dd>withheld (protected country)</dd>");
    expect(bangla).not.toContain("Bangladesh");
    expect(JSON.stringify(JSON.parse(site.text("data/dashboard.json")).hubs)).not.toMatch(/"BD"|"EG"/);
  });

  it("publishes the rows, with no value on a suppressed row", () => {
    const rows = JSON.parse(site.text("data/indicators.json")) as IndicatorRow[];
    expect(rows).toHaveLength(FIXTURE_ROWS.length);
    expect(rows.filter((row) => row.suppressed).every((row) => row.value === null)).toBe(true);
    expect(rows[0]).toEqual(indicatorRow("deployed_usd", 2023, "movement", "movement", 41_200_000));
  });

  it("says on the framework page that this is the first version", () => {
    const page = site.text("framework.html");
    for (const indicator of framework.indicators) expect(page).toContain(`<code>${indicator.id}</code>`);
    expect(page.match(/<dd>no target set<\/dd>/g)).toHaveLength(framework.indicators.length);
    expect(page).toContain("This is the first published version of the framework.");
  });
});

describe("targets and framework versions", () => {
  it("reads each headline against its target when the Council sets one", async () => {
    const withTargets: Framework = {
      ...framework,
      indicators: framework.indicators.map((indicator) =>
        indicator.id === "global_south_share"
          ? { ...indicator, target: { value: 0.5, comparison: ">=" } }
          : indicator.id === "funding_gini"
            ? { ...indicator, target: { value: 0.6, comparison: "<=" } }
            : indicator,
      ),
    };
    const { text } = await build(FIXTURE_ROWS, { framework: withTargets });
    const overview = text("index.html");
    expect(overview).toContain(
      'Target: at least 50.0% · <strong class="target-missed">target not met</strong>',
    );
    expect(overview).toContain('Target: at most 0.600 · <strong class="target-met">target met</strong>');
  });

  it("says what changed between framework versions", async () => {
    const older: Framework = {
      ...framework,
      version: "2025.2",
      indicators: framework.indicators
        .filter((indicator) => indicator.id !== "reporting_rate")
        .map((indicator) => (indicator.id === "participants" ? { ...indicator, title: "People" } : indicator))
        .concat([
          {
            ...framework.indicators[0],
            id: "retired_indicator",
            title: "Retired",
          } as Framework["indicators"][number],
        ]),
    };
    const { text } = await build(FIXTURE_ROWS, { frameworks: [older, framework] });
    const page = text("framework.html");
    expect(page).toContain("Changes from framework 2025.2 to 2026.1.");
    expect(page).toContain("<code>reporting_rate</code> Reporting rate: added");
    expect(page).toContain("<code>retired_indicator</code> Retired: removed");
    expect(page).toContain("<code>participants</code>: changed: title");
  });
});

describe("languages", () => {
  it("publishes English at the root and Spanish and Arabic in their folders, Arabic right to left", async () => {
    const { result, text } = await build(FIXTURE_ROWS, { languages: ["en", "es", "ar"] });
    expect(result.pages).toHaveLength(PAGES.length * 3);
    expect(result.pages).toContain("es/index.html");
    const arabic = text("ar/redistribution.html");
    expect(arabic).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(arabic).toContain('<link rel="stylesheet" href="../style.css">');
    expect(arabic).toContain('<script type="module" src="../site.js"></script>');
    expect(arabic).toContain('<a href="../redistribution.html" lang="en" hreflang="en">English</a>');
    expect(arabic).toContain('<bdi lang="en">Redistribution</bdi>');
    expect(text("es/index.html")).toMatch(/^<!doctype html>\n<html lang="es" dir="ltr">/);
    const arabicSpec = JSON.parse(text("ar/specs/deployed_usd.movement.vl.json")) as {
      title: { text: string };
    };
    expect(arabicSpec.title.text.startsWith("\u202B")).toBe(true);
    expect(text("es/specs/deployed_usd.movement.vl.json")).not.toContain("\u202B");
  });
});

describe("publication rules", () => {
  it("escapes text from the inputs everywhere it appears, and neutralises it in CSV", async () => {
    const hostile = "<script>alert(1)</script>";
    const { pages, text } = await build(
      [
        indicatorRow("participants", 2024, "region", hostile, 120),
        indicatorRow("participants", 2025, "region", hostile, 140),
        indicatorRow("participants", 2025, "hub", `hub"><img src=x onerror=alert(1)>`, 40),
        indicatorRow("participants", 2025, "movement", "movement", 160),
      ],
      { framework: withFinerScopes() },
    );
    const html = ["index.html", "outcomes.html"].map(text).join("\n");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("hub&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(pages().replaceAll('<script type="module" src="site.js"></script>', "")).not.toMatch(
      /<script|<img/,
    );
    const hubPages = text("hubs.html") + text("hub-hub-x.html") + text("redistribution.html");
    expect(hubPages).not.toContain(HOSTILE_HUB_NAME);
    expect(hubPages).toContain("=HYPERLINK(&quot;http://evil.example&quot;,&quot;&lt;script&gt;");
    const csv = text("data/charts/reporting.grid.csv");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example""`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it("publishes nothing at country scope for a protected country, or for a code it does not know", async () => {
    const protectedCountry = [...countries.byCode.values()].find(
      (country) => country.isProtected && country.isoCode !== "BD" && country.isoCode !== "EG",
    );
    const openCountry = countries.byCode.get("BR");
    if (!protectedCountry || !openCountry || openCountry.isProtected)
      throw new Error("country table changed");
    const { result, everything, text } = await build(
      [
        indicatorRow("participants", 2025, "movement", "movement", 500),
        indicatorRow("participants", 2025, "country", protectedCountry.isoCode, 321),
        indicatorRow("participants", 2024, "country", protectedCountry.isoCode, "suppressed"),
        indicatorRow("participants", 2025, "country", "ZZ", 77),
        indicatorRow("participants", 2025, "country", "BR", 654),
      ],
      { framework: withFinerScopes() },
    );
    expect(result.withheld).toBe(3);
    const published = everything();
    expect(published).not.toContain(protectedCountry.name);
    expect(published).not.toContain(`"${protectedCountry.isoCode}"`);
    expect(text("data/indicators.json")).not.toContain(":321");
    expect(text("outcomes.html")).not.toMatch(/>321<|"321"/);
    expect(published).not.toContain('"ZZ"');
    expect(tableRows(text("outcomes.html"), "participants")).toEqual([
      ["Movement", "500"],
      ["Brazil (BR)", "654"],
    ]);
  });

  it("publishes nothing at a scope the framework does not declare for the indicator", async () => {
    const { result, text } = await build([
      indicatorRow("participants", 2025, "movement", "movement", 500),
      indicatorRow("participants", 2025, "country", "BR", 654),
      indicatorRow("global_south_share", 2025, "region", "South Asia", 0.5),
    ]);
    expect(result.withheld).toBe(2);
    expect(text("data/indicators.json")).toBe(
      `[\n  ${JSON.stringify(indicatorRow("participants", 2025, "movement", "movement", 500))}\n]\n`,
    );
  });

  it("refuses rows from another framework version, unknown indicators, repeated rows and foreign dashboard data", async () => {
    const row = indicatorRow("participants", 2025, "movement", "movement", 500);
    await expect(build([{ ...row, framework_version: "2025.9" }])).rejects.toThrow(
      /framework 2025\.9, not 2026\.1/,
    );
    await expect(build([{ ...row, indicator: "happiness" }])).rejects.toThrow(/unknown indicator happiness/);
    await expect(build([row, row])).rejects.toThrow(/appears twice/);
    await expect(
      build([row], { dashboard: { ...FIXTURE_DASHBOARD, framework_version: "2025.9" } }),
    ).rejects.toThrow(/dashboard data is from framework 2025\.9/);
  });

  it("builds a site with no figures at all", async () => {
    const empty: DashboardData = {
      framework_version: "2026.1",
      hubs: [],
      reporting_status: [],
      allocations: [],
      lorenz: [],
      contributions: [],
    };
    const { result, text } = await build([], { dashboard: empty, reports: [] });
    expect(result.specs).toBe(0);
    expect(text("index.html")).toContain("No figures have been published yet.");
    expect(text("evidence.html")).toContain("No reports match.");
    expect(text("data/indicators.json")).toBe("[]\n");
  });
});
