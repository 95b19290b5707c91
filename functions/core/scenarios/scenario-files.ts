import type { Framework, Scope } from "../framework/framework.js";
import { plainDecimal } from "../indicators/indicators-file.js";
import { csvField } from "../reporting/csv.js";
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
      a.scope_id.localeCompare(b.scope_id, "en"),
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
