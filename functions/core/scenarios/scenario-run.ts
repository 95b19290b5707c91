import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { QueryEngine, ResultRow, SqlValue } from "../../ports/query-engine.js";
import { type Framework, QUERIES_DIR, type Scope } from "../framework/framework.js";
import { frameworkStages, readQuery } from "../indicators/compute.js";
import type { IndicatorRow } from "../indicators/indicator-row.js";
import { renameRelations, withRelationChain } from "../indicators/stage-references.js";
import { type Allocation, allocate, type CountryNeed } from "./allocation.js";
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

/**
 * One point of a scenario's sensitivity series: the scenario as it is but for its local revenue rate, with the
 * pool it would raise and the funding Gini it would give (null where the framework's Gini has no value).
 */
export interface SensitivityPoint {
  readonly year: number;
  readonly local_revenue_rate: number;
  readonly pool_usd: number;
  readonly funding_gini: number | null;
}

/** The local revenue rates of a sensitivity series: 0%, 1%, … 20%. */
export const SENSITIVITY_RATES: readonly number[] = Array.from({ length: 21 }, (_, i) => i / 100);

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
  /**
   * @param localRevenueRate the rate of the sensitivity point whose money does not add up; undefined for the
   * scenario itself (its own rate)
   */
  constructor(
    readonly scenarioId: string,
    readonly year: number,
    readonly totals: Readonly<Record<string, number>>,
    readonly localRevenueRate?: number,
  ) {
    const parts = Object.entries(totals)
      .map(([name, usd]) => `${name} ${usd}`)
      .join(", ");
    const atRate = localRevenueRate === undefined ? "" : ` at a local revenue rate of ${localRevenueRate}`;
    super(
      `scenario ${scenarioId}, ${year}${atRate}: the money does not balance (${parts}); ` +
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

/**
 * A scenario statement whose rows do not fit its cases (a row of a year that is no case's key, or a case without
 * the row it must have): a fault of the scenario SQL, never a published figure.
 */
export class ScenarioStatementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioStatementError";
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
 * The relations with a year that the framework's stages are built on, each of which queries/scenarios/relations/
 * defines again as `adjusted_<name>`: the rows of the cases' years, each case's keyed by the case.
 */
const KEYED_BY_CASE = ["financial_facts", "impact_facts", "current_reports"] as const;

/**
 * The relations a scenario statement is made of, in order: the scenario's mechanism (queries/scenarios/
 * relations/, the first of them holding, with the cases' VALUES list before it (`scenarioCasesRelation`), the
 * relations' only placeholders, the last ones the cases' years of the financial facts, adjusted, of the impact
 * facts and of the current reports, each keyed by its case), then every stage of the framework that reads those,
 * directly or through another, renamed `adjusted_<stage>` and reading the adjusted versions of what it reads.
 * The framework's queries, renamed alike, then compute the framework's own figures from the scenario's deployed
 * funds, for each case apart: they compute each year apart, and each case has a year of its own (its key).
 */
export function scenarioRelations(
  framework: Framework,
  queriesDir = QUERIES_DIR,
): { relations: [string, string][]; renames: ReadonlyMap<string, string> } {
  const relations: [string, string][] = numberedFiles(join(queriesDir, SCENARIO_DIR, "relations")).map(
    ([name, file]) => [name, readQuery(`${SCENARIO_DIR}/relations/${file}`, queriesDir)],
  );
  const renames = new Map<string, string>(KEYED_BY_CASE.map((name) => [name, `adjusted_${name}`]));
  for (const name of renames.values())
    if (!relations.some(([defined]) => defined === name))
      throw new Error(`queries/scenarios/relations/ must define ${name}`);
  for (const [name, sql] of frameworkStages(framework, queriesDir)) {
    if (renames.has(name)) continue;
    const renamed = renameRelations(sql, renames, `stage ${name}`);
    if (renamed === renameRelations(sql, new Map(), `stage ${name}`)) continue;
    renames.set(name, `adjusted_${name}`);
    relations.push([`adjusted_${name}`, renameRelations(sql, renames, `stage ${name}`)]);
  }
  return { relations, renames };
}

/** The relation that holds a statement's cases, which scenario_parameters reads. */
const SCENARIO_CASES = "scenario_cases";

/**
 * A case a scenario statement computes: the scenario in `year` at the local revenue rate `rate`, spending its
 * pool by `allocation` (nothing until the allocation is solved), under `key`, which the statement's rows carry
 * as their year (see queries/scenarios/relations/01_scenario_parameters.sql).
 */
interface ScenarioCase {
  readonly key: number;
  readonly year: number;
  readonly rate: number;
  readonly allocation: Allocation;
}

/** A case whose allocation is solved and whose money is seen to balance, with its pool. */
interface BalancedCase extends ScenarioCase {
  readonly poolUsd: number;
}

/**
 * The relation of a statement's cases: a VALUES list of `count` rows of bound parameters (key, year, local
 * revenue rate, level, cutoff), each cast to its type, which both DuckDB and Athena (whose execution parameters
 * are substituted as literals) read as one relation. Generated because its number of rows is the number of cases;
 * it holds placeholders only, never a value.
 */
function scenarioCasesRelation(count: number): string {
  if (!Number.isSafeInteger(count) || count < 1)
    throw new ScenarioStatementError(`a scenario statement needs a case, not ${count}`);
  const row =
    "(CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS DOUBLE), CAST(? AS DOUBLE), CAST(? AS DOUBLE))";
  return `SELECT * FROM (VALUES\n  ${Array.from({ length: count }, () => row).join(",\n  ")}\n) AS cases (case_key, year, local_revenue_rate, level, cutoff)`;
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
    await this.stageOnce();
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

  /**
   * The scenario's sensitivity series in each of its years (every year with current financial reports when it
   * names none): the scenario as it is but for its local revenue rate, at each of `rates`, through the same
   * queries and allocation as `simulate` — the pool, balanced as `simulate` checks it, and the funding Gini.
   * Each year costs three statements whatever the number of rates: the allocation inputs of every rate, then,
   * once the allocation of each is solved, the balance of every rate, then the funding Gini of every rate.
   */
  async sensitivity(
    scenario: Scenario,
    rates: readonly number[] = SENSITIVITY_RATES,
  ): Promise<SensitivityPoint[]> {
    await this.stageOnce();
    const lakeYears = await financialYears(this.engine, this.queriesDir);
    const years = scenario.years ?? lakeYears;
    const gini = this.framework.indicators.filter((indicator) => indicator.id === "funding_gini");
    const points: SensitivityPoint[] = [];
    for (const year of years) {
      if (!lakeYears.includes(year)) throw new ScenarioYearError(scenario.id, year, lakeYears);
      if (rates.length === 0) continue;
      const cases = await this.balancedCases(
        scenario,
        rates.map((rate, i) => ({ key: i + 1, year, rate })),
        { namingRates: true },
      );
      const values = gini.length > 0 ? await this.scenarioValues(scenario, cases, gini) : new Map();
      for (const { key, rate, poolUsd } of cases)
        points.push({
          year,
          local_revenue_rate: rate,
          pool_usd: poolUsd,
          funding_gini: values.get(key)?.get("funding_gini|movement|movement") ?? null,
        });
    }
    return points;
  }

  private async stageOnce(): Promise<void> {
    if (this.staged) return;
    for (const [name, sql] of scenarioStages(this.queriesDir)) await this.engine.stage(name, sql);
    this.staged = true;
  }

  /**
   * The scenario's allocation in each case, once its money is seen to balance: one statement for the allocation
   * inputs of every case, the allocation solved for each, one statement for the balance of every case. A case
   * that does not balance is an error naming its year (and, with `namingRates`, its rate).
   */
  private async balancedCases(
    scenario: Scenario,
    cases: readonly Omit<ScenarioCase, "allocation">[],
    options: { readonly namingRates: boolean },
  ): Promise<BalancedCase[]> {
    const unsolved = cases.map((unsolvedCase) => ({ ...unsolvedCase, allocation: NO_ALLOCATION }));
    const inputs = rowsByCase(
      await this.run(SCENARIO_QUERIES.allocationInputs, scenario, unsolved),
      unsolved,
    );
    const solved: ScenarioCase[] = unsolved.map((unsolvedCase) => {
      const rows = inputs.get(unsolvedCase.key) ?? [];
      if (rows.length === 0) throw missingRow(SCENARIO_QUERIES.allocationInputs, unsolvedCase);
      const countries: CountryNeed[] = rows
        .filter((row) => row.country !== null)
        .map((row) => ({
          country: String(row.country),
          weightedEditors: Number(row.weighted_editors),
          remainingUsd: Number(row.remaining_usd),
        }));
      const poolUsd = Number(rows[0]?.pool_usd);
      return { ...unsolvedCase, allocation: allocate(scenario.allocation.rule, poolUsd, countries) };
    });

    const balances = rowsByCase(await this.run(SCENARIO_QUERIES.balance, scenario, solved), solved);
    return solved.map((solvedCase) => {
      const [balance] = balances.get(solvedCase.key) ?? [];
      if (!balance) throw missingRow(SCENARIO_QUERIES.balance, solvedCase);
      const totals = {
        pool: Number(balance.pool_usd),
        withdrawn: Number(balance.withdrawn_usd),
        "top-ups": Number(balance.topup_usd),
        receipts: Number(balance.receipt_usd),
      };
      if (
        [totals.withdrawn, totals["top-ups"], totals.receipts].some(
          (total) => !(Math.abs(total - totals.pool) <= BALANCE_TOLERANCE * Math.abs(totals.pool)),
        )
      )
        throw new ScenarioBalanceError(
          scenario.id,
          solvedCase.year,
          totals,
          options.namingRates ? solvedCase.rate : undefined,
        );
      return { ...solvedCase, poolUsd: totals.pool };
    });
  }

  private async applyToYear(
    scenario: Scenario,
    year: number,
  ): Promise<{ figures: ScenarioFigure[]; hubs: ScenarioHubRow[]; summary: ScenarioYearSummary }> {
    const [applied] = await this.balancedCases(
      scenario,
      [{ key: year, year, rate: scenario.contribution.local_revenue_rate }],
      { namingRates: false },
    );
    if (!applied) throw new Error(`scenario ${scenario.id}: no case for ${year}`);
    const hubRows = await this.run(SCENARIO_QUERIES.hubs, scenario, [applied]);
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

    const values = (await this.scenarioValues(scenario, [applied])).get(applied.key) ?? new Map();
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
        pool_usd: applied.poolUsd,
        contributing_hubs: hubRows.filter((row) => Number(row.contribution_usd) > 0).length,
        receiving_hubs: hubRows.filter((row) => Number(row.receipt_usd) > 0).length,
        funding_gini: movement("funding_gini"),
        funding_theil: movement("funding_theil"),
      },
    };
  }

  /**
   * The scenario's figures in each case, by case key and then `indicator|scope|scope_id`: every published
   * indicator's own query, renamed to read the adjusted relations, in one statement for every case (so that the
   * engine computes the adjusted stages once), each query's rows tagged with its indicator id, a bound parameter.
   */
  private async scenarioValues(
    scenario: Scenario,
    cases: readonly ScenarioCase[],
    indicators = this.framework.indicators.filter((indicator) => SCENARIO_INDICATORS.has(indicator.id)),
  ): Promise<Map<number, Map<string, number | null>>> {
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
      withRelationChain(this.relationsFor(cases), union, "the scenario's figures"),
      [...parametersOf(scenario, cases), ...indicators.map((indicator) => indicator.id)],
    );
    const values = new Map<number, Map<string, number | null>>();
    for (const [key, caseRows] of rowsByCase(rows, cases)) {
      const figures = new Map<string, number | null>();
      for (const row of caseRows)
        figures.set(`${row.indicator}|${row.scope}|${row.scope_id}`, finite(row.value));
      values.set(key, figures);
    }
    return values;
  }

  private run(query: string, scenario: Scenario, cases: readonly ScenarioCase[]): Promise<ResultRow[]> {
    return this.engine.query(
      withRelationChain(this.relationsFor(cases), readQuery(query, this.queriesDir), query),
      parametersOf(scenario, cases),
    );
  }

  /** The relations of a statement of `cases`: their VALUES list, then the scenario's chain, which reads it. */
  private relationsFor(cases: readonly ScenarioCase[]): [string, string][] {
    return [[SCENARIO_CASES, scenarioCasesRelation(cases.length)], ...this.chain.relations];
  }
}

const NO_ALLOCATION: Allocation = { level: null, cutoff: null };

/**
 * The bound parameters of a statement of `cases`, in the order of their placeholders: each case's (its VALUES
 * row comes first in the statement), then the scenario's own (scenario_parameters).
 */
function parametersOf(scenario: Scenario, cases: readonly ScenarioCase[]): SqlValue[] {
  return [
    ...cases.flatMap((c) => [c.key, c.year, c.rate, c.allocation.level, c.allocation.cutoff]),
    scenario.contribution.floor_usd,
    scenario.contribution.global_fund_reallocation,
    scenario.allocation.south_weight,
    scenario.allocation.rule === "level_up",
  ];
}

/** A statement's rows by the case they belong to (their year is the case's key), in the order they came. */
function rowsByCase(rows: readonly ResultRow[], cases: readonly ScenarioCase[]): Map<number, ResultRow[]> {
  const byCase = new Map<number, ResultRow[]>(cases.map((c) => [c.key, []]));
  for (const row of rows) {
    const caseRows = byCase.get(Number(row.year));
    if (!caseRows)
      throw new ScenarioStatementError(
        `a scenario statement gave a row of year ${String(row.year)}, which is none of its cases' keys (${[...byCase.keys()].join(", ")}): a relation it reads by year is not keyed by the cases (queries/scenarios/relations/ must define it again as adjusted_<name>)`,
      );
    caseRows.push(row);
  }
  return byCase;
}

function missingRow(query: string, missing: Omit<ScenarioCase, "allocation">): ScenarioStatementError {
  return new ScenarioStatementError(
    `queries/${query} gave no row for the case of ${missing.year} at a local revenue rate of ${missing.rate} (key ${missing.key})`,
  );
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
