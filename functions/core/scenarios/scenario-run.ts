import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { QueryEngine, ResultRow, SqlValue } from "../../ports/query-engine.js";
import { type Framework, QUERIES_DIR, type Scope } from "../framework/framework.js";
import { frameworkStages, readQuery } from "../indicators/compute.js";
import type { IndicatorRow } from "../indicators/indicator-row.js";
import { renameRelations, withRelationChain } from "../indicators/stage-references.js";
import { allocate, type CountryNeed } from "./allocation.js";
import type { Scenario } from "./scenario-file.js";

/**
 * The indicators a scenario publishes beside the baseline, at these scopes (redistribution-scenarios.md, "What a
 * scenario publishes"), in this order within a framework's own order. Each is computed from the scenario's
 * deployed funds with the framework's own definition: its own query, over its own stages.
 */
export const SCENARIO_INDICATORS: ReadonlyMap<string, readonly Scope[]> = new Map<string, readonly Scope[]>([
  ["deployed_usd", ["movement", "region", "country"]],
  ["deployed_per_editor_usd", ["movement", "region", "country"]],
  ["global_south_share", ["movement"]],
  ["funding_gini", ["movement"]],
  ["funding_theil", ["movement"]],
  ["funding_theil_between", ["movement"]],
  ["funding_theil_within", ["movement"]],
  ["net_transfer_usd", ["region", "country"]],
  ["redistribution_intensity", ["movement"]],
]);

/** One row of `scenario-<id>.csv`: a figure of the framework beside the scenario's. */
export interface ScenarioFigure {
  readonly framework_version: string;
  readonly scenario: string;
  readonly indicator: string;
  readonly year: number;
  readonly scope: Scope;
  readonly scope_id: string;
  readonly baseline: number | null;
  readonly value: number | null;
  /** value − baseline; null where either is. */
  readonly change: number | null;
}

/** One row of `scenario-<id>-hubs.csv`. */
export interface ScenarioHubRow {
  readonly scenario: string;
  readonly year: number;
  readonly hub_id: string;
  readonly local_revenue_usd: number;
  readonly contribution_usd: number;
  readonly receipt_usd: number;
  readonly net_usd: number;
  readonly deployed_baseline_usd: number;
  readonly deployed_scenario_usd: number;
}

/** A figure before and after. */
export interface BeforeAfter {
  readonly baseline: number | null;
  readonly value: number | null;
}

/** What a scenario did in a year, in brief: what the CLI prints and the site's scenario index carries. */
export interface ScenarioYearSummary {
  readonly year: number;
  readonly pool_usd: number;
  /** Hubs with C_h > 0 and with A_h > 0; hubs whose rows are withheld count too. */
  readonly contributing_hubs: number;
  readonly receiving_hubs: number;
  readonly funding_gini: BeforeAfter;
  readonly funding_theil: BeforeAfter;
}

/** Everything a scenario publishes, for the years it applies to. */
export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly frameworkVersion: string;
  readonly years: readonly number[];
  readonly figures: readonly ScenarioFigure[];
  readonly hubs: readonly ScenarioHubRow[];
  readonly summary: readonly ScenarioYearSummary[];
}

/** A scenario whose money does not add up: an error, never a published figure. */
export class ScenarioBalanceError extends Error {
  constructor(
    readonly scenarioId: string,
    readonly year: number,
    readonly totals: Readonly<Record<string, number>>,
  ) {
    const parts = Object.entries(totals)
      .map(([name, usd]) => `${name} ${usd}`)
      .join(", ");
    super(
      `scenario ${scenarioId}, ${year}: the money does not balance (${parts}); ` +
        "Σ contributions = pool = Σ top-ups = Σ receipts must hold to 1e-6 (is there a country with editors to receive the pool?)",
    );
    this.name = "ScenarioBalanceError";
  }
}

/** A scenario that cannot be applied to the lake as it is (a year without financial reports). */
export class ScenarioYearError extends Error {
  constructor(
    readonly scenarioId: string,
    readonly year: number,
    readonly lakeYears: readonly number[],
  ) {
    super(
      `scenario ${scenarioId}: ${year} has no current financial reports in the lake (years with reports: ${lakeYears.join(", ") || "none"})`,
    );
    this.name = "ScenarioYearError";
  }
}

/** The relative tolerance of the balance identity. */
export const BALANCE_TOLERANCE = 1e-6;

const SCENARIO_DIR = "scenarios";

/** The scenario stages (queries/scenarios/stages/), as [relation name, SQL]: parameter free, run once per run. */
export function scenarioStages(queriesDir = QUERIES_DIR): [string, string][] {
  return numberedFiles(join(queriesDir, SCENARIO_DIR, "stages")).map(([name, file]) => [
    name,
    readQuery(`${SCENARIO_DIR}/stages/${file}`, queriesDir),
  ]);
}

/**
 * The relations a scenario statement is made of, in order: the scenario's mechanism (queries/scenarios/
 * relations/, the first of them holding the relations' only placeholders, the last ones the scenario's year of
 * the financial facts, adjusted, and of the impact facts), then every stage of the framework that reads those
 * facts, directly or through another, renamed `adjusted_<stage>` and reading the adjusted versions of what it
 * reads. The framework's queries, renamed alike, then compute the framework's own
 * figures from the scenario's deployed funds.
 */
export function scenarioRelations(
  framework: Framework,
  queriesDir = QUERIES_DIR,
): { relations: [string, string][]; renames: ReadonlyMap<string, string> } {
  const relations: [string, string][] = numberedFiles(join(queriesDir, SCENARIO_DIR, "relations")).map(
    ([name, file]) => [name, readQuery(`${SCENARIO_DIR}/relations/${file}`, queriesDir)],
  );
  const renames = new Map([
    ["financial_facts", "adjusted_financial_facts"],
    ["impact_facts", "adjusted_impact_facts"],
  ]);
  for (const name of renames.values())
    if (!relations.some(([defined]) => defined === name))
      throw new Error(`queries/scenarios/relations/ must define ${name}`);
  for (const [name, sql] of frameworkStages(framework, queriesDir)) {
    const renamed = renameRelations(sql, renames, `stage ${name}`);
    if (renamed === renameRelations(sql, new Map(), `stage ${name}`)) continue;
    renames.set(name, `adjusted_${name}`);
    relations.push([`adjusted_${name}`, renameRelations(sql, renames, `stage ${name}`)]);
  }
  return { relations, renames };
}

/** The queries a scenario run reads, relative to `queries/`. */
export const SCENARIO_QUERIES = {
  financialYears: `${SCENARIO_DIR}/financial_years.sql`,
  allocationInputs: `${SCENARIO_DIR}/allocation_inputs.sql`,
  hubs: `${SCENARIO_DIR}/hubs.sql`,
  balance: `${SCENARIO_DIR}/balance.sql`,
} as const;

/** The years with current financial reports, as the engine sees them. */
export async function financialYears(engine: QueryEngine, queriesDir = QUERIES_DIR): Promise<number[]> {
  return (await engine.query(readQuery(SCENARIO_QUERIES.financialYears, queriesDir))).map((row) =>
    Number(row.year),
  );
}

/**
 * Runs scenarios on a query engine whose framework stages are already staged (by `computeIndicators`, which gave
 * `baseline`): stages the scenario facts once, then applies each scenario to each of its years.
 */
export class ScenarioRun {
  private readonly chain: { relations: [string, string][]; renames: ReadonlyMap<string, string> };
  private staged = false;

  constructor(
    private readonly engine: QueryEngine,
    private readonly framework: Framework,
    private readonly baseline: readonly IndicatorRow[],
    private readonly queriesDir = QUERIES_DIR,
  ) {
    this.chain = scenarioRelations(framework, queriesDir);
  }

  /** Applies a scenario to its years (every year with current financial reports when it names none). */
  async simulate(scenario: Scenario): Promise<ScenarioResult> {
    if (!this.staged) {
      for (const [name, sql] of scenarioStages(this.queriesDir)) await this.engine.stage(name, sql);
      this.staged = true;
    }
    const lakeYears = await financialYears(this.engine, this.queriesDir);
    const years = scenario.years ?? lakeYears;
    for (const year of years)
      if (!lakeYears.includes(year)) throw new ScenarioYearError(scenario.id, year, lakeYears);
    const figures: ScenarioFigure[] = [];
    const hubs: ScenarioHubRow[] = [];
    const summary: ScenarioYearSummary[] = [];
    for (const year of years) {
      const applied = await this.applyToYear(scenario, year);
      figures.push(...applied.figures);
      hubs.push(...applied.hubs);
      summary.push(applied.summary);
    }
    return { scenario, frameworkVersion: this.framework.version, years, figures, hubs, summary };
  }

  private async applyToYear(
    scenario: Scenario,
    year: number,
  ): Promise<{ figures: ScenarioFigure[]; hubs: ScenarioHubRow[]; summary: ScenarioYearSummary }> {
    const parameters = (level: number | null, cutoff: number | null): SqlValue[] => [
      year,
      scenario.contribution.local_revenue_rate,
      scenario.contribution.floor_usd,
      scenario.contribution.global_fund_reallocation,
      scenario.allocation.south_weight,
      scenario.allocation.rule === "level_up",
      level,
      cutoff,
    ];
    const inputs = await this.run(SCENARIO_QUERIES.allocationInputs, parameters(null, null));
    const poolUsd = Number(inputs[0]?.pool_usd ?? 0);
    const countries: CountryNeed[] = inputs
      .filter((row) => row.country !== null)
      .map((row) => ({
        country: String(row.country),
        weightedEditors: Number(row.weighted_editors),
        remainingUsd: Number(row.remaining_usd),
      }));
    const allocation = allocate(scenario.allocation.rule, poolUsd, countries);
    const bound = parameters(allocation.level, allocation.cutoff);

    const [balance] = await this.run(SCENARIO_QUERIES.balance, bound);
    const totals = {
      pool: Number(balance?.pool_usd ?? 0),
      withdrawn: Number(balance?.withdrawn_usd ?? 0),
      "top-ups": Number(balance?.topup_usd ?? 0),
      receipts: Number(balance?.receipt_usd ?? 0),
    };
    if (
      [totals.withdrawn, totals["top-ups"], totals.receipts].some(
        (total) => !(Math.abs(total - totals.pool) <= BALANCE_TOLERANCE * Math.abs(totals.pool)),
      )
    )
      throw new ScenarioBalanceError(scenario.id, year, totals);

    const hubRows = await this.run(SCENARIO_QUERIES.hubs, bound);
    const hubs: ScenarioHubRow[] = hubRows
      .filter((row) => row.published === true)
      .map((row) => ({
        scenario: scenario.id,
        year,
        hub_id: String(row.hub_id),
        local_revenue_usd: Number(row.local_revenue_usd),
        contribution_usd: Number(row.contribution_usd),
        receipt_usd: Number(row.receipt_usd),
        net_usd: Number(row.net_usd),
        deployed_baseline_usd: Number(row.deployed_baseline_usd),
        deployed_scenario_usd: Number(row.deployed_scenario_usd),
      }));

    const values = await this.scenarioValues(year, bound);
    const figures: ScenarioFigure[] = [];
    for (const before of this.baseline) {
      const scopes = SCENARIO_INDICATORS.get(before.indicator);
      if (!scopes || before.year !== year || !scopes.includes(before.scope)) continue;
      const key = `${before.indicator}|${before.scope}|${before.scope_id}`;
      if (!values.has(key))
        throw new Error(
          `scenario ${scenario.id}: the query of ${before.indicator} gave no ${before.scope} ${before.scope_id} figure for ${year}`,
        );
      const value = before.suppressed ? null : (values.get(key) ?? null);
      figures.push({
        framework_version: this.framework.version,
        scenario: scenario.id,
        indicator: before.indicator,
        year,
        scope: before.scope,
        scope_id: before.scope_id,
        baseline: before.value,
        value,
        change: value === null || before.value === null ? null : value - before.value,
      });
    }
    const movement = (id: string): BeforeAfter => {
      const figure = figures.find((f) => f.indicator === id && f.scope === "movement");
      return { baseline: figure?.baseline ?? null, value: figure?.value ?? null };
    };
    return {
      figures,
      hubs,
      summary: {
        year,
        pool_usd: totals.pool,
        contributing_hubs: hubRows.filter((row) => Number(row.contribution_usd) > 0).length,
        receiving_hubs: hubRows.filter((row) => Number(row.receipt_usd) > 0).length,
        funding_gini: movement("funding_gini"),
        funding_theil: movement("funding_theil"),
      },
    };
  }

  /**
   * The scenario's figures of the year, by `indicator|scope|scope_id`: every published indicator's own query,
   * renamed to read the adjusted relations, in one statement (so that the engine computes the adjusted stages
   * once), each query's rows tagged with its indicator id, a bound parameter.
   */
  private async scenarioValues(
    year: number,
    bound: readonly SqlValue[],
  ): Promise<Map<string, number | null>> {
    const indicators = this.framework.indicators.filter((indicator) => SCENARIO_INDICATORS.has(indicator.id));
    const union = indicators
      .map((indicator, i) => {
        const renamed = renameRelations(
          readQuery(indicator.query, this.queriesDir),
          this.chain.renames,
          indicator.query,
        );
        return `SELECT CAST(? AS VARCHAR) AS indicator, year, scope, scope_id, value FROM (\n${renamed}\n) indicator_${i}`;
      })
      .join("\nUNION ALL\n");
    const rows = await this.engine.query(
      withRelationChain(this.chain.relations, union, "the scenario's figures"),
      [...bound, ...indicators.map((indicator) => indicator.id)],
    );
    const values = new Map<string, number | null>();
    for (const row of rows)
      if (Number(row.year) === year)
        values.set(`${row.indicator}|${row.scope}|${row.scope_id}`, finite(row.value));
    return values;
  }

  private run(query: string, parameters: readonly SqlValue[]): Promise<ResultRow[]> {
    return this.engine.query(
      withRelationChain(this.chain.relations, readQuery(query, this.queriesDir), query),
      parameters,
    );
  }
}

function finite(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** The `NN_name.sql` files of a folder, in order, as [relation name, file name]. */
function numberedFiles(directory: string): [string, string][] {
  return readdirSync(directory)
    .filter((name) => /^\d+_[a-z_]+\.sql$/.test(name))
    .sort()
    .map((name) => [name.replace(/^\d+_/, "").replace(/\.sql$/, ""), name]);
}
