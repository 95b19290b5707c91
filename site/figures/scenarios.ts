import type { HubEntry } from "../../functions/core/dashboards/dashboard-data.js";
import type { CountryTable } from "../../functions/core/reference/countries.js";
import type {
  PublishedScenarios,
  ScenarioIndexEntry,
} from "../../functions/core/scenarios/published-scenarios.js";
import {
  scenarioFiguresFromCsv,
  scenarioHubsFromCsv,
} from "../../functions/core/scenarios/scenario-files.js";
import type { ScenarioFigure, ScenarioHubRow } from "../../functions/core/scenarios/scenario-run.js";

/** A published scenario as the site shows it: its index entry and the rows of its two files, fit to publish. */
export interface SiteScenario {
  readonly entry: ScenarioIndexEntry;
  readonly figures: readonly ScenarioFigure[];
  readonly hubs: readonly ScenarioHubRow[];
}

/**
 * The scenarios compute published, read back from their files and put through the publication rules again,
 * whatever upstream already did: no figure at country scope for a protected country (or a code the country table
 * does not know), no hub row for a hub seated in one (or a hub the registry `hubs` does not know).
 */
export function siteScenarios(
  published: PublishedScenarios | undefined,
  countries: CountryTable,
  hubs: readonly Pick<HubEntry, "hub_id" | "country">[],
): SiteScenario[] {
  if (!published) return [];
  const open = (country: string | undefined) =>
    country !== undefined && countries.byCode.get(country)?.isProtected === false;
  const seats = new Map(hubs.map((hub) => [hub.hub_id, hub.country]));
  const text = (name: string) => {
    const found = published.files.get(name);
    if (found === undefined) throw new Error(`the published scenarios lack ${name}`);
    return found;
  };
  return published.index.scenarios.map((entry) => ({
    entry,
    figures: scenarioFiguresFromCsv(text(entry.files.figures), entry.files.figures).filter(
      (figure) => figure.scope !== "country" || open(figure.scope_id),
    ),
    hubs: scenarioHubsFromCsv(text(entry.files.hubs), entry.files.hubs).filter((row) =>
      open(seats.get(row.hub_id)),
    ),
  }));
}

/** The scenario published as `id`. */
export function scenarioById(scenarios: readonly SiteScenario[], id: string): SiteScenario {
  const found = scenarios.find((scenario) => scenario.entry.id === id);
  if (!found) throw new Error(`no published scenario is named ${id}`);
  return found;
}

/** A scenario's figure of an indicator at a scope instance in a year, if published. */
export function scenarioFigure(
  scenario: SiteScenario,
  indicator: string,
  year: number,
  scope: ScenarioFigure["scope"] = "movement",
  scopeId = "movement",
): ScenarioFigure | undefined {
  return scenario.figures.find(
    (figure) =>
      figure.indicator === indicator &&
      figure.year === year &&
      figure.scope === scope &&
      figure.scope_id === scopeId,
  );
}

/** The file of a scenario's page (scenario ids are already file-safe: `^[a-z0-9][a-z0-9-]{1,63}$`). */
export function scenarioFile(id: string): string {
  return `scenario-${id}.html`;
}

/** The scenarios index page. */
export const SCENARIOS_FILE = "scenarios.html";
