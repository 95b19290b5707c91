import { describe, expect, it } from "vitest";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import {
  type DashboardChartInput,
  dashboardCharts,
  lorenzChart,
  netTransferChart,
  REPORTING_COLOURS,
  reconciliationChart,
  regionMoneyChart,
  regionSharesChart,
  reportingGridChart,
  slugOf,
} from "../../../site/charts/dashboard-charts.js";
import {
  type Chart,
  chartValues,
  forTextDirection,
  OKABE_ITO,
  REFERENCE_COLOUR,
} from "../../../site/charts/indicator-charts.js";
import { checkSpec } from "../../../site/vega/validate-spec.js";
import { FIXTURE_DASHBOARD } from "../fixtures/dashboard.js";
import { FIXTURE_K, FIXTURE_ROWS } from "../fixtures/indicator-rows.js";

const framework = loadFramework();
const countries = bundledCountryTable();
const options = { k: FIXTURE_K, regions: countries.regions };
const input: DashboardChartInput = {
  rows: FIXTURE_ROWS,
  indicators: framework.indicators,
  lorenz: FIXTURE_DASHBOARD.lorenz,
  allocations: FIXTURE_DASHBOARD.allocations,
  reportingStatus: FIXTURE_DASHBOARD.reporting_status,
  hubs: FIXTURE_DASHBOARD.hubs,
};

function everyChart(): Chart[] {
  const { opportunities, redistribution, accountability } = dashboardCharts(input, options);
  const regional = countries.regions.flatMap((region) => [
    regionMoneyChart(region, input, options),
    regionSharesChart(region, input, options),
  ]);
  return [...opportunities, ...redistribution, ...accountability, ...regional].filter(
    (chart): chart is Chart => chart !== null,
  );
}

/** Every colour a spec sets on marks, scales and conditions. */
function coloursOf(spec: unknown): string[] {
  const colours: string[] = [];
  JSON.stringify(spec, (key, value) => {
    if ((key === "color" || key === "stroke" || key === "fill") && typeof value === "string")
      colours.push(value);
    if (key === "range" && Array.isArray(value))
      colours.push(...value.filter((v) => String(v).startsWith("#")));
    return value;
  });
  return colours;
}

describe("the dashboard charts", () => {
  it("pass the official schema and compile without a single warning, in both text directions", () => {
    const charts = everyChart();
    expect(charts.length).toBeGreaterThan(15);
    const findings = charts.flatMap((chart) => [
      ...checkSpec(chart.spec).problems.map((p) => `${chart.name}: ${p}`),
      ...checkSpec(forTextDirection(chart.spec, "rtl")).problems.map((p) => `${chart.name} (rtl): ${p}`),
    ]);
    expect(findings).toEqual([]);
  });

  it("draw data only in Okabe–Ito colours, with neutral greys for references and missing reports", () => {
    const neutral = [REFERENCE_COLOUR, REPORTING_COLOURS.missing, "#ffffff", "#1f2933"];
    for (const chart of everyChart()) {
      for (const colour of coloursOf(chart.spec))
        expect([...OKABE_ITO, ...neutral], `${chart.name}: ${colour}`).toContain(colour);
    }
  });

  it("give every chart a unique, file-safe name and a data table with a column per key", () => {
    const charts = everyChart();
    expect(new Set(charts.map((chart) => chart.name)).size).toBe(charts.length);
    for (const chart of charts) {
      expect(chart.name).toMatch(/^[a-z0-9_.-]+$/);
      for (const row of chart.table.rows)
        expect(Object.keys(row).sort()).toEqual(chart.table.columns.map((column) => column.key).sort());
    }
  });
});

describe("lorenzChart", () => {
  it("puts each year's Gini in its title and follows the year filter", () => {
    const chart = lorenzChart(input, options);
    expect(chart?.title).toBe("Funding per editor across countries, 2025: Gini 0.581");
    expect(chart?.filters).toEqual(["year"]);
    const params = (chart?.spec as { params?: { name: string; value: Record<string, string> }[] } | undefined)
      ?.params;
    const titles = params?.find((param) => param.name === "titles")?.value;
    expect(titles?.["2023"]).toBe("Funding per editor across countries, 2023: Gini 0.612");
    expect(chartValues(chart?.spec as Chart["spec"])).toHaveLength(63);
  });

  it("says in words what the bottom half and the top tenth of editors received", () => {
    const chart = lorenzChart(input, options);
    // y = x^2.2: the bottom half gets 0.5^2.2 = 21.8%; the top tenth gets 1 − 0.9^2.2 = 20.7%.
    expect(chart?.descriptions?.["2025"]).toContain("received 21.8% of deployed funds");
    expect(chart?.descriptions?.["2025"]).toContain("best-funded countries received 20.7%");
  });

  it("is not drawn when no year has a curve", () => {
    expect(lorenzChart({ ...input, lorenz: [] }, options)).toBeNull();
  });
});

describe("netTransferChart", () => {
  it("splits regions that receive from regions that give, and replaces the plain by-region chart", () => {
    const chart = netTransferChart(input, options);
    expect(chart?.replaces).toBe("net_transfer_usd.by-region");
    const in2025 = chartValues(chart?.spec as Chart["spec"]).filter((row) => row.year === 2025);
    expect(in2025.find((row) => row.region === "North America")).toMatchObject({
      value: -104_300_000,
      direction: "Raises more than it receives",
      label: "−$104.3M",
    });
    expect(in2025.find((row) => row.region === "South Asia")?.direction).toBe("Receives more than it raises");
  });
});

describe("reconciliationChart", () => {
  it("flags what does not match, in words and by shape as well as colour", () => {
    const chart = reconciliationChart(input, options);
    const in2025 = chartValues(chart?.spec as Chart["spec"]).filter((row) => row.year === 2025);
    expect(in2025.filter((row) => row.flagged).map((row) => row.label)).toEqual([
      "gap (−$60,000)",
      "not reported by the hub (−$120,000)",
      "no allocation recorded ($15,000)",
    ]);
    expect(JSON.stringify(chart?.spec)).toContain('"shape"');
    expect(chart?.descriptions?.["2025"]).toContain("3 of 4 hubs do not match");
  });
});

describe("reportingGridChart", () => {
  it("marks each cell with a symbol as well as a colour, and lists who is not complete", () => {
    const chart = reportingGridChart(input, options);
    const cells = chartValues(chart?.spec as Chart["spec"]);
    expect(cells).toHaveLength(FIXTURE_DASHBOARD.reporting_status.length);
    expect(new Set(cells.map((cell) => `${cell.state} ${cell.symbol}`))).toEqual(
      new Set(["complete ✓", "partial ◐", "missing ✗"]),
    );
    expect(chart?.description).toContain("2023: 2 complete, 1 partial, 1 missing.");
    expect(chart?.description).toContain("Not complete in 2025: East Africa Hub (partial).");
  });
});

describe("region charts", () => {
  it("set a region's shares beside the movement's, naming suppressed ones", () => {
    const chart = regionSharesChart("Middle East & North Africa", input, options);
    expect(chart?.title).toBe("Shares against the movement, 2025");
    expect(chart?.description).toContain("Newcomer share 50.0% (movement 35.1%)");
  });

  it("draw nothing for a region without figures", () => {
    expect(regionMoneyChart("Atlantis", input, options)).toBeNull();
    expect(regionSharesChart("Atlantis", input, options)).toBeNull();
  });
});

describe("slugOf", () => {
  it("makes file-safe, distinct names of the eight regions", () => {
    const slugs = countries.regions.map(slugOf);
    expect(new Set(slugs).size).toBe(countries.regions.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugOf("East, Southeast Asia, & Pacific")).toBe("east-southeast-asia-and-pacific");
    expect(slugOf("<script>")).toBe("script");
    expect(slugOf("日本")).toBe("region");
  });
});
