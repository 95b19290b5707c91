import { describe, expect, it } from "vitest";
import { publishChart } from "../../../site/build/publish-chart.js";
import { memorySiteWriter } from "../../../site/build/site-writer.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";
import { localFramework } from "../../../site/i18n/framework-translations.js";
import type { SiteLanguage } from "../../../site/pages/parts/page-layout.js";
import { contentHash } from "../../../site/web/assets.js";
import { drawnChart, framework } from "../fixtures/charts.js";

const arabic: SiteLanguage = { code: "ar", messages: CATALOGUES.ar, folder: "ar/" };
const english: SiteLanguage = { code: "en", messages: CATALOGUES.en, folder: "" };

describe("publishChart", () => {
  it("writes a chart that follows the filters as its spec, CSV, compiled spec and data file, in the language's folder", async () => {
    const writer = memorySiteWriter();
    const chart = drawnChart(
      { kind: "by-region", name: "participants.by-region", indicator: "participants" },
      undefined,
      "ar",
    );
    const rendered = await publishChart(chart, {
      language: arabic,
      indicators: localFramework(framework, "ar").indicators,
      writer,
    });
    const hashOf = (prefix: string, extension: string) =>
      [...writer.files.keys()]
        .find(
          (path) =>
            path.startsWith(prefix) &&
            path.endsWith(extension) &&
            path !== `${prefix.slice(0, -1)}${extension}`,
        )
        ?.slice(prefix.length, -extension.length) ?? "";
    const vegaPath = `specs/participants.by-region.${hashOf("ar/specs/participants.by-region.", ".vg.json")}.vg.json`;
    const valuesPath = `data/charts/participants.by-region.${hashOf("ar/data/charts/participants.by-region.", ".json")}.json`;
    expect([...writer.files.keys()]).toEqual([
      "ar/specs/participants.by-region.vl.json",
      "ar/data/charts/participants.by-region.csv",
      `ar/${vegaPath}`,
      `ar/${valuesPath}`,
    ]);
    expect(rendered.specPath).toBe("specs/participants.by-region.vl.json");
    expect(rendered.interactive).toEqual({ vegaPath, valuesPath });
    for (const path of [vegaPath, valuesPath])
      expect(path).toContain(contentHash(String(writer.files.get(`ar/${path}`))));
    expect(String(writer.files.get("ar/specs/participants.by-region.vl.json"))).toContain("\u202B");
    const compiled = JSON.parse(String(writer.files.get(`ar/${vegaPath}`))) as {
      data: { name: string; values?: unknown }[];
      config: { locale: { number: { currency: string[] } } };
    };
    expect(compiled.data.find((data) => data.name === "table")).toEqual({ name: "table" });
    expect(compiled.config.locale.number.currency).toEqual(["\u200f", "\u00a0US$"]);
    const data = JSON.parse(String(writer.files.get(`ar/${valuesPath}`))) as {
      title: string;
      values: unknown[];
    };
    expect(data.title).toBe(`المشاركون: ${rendered.chart.title}`);
    expect(data.values).toHaveLength(24);
    expect(rendered.svg).toContain('<title id="svg-participants-by-region-title">');
  });

  it("writes a chart of one view as its spec and CSV only", async () => {
    const writer = memorySiteWriter();
    const chart = drawnChart({ kind: "movement", name: "participants.movement", indicator: "participants" });
    const rendered = await publishChart(chart, {
      language: english,
      indicators: framework.indicators,
      writer,
    });
    expect([...writer.files.keys()]).toEqual([
      "specs/participants.movement.vl.json",
      "data/charts/participants.movement.csv",
    ]);
    expect(rendered.interactive).toBeNull();
  });
});
