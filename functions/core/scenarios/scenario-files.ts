import type { Framework, Scope } from "../framework/framework.js";
import { compareScopeIds } from "../indicators/compute.js";
import { plainDecimal } from "../indicators/indicators-file.js";
import { csvField, parseCsv } from "../reporting/csv.js";
import type { ScenarioFigure, ScenarioHubRow } from "./scenario-run.js";

/** The column order of `scenario-<id>.csv` (redistribution-scenarios.md). */
export const SCENARIO_FIGURE_COLUMNS = [
  "framework_version",
  "scenario",
  "indicator",
  "year",
  "scope",
  "scope_id",
  "baseline",
  "value",
  "change",
] as const;

/** The column order of `scenario-<id>-hubs.csv`. */
export const SCENARIO_HUB_COLUMNS = [
  "scenario",
  "year",
  "hub_id",
  "local_revenue_usd",
  "contribution_usd",
  "receipt_usd",
  "net_usd",
  "deployed_baseline_usd",
  "deployed_scenario_usd",
] as const;

/** The names of a scenario's two files. */
export function scenarioFileNames(id: string): { readonly figures: string; readonly hubs: string } {
  return { figures: `scenario-${id}.csv`, hubs: `scenario-${id}-hubs.csv` };
}

const SCOPE_ORDER: Record<Scope, number> = { movement: 0, region: 1, hub: 2, country: 3 };

/** The figures in the order of `indicators.csv`: indicator (framework order), year, scope, scope id. */
export function inPublishedOrder(framework: Framework, figures: readonly ScenarioFigure[]): ScenarioFigure[] {
  const order = new Map(framework.indicators.map((indicator, index) => [indicator.id, index]));
  return [...figures].sort(
    (a, b) =>
      (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0) ||
      a.year - b.year ||
      SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] ||
      compareScopeIds(a.scope_id, b.scope_id),
  );
}

const number = (value: number | null) => (value === null ? "" : plainDecimal(value));

/** `scenario-<id>.csv`: numbers as in indicators.csv, plain decimals in full precision, empty where null. */
export function scenarioFiguresToCsv(figures: readonly ScenarioFigure[]): string {
  const lines = [SCENARIO_FIGURE_COLUMNS.join(",")];
  for (const figure of figures)
    lines.push(
      [
        csvField(figure.framework_version),
        csvField(figure.scenario),
        csvField(figure.indicator),
        String(figure.year),
        figure.scope,
        csvField(figure.scope_id),
        number(figure.baseline),
        number(figure.value),
        number(figure.change),
      ].join(","),
    );
  return `${lines.join("\n")}\n`;
}

/** `scenario-<id>-hubs.csv`, by year and hub. */
export function scenarioHubsToCsv(hubs: readonly ScenarioHubRow[]): string {
  const lines = [SCENARIO_HUB_COLUMNS.join(",")];
  for (const hub of [...hubs].sort((a, b) => a.year - b.year || (a.hub_id < b.hub_id ? -1 : 1)))
    lines.push(
      [
        csvField(hub.scenario),
        String(hub.year),
        csvField(hub.hub_id),
        plainDecimal(hub.local_revenue_usd),
        plainDecimal(hub.contribution_usd),
        plainDecimal(hub.receipt_usd),
        plainDecimal(hub.net_usd),
        plainDecimal(hub.deployed_baseline_usd),
        plainDecimal(hub.deployed_scenario_usd),
      ].join(","),
    );
  return `${lines.join("\n")}\n`;
}

/** A published scenario file that is not in the spec's format. */
export class ScenarioFileFormatError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file} is not a published scenario file: ${detail}`);
    this.name = "ScenarioFileFormatError";
  }
}

const SCOPE_NAMES: readonly string[] = Object.keys(SCOPE_ORDER);

function recordsOf(text: string, file: string, columns: readonly string[]): string[][] {
  const { header, records, syntaxErrors } = parseCsv(text);
  if (syntaxErrors.length > 0) throw new ScenarioFileFormatError(file, `a quote is not closed`);
  if (header?.fields.join(",") !== columns.join(","))
    throw new ScenarioFileFormatError(file, `the header must be ${columns.join(",")}`);
  return records.map((record) => {
    if (record.fields.length !== columns.length)
      throw new ScenarioFileFormatError(file, `row ${record.row} has ${record.fields.length} fields`);
    return record.fields as string[];
  });
}

function numberIn(text: string | undefined, file: string, row: number, column: string): number {
  const value = Number(text);
  if (text === undefined || text === "" || !Number.isFinite(value))
    throw new ScenarioFileFormatError(file, `row ${row + 2}, ${column} is not a number`);
  return value;
}

/** Reads `scenario-<id>.csv` back (the site draws it); a file not in the spec's format is an error. */
export function scenarioFiguresFromCsv(text: string, file: string): ScenarioFigure[] {
  return recordsOf(text, file, SCENARIO_FIGURE_COLUMNS).map((fields, i) => {
    const [framework_version, scenario, indicator, year, scope, scope_id, baseline, value, change] = fields;
    if (!/^\d{4}$/.test(year ?? "") || !SCOPE_NAMES.includes(scope ?? ""))
      throw new ScenarioFileFormatError(file, `row ${i + 2} has no year or scope`);
    const optional = (field: string | undefined, column: string) =>
      field === "" ? null : numberIn(field, file, i, column);
    return {
      framework_version: framework_version as string,
      scenario: scenario as string,
      indicator: indicator as string,
      year: Number(year),
      scope: scope as Scope,
      scope_id: scope_id as string,
      baseline: optional(baseline, "baseline"),
      value: optional(value, "value"),
      change: optional(change, "change"),
    };
  });
}

/** Reads `scenario-<id>-hubs.csv` back; a file not in the spec's format is an error. */
export function scenarioHubsFromCsv(text: string, file: string): ScenarioHubRow[] {
  return recordsOf(text, file, SCENARIO_HUB_COLUMNS).map((fields, i) => {
    const [scenario, year, hub_id, ...amounts] = fields;
    if (!/^\d{4}$/.test(year ?? "")) throw new ScenarioFileFormatError(file, `row ${i + 2} has no year`);
    const [local, contribution, receipt, net, before, after] = amounts.map((field, j) =>
      numberIn(field, file, i, SCENARIO_HUB_COLUMNS[j + 3] as string),
    ) as [number, number, number, number, number, number];
    return {
      scenario: scenario as string,
      year: Number(year),
      hub_id: hub_id as string,
      local_revenue_usd: local,
      contribution_usd: contribution,
      receipt_usd: receipt,
      net_usd: net,
      deployed_baseline_usd: before,
      deployed_scenario_usd: after,
    };
  });
}
