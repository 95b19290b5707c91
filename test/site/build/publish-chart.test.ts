import { describe, expect, it } from "vitest";
import { publishChart } from "../../../site/build/publish-chart.js";
import { memorySiteWriter } from "../../../site/build/site-writer.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";
import type { SiteLanguage } from "../../../site/pages/parts/page-layout.js";
import { drawnChart, framework } from "../fixtures/charts.js";

const arabic: SiteLanguage = { code: "ar", messages: CATALOGUES.ar, folder: "ar/" };
const english: SiteLanguage = { code: "en", messages: CATALOGUES.en, folder: "" };

describe("publishChart", () => {
  it("writes a chart that follows the filters as its spec, CSV, compiled spec and data file, in the language's folder", async () => {
    const writer = memorySiteWriter();
    const chart = drawnChart({
      kind: "by-region",
      name: "participants.by-region",
      indicator: "participants",
    });
    const rendered = await publishChart(chart, {
      language: arabic,
      indicators: framework.indicators,
      writer,
    });
    expect([...writer.files.keys()]).toEqual([
      "ar/specs/participants.by-region.vl.json",
      "ar/data/charts/participants.by-region.csv",
      "ar/specs/participants.by-region.vg.json",
      "ar/data/charts/participants.by-region.json",
    ]);
    expect(rendered.specPath).toBe("specs/participants.by-region.vl.json");
    expect(rendered.interactive).toEqual({
      vegaPath: "specs/participants.by-region.vg.json",
      valuesPath: "data/charts/participants.by-region.json",
    });
    expect(String(writer.files.get("ar/specs/participants.by-region.vl.json"))).toContain("\u202B");
    const compiled = JSON.parse(String(writer.files.get("ar/specs/participants.by-region.vg.json"))) as {
      data: { name: string; values?: unknown }[];
    };
    expect(compiled.data.find((data) => data.name === "table")).toEqual({ name: "table" });
    const data = JSON.parse(String(writer.files.get("ar/data/charts/participants.by-region.json"))) as {
      title: string;
      values: unknown[];
    };
    expect(data.title).toBe(`Participants: ${rendered.chart.title}`);
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
