import { describe, expect, it } from "vitest";
import { renderSvg } from "../../../site/vega/render-svg.js";
import { validateSpec } from "../../../site/vega/validate-spec.js";
import { chartSources, drawnChart } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

describe("renderSvg", () => {
  it("renders a labelled, escaped SVG without a browser", async () => {
    const hostile = "<script>alert(1)</script>";
    const chart = drawnChart(
      { kind: "by-region", name: "deployed_usd.by-region", indicator: "deployed_usd" },
      chartSources([indicatorRow("deployed_usd", 2025, "region", hostile, 1_000_000)]),
    );
    const svg = await renderSvg(validateSpec(chart.name, chart.spec), {
      id: "chart-test",
      title: `Title ${hostile}`,
      description: chart.description,
    });
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart" width="\d+" height="\d+"/,
    );
    expect(svg).toContain('role="img" aria-labelledby="chart-test-title" aria-describedby="chart-test-desc"');
    expect(svg).toContain('<title id="chart-test-title">Title &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;</text>");
    expect(svg).not.toContain("<script");
    expect(svg).not.toMatch(/style=/);
  });
});
