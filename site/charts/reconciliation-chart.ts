import type { AllocationRow, HubEntry } from "../../functions/core/dashboards/dashboard-data.js";
import { hubNames } from "../figures/hub-names.js";
import type { Messages } from "../i18n/catalogue.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { collator } from "../i18n/places.js";
import { buildChart, type ChartOf, describe, perYear } from "./chart.js";
import type { DataTable } from "./table.js";
import { axisFormat, CONTRAST_COLOUR, INK, OKABE_ITO, SERIES_COLOUR } from "./theme.js";

/**
 * The global fund's allocations against what each hub reports having received, for the year the
 * page shows: the difference per hub, with gaps and missing reports flagged in words as well as colour.
 */
export const reconciliationChart: ChartOf<"reconciliation"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const years = [...new Set(sources.allocations.map((row) => row.year))].sort((a, b) => a - b);
  const year = years.at(-1);
  if (year === undefined) return null;
  const name = hubNames(sources.hubs);
  const compare = collator(messages);
  const hubs = [...new Set(sources.allocations.map((row) => row.hub_id))].sort((a, b) =>
    compare(name(a), name(b)),
  );
  const values = sources.allocations.map((row) => ({
    year: row.year,
    hub_id: row.hub_id,
    hub: name(row.hub_id),
    gap: row.gap_usd,
    flagged: row.state !== "matched",
    state: messages.allocationStates[row.state],
    label: `${messages.allocationStates[row.state]}${row.state === "matched" ? "" : ` (${formatNumber(row.gap_usd, "usd", messages)})`}`,
  }));
  const titles = perYear(years, (y) => messages.chartReconciliationTitle(y));
  const descriptions = perYear(years, (y) => {
    const flagged = values.filter((v) => v.year === y && v.flagged);
    return describe(
      messages.describeReconciliation(
        y,
        values.filter((v) => v.year === y).length,
        flagged.map((v) => messages.describePoint(v.hub, v.label)),
      ),
      [],
      messages,
    );
  });
  const states = Object.values(messages.allocationStates);
  return buildChart({
    definition,
    messages,
    text: { year, titles, descriptions },
    summary: [messages.summaryReconciliation],
    notes: [messages.reconciliationNote],
    values,
    table: reconciliationTable(sources.allocations, sources.hubs, messages),
    evidence: { year },
    view: {
      width: 300,
      height: { step: 18 },
      transform: [{ filter: "datum.year === year" }],
      layer: [
        {
          mark: { type: "point", filled: true, size: 70 },
          encoding: {
            y: {
              field: "hub",
              type: "nominal",
              title: null,
              sort: hubs.map(name),
              axis: { labelLimit: 240 },
            },
            x: {
              field: "gap",
              type: "quantitative",
              title: messages.axisAllocationGap,
              axis: axisFormat("usd", messages.numberLocale),
            },
            color: {
              field: "state",
              type: "nominal",
              title: null,
              scale: { domain: states, range: [SERIES_COLOUR, CONTRAST_COLOUR, OKABE_ITO[5], OKABE_ITO[1]] },
            },
            shape: {
              field: "state",
              type: "nominal",
              title: null,
              scale: { domain: states, range: ["circle", "triangle-up", "square", "diamond"] },
            },
          },
        },
        { mark: { type: "rule", color: INK }, encoding: { x: { datum: 0, type: "quantitative" } } },
      ],
    },
  });
};

/**
 * The reconciliation as a table: per year and hub, both sides, the difference and the verdict. A side
 * with nothing on record is empty (shown as "—", empty in the CSV), never 0.
 */
export function reconciliationTable(
  allocations: readonly AllocationRow[],
  hubs: readonly HubEntry[],
  messages: Messages,
): DataTable {
  const name = hubNames(hubs);
  return {
    caption: messages.reconciliationCaption,
    linkColumn: "gap_usd",
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
      hub_id: row.hub_id,
      hub: name(row.hub_id),
      allocated_usd: row.allocated_lines > 0 ? row.allocated_usd : null,
      received_usd: row.received_lines > 0 ? row.received_usd : null,
      gap_usd: row.gap_usd,
      state: messages.allocationStates[row.state],
    })),
  };
}
