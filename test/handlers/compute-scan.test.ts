/**
 * What the compute step says about the data its engine scanned and the dead runs it swept (warning of what a
 * sweep left), and that it closes the engine (which drops a run's staged tables on Athena) whether the run
 * succeeds or fails. Athena cannot run here, so the engine is the
 * embedded DuckDB engine over a folder lake, wrapped to report statistics as the Athena engine does
 * (`AthenaEngine.statistics()` itself is tested in test/adapters/aws/athena-engine.test.ts).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { createComputeIndicatorsHandler } from "../../functions/handlers/compute-indicators-handler.js";
import { memoryLogger } from "../../functions/handlers/log.js";
import type {
  EngineStatistics,
  QueryEngine,
  ResultRow,
  RunSweep,
  SqlValue,
} from "../../functions/ports/query-engine.js";
import { financialCsv, impactCsv, lakeWithReference } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

/**
 * DuckDB, counting statements (closing is one more, as Athena's DROP TABLE) and pretending each scanned 1 MiB, as
 * an engine that bills by data scanned would.
 */
class CountingEngine implements QueryEngine {
  closed = 0;
  private queries = 0;

  constructor(
    private readonly engine: QueryEngine,
    private readonly fail: { query?: RegExp; close?: Error } = {},
    private readonly sweep?: RunSweep,
  ) {}

  async stage(name: string, sql: string): Promise<void> {
    this.queries++;
    await this.engine.stage(name, sql);
  }

  async query(sql: string, parameters?: readonly SqlValue[]): Promise<ResultRow[]> {
    this.queries++;
    if (this.fail.query?.test(sql)) throw new Error("Athena query failed: SYNTAX_ERROR");
    return this.engine.query(sql, parameters);
  }

  statistics(): EngineStatistics {
    return {
      runId: "20260115t030000z_9f2c4e1a7b3d",
      queries: this.queries,
      bytesScanned: this.queries * 1_048_576,
      ...(this.sweep ? { sweep: this.sweep } : {}),
    };
  }

  async close(): Promise<void> {
    this.closed++;
    this.queries++;
    await this.engine.close();
    if (this.fail.close) throw this.fail.close;
  }
}

async function computeWith(fail: { query?: RegExp; close?: Error } = {}, sweep?: RunSweep) {
  const root = await tempDir();
  const lake = await lakeWithReference(root);
  await lake.ingest(financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]), "wm-ng");
  await lake.ingest(impactCsv("wm-ng", "2025", ["NG,participants,40,", "NG,active_editors,12,"]), "wm-ng");
  const logger = memoryLogger();
  let engine: CountingEngine | undefined;
  const compute = createComputeIndicatorsHandler({
    lake: lake.store,
    published: new FolderStore(join(root, "published")),
    openEngine: async () => {
      engine = new CountingEngine(
        await DuckDbEngine.open({ lake: lake.store, countries: bundledCountryTable() }),
        fail,
        sweep,
      );
      return engine;
    },
    countries: bundledCountryTable(),
    logger,
    frameworkVersion: "2026.1",
  });
  const outcome = await compute().then(
    (summary) => ({ summary, error: undefined }),
    (error: unknown) => ({ summary: undefined, error }),
  );
  if (!engine) throw new Error("the handler opened no engine");
  return { ...outcome, logger, engine };
}

describe("compute step, data scanned", () => {
  it("returns and logs what the engine ran and scanned, counted after the engine was closed", async () => {
    const { summary, logger, engine } = await computeWith();
    const { queries } = engine.statistics();
    expect(queries).toBeGreaterThan(20);
    const scan = { runId: "20260115t030000z_9f2c4e1a7b3d", queries, bytesScanned: queries * 1_048_576 };
    expect(summary).toMatchObject({ frameworkVersion: "2026.1", reports: 4, scan });
    expect(engine.closed).toBe(1);
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: "INFO", message: "indicators published", ...summary }),
    ]);
  });

  it("closes the engine when the run fails, logs the failure with what was scanned, and rethrows it", async () => {
    const { error, logger, engine } = await computeWith({ query: /^-- participants:/ });
    expect(error).toMatchObject({ message: "Athena query failed: SYNTAX_ERROR" });
    expect(engine.closed).toBe(1);
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: "ERROR",
        message: "compute failed",
        error: "Athena query failed: SYNTAX_ERROR",
        scan: engine.statistics(),
      }),
    ]);
  });

  it("fails a run whose engine could not be cleaned up, saying so with what the run computed", async () => {
    const leftover = new Error(
      "Compute run 20260115t030000z_9f2c4e1a7b3d was not cleaned up: tables … may still exist",
    );
    const { error, logger } = await computeWith({ close: leftover });
    expect(error).toBe(leftover);
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: "ERROR",
        message: "compute run not cleaned up",
        error: leftover.message,
        frameworkVersion: "2026.1",
        reports: 4,
      }),
    ]);
  });

  it("keeps the original error when a failed run's engine could not be cleaned up either, and logs both", async () => {
    const leftover = new Error("Compute run 20260115t030000z_9f2c4e1a7b3d was not cleaned up");
    const { error, logger } = await computeWith({ query: /^-- participants:/, close: leftover });
    expect(error).toMatchObject({ message: "Athena query failed: SYNTAX_ERROR" });
    expect(logger.lines.map((line) => [line.message, line.error])).toEqual([
      ["compute run not cleaned up", leftover.message],
      ["compute failed", "Athena query failed: SYNTAX_ERROR"],
    ]);
  });

  it("logs what the engine swept of dead runs in the run's line", async () => {
    const sweep = { runs: ["20260114t030000z_0123456789ab"], tablesDropped: 19 };
    const { summary, logger } = await computeWith({}, sweep);
    expect(summary?.scan?.sweep).toEqual(sweep);
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: "INFO",
        message: "indicators published",
        scan: expect.objectContaining({ sweep }),
      }),
    ]);
  });

  it("publishes when the sweep left something, and warns naming what is left", async () => {
    const left = {
      tables: ["equity_observatory.compute_run_20260114t030000z_0123456789ab_manifest"],
      objectsUnder: ["s3://query-results/staging/20260114t030000z_0123456789ab/"],
      reasons: ['Athena query "drop …" failed: AccessDeniedException', "S3 did not delete 1 object(s): …"],
    };
    const sweep = { runs: ["20260114t030000z_0123456789ab"], tablesDropped: 18, left };
    const { summary, error, logger } = await computeWith({}, sweep);
    expect(error).toBeUndefined();
    expect(summary).toMatchObject({ frameworkVersion: "2026.1", reports: 4, scan: { sweep } });
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: "WARN",
        message: "leftovers of dead compute runs not swept",
        runId: "20260115t030000z_9f2c4e1a7b3d",
        swept: ["20260114t030000z_0123456789ab"],
        ...left,
      }),
      expect.objectContaining({ level: "INFO", message: "indicators published" }),
    ]);
  });

  it("warns of what the sweep left when the run fails too", async () => {
    const left = {
      tables: [],
      objectsUnder: [],
      reasons: ["the compute runs' tables could not be listed, …"],
    };
    const { error, logger } = await computeWith(
      { query: /^-- participants:/ },
      { runs: [], tablesDropped: 0, left },
    );
    expect(error).toMatchObject({ message: "Athena query failed: SYNTAX_ERROR" });
    expect(logger.lines.map((line) => [line.level, line.message])).toEqual([
      ["WARN", "leftovers of dead compute runs not swept"],
      ["ERROR", "compute failed"],
    ]);
    expect(logger.lines[0]).toMatchObject(left);
  });
});
