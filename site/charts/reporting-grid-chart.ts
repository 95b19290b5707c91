import type { ReportingState } from "../../functions/core/dashboards/dashboard-data.js";
import { hubNames } from "../figures/hub-names.js";
import { en } from "../i18n/en.js";
import { collator } from "../i18n/places.js";
import { buildChart, type ChartOf, describe } from "./chart.js";
import { INK, OKABE_ITO } from "./theme.js";

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

const STATES: readonly ReportingState[] = ["complete", "partial", "missing"];

/** Hubs × years, each cell the hub's reporting for that year: complete, partial or missing. */
export const reportingGridChart: ChartOf<"reporting-grid"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const statuses = sources.reportingStatus;
  if (statuses.length === 0) return null;
  const name = hubNames(sources.hubs);
  const years = [...new Set(statuses.map((row) => row.year))].sort((a, b) => a - b);
  const compare = collator(messages);
  const hubs = [...new Set(statuses.map((row) => row.hub_id))].sort((a, b) => compare(name(a), name(b)));
  const values = statuses.map((row) => ({
    year: row.year,
    hub_id: row.hub_id,
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
      STATES.map((state) => [
        messages.reportingStates[state],
        statuses.filter((row) => row.year === year && row.status === state).length,
      ]),
    ),
  );
  const missing = statuses
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
  return buildChart({
    definition,
    messages,
    text: { title, description },
    summary: [messages.summaryReportingGrid],
    notes: [messages.reportingGridNote],
    values,
    table: {
      caption: title,
      linkColumn: "status",
      columns: [
        { key: "hub", label: messages.columnHub },
        { key: "year", label: messages.columnYear },
        { key: "financial", label: messages.columnFinancial },
        { key: "impact", label: messages.columnImpact },
        { key: "status", label: messages.columnState },
      ],
      rows: [...statuses]
        .sort((a, b) => compare(name(a.hub_id), name(b.hub_id)) || a.year - b.year)
        .map((row) => ({
          hub: name(row.hub_id),
          hub_id: row.hub_id,
          year: row.year,
          financial: messages.reportingStates[row.financial],
          impact: messages.reportingStates[row.impact],
          status: messages.reportingStates[row.status],
        })),
    },
    evidence: { year: last },
    view: {
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
                domain: STATES.map((state) => messages.reportingStates[state]),
                range: STATES.map((state) => REPORTING_COLOURS[state]),
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
    },
  });
};
