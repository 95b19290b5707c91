/**
 * The compute and publish steps of the workflow. Athena cannot run here, so the compute handler is given the
 * embedded DuckDB engine over a folder lake: the handler is engine-agnostic, and the Athena engine and the SQL's
 * Athena form are tested on their own (test/adapters/aws, staged-run.test.ts among them).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { athenaTables, COUNTRIES_KEY } from "../../functions/adapters/aws/athena-tables.js";
import { DuckDbEngine } from "../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { indicatorsFromCsv } from "../../functions/core/indicators/indicators-file.js";
import { compactLake, UnfinishedCompactionError } from "../../functions/core/lake/compaction.js";
import { readParquetRows } from "../../functions/core/lake/parquet.js";
import { bundledCountryTable, countryRelationRows } from "../../functions/core/reference/countries.js";
import { createComputeIndicatorsHandler } from "../../functions/handlers/compute-indicators-handler.js";
import { memoryLogger } from "../../functions/handlers/log.js";
import { createPublishSiteHandler } from "../../functions/handlers/publish-site-handler.js";
import type { ObjectStore, PutOptions } from "../../functions/ports/object-store.js";
import type { UploadConfig } from "../../site/client/upload/upload-config.js";
import { contentHash } from "../../site/web/assets.js";
import { financialCsv, impactCsv, lakeWithReference } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

/** A folder store that also remembers the content type and Cache-Control each key was written with, as S3 would. */
function recordingStore(root: string): ObjectStore & {
  contentTypes: Map<string, string | undefined>;
  cacheControls: Map<string, string | undefined>;
  puts: string[];
} {
  const folder = new FolderStore(root);
  const contentTypes = new Map<string, string | undefined>();
  const cacheControls = new Map<string, string | undefined>();
  const puts: string[] = [];
  return Object.assign(Object.create(folder) as FolderStore, {
    contentTypes,
    cacheControls,
    puts,
    async put(key: string, body: Uint8Array, options?: PutOptions) {
      puts.push(key);
      contentTypes.set(key, options?.contentType);
      cacheControls.set(key, options?.cacheControl);
      await folder.put(key, body, options);
    },
  });
}

async function publishedLake(frameworkVersion?: string) {
  const root = await tempDir();
  const lake = await lakeWithReference(root);
  await lake.ingest(
    financialCsv("wm-ng", "2025", [
      "expense,programs,1000000,NGN,NG,,",
      "revenue,movement_allocation,1500,USD,US,,",
    ]),
    "wm-ng",
  );
  await lake.ingest(impactCsv("wm-ng", "2025", ["NG,participants,40,", "NG,active_editors,12,"]), "wm-ng");
  const published = recordingStore(join(root, "published"));
  const logger = memoryLogger();
  const compute = createComputeIndicatorsHandler({
    lake: lake.store,
    published,
    openEngine: () => DuckDbEngine.open({ lake: lake.store, countries: bundledCountryTable() }),
    countries: bundledCountryTable(),
    logger,
    frameworkVersion,
  });
  return { root, lake, published, logger, summary: await compute() };
}

describe("compute step", () => {
  it("refuses a lake whose compaction was interrupted, before opening the engine", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    await lake.ingest(financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]), "wm-ng");
    const killed: ObjectStore = Object.assign(Object.create(lake.store) as FolderStore, {
      delete: async () => {
        throw new Error("killed before deleting what it absorbed");
      },
    });
    await expect(compactLake(killed)).rejects.toThrow("killed");
    let opened = false;
    const compute = createComputeIndicatorsHandler({
      lake: lake.store,
      published: new FolderStore(await tempDir()),
      openEngine: () => {
        opened = true;
        return DuckDbEngine.open({ lake: lake.store, countries: bundledCountryTable() });
      },
      countries: bundledCountryTable(),
      logger: memoryLogger(),
    });
    await expect(compute()).rejects.toBeInstanceOf(UnfinishedCompactionError);
    expect(opened).toBe(false);
    await compactLake(lake.store);
    await expect(compute()).resolves.toMatchObject({ reports: 3 });
  });

  it("publishes the indicators and the evidence list, and says how many it computed", async () => {
    const { published, summary } = await publishedLake();
    const csv = new TextDecoder().decode(await published.get("indicators.csv"));
    const rows = indicatorsFromCsv(csv);
    expect(summary).toEqual({ frameworkVersion: "2026.2", indicatorRows: rows.length, reports: 4 });
    expect(new Set(rows.map((r) => r.framework_version))).toEqual(new Set(["2026.2"]));
    expect(
      rows.find((r) => r.indicator === "deployed_usd" && r.scope === "movement" && r.year === 2025)?.value,
    ).toBe(650);
    expect(published.contentTypes.get("indicators.csv")).toBe("text/csv; charset=utf-8");
    const reports = JSON.parse(new TextDecoder().decode(await published.get("reports.json"))) as {
      status: string;
    }[];
    expect(reports.map((r) => r.status)).toEqual(["current", "current", "current", "current"]);
  });

  it("computes the framework version of its configuration", async () => {
    const { published, summary } = await publishedLake("2026.1");
    const rows = indicatorsFromCsv(new TextDecoder().decode(await published.get("indicators.csv")));
    expect(summary.frameworkVersion).toBe("2026.1");
    expect(new Set(rows.map((r) => r.framework_version))).toEqual(new Set(["2026.1"]));
  });

  it("writes the country table where Athena's countries table reads it, with the columns the catalog declares", async () => {
    const { lake } = await publishedLake();
    const bytes = await lake.store.get(COUNTRIES_KEY);
    if (!bytes) throw new Error(`${COUNTRIES_KEY} was not written`);
    expect(readParquetRows(bytes)).toEqual(countryRelationRows(bundledCountryTable()));

    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const described = await connection.runAndReadAll("DESCRIBE SELECT * FROM read_parquet($1)", [
        lake.store.locate(COUNTRIES_KEY),
      ]);
      const declared = athenaTables().find((t) => t.name === "countries");
      expect(described.getRowObjectsJS().map((r) => [r.column_name, r.column_type])).toEqual(
        declared?.columns.map((c) => [c.name, c.type === "string" ? "VARCHAR" : c.type]),
      );
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe("publish step", () => {
  it("builds the dashboards from the published indicators into the site store, each file with its content type and caching", async () => {
    const { root, published } = await publishedLake();
    const site = recordingStore(join(root, "site"));
    const logger = memoryLogger();
    const publish = createPublishSiteHandler({
      published,
      site,
      countries: bundledCountryTable(),
      logger,
      clock: () => new Date("2026-11-20T12:00:00Z"),
      clientFiles: async () => ({ "site.js": "/* site.js */" }),
      supersededFilesGraceDays: 7,
    });
    const built = await publish();
    expect(built.pages).toBeGreaterThan(3);
    const index = await readFile(join(root, "site", "index.html"), "utf8");
    const stylesheet = /href="(style\.[0-9a-f]{10}\.css)"/.exec(index)?.[1] ?? "style.css";
    const script = `site.${contentHash("/* site.js */")}.js`;
    expect(site.contentTypes.get("index.html")).toBe("text/html; charset=utf-8");
    expect(site.contentTypes.get(stylesheet)).toBe("text/css; charset=utf-8");
    expect(site.contentTypes.get(script)).toBe("text/javascript; charset=utf-8");
    expect(site.contentTypes.get("ar/evidence.html")).toBe("text/html; charset=utf-8");
    expect(site.cacheControls.get("index.html")).toBe("no-cache");
    expect(site.cacheControls.get("fr/evidence.html")).toBe("no-cache");
    expect(site.cacheControls.get(stylesheet)).toBe("public, max-age=31536000, immutable");
    expect(site.cacheControls.get(script)).toBe("public, max-age=31536000, immutable");
    expect(index).toContain("2026-11-20");
    expect(logger.lines.at(-1)).toMatchObject({ message: "site published", pages: built.pages });
    expect(site.puts).not.toContain("upload-config.json");
    expect(await readFile(join(root, "site", "check.html"), "utf8")).not.toContain("check-upload");
  });

  it("with upload settings, publishes them through the site build: upload-config.json once, and validator pages that may reach them", async () => {
    const { root, published } = await publishedLake();
    const site = recordingStore(join(root, "site"));
    const uploadConfig: UploadConfig = {
      version: 1,
      region: "eu-west-1",
      api_url: "https://abc123.execute-api.eu-west-1.amazonaws.com",
      sign_in_url: "https://observatory.auth.eu-west-1.amazoncognito.com",
      client_id: "4sq0a2b7c1d8e9f0g3h5i6j7k8",
      upload_origin: "https://raw.s3.eu-west-1.amazonaws.com",
      redirect_paths: ["/check.html", "/es/check.html", "/fr/check.html", "/ar/check.html"],
    };
    const publish = createPublishSiteHandler({
      published,
      site,
      countries: bundledCountryTable(),
      logger: memoryLogger(),
      clientFiles: async () => ({ "site.js": "/* site.js */" }),
      supersededFilesGraceDays: 7,
      uploadConfig,
    });
    await publish();
    expect(site.puts.filter((key) => key === "upload-config.json")).toHaveLength(1);
    expect(site.contentTypes.get("upload-config.json")).toBe("application/json; charset=utf-8");
    expect(site.cacheControls.get("upload-config.json")).toBe("no-cache");
    expect(await readFile(join(root, "site", "upload-config.json"), "utf8")).toBe(
      `${JSON.stringify(uploadConfig, null, 2)}\n`,
    );
    for (const page of ["check.html", "es/check.html", "fr/check.html", "ar/check.html"]) {
      const markup = await readFile(join(root, "site", page), "utf8");
      expect(markup).toContain('<section id="check-upload"');
      expect(markup).toContain(
        "connect-src &#39;self&#39; https://abc123.execute-api.eu-west-1.amazonaws.com https://observatory.auth.eu-west-1.amazoncognito.com https://raw.s3.eu-west-1.amazonaws.com;",
      );
    }
    expect(await readFile(join(root, "site", "index.html"), "utf8")).toContain("connect-src &#39;self&#39;;");
  });

  it("refuses to publish before anything was computed", async () => {
    const root = await tempDir();
    const publish = createPublishSiteHandler({
      published: new FolderStore(join(root, "published")),
      site: new FolderStore(join(root, "site")),
      countries: bundledCountryTable(),
      logger: memoryLogger(),
      clientFiles: async () => ({ "site.js": "/* site.js */" }),
      supersededFilesGraceDays: 7,
    });
    await expect(publish()).rejects.toThrow(/indicators.csv has not been published yet/);
  });
});
