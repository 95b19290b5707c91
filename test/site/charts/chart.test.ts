import { describe, expect, it } from "vitest";
import {
  buildChart,
  type ChartDraft,
  chartLabel,
  describe as describeChart,
} from "../../../site/charts/chart.js";
import { CHART_DATASET } from "../../../site/charts/spec-parts.js";
import { en } from "../../../site/i18n/en.js";
import { fr } from "../../../site/i18n/fr.js";
import { framework } from "../fixtures/charts.js";

const draft: ChartDraft = {
  definition: { kind: "movement", name: "participants.movement", indicator: "participants" },
  messages: en,
  text: { title: "Movement, 2024–2025", description: "Two years." },
  summary: ["Bars from zero", "The axis starts at zero."],
  values: [{ year: 2025, value: 3 }],
  table: { caption: "Participants", columns: [{ key: "year", label: "Year" }], rows: [{ year: 2025 }] },
  evidence: { year: 2025 },
  view: { mark: "bar", encoding: { x: { field: "year", type: "ordinal" } } },
};

describe("buildChart", () => {
  it("gives a chart of one view its title, notes, description, data and look, and no parameters", () => {
    const chart = buildChart({ ...draft, notes: ["Suppressed: 2023"] });
    expect(chart).toMatchObject({
      name: "participants.movement",
      indicator: "participants",
      kind: "movement",
      title: "Movement, 2024–2025",
      summary: "Bars from zero. The axis starts at zero.",
      description: "Two years.",
      filters: [],
      evidence: { year: 2025 },
    });
    expect(chart.descriptions).toBeUndefined();
    expect(chart.replaces).toBeUndefined();
    expect(Object.keys(chart.spec)).toEqual([
      "$schema",
      "description",
      "title",
      "config",
      "data",
      "datasets",
      "mark",
      "encoding",
    ]);
    expect(chart.spec.title).toEqual({ text: "Movement, 2024–2025", subtitle: ["Suppressed: 2023"] });
    expect(chart.spec.data).toEqual({ name: CHART_DATASET });
  });

  it("gives every spec the number locale of its language, from Intl", () => {
    const english = buildChart(draft).spec.config as { locale: { number: { decimal: string } } };
    expect(english.locale.number).toEqual({
      decimal: ".",
      thousands: ",",
      grouping: [3],
      currency: ["$", ""],
      percent: "%",
      minus: "-",
      nan: "NaN",
    });
    const french = buildChart({ ...draft, messages: fr }).spec.config as {
      locale: { number: { decimal: string; currency: string[]; thousands: string } };
    };
    expect(french.locale.number).toMatchObject({
      decimal: ",",
      thousands: "\u202f",
      currency: ["", "\u00a0$US"],
    });
  });

  it("makes a chart whose text is by year follow the year filter, and one that follows the region the region filter", () => {
    const chart = buildChart({
      ...draft,
      text: {
        year: 2025,
        titles: { "2024": "In 2024", "2025": "In 2025" },
        descriptions: { "2025": "Now." },
      },
      followsRegion: true,
    });
    expect(chart.filters).toEqual(["year", "region"]);
    expect(chart.title).toBe("In 2025");
    expect(chart.description).toBe("Now.");
    expect(chart.descriptions).toEqual({ "2025": "Now." });
    expect((chart.spec as { params?: unknown }).params).toEqual([
      { name: "year", value: 2025 },
      { name: "titles", value: { "2024": "In 2024", "2025": "In 2025" } },
      { name: "region", value: "" },
    ]);
    expect(chart.spec.title).toEqual({ text: { expr: "titles['' + year]" } });
  });

  it("carries the standard chart a definition replaces", () => {
    const chart = buildChart({
      ...draft,
      definition: { ...draft.definition, replaces: "participants.by-region" },
    });
    expect(chart.replaces).toBe("participants.by-region");
  });
});

describe("describe and chartLabel", () => {
  it("end a description with its notes and where the full figures are", () => {
    expect(describeChart("Main.", ["Suppressed: 2023"], en)).toBe(
      `Main. Suppressed: 2023. ${en.describeTail}`,
    );
  });

  it("read a chart out with its indicator's title, except the Lorenz curve whose title stands alone", () => {
    const chart = buildChart(draft);
    expect(chartLabel(chart, framework.indicators, en)).toBe("Participants: Movement, 2024–2025");
    expect(chartLabel({ ...chart, kind: "lorenz" }, framework.indicators, en)).toBe("Movement, 2024–2025");
    expect(chartLabel({ ...chart, indicator: null }, framework.indicators, en)).toBe("Movement, 2024–2025");
  });
});
