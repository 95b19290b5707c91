import { describe, expect, it } from "vitest";
import { chartValues } from "../../../site/charts/spec-parts.js";
import { forTextDirection } from "../../../site/vega/text-direction.js";
import { drawnChart } from "../fixtures/charts.js";

const RLE = "\u202B";
const PDF = "\u202C";

describe("forTextDirection", () => {
  const chart = drawnChart({ kind: "by-region", name: "participants.by-region", indicator: "participants" });

  it("leaves a left-to-right spec as it is", () => {
    expect(forTextDirection(chart.spec, "ltr")).toBe(chart.spec);
  });

  it("wraps every title of a right-to-left spec in an embedding, and never its data", () => {
    const spec = forTextDirection(chart.spec, "rtl");
    const title = spec.title as { subtitle: string[] };
    expect(title.subtitle.every((line) => line.startsWith(RLE) && line.endsWith(PDF))).toBe(true);
    const titles = (spec as { params: { name: string; value: Record<string, string> }[] }).params.find(
      (param) => param.name === "titles",
    )?.value;
    expect(titles?.["2025"]).toBe(`${RLE}By region, 2025 (movement: 69,120)${PDF}`);
    expect(JSON.stringify(spec)).toContain(`"title":"${RLE}Count${PDF}"`);
    expect(chartValues(spec)).toEqual(chartValues(chart.spec));
  });
});
