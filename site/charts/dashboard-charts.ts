import type { TopLevelSpec } from "vega-lite";
import type {
  AllocationRow,
  HubEntry,
  LorenzPoint,
  ReportingState,
  ReportingStatusRow,
} from "../../functions/core/dashboards/dashboard-data.js";
import type { IndicatorDefinition } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { en, type Messages } from "../i18n/catalogue.js";
import { cellOf, formatNumber } from "../i18n/format.js";
import {
  axisFormat,
  baseSpec,
  type Chart,
  type ChartOptions,
  CONTRAST_COLOUR,
  describe,
  INK,
  OKABE_ITO,
  REFERENCE_COLOUR,
  REGION_EMPHASIS,
  REGION_PARAMETER,
  regionRank,
  SERIES_COLOUR,
  titleByYear,
  titleWith,
  yearParameters,
} from "./indicator-charts.js";

/** The indicator rows and dashboard data the special charts read. */
export interface DashboardChartInput {
  readonly rows: readonly IndicatorRow[];
  readonly indicators: readonly IndicatorDefinition[];
  readonly lorenz: readonly LorenzPoint[];
  readonly allocations: readonly AllocationRow[];
  readonly reportingStatus: readonly ReportingStatusRow[];
  readonly hubs: readonly HubEntry[];
}

/** The colours of the reporting states; each state is also drawn with its own symbol. */
export const REPORTING_COLOURS: Readonly<Record<ReportingState, string>> = {
  complete: OKABE_ITO[0],
  partial: OKABE_ITO[1],
  missing: "#e4e7eb",
};

/** The symbol drawn in each reporting-grid cell, so that the state never depends on colour alone. */
export const REPORTING_SYMBOLS: Readonly<Record<ReportingState, string>> = {
  complete: "✓",
  partial: "◐",
  missing: "✗",
};

function movementValue(rows: readonly IndicatorRow[], indicator: string, year: number): number | null {
  const cell = cellOf(
    rows.find((row) => row.indicator === indicator && row.scope === "movement" && row.year === year),
  );
  return cell.kind === "value" ? cell.value : null;
}

function regionValue(
  rows: readonly IndicatorRow[],
  indicator: string,
  region: string,
  year: number,
): number | null {
  const cell = cellOf(
    rows.find(
      (row) =>
        row.indicator === indicator && row.scope === "region" && row.scope_id === region && row.year === year,
    ),
  );
  return cell.kind === "value" ? cell.value : null;
}

function titleOf(input: DashboardChartInput, indicator: string): string {
  return input.indicators.find((candidate) => candidate.id === indicator)?.title ?? indicator;
}

const share = (value: number, messages: Messages) => formatNumber(value, "share", messages);
const usd = (value: number, messages: Messages) => formatNumber(value, "usd", messages);

/**
 * The Lorenz curve of funding per editor across countries for the year the page shows, against the
 * line of equality, with that year's Gini in the title. The curve is published at fixed editor
 * shares only (see `resampleLorenz`), so no single country's point can be read off it.
 */
export function lorenzChart(input: DashboardChartInput, options: ChartOptions): Chart | null {
  const messages = options.messages ?? en;
  const years = [...new Set(input.lorenz.map((point) => point.year))].sort((a, b) => a - b);
  const year = years.at(-1);
  if (year === undefined) return null;
  const gini = (y: number) => movementValue(input.rows, "funding_gini", y);
  const titles = Object.fromEntries(
    years.map((y) => {
      const g = gini(y);
      return [
        String(y),
        messages.chartLorenzTitle(y, g === null ? null : formatNumber(g, "index", messages)),
      ];
    }),
  );
  const values = input.lorenz.map((point) => ({ ...point }));
  const descriptions = Object.fromEntries(
    years.map((y) => {
      const at = (x: number) =>
        input.lorenz.find((point) => point.year === y && Math.abs(point.editor_share - x) < 1e-9)
          ?.funding_share;
      const half = at(0.5);
      const top = at(0.9);
      return [
        String(y),
        describe(
          messages.describeLorenz(
            y,
            half === undefined ? "" : share(half, messages),
            top === undefined ? "" : share(1 - top, messages),
            titles[String(y)] ?? "",
          ),
          [],
          messages,
        ),
      ];
    }),
  );
  const x = {
    field: "editor_share",
    type: "quantitative",
    title: messages.axisEditorShare,
    scale: { domain: [0, 1] as number[] },
    axis: { format: ".0%", tickCount: 5 },
  } as const;
  const y = {
    field: "funding_share",
    type: "quantitative",
    title: messages.axisFundingShare,
    scale: { domain: [0, 1] as number[] },
    axis: { format: ".0%", tickCount: 5 },
  } as const;
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleByYear([]), description: descriptions[String(year)] ?? "" }, values),
    params: yearParameters(year, titles),
    width: 320,
    height: 320,
    layer: [
      {
        data: {
          values: [
            { editor_share: 0, funding_share: 0 },
            { editor_share: 1, funding_share: 1 },
          ],
        },
        mark: { type: "line", color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { x, y },
      },
      {
        transform: [{ filter: "datum.year === year" }],
        mark: {
          type: "area",
          color: SERIES_COLOUR,
          opacity: 0.15,
          line: { color: SERIES_COLOUR, strokeWidth: 2.5 },
        },
        encoding: { x, y },
      },
    ],
  };
  return {
    name: "funding.lorenz",
    indicator: "funding_gini",
    kind: "lorenz",
    title: titles[String(year)] ?? "",
    description: descriptions[String(year)] ?? "",
    spec,
    table: {
      caption: messages.lorenzCaption,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "editor_share", label: messages.axisEditorShare, unit: "share" },
        { key: "funding_share", label: messages.axisFundingShare, unit: "share" },
      ],
      rows: values,
    },
    filters: ["year"],
    descriptions,
    evidence: { year },
  };
}

/** The Theil index of each year, stacked from its between-region and within-region parts. */
export function theilChart(input: DashboardChartInput, options: ChartOptions): Chart | null {
  const messages = options.messages ?? en;
  const years = [
    ...new Set(input.rows.filter((row) => row.indicator === "funding_theil").map((row) => row.year)),
  ].sort((a, b) => a - b);
  const parts = [
    { key: "funding_theil_between", label: messages.theilBetween },
    { key: "funding_theil_within", label: messages.theilWithin },
  ] as const;
  const values = years.flatMap((year) =>
    parts.flatMap((part, order) => {
      const value = movementValue(input.rows, part.key, year);
      return value === null
        ? []
        : [{ year, part: part.label, order, value, label: formatNumber(value, "index", messages) }];
    }),
  );
  const first = years[0];
  const last = years.at(-1);
  if (values.length === 0 || first === undefined || last === undefined) return null;
  const title = messages.chartTheilTitle(first, last);
  const description = describe(
    messages.describeTheil(
      years.map((year) =>
        messages.describeTheilYear(
          year,
          formatNumber(movementValue(input.rows, "funding_theil", year) ?? Number.NaN, "index", messages),
          formatNumber(
            movementValue(input.rows, "funding_theil_between", year) ?? Number.NaN,
            "index",
            messages,
          ),
          formatNumber(
            movementValue(input.rows, "funding_theil_within", year) ?? Number.NaN,
            "index",
            messages,
          ),
        ),
      ),
    ),
    [],
    messages,
  );
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleWith(title, []), description }, values),
    width: 360,
    height: 220,
    mark: { type: "bar", width: { band: 0.6 } },
    encoding: {
      x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } },
      y: {
        field: "value",
        type: "quantitative",
        title: messages.units.index,
        stack: "zero",
        axis: axisFormat("index"),
      },
      color: {
        field: "part",
        type: "nominal",
        title: null,
        sort: parts.map((part) => part.label),
        scale: { domain: parts.map((part) => part.label), range: [SERIES_COLOUR, OKABE_ITO[1]] },
      },
      order: { field: "order", type: "quantitative" },
    },
  };
  return {
    name: "funding.theil",
    indicator: "funding_theil",
    kind: "theil",
    title,
    description,
    spec,
    table: {
      caption: `${titleOf(input, "funding_theil")}: ${title}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "part", label: messages.columnPart },
        { key: "value", label: messages.units.index, unit: "index" },
      ],
      rows: values.map(({ year, part, value }) => ({ year, part, value })),
    },
    filters: [],
    evidence: { year: last },
  };
}

/** Raised against deployed for each region in the year the page shows, as paired bars. */
export function raisedDeployedChart(input: DashboardChartInput, options: ChartOptions): Chart | null {
  const messages = options.messages ?? en;
  const rank = regionRank(options.regions);
  const own = input.rows.filter(
    (row) => row.scope === "region" && (row.indicator === "raised_usd" || row.indicator === "deployed_usd"),
  );
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const regions = [...new Set(own.map((row) => row.scope_id))].sort(rank);
  const year = years.at(-1);
  if (year === undefined) return null;
  const series = [
    { key: "raised_usd", label: messages.seriesRaised },
    { key: "deployed_usd", label: messages.seriesDeployed },
  ] as const;
  const values = years.flatMap((y) =>
    regions.flatMap((region) =>
      series.flatMap((s) => {
        const value = regionValue(input.rows, s.key, region, y);
        return value === null
          ? []
          : [{ year: y, region, series: s.label, value, label: usd(value, messages) }];
      }),
    ),
  );
  const titles = Object.fromEntries(years.map((y) => [String(y), messages.chartRaisedDeployedTitle(y)]));
  const descriptions = Object.fromEntries(
    years.map((y) => [
      String(y),
      describe(
        messages.describeRaisedDeployed(
          y,
          regions.map((region) =>
            messages.describeRaisedDeployedRegion(
              region,
              labelOf(values, y, region, messages.seriesRaised, messages),
              labelOf(values, y, region, messages.seriesDeployed, messages),
            ),
          ),
        ),
        [],
        messages,
      ),
    ]),
  );
  const yEncoding = {
    field: "region",
    type: "nominal",
    title: null,
    sort: regions,
    axis: { labelLimit: 280 },
  } as const;
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleByYear([]), description: descriptions[String(year)] ?? "" }, values),
    params: [...yearParameters(year, titles), REGION_PARAMETER],
    width: 320,
    height: { step: 16 },
    transform: [{ filter: "datum.year === year" }],
    mark: { type: "bar" },
    encoding: {
      y: yEncoding,
      yOffset: { field: "series", type: "nominal", sort: series.map((s) => s.label) },
      x: { field: "value", type: "quantitative", title: messages.units.usd, axis: axisFormat("usd") },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: series.map((s) => s.label), range: [OKABE_ITO[1], SERIES_COLOUR] },
      },
      opacity: REGION_EMPHASIS,
    },
  };
  return {
    name: "money.raised-deployed",
    indicator: "raised_usd",
    kind: "raised-deployed",
    title: titles[String(year)] ?? "",
    description: descriptions[String(year)] ?? "",
    spec,
    table: {
      caption: titles[String(year)] ?? "",
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "region", label: messages.columnRegion },
        { key: "series", label: messages.columnSeries },
        { key: "value", label: messages.units.usd, unit: "usd" },
      ],
      rows: values.map(({ year: y, region, series: s, value }) => ({ year: y, region, series: s, value })),
    },
    filters: ["year", "region"],
    descriptions,
    evidence: { year },
  };
}

function labelOf(
  values: readonly { year: number; region: string; series: string; label: string }[],
  year: number,
  region: string,
  series: string,
  messages: Messages,
): string {
  return (
    values.find((v) => v.year === year && v.region === region && v.series === series)?.label ??
    messages.noData
  );
}

/** Net transfers by region in the year the page shows: bars to the right receive, bars to the left give. */
export function netTransferChart(input: DashboardChartInput, options: ChartOptions): Chart | null {
  const messages = options.messages ?? en;
  const rank = regionRank(options.regions);
  const own = input.rows.filter((row) => row.indicator === "net_transfer_usd" && row.scope === "region");
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const regions = [...new Set(own.map((row) => row.scope_id))].sort(rank);
  const year = years.at(-1);
  if (year === undefined) return null;
  const values = own.flatMap((row) => {
    const cell = cellOf(row);
    if (cell.kind !== "value") return [];
    return [
      {
        year: row.year,
        region: row.scope_id,
        value: cell.value,
        direction: cell.value >= 0 ? messages.netReceives : messages.netGives,
        label: usd(cell.value, messages),
        labelAlign: cell.value >= 0 ? "left" : "right",
      },
    ];
  });
  if (values.length === 0) return null;
  const titles = Object.fromEntries(years.map((y) => [String(y), messages.chartNetTransferTitle(y)]));
  const descriptions = Object.fromEntries(
    years.map((y) => [
      String(y),
      describe(
        messages.describeNetTransfer(
          y,
          values.filter((v) => v.year === y).map((v) => messages.describePoint(v.region, v.label)),
        ),
        [],
        messages,
      ),
    ]),
  );
  const yEncoding = {
    field: "region",
    type: "nominal",
    title: null,
    sort: regions,
    axis: { labelLimit: 280 },
  } as const;
  const x = {
    field: "value",
    type: "quantitative",
    title: messages.axisNetTransfer,
    axis: axisFormat("usd"),
  } as const;
  const spec: TopLevelSpec = {
    ...baseSpec(
      {
        title: titleByYear([messages.netTransferNote]),
        description: descriptions[String(year)] ?? "",
      },
      values,
    ),
    params: [...yearParameters(year, titles), REGION_PARAMETER],
    width: 360,
    height: { step: 26 },
    transform: [{ filter: "datum.year === year" }],
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y: yEncoding,
          x,
          color: {
            field: "direction",
            type: "nominal",
            title: null,
            scale: {
              domain: [messages.netReceives, messages.netGives],
              range: [SERIES_COLOUR, CONTRAST_COLOUR],
            },
          },
          opacity: REGION_EMPHASIS,
        },
      },
      { mark: { type: "rule", color: INK }, encoding: { x: { datum: 0, type: "quantitative" } } },
    ],
  };
  return {
    name: "net_transfer_usd.diverging",
    indicator: "net_transfer_usd",
    kind: "net-transfer",
    title: titles[String(year)] ?? "",
    description: descriptions[String(year)] ?? "",
    spec,
    table: {
      caption: titles[String(year)] ?? "",
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "region", label: messages.columnRegion },
        { key: "value", label: messages.axisNetTransfer, unit: "usd" },
        { key: "direction", label: messages.columnDirection },
      ],
      rows: values.map(({ year: y, region, value, direction }) => ({ year: y, region, value, direction })),
    },
    filters: ["year", "region"],
    descriptions,
    evidence: { year },
    replaces: "net_transfer_usd.by-region",
  };
}

/** The hubs' names by id, for labels. */
function hubNames(hubs: readonly HubEntry[]): (id: string) => string {
  const names = new Map(hubs.map((hub) => [hub.hub_id, hub.name]));
  return (id) => names.get(id) ?? id;
}

/**
 * The global fund's allocations against what each hub reports having received, for the year the
 * page shows: the difference per hub, with gaps and missing reports flagged in words as well as colour.
 */
export function reconciliationChart(input: DashboardChartInput, options: ChartOptions): Chart | null {
  const messages = options.messages ?? en;
  const years = [...new Set(input.allocations.map((row) => row.year))].sort((a, b) => a - b);
  const year = years.at(-1);
  if (year === undefined) return null;
  const name = hubNames(input.hubs);
  const hubs = [...new Set(input.allocations.map((row) => row.hub_id))].sort((a, b) =>
    name(a).localeCompare(name(b), "en"),
  );
  const values = input.allocations.map((row) => ({
    year: row.year,
    hub: name(row.hub_id),
    gap: row.gap_usd,
    flagged: row.state !== "matched",
    state: messages.allocationStates[row.state],
    label: `${messages.allocationStates[row.state]}${row.state === "matched" ? "" : ` (${usd(row.gap_usd, messages)})`}`,
  }));
  const titles = Object.fromEntries(years.map((y) => [String(y), messages.chartReconciliationTitle(y)]));
  const descriptions = Object.fromEntries(
    years.map((y) => {
      const flagged = values.filter((v) => v.year === y && v.flagged);
      return [
        String(y),
        describe(
          messages.describeReconciliation(
            y,
            values.filter((v) => v.year === y).length,
            flagged.map((v) => messages.describePoint(v.hub, v.label)),
          ),
          [],
          messages,
        ),
      ];
    }),
  );
  const yEncoding = {
    field: "hub",
    type: "nominal",
    title: null,
    sort: hubs.map(name),
    axis: { labelLimit: 240 },
  } as const;
  const spec: TopLevelSpec = {
    ...baseSpec(
      {
        title: titleByYear([messages.reconciliationNote]),
        description: descriptions[String(year)] ?? "",
      },
      values,
    ),
    params: yearParameters(year, titles),
    width: 300,
    height: { step: 18 },
    transform: [{ filter: "datum.year === year" }],
    layer: [
      {
        mark: { type: "point", filled: true, size: 70 },
        encoding: {
          y: yEncoding,
          x: {
            field: "gap",
            type: "quantitative",
            title: messages.axisAllocationGap,
            axis: axisFormat("usd"),
          },
          color: {
            field: "state",
            type: "nominal",
            title: null,
            scale: {
              domain: Object.values(messages.allocationStates),
              range: [SERIES_COLOUR, CONTRAST_COLOUR, OKABE_ITO[5], OKABE_ITO[1]],
            },
          },
          shape: {
            field: "state",
            type: "nominal",
            title: null,
            scale: {
              domain: Object.values(messages.allocationStates),
              range: ["circle", "triangle-up", "square", "diamond"],
            },
          },
        },
      },
      { mark: { type: "rule", color: INK }, encoding: { x: { datum: 0, type: "quantitative" } } },
    ],
  };
  return {
    name: "allocations.reconciliation",
    indicator: null,
    kind: "reconciliation",
    title: titles[String(year)] ?? "",
    description: descriptions[String(year)] ?? "",
    spec,
    table: reconciliationTable(input.allocations, input.hubs, messages),
    filters: ["year"],
    descriptions,
    evidence: { year },
  };
}

/** The reconciliation as a table: per year and hub, both sides, the difference and the verdict. */
export function reconciliationTable(
  allocations: readonly AllocationRow[],
  hubs: readonly HubEntry[],
  messages: Messages,
): Chart["table"] {
  const name = hubNames(hubs);
  return {
    caption: messages.reconciliationCaption,
    columns: [
      { key: "year", label: messages.columnYear },
      { key: "hub", label: messages.columnHub },
      { key: "allocated_usd", label: messages.columnAllocated, unit: "usd" },
      { key: "received_usd", label: messages.columnReceived, unit: "usd" },
      { key: "gap_usd", label: messages.columnGap, unit: "usd" },
      { key: "state", label: messages.columnState },
    ],
    rows: allocations.map((row) => ({
      year: row.year,
      hub: name(row.hub_id),
      allocated_usd: row.allocated_usd,
      received_usd: row.received_usd,
      gap_usd: row.gap_usd,
      state: messages.allocationStates[row.state],
    })),
  };
}

/** Hubs × years, each cell the hub's reporting for that year: complete, partial or missing. */
export function reportingGridChart(input: DashboardChartInput, options: ChartOptions): Chart | null {
  const messages = options.messages ?? en;
  if (input.reportingStatus.length === 0) return null;
  const name = hubNames(input.hubs);
  const years = [...new Set(input.reportingStatus.map((row) => row.year))].sort((a, b) => a - b);
  const hubs = [...new Set(input.reportingStatus.map((row) => row.hub_id))].sort((a, b) =>
    name(a).localeCompare(name(b), "en"),
  );
  const states: readonly ReportingState[] = ["complete", "partial", "missing"];
  const values = input.reportingStatus.map((row) => ({
    year: row.year,
    hub: name(row.hub_id),
    state: messages.reportingStates[row.status],
    symbol: REPORTING_SYMBOLS[row.status],
    ink: row.status === "complete" ? "#ffffff" : INK,
  }));
  const first = years[0] as number;
  const last = years.at(-1) as number;
  const title = messages.chartReportingGridTitle(first, last);
  const counts = years.map((year) =>
    messages.describeReportingYear(
      year,
      states.map((state) => [
        messages.reportingStates[state],
        input.reportingStatus.filter((row) => row.year === year && row.status === state).length,
      ]),
    ),
  );
  const missing = input.reportingStatus
    .filter((row) => row.year === last && row.status !== "complete")
    .map((row) => `${name(row.hub_id)} (${messages.reportingStates[row.status]})`);
  const description = describe(messages.describeReportingGrid(counts, last, missing), [], messages);
  const x = { field: "year", type: "ordinal", title: null, axis: { orient: "top", labelAngle: 0 } } as const;
  const y = {
    field: "hub",
    type: "nominal",
    title: null,
    sort: hubs.map(name),
    axis: { labelLimit: 260 },
  } as const;
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleWith(title, [messages.reportingGridNote]), description }, values),
    width: { step: 64 },
    height: { step: 20 },
    layer: [
      {
        mark: { type: "rect", stroke: "#ffffff", strokeWidth: 2 },
        encoding: {
          x,
          y,
          color: {
            field: "state",
            type: "nominal",
            title: null,
            scale: {
              domain: states.map((state) => messages.reportingStates[state]),
              range: states.map((state) => REPORTING_COLOURS[state]),
            },
          },
        },
      },
      {
        mark: { type: "text", fontSize: 12, fontWeight: 600 },
        encoding: {
          x,
          y,
          text: { field: "symbol", type: "nominal" },
          color: { field: "ink", type: "nominal", scale: null },
        },
      },
    ],
  };
  return {
    name: "reporting.grid",
    indicator: "reporting_rate",
    kind: "reporting-grid",
    title,
    description,
    spec,
    table: {
      caption: title,
      columns: [
        { key: "hub", label: messages.columnHub },
        { key: "year", label: messages.columnYear },
        { key: "financial", label: messages.columnFinancial },
        { key: "impact", label: messages.columnImpact },
        { key: "status", label: messages.columnState },
      ],
      rows: [...input.reportingStatus]
        .sort((a, b) => name(a.hub_id).localeCompare(name(b.hub_id), "en") || a.year - b.year)
        .map((row) => ({
          hub: name(row.hub_id),
          year: row.year,
          financial: messages.reportingStates[row.financial],
          impact: messages.reportingStates[row.impact],
          status: messages.reportingStates[row.status],
        })),
    },
    filters: [],
    evidence: { year: last },
  };
}

/** One region's money over the years: what it raised against what was deployed in it. */
export function regionMoneyChart(
  region: string,
  input: DashboardChartInput,
  options: ChartOptions,
): Chart | null {
  const messages = options.messages ?? en;
  const series = [
    { key: "raised_usd", label: messages.seriesRaised },
    { key: "deployed_usd", label: messages.seriesDeployed },
  ] as const;
  const years = [
    ...new Set(
      input.rows
        .filter(
          (row) =>
            row.scope === "region" && row.scope_id === region && series.some((s) => s.key === row.indicator),
        )
        .map((row) => row.year),
    ),
  ].sort((a, b) => a - b);
  const values = years.flatMap((year) =>
    series.flatMap((s) => {
      const value = regionValue(input.rows, s.key, region, year);
      return value === null ? [] : [{ year, series: s.label, value, label: usd(value, messages) }];
    }),
  );
  const first = years[0];
  const last = years.at(-1);
  if (values.length === 0 || first === undefined || last === undefined) return null;
  const title = messages.chartRegionMoneyTitle(first, last);
  const description = describe(
    messages.describeRegionMoney(
      region,
      years.map((year) =>
        messages.describeRaisedDeployedRegion(
          String(year),
          values.find((v) => v.year === year && v.series === messages.seriesRaised)?.label ?? messages.noData,
          values.find((v) => v.year === year && v.series === messages.seriesDeployed)?.label ??
            messages.noData,
        ),
      ),
    ),
    [],
    messages,
  );
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleWith(title, []), description }, values),
    width: { step: 28 },
    height: 200,
    mark: { type: "bar" },
    encoding: {
      x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } },
      xOffset: { field: "series", type: "nominal", sort: series.map((s) => s.label) },
      y: { field: "value", type: "quantitative", title: messages.units.usd, axis: axisFormat("usd") },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: series.map((s) => s.label), range: [OKABE_ITO[1], SERIES_COLOUR] },
      },
    },
  };
  return {
    name: `region.${slugOf(region)}.money`,
    indicator: null,
    kind: "region-money",
    title,
    description,
    spec,
    table: {
      caption: `${region}: ${title}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "series", label: messages.columnSeries },
        { key: "value", label: messages.units.usd, unit: "usd" },
      ],
      rows: values.map(({ year, series: s, value }) => ({ year, series: s, value })),
    },
    filters: [],
    evidence: { year: last, region },
  };
}

/** One region's shares in the latest year beside the movement's, indicator by indicator. */
export function regionSharesChart(
  region: string,
  input: DashboardChartInput,
  options: ChartOptions,
): Chart | null {
  const messages = options.messages ?? en;
  const indicators = input.indicators.filter(
    (indicator) =>
      indicator.unit === "share" &&
      indicator.scopes.includes("region") &&
      indicator.scopes.includes("movement"),
  );
  const years = input.rows
    .filter(
      (row) =>
        row.scope === "region" && row.scope_id === region && indicators.some((i) => i.id === row.indicator),
    )
    .map((row) => row.year);
  if (years.length === 0) return null;
  const year = Math.max(...years);
  const values = indicators.flatMap((indicator) => {
    const own = input.rows.find(
      (row) =>
        row.indicator === indicator.id &&
        row.scope === "region" &&
        row.scope_id === region &&
        row.year === year,
    );
    const cell = cellOf(own);
    const movement = movementValue(input.rows, indicator.id, year);
    return [
      ...(cell.kind === "value"
        ? [{ indicator: indicator.title, who: region, value: cell.value, label: share(cell.value, messages) }]
        : []),
      ...(movement === null
        ? []
        : [
            {
              indicator: indicator.title,
              who: messages.scopes.movement,
              value: movement,
              label: share(movement, messages),
            },
          ]),
    ];
  });
  if (!values.some((v) => v.who === region)) return null;
  const withheld = indicators
    .filter((indicator) => {
      const kind = cellOf(
        input.rows.find(
          (row) =>
            row.indicator === indicator.id &&
            row.scope === "region" &&
            row.scope_id === region &&
            row.year === year,
        ),
      ).kind;
      return kind === "suppressed";
    })
    .map((indicator) => indicator.title);
  const notes = withheld.length > 0 ? [messages.chartSuppressed(options.k, withheld)] : [];
  const title = messages.chartRegionSharesTitle(year);
  const description = describe(
    messages.describeRegionShares(
      region,
      year,
      indicators.flatMap((indicator) => {
        const mine = values.find((v) => v.indicator === indicator.title && v.who === region);
        const all = values.find((v) => v.indicator === indicator.title && v.who === messages.scopes.movement);
        return mine
          ? [messages.describeVersus(indicator.title, mine.label, all?.label ?? messages.noData)]
          : [];
      }),
    ),
    notes,
    messages,
  );
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleWith(title, notes), description }, values),
    width: 300,
    height: { step: 30 },
    mark: { type: "point", filled: true, size: 90 },
    encoding: {
      y: {
        field: "indicator",
        type: "nominal",
        title: null,
        sort: indicators.map((i) => i.title),
        axis: { labelLimit: 380 },
      },
      x: {
        field: "value",
        type: "quantitative",
        title: messages.units.share,
        scale: { domain: [0, 1] },
        axis: axisFormat("share"),
      },
      color: {
        field: "who",
        type: "nominal",
        title: null,
        scale: { domain: [region, messages.scopes.movement], range: [SERIES_COLOUR, CONTRAST_COLOUR] },
      },
      shape: {
        field: "who",
        type: "nominal",
        title: null,
        scale: { domain: [region, messages.scopes.movement], range: ["circle", "diamond"] },
      },
    },
  };
  return {
    name: `region.${slugOf(region)}.shares`,
    indicator: null,
    kind: "region-shares",
    title,
    description,
    spec,
    table: {
      caption: `${region}: ${title}`,
      columns: [
        { key: "indicator", label: messages.columnIndicator },
        { key: "who", label: messages.columnScope },
        { key: "value", label: messages.units.share, unit: "share" },
      ],
      rows: values.map(({ indicator, who, value }) => ({ indicator, who, value })),
    },
    filters: [],
    evidence: { year, region },
  };
}

/** A region's name as a file-name part: lower-case ASCII letters and digits joined by hyphens. */
export function slugOf(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length > 0 ? slug : "region";
}

/** Every chart of the dashboard data, by the page it belongs on. */
export function dashboardCharts(input: DashboardChartInput, options: ChartOptions) {
  const present = (chart: Chart | null): chart is Chart => chart !== null;
  return {
    opportunities: [lorenzChart(input, options), theilChart(input, options)].filter(present),
    redistribution: [
      raisedDeployedChart(input, options),
      netTransferChart(input, options),
      reconciliationChart(input, options),
    ].filter(present),
    accountability: [reportingGridChart(input, options)].filter(present),
  };
}
