import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type Framework, loadFramework } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { buildSite, type SiteBuild } from "../../reports/build-site.js";
import { directorySiteWriter, memorySiteWriter } from "../../reports/site-writer.js";
import { checkSpec } from "../../reports/validate-spec.js";
import { FIXTURE_GENERATED_AT, FIXTURE_K, FIXTURE_ROWS, indicatorRow } from "./fixtures/indicator-rows.js";

const GOLDEN_DIR = fileURLToPath(new URL("./golden/", import.meta.url));
const framework = loadFramework();
const countries = bundledCountryTable();
const PAGES = [
  "index.html",
  "opportunities.html",
  "power.html",
  "outcomes.html",
  "redistribution.html",
  "accountability.html",
  "framework.html",
];

async function build(indicators: readonly IndicatorRow[], frameworkToUse: Framework = framework) {
  const writer = memorySiteWriter();
  const result = await buildSite(
    { framework: frameworkToUse, indicators, countries, generatedAt: FIXTURE_GENERATED_AT, k: FIXTURE_K },
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

/** The rows of one indicator's table on a lens page, as [scope label, ...cells]. */
function tableRows(page: string, indicator: string): string[][] {
  const article = page.split(`<article class="indicator" id="${indicator}"`)[1]?.split("</article>")[0] ?? "";
  return [...article.matchAll(/<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)].map((match) => [
    match[1] ?? "",
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

  it("matches the golden directory (UPDATE_GOLDEN=1 regenerates it)", async () => {
    if (process.env.UPDATE_GOLDEN === "1") {
      await rm(GOLDEN_DIR, { recursive: true, force: true });
      const writer = directorySiteWriter(GOLDEN_DIR);
      for (const [path, content] of site.files) await writer.write(path, content);
    }
    expect(await listFiles(GOLDEN_DIR)).toEqual([...site.files.keys()].sort());
    for (const [path, content] of site.files) {
      expect(String(content), path).toBe(await readFile(join(GOLDEN_DIR, path), "utf8"));
    }
  });

  it("writes the overview, a page per lens and the framework, and every chart's spec", () => {
    expect(result.pages).toEqual(PAGES);
    const specs = [...site.files.keys()].filter((path) => path.startsWith("specs/"));
    expect(specs).toHaveLength(result.specs);
    expect(result.specs).toBe(29);
    expect(result.withheld).toBe(0);
    for (const path of specs) {
      expect(path).toMatch(/^specs\/[a-z0-9_]+\.[a-z-]+\.vl\.json$/);
      expect(checkSpec(JSON.parse(site.text(path))).problems, path).toEqual([]);
    }
  });

  it("gives every page a language, a policy that allows no script, a nav and the footer facts", () => {
    for (const page of PAGES) {
      const markup = site.text(page);
      expect(markup).toMatch(/^<!doctype html>\n<html lang="en">/);
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(markup)?.[1] ?? "";
      expect(policy.replaceAll("&#39;", "'")).toContain("script-src 'none'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(markup).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
      expect(markup).toContain('<nav class="site-nav" aria-label="Site">');
      expect(markup).toContain(`href="${page}" aria-current="page"`);
      expect(markup).toContain("Evaluation framework 2026.1 · Generated");
      expect(markup).toContain('<time datetime="2026-03-02T09:30:00.000Z">2 March 2026, 09:30 UTC</time>');
    }
  });

  it("shows each chart as inline SVG that needs no script", () => {
    const outcomes = site.text("outcomes.html");
    const svgs = outcomes.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBe(9);
    for (const svg of svgs)
      expect(svg).toMatch(/role="img" aria-labelledby="[^"]+-title" aria-describedby="[^"]+-desc"/);
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
    const spec = JSON.parse(site.text("specs/participants.regions-over-time.vl.json"));
    const mena = spec.data.values.filter(
      (row: { region: string }) => row.region === "Middle East & North Africa",
    );
    expect(mena.map((row: { year: number }) => row.year)).toEqual([2025]);
  });

  it("shows a figure whose denominator was zero as no value", () => {
    const rows = tableRows(site.text("power.html"), "local_revenue_share");
    expect(rows.find((row) => row[0] === "Middle East &amp; North Africa")).toEqual([
      "Middle East &amp; North Africa",
      "no value",
      "4.0%",
      "6.0%",
    ]);
    expect(site.text("power.html")).toContain(
      "<li>no value: the denominator was zero, so the figure is undefined.</li>",
    );
  });

  it("leads the overview with the latest movement figures and their change", () => {
    const overview = site.text("index.html");
    expect(overview).toContain("Headline figures for the whole movement in 2025");
    expect(overview).toMatch(
      /Funds deployed<\/a><\/h3>\n<div class="headline-figure">\n<p class="headline-value">\$47\.9M<\/p>/,
    );
    expect(overview).toContain("up 6.9% from 2024");
    expect(overview).toContain("unchanged from 2024");
  });

  it("publishes every indicator's definition on the framework page", () => {
    const page = site.text("framework.html");
    for (const indicator of framework.indicators) {
      expect(page).toContain(`<code>${indicator.id}</code>`);
    }
    expect(page.match(/<dd>no target set<\/dd>/g)).toHaveLength(framework.indicators.length);
    expect(page).toContain("In this publication, k = 10.");
    expect(page).toContain("An outcomes indicator at region scope whose participants number fewer than k");
  });

  it("publishes the rows, with no value on a suppressed row", () => {
    const rows = JSON.parse(site.text("data/indicators.json")) as IndicatorRow[];
    expect(rows).toHaveLength(FIXTURE_ROWS.length);
    expect(rows.filter((row) => row.suppressed).every((row) => row.value === null)).toBe(true);
    expect(rows[0]).toEqual(indicatorRow("deployed_usd", 2023, "movement", "movement", 41_200_000));
  });
});

describe("publication rules", () => {
  it("escapes text from the inputs everywhere it appears", async () => {
    const hostile = "<script>alert(1)</script>";
    const { pages, text } = await build(
      [
        indicatorRow("participants", 2024, "region", hostile, 120),
        indicatorRow("participants", 2025, "region", hostile, 140),
        indicatorRow("participants", 2025, "hub", `hub"><img src=x onerror=alert(1)>`, 40),
        indicatorRow("participants", 2025, "movement", "movement", 160),
      ],
      withFinerScopes(),
    );
    const html = ["index.html", "outcomes.html"].map(text).join("\n");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("hub&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(pages()).not.toMatch(/<script|<img/);
  });

  it("publishes nothing at country scope for a protected country, or for a code it does not know", async () => {
    const protectedCountry = [...countries.byCode.values()].find((country) => country.isProtected);
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
      withFinerScopes(),
    );
    expect(result.withheld).toBe(3);
    const published = everything();
    expect(published).not.toContain(protectedCountry.name);
    expect(published).not.toContain(`"${protectedCountry.isoCode}"`);
    expect(published).not.toContain("321");
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

  it("refuses rows from another framework version, unknown indicators and repeated rows", async () => {
    const row = indicatorRow("participants", 2025, "movement", "movement", 500);
    await expect(build([{ ...row, framework_version: "2025.9" }])).rejects.toThrow(
      /framework 2025\.9, not 2026\.1/,
    );
    await expect(build([{ ...row, indicator: "happiness" }])).rejects.toThrow(/unknown indicator happiness/);
    await expect(build([row, row])).rejects.toThrow(/appears twice/);
  });

  it("builds a site with no figures at all", async () => {
    const { result, text } = await build([]);
    expect(result.specs).toBe(0);
    expect(text("index.html")).toContain("No figures have been published yet.");
    expect(text("data/indicators.json")).toBe("[]\n");
  });
});
