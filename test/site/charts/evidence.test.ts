import { describe, expect, it } from "vitest";
import {
  indicatorChartDefinitions,
  LENS_CHARTS,
  regionChartDefinitions,
} from "../../../site/charts/definitions.js";
import { EVIDENCE_FIELD } from "../../../site/charts/evidence.js";
import { evidenceHref } from "../../../site/web/paths.js";
import { chartSources, countries, lensChart, published, valuesOf } from "../fixtures/charts.js";

const SA = "South Asia";

function chartOf(name: string) {
  const definition = [
    ...["participants", "local_revenue_share", "deployed_usd"].flatMap(indicatorChartDefinitions),
    ...regionChartDefinitions(SA),
  ].find((candidate) => candidate.name === name);
  const chart = definition ? published(definition) : published(lensChart(name));
  if (!chart) throw new Error(`${name} was not drawn`);
  return chart;
}

describe("the evidence of a chart's marks", () => {
  it("links each region's bar to the reports of that region and year, counted as the indicator counts regions", () => {
    const participants = valuesOf(chartOf("participants.by-region")).find(
      (row) => row.region === SA && row.year === 2024,
    );
    expect(participants?.[EVIDENCE_FIELD]).toBe(evidenceHref({ year: 2024, behind: `lines:${SA}` }));
    const localRevenue = valuesOf(chartOf("local_revenue_share.regions-over-time")).find(
      (row) => row.region === SA && row.year === 2025,
    );
    expect(localRevenue?.[EVIDENCE_FIELD]).toBe("evidence.html?year=2025&behind=seat%3ASouth+Asia#year-2025");
  });

  it("links the movement's marks, the Lorenz curve's and the Theil parts' to the movement's reports of their year", () => {
    for (const name of ["deployed_usd.movement", "funding.lorenz", "funding.theil"]) {
      const rows = valuesOf(chartOf(name));
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows)
        expect(row[EVIDENCE_FIELD], name).toBe(
          evidenceHref({ year: row.year as number, behind: "movement:movement" }),
        );
    }
  });

  it("links a region page's shares to the region's reports by each indicator's basis, and the movement's to the movement's", () => {
    const rows = valuesOf(chartOf("region.south-asia.shares"));
    const basisOf = (indicator: string, who: string) =>
      rows.find((row) => row.indicator === indicator && row.who === who)?.[EVIDENCE_FIELD];
    expect(basisOf("Local revenue share", SA)).toBe(evidenceHref({ year: 2025, behind: `seat:${SA}` }));
    expect(basisOf("Board seats held by women", SA)).toBe(evidenceHref({ year: 2025, behind: `seat:${SA}` }));
    expect(basisOf("Newcomer share", SA)).toBe(evidenceHref({ year: 2025, behind: `lines:${SA}` }));
    expect(basisOf("Newcomer share", "Movement")).toBe(
      evidenceHref({ year: 2025, behind: "movement:movement" }),
    );
  });

  it("links a hub's reporting and reconciliation marks to that hub's reports of the year", () => {
    const grid = valuesOf(chartOf("reporting.grid")).find(
      (row) => row.hub_id === "hub-ke" && row.year === 2024,
    );
    expect(grid?.[EVIDENCE_FIELD]).toBe("evidence.html?year=2024&hub=hub-ke#year-2024");
    const reconciliation = valuesOf(chartOf("allocations.reconciliation")).find((row) => row.year === 2025);
    expect(reconciliation?.[EVIDENCE_FIELD]).toBe(
      evidenceHref({ year: 2025, hub: reconciliation?.hub_id as string }),
    );
  });

  it("gives every row of the data table its link, in the rows' order", () => {
    const chart = chartOf("participants.regions-over-time");
    expect(chart.table.evidence).toHaveLength(chart.table.rows.length);
    chart.table.rows.forEach((row, i) => {
      expect(chart.table.evidence?.[i]).toEqual({ year: row.year, behind: `lines:${row.region}` });
    });
  });
});

describe("the evidence of a whole chart", () => {
  it("names the one scope instance all its figures belong to, and none when they belong to several", () => {
    expect(chartOf("deployed_usd.movement").evidence).toEqual({ year: 2025, behind: "movement:movement" });
    expect(chartOf("region.south-asia.money").evidence).toMatchObject({ behind: "lines:South Asia" });
    expect(chartOf("participants.by-region").evidence).toEqual({ year: 2025 });
  });
});

describe("the evidence of a chart in another language", () => {
  const regions = new Set(countries.regions);

  it.each(["es", "fr", "ar"] as const)(
    "links %s marks and table rows to the reports of each region by its own name, as the evidence page keys them",
    (language) => {
      for (const name of [
        "participants.by-region",
        "participants.regions-over-time",
        "money.raised-deployed",
        "net_transfer_usd.diverging",
      ]) {
        const definition = [
          ...indicatorChartDefinitions("participants"),
          ...Object.values(LENS_CHARTS).flat(),
        ]
          .concat(indicatorChartDefinitions("net_transfer_usd"))
          .find((candidate) => candidate.name === name);
        if (!definition) throw new Error(`no chart ${name}`);
        const chart = published(definition, chartSources(), language);
        if (!chart) throw new Error(`${name} was not drawn in ${language}`);
        const keys = [
          ...(chart.table.evidence ?? []).map((filter) => filter.behind),
          ...valuesOf(chart).map((row) =>
            new URL(String(row[EVIDENCE_FIELD]), "http://site.test/").searchParams.get("behind"),
          ),
        ];
        expect(keys.length, name).toBeGreaterThan(8);
        for (const key of keys) {
          const [basis, region] = (key ?? "").split(":");
          expect(basis, `${language} ${name}`).toBe("lines");
          expect(regions.has(region ?? ""), `${language} ${name}: ${key}`).toBe(true);
        }
      }
    },
  );

  it.each(["es", "fr", "ar"] as const)(
    "links a region page's shares in %s to the region's reports by each indicator's basis",
    (language) => {
      const definition = regionChartDefinitions(SA).find((candidate) => candidate.kind === "region-shares");
      if (!definition) throw new Error("no region shares chart");
      const chart = published(definition, chartSources(), language);
      if (!chart) throw new Error(`the shares of ${SA} were not drawn in ${language}`);
      const links = new Set(valuesOf(chart).map((row) => row[EVIDENCE_FIELD]));
      expect(links).toEqual(
        new Set([
          evidenceHref({ year: 2025, behind: `seat:${SA}` }),
          evidenceHref({ year: 2025, behind: `lines:${SA}` }),
          evidenceHref({ year: 2025, behind: "movement:movement" }),
        ]),
      );
      expect(new Set(chart.table.evidence?.map((filter) => filter.behind))).toEqual(
        new Set([`seat:${SA}`, `lines:${SA}`, "movement:movement"]),
      );
    },
  );
});
