import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import {
  computeDashboardData,
  DASHBOARD_QUERIES,
  lorenzVertices,
} from "../../../functions/core/dashboards/dashboard-data.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import {
  computeIndicators,
  frameworkStages,
  loadStages,
  readQuery,
} from "../../../functions/core/indicators/compute.js";
import { indicatorsToCsv } from "../../../functions/core/indicators/indicators-file.js";
import { inlineStages, type Stage } from "../../../functions/core/indicators/inline-stages.js";
import { parseCsv } from "../../../functions/core/reporting/csv.js";
import type { QueryEngine, ResultRow, SqlValue } from "../../../functions/ports/query-engine.js";
import { HANDCHECKED_FIXTURE, ingestHandchecked } from "../../helpers/handchecked.js";
import { roughly } from "../../helpers/roughly.js";
import { parseTrino, unportableFunctions } from "../../queries/trino-functions.js";

const STAGES: Stage[] = [
  ["a", "-- the base\nSELECT 1 AS x;\n\n"],
  ["b", "SELECT x FROM a"],
  ["c", "SELECT x + 1 AS x FROM b -- step two\n;"],
  ["unrelated", "SELECT 2 AS y"],
];

/** The names of the common table expressions a rewritten query starts with, in order. */
const inlined = (sql: string) => [...sql.matchAll(/^(\w+) AS \($/gm)].map((match) => match[1]);

describe("inlineStages", () => {
  it("prepends only the stages the query reads, with their own dependencies, in definition order", () => {
    const sql = inlineStages(STAGES, "SELECT x FROM c");
    expect(inlined(sql)).toEqual(["a", "b", "c"]);
    expect(inlined(inlineStages(STAGES, "SELECT * FROM b JOIN unrelated ON TRUE"))).toEqual([
      "a",
      "b",
      "unrelated",
    ]);
  });

  it("leaves a query that reads no stage as it is, without comments or its semicolon", () => {
    expect(inlineStages(STAGES, "-- purpose\nSELECT 'a' AS label, \"d\" FROM t; \n")).toBe(
      "SELECT 'a' AS label, \"d\" FROM t",
    );
  });

  it("drops comments and trailing semicolons from stage files, so the parentheses still close", () => {
    expect(inlineStages(STAGES, "SELECT x FROM c")).toBe(
      "WITH\na AS (\nSELECT 1 AS x\n),\nb AS (\nSELECT x FROM a\n),\nc AS (\nSELECT x + 1 AS x FROM b\n)\nSELECT x FROM c",
    );
  });

  it("does not take a stage's name inside a string, a comment or a longer name for a reference", () => {
    const sql = inlineStages(STAGES, "-- reads a\nSELECT 'from a' AS note, a_b FROM t /* c */");
    expect(inlined(sql)).toEqual([]);
  });

  it("merges a query's own WITH into one list after the stages", () => {
    const sql = inlineStages(
      STAGES,
      "WITH d AS (SELECT x FROM b), e (z) AS (SELECT x FROM d)\nSELECT z FROM e",
    );
    expect(sql).toBe(
      "WITH\na AS (\nSELECT 1 AS x\n),\nb AS (\nSELECT x FROM a\n),\nd AS (SELECT x FROM b), e (z) AS (SELECT x FROM d)\nSELECT z FROM e",
    );
  });

  it("refuses a query whose own WITH shadows a stage", () => {
    expect(() =>
      inlineStages(STAGES, "WITH d AS (SELECT 1 AS x), b AS (SELECT x FROM d) SELECT x FROM b"),
    ).toThrow(/own WITH defines b, which is also a stage/);
  });

  it("refuses stage names that are not identifiers, duplicate stages, parameters and second statements", () => {
    expect(() => inlineStages([["x; DROP TABLE t", "SELECT 1"]], "SELECT 1")).toThrow(/invalid stage name/);
    expect(() =>
      inlineStages(
        [
          ["a", "SELECT 1"],
          ["a", "SELECT 2"],
        ],
        "SELECT 1",
      ),
    ).toThrow(/stage a is defined twice/);
    expect(() => inlineStages([["a", "SELECT ? AS x"]], "SELECT * FROM a")).toThrow(
      /stages take no parameters/,
    );
    expect(() => inlineStages([["a", "SELECT 1; DROP TABLE t"]], "SELECT * FROM a")).toThrow(
      /more than one statement/,
    );
    expect(() => inlineStages([], "SELECT 'unterminated")).toThrow(/unterminated/);
  });

  it("keeps a query's ? placeholders after the stages, so parameters still bind in order", () => {
    const sql = inlineStages(STAGES, "SELECT x FROM a WHERE x = ? AND 'no ?' <> ?");
    expect(sql.match(/\?/g)).toHaveLength(3);
    expect(sql.endsWith("SELECT x FROM a WHERE x = ? AND 'no ?' <> ?")).toBe(true);
  });

  it("gives the framework's checks only the stages they need", () => {
    expect(inlined(inlineStages(loadStages(), readQuery("checks/unconverted_lines.sql")))).toEqual([
      "current_reports",
      "hub_registry",
      "exchange_rates",
      "financial_facts",
    ]);
  });
});

/** A QueryEngine that runs every query the way Athena receives it: stages inlined, none materialised. */
class InlinedStagesEngine implements QueryEngine {
  readonly stages: Stage[] = [];
  constructor(private readonly engine: QueryEngine) {}
  async stage(name: string, sql: string): Promise<void> {
    this.stages.push([name, sql]);
  }
  query(sql: string, parameters?: readonly SqlValue[]): Promise<ResultRow[]> {
    return this.engine.query(inlineStages(this.stages, sql), parameters);
  }
  close(): Promise<void> {
    return this.engine.close();
  }
}

const FIXTURE = HANDCHECKED_FIXTURE;

async function handcheckedLake(extended: boolean) {
  const { lake, outcomes } = await ingestHandchecked({ extended });
  for (const { file, outcome } of outcomes)
    if (outcome.status !== "accepted") throw new Error(`${file} was ${outcome.status}`);
  return lake;
}

type Figures = Map<string, { value: number | null; suppressed: string }>;

/** Rows of `indicators.csv` by `indicator|year|scope|scope_id`. */
function figures(csv: string): Figures {
  return new Map(
    parseCsv(csv).records.map(({ fields }) => [
      fields.slice(1, 5).join("|"),
      { value: fields[5] ? Number(fields[5]) : null, suppressed: fields[6] ?? "" },
    ]),
  );
}

/** Every figure that is missing, extra, or differs beyond floating-point summation order. */
function differences(actual: Figures, expected: Figures): string[] {
  const found: string[] = [];
  for (const [key, want] of expected) {
    const got = actual.get(key);
    const close =
      got?.value === want.value ||
      (got?.value != null &&
        want.value !== null &&
        Math.abs(got.value - want.value) <= 1e-9 * Math.max(1, Math.abs(want.value)));
    if (!got) found.push(`missing ${key}`);
    else if (!close || got.suppressed !== want.suppressed)
      found.push(
        `${key}: ${got.value} (suppressed ${got.suppressed}), expected ${want.value} (suppressed ${want.suppressed})`,
      );
  }
  for (const key of actual.keys()) if (!expected.has(key)) found.push(`unexpected ${key}`);
  return found;
}

/** Each framework version with the fixture data and the independently derived figures it is checked against. */
const VERSIONS = [
  { version: "2026.1", extended: false, expected: "expected.csv", rows: 121 },
  { version: "2026.2", extended: true, expected: "expected-2026.2.csv", rows: 616 },
] as const;

describe.each(VERSIONS)("framework $version: stages inlined, tested on both sides", (fixture) => {
  const framework = loadFramework(fixture.version);

  it("DuckDB: every indicator and dashboard dataset of the hand-checked fixture is the same inlined as staged", async () => {
    const lake = await handcheckedLake(fixture.extended);
    const open = () => DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    const options = { countries: lake.dependencies.countries, k: 10 };
    const staged = await open();
    const stagedRows = await computeIndicators(staged, framework, options);
    const stagedDashboard = await computeDashboardData(staged, { frameworkVersion: fixture.version });
    const stagedVertices = await lorenzVertices(staged);
    await staged.close();
    const inlinedEngine = new InlinedStagesEngine(await open());
    const inlinedRows = await computeIndicators(inlinedEngine, framework, options);
    const inlinedDashboard = await computeDashboardData(inlinedEngine, { frameworkVersion: fixture.version });
    const inlinedVertices = await lorenzVertices(inlinedEngine);
    await inlinedEngine.close();

    expect(inlinedEngine.stages.map(([name]) => name)).toEqual(
      frameworkStages(framework).map(([name]) => name),
    );
    const inlinedFigures = figures(indicatorsToCsv(inlinedRows));
    const expected = figures(await readFile(join(FIXTURE, fixture.expected), "utf8"));
    expect(expected.size).toBe(fixture.rows);
    expect(differences(inlinedFigures, figures(indicatorsToCsv(stagedRows)))).toEqual([]);
    expect(differences(inlinedFigures, expected)).toEqual([]);

    expect(inlinedDashboard.allocations.length).toBeGreaterThan(0);
    expect(inlinedDashboard.lorenz.length).toBeGreaterThan(0);
    expect(inlinedDashboard).toEqual(roughly(stagedDashboard));
    expect(inlinedVertices).toEqual(roughly(stagedVertices));
  });

  const queries = [
    ...framework.indicators.map((indicator) => indicator.query),
    "checks/unconverted_lines.sql",
    framework.disclosure.participants_query,
    ...Object.values(DASHBOARD_QUERIES),
  ];
  it.each(queries)("Trino: %s with its stages inlined parses and calls only shared functions", (file) => {
    const sql = inlineStages(frameworkStages(framework), readQuery(file));
    expect(sql).toMatch(/^WITH\n/);
    expect(() => parseTrino(sql)).not.toThrow();
    expect(unportableFunctions(sql)).toEqual([]);
  });
});
