/**
 * Compute counts exactly the reports the manifest names, on both engines. The local side is the real thing: a
 * folder lake, real Parquet, embedded DuckDB. Amazon Athena cannot run here, so the Athena side is the real
 * AthenaEngine driving a fake Athena client that answers each statement by running the SQL it received (each
 * stage created once as a run table, later queries reading it, exactly as Athena receives them) on DuckDB over the
 * same lake.
 */
import { copyFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { describe, expect, it } from "vitest";
import { type AthenaCommand, AthenaEngine } from "../../../functions/adapters/aws/athena-engine.js";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import { indicatorsToCsv } from "../../../functions/core/indicators/indicators-file.js";
import { publishIndicators } from "../../../functions/core/indicators/publish-indicators.js";
import { ingestReport } from "../../../functions/core/ingest.js";
import { LakeIntegrityError } from "../../../functions/core/lake/integrity.js";
import { type ManifestEntry, readManifest } from "../../../functions/core/lake/manifest.js";
import type { CountryTable } from "../../../functions/core/reference/countries.js";
import type { ObjectStore } from "../../../functions/ports/object-store.js";
import type { QueryEngine, ResultRow } from "../../../functions/ports/query-engine.js";
import { encode, financialCsv, impactCsv, lakeWithReference } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

/** A lake with the registry, rates, one financial and two impact reports; returns it and its hub reports' entries. */
async function movementLake() {
  const root = await tempDir();
  const lake = await lakeWithReference(root);
  for (const [text, uploader] of [
    [
      financialCsv("wm-ng", "2025", [
        "expense,programs,1000000,NGN,NG,,",
        "expense,staff,200000,NGN,NG,,",
        "grant,team_grant,3000,USD,GH,team-accra,yes",
      ]),
      "wm-ng",
    ],
    [impactCsv("wm-ng", "2025", ["NG,participants,25,", "NG,active_editors,40,"]), "wm-ng"],
    [impactCsv("wm-de", "2025", ["DE,participants,12,", "DE,active_editors,30,"]), "wm-de"],
  ] as const) {
    const outcome = await lake.ingest(text, uploader);
    if (outcome.status !== "accepted") throw new Error(`not accepted: ${JSON.stringify(outcome.problems)}`);
  }
  const entries = await readManifest(lake.store);
  const entry = (kind: string, hub: string) =>
    entries.find((e) => e.kind === kind && e.hub_id === hub) as ManifestEntry;
  return {
    root,
    lake,
    financial: entry("financial", "wm-ng"),
    impactNg: entry("impact", "wm-ng"),
    impactDe: entry("impact", "wm-de"),
  };
}

async function computeOn(engine: QueryEngine, countries: CountryTable, lake?: ObjectStore) {
  try {
    return await computeIndicators(engine, loadFramework(), { countries, lake });
  } finally {
    await engine.close();
  }
}

type Lake = Awaited<ReturnType<typeof movementLake>>;

const duckdb = (setup: Lake) =>
  DuckDbEngine.open({ lake: setup.lake.store, countries: setup.lake.dependencies.countries });

/** Computes on DuckDB; resolves to `indicators.csv`, or rejects with the compute error. */
async function computeLocally(setup: Lake, withLake = true): Promise<string> {
  const rows = await computeOn(
    await duckdb(setup),
    setup.lake.dependencies.countries,
    withLake ? setup.lake.store : undefined,
  );
  return indicatorsToCsv(rows);
}

async function integrityError(promise: Promise<unknown>): Promise<LakeIntegrityError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LakeIntegrityError);
  return error as LakeIntegrityError;
}

const HEADER = "the lake's curated files do not match its manifest, so no figures were computed:";

describe("compute counts exactly the reports the manifest names (DuckDB)", () => {
  it("stops on a copy of a report's Parquet elsewhere under curated/, naming the copy", async () => {
    const setup = await movementLake();
    const { root, financial } = setup;
    const before = await computeLocally(setup);
    const copy = "curated/financial/year=2025/hub=wm-ng/copy.parquet";
    await copyFile(join(root, financial.curated_key), join(root, copy));

    const error = await integrityError(computeLocally(setup));
    expect(error.message).toBe(
      `${HEADER}\n- ${copy} holds 3 rows of financial report ${financial.report_id}, which the manifest records only in ${financial.curated_key}: they would count on top of the report's own; remove ${copy}`,
    );
    expect(error.files).toEqual([copy]);

    await rm(join(root, copy));
    expect(await computeLocally(setup)).toBe(before);
  });

  it("names a copy in another year's partition too", async () => {
    const setup = await movementLake();
    const { root, impactDe } = setup;
    const copy = "curated/impact/year=2024/hub=wm-de/r-0000000000000000.parquet";
    await mkdir(join(root, "curated/impact/year=2024/hub=wm-de"), { recursive: true });
    await copyFile(join(root, impactDe.curated_key), join(root, copy));
    const error = await integrityError(computeLocally(setup));
    expect(error.files).toEqual([copy]);
    expect(error.message).toContain(`- ${copy} holds 2 rows of impact report ${impactDe.report_id}`);
  });

  it("stops on a deleted report file, naming it", async () => {
    const setup = await movementLake();
    await rm(join(setup.root, setup.impactNg.curated_key));
    const error = await integrityError(computeLocally(setup));
    expect(error.message).toBe(
      `${HEADER}\n- ${setup.impactNg.curated_key} is missing: the manifest records it for impact report ${setup.impactNg.report_id} (2 rows); restore it from a backup`,
    );
    expect(error.files).toEqual([setup.impactNg.curated_key]);
  });

  it("stops when a report's file was overwritten with another report's, naming the overwritten file", async () => {
    const setup = await movementLake();
    const { root, impactNg, impactDe } = setup;
    await copyFile(join(root, impactDe.curated_key), join(root, impactNg.curated_key));
    const error = await integrityError(computeLocally(setup));
    const lines = [
      [
        impactDe.report_id,
        `- ${impactNg.curated_key} holds 2 rows of impact report ${impactDe.report_id}, which the manifest records only in ${impactDe.curated_key}, while it names ${impactNg.curated_key} for report ${impactNg.report_id}; restore ${impactNg.curated_key} from a backup`,
      ],
      [
        impactNg.report_id,
        `- ${impactNg.curated_key} holds 0 rows of impact report ${impactNg.report_id}, but its manifest entry records 2; restore the file from a backup`,
      ],
    ].sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1));
    expect(error.message).toBe([HEADER, ...lines.map(([, line]) => line)].join("\n"));
    expect(error.files).toEqual([impactNg.curated_key]);
  });

  it("publishes nothing when it stops, and names the copy from the lake it was given", async () => {
    const setup = await movementLake();
    const copy = "curated/financial/year=2025/hub=wm-ng/copy.parquet";
    await copyFile(join(setup.root, setup.financial.curated_key), join(setup.root, copy));
    const output = new FolderStore(await tempDir());
    const engine = await duckdb(setup);
    const error = await integrityError(
      publishIndicators(
        { engine, lake: setup.lake.store, output },
        { framework: loadFramework(), countries: setup.lake.dependencies.countries },
      ).finally(() => engine.close()),
    );
    expect(error.files).toEqual([copy]);
    expect(await output.list("")).toEqual([]);
  });

  it("without the lake to look into, still names the report and the file its manifest entry records", async () => {
    const setup = await movementLake();
    await copyFile(
      join(setup.root, setup.financial.curated_key),
      join(setup.root, "curated/financial/x.parquet"),
    );
    const error = await integrityError(computeLocally(setup, false));
    expect(error.message).toBe(
      `${HEADER}\n- financial report ${setup.financial.report_id} has 6 rows in the curated tables, but its manifest entry records 3 (in ${setup.financial.curated_key})`,
    );
  });

  it("ignores what an ingest killed before its commit left behind: those rows count nowhere", async () => {
    const setup = await movementLake();
    const before = await computeLocally(setup);
    const killedAtCommit: ObjectStore = {
      get: (key) => setup.lake.store.get(key),
      getStream: (key) => setup.lake.store.getStream(key),
      list: (prefix) => setup.lake.store.list(prefix),
      locate: (key) => setup.lake.store.locate(key),
      delete: (key) => setup.lake.store.delete(key),
      put: async (key, body, options) => {
        if (key.startsWith("manifest/")) throw new Error("killed");
        await setup.lake.store.put(key, body, options);
      },
    };
    const orphan = financialCsv("wm-de", "2025", ["expense,programs,5000,EUR,DE,,"]);
    await expect(
      ingestReport(
        { ...setup.lake.dependencies, store: killedAtCommit },
        { fileName: "de.csv", bytes: encode(orphan), uploader: "wm-de" },
      ),
    ).rejects.toThrow("killed");
    expect((await setup.lake.store.list("curated/financial/year=2025/hub=wm-de/")).length).toBe(1);
    expect(await computeLocally(setup)).toBe(before);
  });

  it("ignores a superseded report's file: only current reports count", async () => {
    const setup = await movementLake();
    const corrected = await setup.lake.ingest(
      financialCsv("wm-ng", "2025", ["expense,programs,900000,NGN,NG,,"]),
      "wm-ng",
    );
    expect(corrected.status).toBe("accepted");
    await rm(join(setup.root, setup.financial.curated_key));
    await expect(computeLocally(setup)).resolves.toContain(
      "2026.2,deployed_usd,2025,movement,movement,585,false\n",
    );
  });
});

/** Athena's type name for a value DuckDB returned. */
function athenaType(values: readonly unknown[]): string {
  const value = values.find((v) => v !== null && v !== undefined);
  if (typeof value === "number") return "double";
  if (typeof value === "boolean") return "boolean";
  return "varchar";
}

/**
 * A fake Athena client: each statement it is asked to start runs on DuckDB as sent — a stage's `CREATE TABLE …
 * WITH (…) AS` without Athena's table properties, which DuckDB does not know — and a result comes back as Athena
 * pages it (one page, header row first, every value as text).
 */
class AthenaOnDuckDb {
  readonly queries: string[] = [];
  private readonly results = new Map<string, ResultRow[] | Error>();

  constructor(private readonly duckdb: QueryEngine) {}

  async send(command: AthenaCommand) {
    if (command instanceof StartQueryExecutionCommand) {
      const id = `qe-${this.queries.length + 1}`;
      const sql = command.input.QueryString as string;
      if (command.input.ExecutionParameters?.length) throw new Error("no parameters expected");
      this.queries.push(sql);
      const statement = sql.replace(/^(CREATE TABLE \S+)\nWITH \([^)]*\)\nAS\n/, "$1 AS\n");
      this.results.set(
        id,
        await this.duckdb
          .query(statement)
          .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
      );
      return { QueryExecutionId: id };
    }
    if (command instanceof GetQueryExecutionCommand) {
      const result = this.results.get(command.input.QueryExecutionId as string);
      return {
        QueryExecution: {
          Status:
            result instanceof Error
              ? { State: "FAILED" as const, StateChangeReason: result.message }
              : { State: "SUCCEEDED" as const },
          Statistics: { DataScannedInBytes: 0 },
        },
      };
    }
    if (command instanceof GetQueryResultsCommand) {
      const rows = this.results.get(command.input.QueryExecutionId as string) as ResultRow[];
      const names = Object.keys(rows[0] ?? {});
      const text = (value: unknown) =>
        value === null || value === undefined ? {} : { VarCharValue: String(value) };
      return {
        ResultSet: {
          ResultSetMetadata: {
            ColumnInfo: names.map((name) => ({ Name: name, Type: athenaType(rows.map((row) => row[name])) })),
          },
          Rows: [
            { Data: names.map((name) => ({ VarCharValue: name })) },
            ...rows.map((row) => ({ Data: names.map((name) => text(row[name])) })),
          ],
        },
      };
    }
    return {};
  }
}

/** The S3 of the run's staging prefix, faked: the fake Athena writes no objects there, so it lists none. */
const emptyStaging = { send: async () => ({ Contents: [], IsTruncated: false }) };

/** Computes through the Athena engine over the fake client; resolves to the rows, or rejects with the error. */
async function computeOnAthena(setup: Lake) {
  const local = await duckdb(setup);
  await local.query("CREATE SCHEMA lake");
  const client = new AthenaOnDuckDb(local);
  const engine = new AthenaEngine({
    client,
    workGroup: "observatory",
    database: "lake",
    staging: { workGroup: "observatory-staging", s3: emptyStaging as never, bucket: "results" },
    pollInitialDelayMs: 1,
    sleep: async () => {},
  });
  try {
    const rows = await computeOn(engine, setup.lake.dependencies.countries, setup.lake.store);
    return { rows, queries: client.queries };
  } finally {
    await engine.close().catch(() => undefined);
    await local.close();
  }
}

describe("compute counts exactly the reports the manifest names (Athena form of the same SQL)", () => {
  it("computes the same indicators.csv as DuckDB on an intact lake, having run the check over the run's tables", async () => {
    const setup = await movementLake();
    const { rows, queries } = await computeOnAthena(setup);
    expect(indicatorsToCsv(rows)).toBe(await computeLocally(setup));
    const check = queries.find((sql) => sql.includes("counted_reports AS ("));
    expect(check).toMatch(
      /^WITH\ncurrent_reports AS \(\nSELECT \* FROM lake\.compute_run_\w+_current_reports\n\)/,
    );
  });

  it("stops on a copied report file, naming the copy", async () => {
    const setup = await movementLake();
    const copy = "curated/financial/year=2025/hub=wm-ng/copy.parquet";
    await copyFile(join(setup.root, setup.financial.curated_key), join(setup.root, copy));
    const error = await integrityError(computeOnAthena(setup));
    expect(error.files).toEqual([copy]);
    expect(error.message).toContain(
      `- ${copy} holds 3 rows of financial report ${setup.financial.report_id}`,
    );
  });

  it("stops on a deleted report file, naming it", async () => {
    const setup = await movementLake();
    await rm(join(setup.root, setup.impactDe.curated_key));
    const error = await integrityError(computeOnAthena(setup));
    expect(error.files).toEqual([setup.impactDe.curated_key]);
    expect(error.message).toContain(`- ${setup.impactDe.curated_key} is missing`);
  });
});
