/**
 * On Athena a compute run reads the manifest from one checkpoint: the real AthenaEngine, told the manifest source,
 * drives a fake Athena client that runs every statement it receives on DuckDB over the same folder lake (Athena
 * cannot run here). The fake's `manifest_checkpoints` reads the checkpoints' gzip JSON lines with the partition
 * taken from each object's folder, as the Glue table's injected projection does; its `manifest` (every entry
 * object) is emptied, so that a statement reading it instead would change the figures.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AthenaEngine } from "../../../functions/adapters/aws/athena-engine.js";
import { MANIFEST_CHECKPOINTS_TABLE, manifestSource } from "../../../functions/adapters/aws/athena-tables.js";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import type { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import { indicatorsToCsv } from "../../../functions/core/indicators/indicators-file.js";
import { LakeReader } from "../../../functions/core/lake/lake-reader.js";
import { MANIFEST_TABLE } from "../../../functions/core/lake/tables.js";
import { AthenaOnDuckDb } from "../../helpers/athena-on-duckdb.js";
import { ingestHandchecked } from "../../helpers/handchecked.js";
import { financialCsv } from "../../helpers/movement.js";
import { functionNames, parseTrino } from "../../queries/trino-functions.js";

const emptyStaging = { send: async () => ({ Contents: [], IsTruncated: false }) };

async function computeWith(
  engine: DuckDbEngine | AthenaEngine,
  countries: Parameters<typeof computeIndicators>[2]["countries"],
) {
  try {
    return indicatorsToCsv(await computeIndicators(engine, loadFramework(), { countries }));
  } finally {
    await engine.close();
  }
}

describe("the manifest source", () => {
  it("parses as Trino (Athena) SQL and calls no function", () => {
    const { sql } = manifestSource({ id: "000000000002-ab" });
    expect(functionNames(parseTrino(sql))).toEqual(new Set());
  });
});

describe("a compute run on Athena", () => {
  it("materialises the manifest from one checkpoint's partition, bound as a parameter, and computes DuckDB's figures", async () => {
    const { lake } = await ingestHandchecked();
    const { countries } = lake.dependencies;
    const pinned = await new LakeReader(lake.store).writeCheckpoint();
    const later = await lake.ingest(
      financialCsv("hub-in", "2025", ["expense,programs,10,USD,IN,,"]),
      "hub-in",
    );
    expect(later.status).toBe("accepted");
    const older = await lake.ingest(
      financialCsv("hub-in", "2024", ["expense,programs,99,USD,IN,,"]),
      "hub-in",
    );
    expect(older.status).toBe("accepted");
    await new LakeReader(lake.store).writeCheckpoint();

    const local = await DuckDbEngine.open({ lake: lake.store, countries });
    const root = (lake.store as FolderStore).root;
    const columns = MANIFEST_TABLE.columns.map(
      (c) => `${c.name}: '${c.type === "string" ? "VARCHAR" : "BIGINT"}'`,
    );
    await local.query("CREATE SCHEMA lake");
    await local.query(
      `CREATE VIEW ${MANIFEST_CHECKPOINTS_TABLE} AS SELECT * EXCLUDE (filename), regexp_extract(filename, 'manifest/([^/]+)/entries', 1) AS checkpoint FROM read_json('${join(root, "checkpoints/manifest/*/entries.ndjson.gz")}', format = 'newline_delimited', filename = true, columns = {${columns.join(", ")}})`,
    );
    await local.query("CREATE OR REPLACE TEMP TABLE manifest AS SELECT * FROM manifest WHERE false");
    const client = new AthenaOnDuckDb(local);
    const athena = new AthenaEngine({
      client,
      workGroup: "observatory",
      database: "lake",
      staging: { workGroup: "observatory-staging", s3: emptyStaging as never, bucket: "results" },
      sources: [manifestSource(pinned)],
      pollInitialDelayMs: 1,
      sleep: async () => {},
    });
    const onAthena = await computeWith(athena, countries);
    await local.close();

    const [first, ...rest] = client.started;
    expect(first?.sql).toMatch(
      /^CREATE TABLE lake\.compute_run_\w+_manifest\nWITH \(.*\)\nAS\nSELECT report_id, seq, kind, .*, curated_key\nFROM manifest_checkpoints\nWHERE checkpoint = \?$/,
    );
    expect(first?.parameters).toEqual([`'${pinned.id}'`]);
    const readers = rest.filter((statement) => /\bmanifest\b/.test(statement.sql));
    expect(readers.length).toBeGreaterThanOrEqual(4);
    for (const statement of readers)
      expect(statement.sql, "every later statement reads the run's manifest table").toMatch(
        /manifest AS \(\nSELECT \* FROM lake\.compute_run_\w+_manifest\n\)/,
      );

    const upToPin = await ingestHandchecked();
    expect(onAthena).toBe(
      await computeWith(
        await DuckDbEngine.open({ lake: upToPin.lake.store, countries }),
        upToPin.lake.dependencies.countries,
      ),
    );
    expect(onAthena).not.toBe(
      await computeWith(await DuckDbEngine.open({ lake: lake.store, countries }), countries),
    );
  });
});
