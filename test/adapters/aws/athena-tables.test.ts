/**
 * The Glue tables are checked against what ingest really writes, read back by a real DuckDB: Athena itself cannot
 * run here, but a column Glue declares and the Parquet lacks (or types differently) would break every query there.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AthenaTableDefinition,
  athenaTables,
  manifestSource,
} from "../../../functions/adapters/aws/athena-tables.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { LakeReader } from "../../../functions/core/lake/lake-reader.js";
import { lakeLayout } from "../../../functions/core/lake/layout.js";
import type { ManifestEntry } from "../../../functions/core/lake/manifest.js";
import { isHubReportKind, REPORT_KINDS, type ReportKind } from "../../../functions/core/reporting/kinds.js";
import { financialCsv, impactCsv, lakeWithReference } from "../../helpers/movement.js";

/** The DuckDB type of each Glue type, as DESCRIBE prints it. */
const DUCKDB_TYPE_OF_GLUE: Record<string, string> = {
  string: "VARCHAR",
  int: "INTEGER",
  bigint: "BIGINT",
  double: "DOUBLE",
  boolean: "BOOLEAN",
  "decimal(18,2)": "DECIMAL(18,2)",
};

const tables = new Map(athenaTables().map((table) => [table.name, table]));
const glueTable = (name: string): AthenaTableDefinition => {
  const table = tables.get(name);
  if (!table) throw new Error(`no Glue table ${name}`);
  return table;
};

let root: string;
let entries: ManifestEntry[];
let manifestTexts: string[];
let duckdb: DuckDBInstance;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "observatory-athena-tables-"));
  const lake = await lakeWithReference(root);
  for (const [text, uploader] of [
    [
      financialCsv("wm-ng", "2025-Q2", [
        "expense,programs,1000,NGN,NG,,",
        "grant,team_grant,250.5,NGN,GH,team-a,yes",
      ]),
      "wm-ng",
    ],
    [impactCsv("wm-de", "2024", ["DE,participants,12,de", "DE,active_editors,3,"]), "wm-de"],
  ] as const) {
    const outcome = await lake.ingest(text, uploader);
    if (outcome.status !== "accepted")
      throw new Error(`fixture rejected: ${JSON.stringify(outcome.problems)}`);
  }
  const keys = (await lake.store.list(lakeLayout.manifestPrefix)).sort();
  manifestTexts = await Promise.all(keys.map((key) => readFile(join(root, key), "utf8")));
  entries = manifestTexts.map((text) => JSON.parse(text) as ManifestEntry);
  duckdb = await DuckDBInstance.create(":memory:");
});

afterAll(async () => {
  duckdb?.closeSync();
  await rm(root, { recursive: true, force: true });
});

/** The columns stored in a Parquet file, name → DuckDB type (not the ones DuckDB would infer from the path). */
async function parquetColumns(path: string): Promise<Map<string, string>> {
  const connection = await duckdb.connect();
  const reader = await connection.runAndReadAll(
    "DESCRIBE SELECT * FROM read_parquet($1, hive_partitioning = false)",
    [path],
  );
  connection.closeSync();
  return new Map(reader.getRowObjectsJS().map((row) => [String(row.column_name), String(row.column_type)]));
}

describe("the Glue tables Athena reads", () => {
  it("cover every report kind, the manifest, its checkpoints and the country table", () => {
    expect([...tables.keys()].sort()).toEqual(
      [...REPORT_KINDS, "manifest", "manifest_checkpoints", "countries"].sort(),
    );
  });

  it("read a manifest checkpoint as the manifest's JSON lines, gzip, in the folder its partition names", async () => {
    const checkpoint = await new LakeReader(new FolderStore(root)).writeCheckpoint();
    const table = glueTable("manifest_checkpoints");
    expect(table.format).toBe("json-lines");
    expect(table.columns).toEqual(glueTable("manifest").columns);
    expect(table.partitionKeys).toEqual([{ name: "checkpoint", type: "string" }]);
    expect(checkpoint.key).toBe(`${table.prefix}${checkpoint.id}/entries.ndjson.gz`);
    const lines = gunzipSync(await readFile(join(root, checkpoint.key))).toString("utf8");
    expect(lines).toBe(manifestTexts.join(""));
    const source = manifestSource(checkpoint);
    expect(source).toEqual({
      name: "manifest",
      sql: `SELECT ${table.columns.map((c) => c.name).join(", ")}\nFROM manifest_checkpoints\nWHERE checkpoint = ?`,
      parameters: [checkpoint.id],
    });
  });

  describe.each(REPORT_KINDS)("curated %s", (kind: ReportKind) => {
    it("declares exactly the Parquet columns ingest writes, with equivalent types", async () => {
      const entry = entries.find((e) => e.kind === kind);
      if (!entry) throw new Error(`no ${kind} upload in the fixture`);
      const table = glueTable(kind);
      expect(entry.curated_key.startsWith(table.prefix)).toBe(true);
      const written = await parquetColumns(join(root, entry.curated_key));
      const declared = [...table.columns, ...table.partitionKeys];
      expect(
        declared.map((c) => [c.name, DUCKDB_TYPE_OF_GLUE[c.type] ?? `no DuckDB type for ${c.type}`]),
      ).toEqual(declared.map((c) => [c.name, written.get(c.name)]));
      expect([...written.keys()].sort()).toEqual(declared.map((c) => c.name).sort());
    });

    if (isHubReportKind(kind))
      it("is partitioned by the year the object key names, which is the year in the file", async () => {
        const table = glueTable(kind);
        expect(table.partitionKeys).toEqual([{ name: "year", type: "int" }]);
        const entry = entries.find((e) => e.kind === kind) as ManifestEntry;
        expect(entry.curated_key).toBe(
          lakeLayout.curatedKey(kind, entry.report_id, entry.year, entry.hub_id),
        );
        expect(entry.curated_key).toMatch(new RegExp(`^${table.prefix}year=${entry.year}/`));
        const connection = await duckdb.connect();
        const reader = await connection.runAndReadAll(
          "SELECT DISTINCT year FROM read_parquet($1, hive_partitioning = false)",
          [join(root, entry.curated_key)],
        );
        connection.closeSync();
        expect(reader.getRowObjectsJS()).toEqual([{ year: entry.year }]);
        expect(entry.year).toBeGreaterThanOrEqual(table.yearProjection?.from ?? Number.NaN);
        expect(entry.year).toBeLessThanOrEqual(table.yearProjection?.to ?? Number.NaN);
      });
    else
      it("is not partitioned, as its objects sit directly under the kind's prefix", () => {
        const entry = entries.find((e) => e.kind === kind) as ManifestEntry;
        expect(glueTable(kind).partitionKeys).toEqual([]);
        expect(entry.curated_key).toBe(`${glueTable(kind).prefix}${entry.report_id}.parquet`);
      });
  });

  it("reads the manifest as JSON lines whose keys are exactly the Glue columns, each value of its type", () => {
    const manifest = glueTable("manifest");
    expect(manifest.format).toBe("json-lines");
    expect(entries.map((e) => e.kind)).toEqual(["hubs", "fx_rates", "financial", "impact"]);
    for (const [i, entry] of entries.entries()) {
      expect(manifestTexts[i]).toMatch(/^\{[^\n]*\}\n$/);
      expect(Object.keys(entry).sort()).toEqual(manifest.columns.map((c) => c.name).sort());
      for (const column of manifest.columns) {
        const value = (entry as unknown as Record<string, unknown>)[column.name];
        if (value === null) continue;
        if (column.type === "string") expect(typeof value, column.name).toBe("string");
        else expect(Number.isInteger(value), `${column.name} = ${value}`).toBe(true);
      }
    }
  });
});
