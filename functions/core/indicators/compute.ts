import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ObjectStore } from "../../ports/object-store.js";
import type { QueryEngine } from "../../ports/query-engine.js";
import {
  type Framework,
  FrameworkDefinitionError,
  QUERIES_DIR,
  type Scope,
  stageName,
} from "../framework/framework.js";
import { assertLakeIntegrity, LakeIntegrityError } from "../lake/integrity.js";
import type { CountryTable } from "../reference/countries.js";
import type { IndicatorRow } from "./indicator-row.js";

export { LakeIntegrityError } from "../lake/integrity.js";

export interface ComputeOptions {
  /**
   * Outcomes figures with fewer participants than this are suppressed, at the framework's suppression scopes.
   * @default the framework's k
   */
  readonly k?: number;
  readonly countries: CountryTable;
  /** The lake the engine reads: lets an integrity failure name the stray file at fault (see `assertLakeIntegrity`). */
  readonly lake?: ObjectStore;
  /** @default the project's `queries/` */
  readonly queriesDir?: string;
}

const SCOPE_ORDER: Record<Scope, number> = { movement: 0, region: 1, hub: 2, country: 3 };

/** The stages in `queries/stages/`, in file-name order, as [relation name, SQL]. */
export function loadStages(queriesDir = QUERIES_DIR): [string, string][] {
  const directory = join(queriesDir, "stages");
  return readdirSync(directory)
    .filter((name) => /^\d+_[a-z_]+\.sql$/.test(name))
    .sort()
    .map((name) => [
      name.replace(/^\d+_/, "").replace(/\.sql$/, ""),
      readFileSync(join(directory, name), "utf8"),
    ]);
}

/**
 * The stages a framework version runs, in order, as [relation name, SQL]: the shared stages of `queries/stages/`
 * (which the dashboards read too), then the version's own, as its framework file lists them.
 */
export function frameworkStages(framework: Framework, queriesDir = QUERIES_DIR): [string, string][] {
  const stages = loadStages(queriesDir);
  const names = new Set(stages.map(([name]) => name));
  for (const path of framework.stages) {
    const name = stageName(path);
    if (names.has(name))
      throw new FrameworkDefinitionError(framework.version, [
        `stage ${path} would replace the stage ${name}`,
      ]);
    names.add(name);
    stages.push([name, readQuery(path, queriesDir)]);
  }
  return stages;
}

/** Reads one SQL file of `queries/`. */
export function readQuery(relativePath: string, queriesDir = QUERIES_DIR): string {
  return readFileSync(join(queriesDir, relativePath), "utf8");
}

/**
 * Computes every indicator of a framework version through a query engine: stages the base facts once, runs
 * each indicator's query, and applies disclosure control. Returns the rows of `indicators.csv` in a stable order.
 */
export async function computeIndicators(
  engine: QueryEngine,
  framework: Framework,
  options: ComputeOptions,
): Promise<IndicatorRow[]> {
  const queriesDir = options.queriesDir ?? QUERIES_DIR;
  const k = options.k ?? framework.disclosure.k_default;
  for (const [name, sql] of frameworkStages(framework, queriesDir)) await engine.stage(name, sql);
  await assertLakeIntegrity(engine, { lake: options.lake, queriesDir });

  const [unconverted] = await engine.query(readQuery("checks/unconverted_lines.sql", queriesDir));
  if (Number(unconverted?.lines ?? 0) > 0)
    throw new LakeIntegrityError(
      `${unconverted?.lines} financial lines have no exchange rate for their year; restore the fx_rates uploads`,
    );

  const participants = await participantsByScope(engine, framework, queriesDir);
  const suppressible = new Set<Scope>(framework.disclosure.suppression_scopes);

  const rows: IndicatorRow[] = [];
  for (const indicator of framework.indicators) {
    for (const result of await engine.query(readQuery(indicator.query, queriesDir))) {
      const scope = String(result.scope) as Scope;
      if (!indicator.scopes.includes(scope))
        throw new Error(`${indicator.query} returned scope ${scope}, which ${indicator.id} does not list`);
      const year = Number(result.year);
      const scopeId = String(result.scope_id);
      const value = result.value === null ? null : Number(result.value);
      const suppressed =
        indicator.disclosure === "participants" &&
        suppressible.has(scope) &&
        (participants.get(participantsKey(year, scope, scopeId)) ?? 0) < k;
      rows.push({
        framework_version: framework.version,
        indicator: indicator.id,
        year,
        scope,
        scope_id: scopeId,
        value: suppressed || value === null || !Number.isFinite(value) ? null : value,
        suppressed,
      });
    }
  }
  return inPublicationOrder(withoutProtectedCountries(rows, options.countries), framework);
}

const participantsKey = (year: number, scope: Scope, scopeId: string) => `${year}/${scope}/${scopeId}`;

/**
 * Σ participants per year and scope instance, from a framework's participants query: columns year, scope,
 * scope_id, participants; or, for 2026.1's `checks/region_participants.sql`, year, region, participants.
 */
async function participantsByScope(
  engine: QueryEngine,
  framework: Framework,
  queriesDir: string,
): Promise<Map<string, number>> {
  const query = framework.disclosure.participants_query;
  const participants = new Map<string, number>();
  for (const row of await engine.query(readQuery(query, queriesDir))) {
    const [scope, scopeId] =
      "scope" in row ? [String(row.scope) as Scope, row.scope_id] : ["region" as const, row.region];
    if (scopeId === undefined || scopeId === null)
      throw new FrameworkDefinitionError(framework.version, [
        `${query} must give year, scope, scope_id and participants (or year, region, participants)`,
      ]);
    participants.set(participantsKey(Number(row.year), scope, String(scopeId)), Number(row.participants));
  }
  return participants;
}

/** Nothing is ever published at country scope for a protected country. */
export function withoutProtectedCountries(
  rows: readonly IndicatorRow[],
  countries: CountryTable,
): IndicatorRow[] {
  return rows.filter(
    (row) => row.scope !== "country" || countries.byCode.get(row.scope_id)?.isProtected === false,
  );
}

/** Compares scope ids as `localeCompare(other, "en")` does, with one collator for a whole sort. */
export const compareScopeIds = new Intl.Collator("en").compare;

/**
 * The rows in the order of `indicators.csv`: indicator (framework order), year, scope, scope id (English
 * collation). Each distinct scope id is collated once and the rows sorted by numbers: at 67,000 figures a fifth of
 * the time of collating in every comparison, in exactly the same order (ids the collator holds equal share a rank).
 */
function inPublicationOrder(rows: IndicatorRow[], framework: Framework): IndicatorRow[] {
  const indicatorRank = new Map(framework.indicators.map((indicator, index) => [indicator.id, index]));
  const ids = [...new Set(rows.map((row) => row.scope_id))].sort(compareScopeIds);
  const idRank = new Map<string, number>();
  ids.forEach((id, index) => {
    const previous = ids[index - 1];
    idRank.set(
      id,
      previous !== undefined && compareScopeIds(previous, id) === 0
        ? (idRank.get(previous) as number)
        : index,
    );
  });
  const keys = rows.map((row) => ({
    row,
    indicator: indicatorRank.get(row.indicator) ?? 0,
    scope: SCOPE_ORDER[row.scope],
    id: idRank.get(row.scope_id) as number,
  }));
  keys.sort(
    (a, b) => a.indicator - b.indicator || a.row.year - b.row.year || a.scope - b.scope || a.id - b.id,
  );
  return keys.map((key) => key.row);
}
