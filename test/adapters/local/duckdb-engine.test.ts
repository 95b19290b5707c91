import { readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine, literalPathPattern } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import { indicatorsToCsv } from "../../../functions/core/indicators/indicators-file.js";
import { checkpointTriedFirst, writeCheckpoint } from "../../../functions/core/lake/checkpoint.js";
import { LakeReader } from "../../../functions/core/lake/lake-reader.js";
import { lakeLayout } from "../../../functions/core/lake/layout.js";
import { readManifest } from "../../../functions/core/lake/manifest.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { ingestHandchecked } from "../../helpers/handchecked.js";
import { HUBS_CSV, lakeAt, lakeWithReference } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

describe("DuckDbEngine", () => {
  it("exposes an empty lake as empty, typed tables", async () => {
    const engine = await DuckDbEngine.open({
      lake: new FolderStore(await tempDir()),
      countries: bundledCountryTable(),
    });
    for (const table of ["financial", "impact", "hubs", "fx_rates", "manifest"])
      expect(await engine.query(`SELECT COUNT(*) AS n FROM ${table}`)).toEqual([{ n: 0 }]);
    await engine.close();
  });

  it("reads the lake's Parquet and manifest, and the whole country table with Namibia as NA", async () => {
    const lake = await lakeWithReference(await tempDir());
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    expect(await engine.query("SELECT kind, seq FROM manifest ORDER BY seq")).toEqual([
      { kind: "hubs", seq: 1 },
      { kind: "fx_rates", seq: 2 },
    ]);
    expect(
      await engine.query("SELECT usd_per_unit FROM fx_rates WHERE currency = ? AND year = ?", ["EUR", 2025]),
    ).toEqual([{ usd_per_unit: 1.1 }]);
    expect(await engine.query("SELECT COUNT(*) AS n FROM countries")).toEqual([{ n: 250 }]);
    expect(
      await engine.query("SELECT name, wikimedia_region FROM countries WHERE iso_code = ?", ["NA"]),
    ).toEqual([{ name: "Namibia", wikimedia_region: "Sub-Saharan Africa" }]);
    await engine.close();
  });

  it("binds parameters as values, so a hostile string is only ever data", async () => {
    const engine = await DuckDbEngine.open({
      lake: new FolderStore(await tempDir()),
      countries: bundledCountryTable(),
    });
    const hostile = "x'); DROP TABLE countries; --";
    expect(await engine.query("SELECT ? AS value", [hostile])).toEqual([{ value: hostile }]);
    expect(await engine.query("SELECT COUNT(*) AS n FROM countries")).toEqual([{ n: 250 }]);
    await engine.close();
  });

  it("returns a list of strings (an array_agg of identifiers) as a list, and refuses one it could not read back", async () => {
    const engine = await DuckDbEngine.open({
      lake: new FolderStore(await tempDir()),
      countries: bundledCountryTable(),
    });
    expect(
      await engine.query(
        "SELECT array_agg(iso_code ORDER BY iso_code) AS codes FROM countries WHERE iso_code IN (?, ?, ?)",
        ["NG", "GH", "NA"],
      ),
    ).toEqual([{ codes: ["GH", "NA", "NG"] }]);
    expect(await engine.query("SELECT []::VARCHAR[] AS none, NULL::VARCHAR[] AS unknown")).toEqual([
      { none: [], unknown: null },
    ]);
    await expect(engine.query("SELECT [1, 2] AS numbers")).rejects.toThrow(
      "a query returned a list of INTEGER[] (numbers): lists carry strings only",
    );
    await expect(engine.query("SELECT ['r-1', ?] AS ids", ["a, b"])).rejects.toThrow(
      /DuckDB returned a list element that holds a comma, bracket or quote \('a\)/,
    );
    await engine.close();
  });

  it("stages named relations for later queries, and refuses a name that is not an identifier", async () => {
    const engine = await DuckDbEngine.open({
      lake: new FolderStore(await tempDir()),
      countries: bundledCountryTable(),
    });
    await engine.stage("south", "SELECT iso_code FROM countries WHERE economic_region = 'Global South'");
    const [row] = await engine.query("SELECT COUNT(*) AS n FROM south");
    expect(Number(row?.n)).toBeGreaterThan(100);
    await expect(engine.stage("x; DROP TABLE countries", "SELECT 1")).rejects.toThrow(/invalid stage name/);
    await engine.close();
  });

  it("reads the manifest from its checkpoint and the entries after it, with the same figures to the byte", async () => {
    const { lake } = await ingestHandchecked();
    const compute = async () => {
      const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
      try {
        const rows = await computeIndicators(engine, loadFramework(), {
          countries: lake.dependencies.countries,
        });
        return {
          csv: indicatorsToCsv(rows),
          manifest: await engine.query("SELECT * FROM manifest ORDER BY seq"),
        };
      } finally {
        await engine.close();
      }
    };
    const before = await compute();
    const entries = await readManifest(lake.store);
    expect(before.manifest.map((row) => row.seq)).toEqual(entries.map((entry) => entry.seq));

    const root = (lake.store as FolderStore).root;
    const lines = await Promise.all(
      [...Array(20).keys()].map(async (i) =>
        (await readFile(join(root, lakeLayout.manifestKey(i + 1)), "utf8")).trimEnd(),
      ),
    );
    await writeCheckpoint(lake.store, lines);
    const reader = new LakeReader(lake.store);
    await reader.manifest();
    expect(reader.sources().checkpoint?.throughSeq).toBe(20);
    expect(reader.sources().entryKeys).toEqual(
      [...Array(7).keys()].map((i) => lakeLayout.manifestKey(21 + i)),
    );
    // Entry 5 moved away: the engine reads it from the checkpoint, not from its object.
    await rename(join(root, lakeLayout.manifestKey(5)), join(root, "moved-entry-5.json"));
    const after = await compute();
    await rename(join(root, "moved-entry-5.json"), join(root, lakeLayout.manifestKey(5)));
    expect(after.manifest).toEqual(before.manifest);
    expect(after.csv).toBe(before.csv);
  });

  it("drops the checkpoint it began loading before verification when the manifest was read from another", async () => {
    const { lake } = await ingestHandchecked();
    const root = (lake.store as FolderStore).root;
    const lines = await Promise.all(
      [...Array(27).keys()].map(async (i) =>
        (await readFile(join(root, lakeLayout.manifestKey(i + 1)), "utf8")).trimEnd(),
      ),
    );
    await writeCheckpoint(lake.store, lines.slice(0, 20));
    // A newer checkpoint that names its content's hash truly but lies about two entries: the pointer names it,
    // DuckDB can read it, and the reader passes it over (its last line is not manifest/27).
    const lying = lines.map((line, i) =>
      i === 2 || i === 26 ? line.replace(/"uploader":"[^"]*"/, '"uploader":"forger"') : line,
    );
    expect(lying[2]).toContain('"uploader":"forger"');
    const forged = await writeCheckpoint(lake.store, lying);
    expect(await checkpointTriedFirst(lake.store)).toEqual(forged);

    const reader = new LakeReader(lake.store);
    const engine = await DuckDbEngine.open({
      lake: lake.store,
      countries: lake.dependencies.countries,
      reader,
    });
    try {
      expect(reader.sources().checkpoint?.throughSeq).toBe(20);
      expect(reader.checkpointProblems.join("\n")).toContain(`${forged.key} was passed over`);
      const manifest = await engine.query("SELECT seq, uploader FROM manifest ORDER BY seq");
      const entries = await readManifest(lake.store);
      expect(manifest).toEqual(entries.map((entry) => ({ seq: entry.seq, uploader: entry.uploader })));
      expect(manifest.filter((row) => row.uploader === "forger")).toEqual([]);
      expect(
        await engine.query(
          "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'manifest_checkpoint'",
        ),
      ).toEqual([{ n: 0 }]);
    } finally {
      await engine.close();
    }
  });

  it("reads a lake whose path holds glob characters literally, never a lake beside it", async () => {
    const root = await tempDir();
    await lakeAt(join(root, "l1")).ingest(`${HUBS_CSV}wm-fr,Wikimedia France,regional,FR,2020,\n`, "council");
    const names = ["l[1]", "l?", "l*"];
    for (const name of names) await lakeWithReference(join(root, name));
    for (const name of names) {
      const store = new FolderStore(join(root, name));
      const engine = await DuckDbEngine.open({ lake: store, countries: bundledCountryTable() });
      try {
        expect(await engine.query("SELECT report_id, seq FROM manifest ORDER BY seq"), name).toEqual(
          (await readManifest(store)).map((entry) => ({ report_id: entry.report_id, seq: entry.seq })),
        );
        expect(await engine.query("SELECT COUNT(*) AS n FROM hubs"), name).toEqual([{ n: 4 }]);
      } finally {
        await engine.close();
      }
    }
    expect(literalPathPattern("/data/l[1]/*?.parquet")).toBe("/data/l[[]1]/[*][?].parquet");
  });
});
