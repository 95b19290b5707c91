/**
 * The benchmark: `npm run bench [-- --lines N] [--reports N] [--keep]`. Generates a large movement (default about
 * one million financial lines; `--lines 10000000` for ten million), ingests it, computes every indicator of every
 * shipped framework version (the newest last, whose figures the dashboards are built from), and runs
 * the same heavy aggregation as one hand-written DuckDB query over the same Parquet for comparison. Prints
 * throughput, times and peak memory, ingest beside DuckDB's own CSV → Parquet copy of the same files, and the CLI's
 * start-up time. `--reports N` adds the movement-scale section (`scale.ts`): a lake of N small reports, one more
 * ingest as it grows, compute before and after compaction. Then the ingest of single large files (CSV of 16, 64 and
 * 256 MiB, workbooks), each in a process of its own, with its peak memory (`ingest-memory.ts`; `--ingest-sizes 16,64`
 * to choose, `--no-ingest-memory` to skip). Not part of `npm test`: speed is measured here, never asserted.
 */
import { rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { buildSiteFromPublished } from "../../functions/cli/commands/build.js";
import { computeFromLake } from "../../functions/cli/commands/compute.js";
import { frameworkVersions, newestFrameworkVersion } from "../../functions/core/framework/framework.js";
import type { PublishedIndicators } from "../../functions/core/indicators/publish-indicators.js";
import { generateSample } from "../../functions/sample/generate.js";
import { ingestSamplePlan } from "../../functions/sample/ingest-plan.js";
import { cliStartupSeconds, duckdbCopySeconds, median } from "./ingest-baseline.js";
import { ingestMemoryBench } from "./ingest-memory.js";
import { freshProcessComputes } from "./one-compute.js";
import { pageWeights } from "./page-weight.js";
import { scaleBench } from "./scale.js";
import { benchSimulate } from "./simulate.js";

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "1000000" },
    dir: { type: "string", default: join(".observatory", "bench") },
    keep: { type: "boolean", default: false },
    reports: { type: "string" },
    "ingest-sizes": { type: "string", default: "16,64,256" },
    "no-ingest-memory": { type: "boolean", default: false },
  },
});
const lines = Number(values.lines);
const dir = values.dir;
const seconds = (since: number) => (performance.now() - since) / 1000;
const figure = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MiB`;

await rm(dir, { recursive: true, force: true });
console.log(
  `Equity Observatory benchmark: ~${lines.toLocaleString("en")} financial lines, Node ${process.version}`,
);

let started = performance.now();
const sample = await generateSample({ outDir: join(dir, "samples"), seed: 7, financialLines: lines });
figure(
  "generate sample",
  `${seconds(started).toFixed(1)} s (${sample.uploads.length} files, ${mib(sample.bytes)})`,
);

let ingestedRows = 0;
started = performance.now();
for await (const { upload, outcome } of ingestSamplePlan(
  join(dir, "samples"),
  sample.uploads,
  join(dir, "lake"),
)) {
  if (outcome.status !== upload.expect)
    throw new Error(`${upload.file}: ${outcome.status}, expected ${upload.expect}`);
  if (outcome.status === "accepted") ingestedRows += outcome.entry.row_count;
}
const ingestSeconds = seconds(started);
figure("ingest (validate + raw + Parquet + manifest)", `${ingestSeconds.toFixed(1)} s`);
const copySeconds = await duckdbCopySeconds(
  sample.uploads.filter((u) => u.expect === "accepted").map((u) => join(dir, "samples", u.file)),
  join(dir, "duckdb-copy"),
);
figure(
  "DuckDB read_csv → COPY (FORMAT parquet)",
  `${copySeconds.toFixed(1)} s (ingest takes ${(ingestSeconds / copySeconds).toFixed(1)}×)`,
);
figure(
  "ingest throughput",
  `${Math.round(ingestedRows / ingestSeconds).toLocaleString("en")} rows/s (${ingestedRows.toLocaleString("en")} rows)`,
);

const computeSecondsByVersion = new Map<string, number>();
let published: PublishedIndicators | undefined;
for (const frameworkVersion of frameworkVersions()) {
  started = performance.now();
  published = await computeFromLake({
    lake: join(dir, "lake"),
    out: join(dir, "out", frameworkVersion),
    memoryLimit: "3GB",
    frameworkVersion,
  });
  computeSecondsByVersion.set(frameworkVersion, seconds(started));
  figure(
    `compute framework ${frameworkVersion} (DuckDB, from cold)`,
    `${seconds(started).toFixed(2)} s (${published.rows.length} rows)`,
  );
}
if (!published) throw new Error("no framework version is shipped");
const newest = newestFrameworkVersion();
const computeSeconds = computeSecondsByVersion.get(newest) ?? Number.NaN;
for (const [version, time] of computeSecondsByVersion)
  if (version !== newest)
    figure(`compute ${newest} / compute ${version}`, `${(computeSeconds / time).toFixed(2)}×`);

const freshRuns = freshProcessComputes(join(dir, "lake"), join(dir, "out", "fresh"));
const freshComputeSeconds = median(freshRuns);
figure(
  `compute ${newest}, in a fresh process`,
  `${freshComputeSeconds.toFixed(2)} s (median of ${freshRuns.map((run) => run.toFixed(2)).join(", ")} s; modules loaded, nothing compiled: as the movement-scale computes are timed)`,
);

started = performance.now();
const instance = await DuckDBInstance.create(":memory:", {
  autoinstall_known_extensions: "false",
  memory_limit: "3GB",
});
const connection = await instance.connect();
const lake = resolve(dir, "lake");
const handWritten = `
  WITH manifest AS (SELECT * FROM read_json($manifest, format = 'newline_delimited')),
  current AS (SELECT report_id FROM manifest WHERE kind = 'financial' QUALIFY row_number() OVER (PARTITION BY hub_id, period ORDER BY seq DESC) = 1),
  fx AS (SELECT f.currency, f.year, arg_max(f.usd_per_unit, m.seq) AS rate FROM read_parquet($fx) f JOIN manifest m USING (report_id) GROUP BY ALL)
  SELECT f.year, f.country,
    sum(f.amount::DOUBLE * coalesce(fx.rate, 1)) FILTER (WHERE f.flow = 'expense' OR f.category IN ('team_grant', 'individual_grant')) AS deployed_usd,
    sum(f.amount::DOUBLE * coalesce(fx.rate, 1)) FILTER (WHERE f.category IN ('online_fundraising', 'local_fundraising', 'earned_income', 'external_grant')) AS raised_usd
  FROM read_parquet($financial) f SEMI JOIN current USING (report_id)
  LEFT JOIN fx ON fx.currency = f.currency AND fx.year = f.year
  GROUP BY ALL`;
const reader = await connection.runAndReadAll(handWritten, {
  manifest: join(lake, "manifest", "*.json"),
  fx: join(lake, "curated", "fx_rates", "*.parquet"),
  financial: join(lake, "curated", "financial", "**", "*.parquet"),
});
const handSeconds = seconds(started);
connection.closeSync();
instance.closeSync();
figure(
  "hand-written DuckDB query (same aggregates)",
  `${handSeconds.toFixed(2)} s (${reader.currentRowCount} rows)`,
);
figure(`compute ${newest} minus hand-written query`, `${(computeSeconds - handSeconds).toFixed(2)} s`);
await benchSimulate({ lake: join(dir, "lake"), dir, computeSeconds, figure });

started = performance.now();
const site = await buildSiteFromPublished(published, join(dir, "site"));
figure(
  "build dashboards (all languages)",
  `${seconds(started).toFixed(2)} s (${site.pages.length} pages, ${site.specs} charts)`,
);
console.log("page weight per page type (what a first visit transfers: page, stylesheet, script, chart data)");
for (const weight of await pageWeights(join(dir, "site"), site.pages)) {
  figure(`  ${weight.type} (${weight.pages} pages, e.g. ${weight.example})`, weight.summary);
}

figure("lake size (curated Parquet)", mib(await folderSize(join(dir, "lake", "curated"))));
figure("CLI start-up (observatory --version)", `${(cliStartupSeconds() * 1000).toFixed(0)} ms`);
if (values.reports)
  await scaleBench({
    reports: Number(values.reports),
    dir,
    figure,
    millionLineComputeSeconds: freshComputeSeconds,
  });
figure("peak memory (RSS of this process)", mib(process.resourceUsage().maxRSS * 1024));
if (!values.keep) await rm(dir, { recursive: true, force: true });

if (!values["no-ingest-memory"])
  await ingestMemoryBench({
    dir: join(dir, "ingest-memory"),
    sizesMiB: values["ingest-sizes"].split(",").map(Number),
    print: figure,
  });

async function folderSize(path: string): Promise<number> {
  const { readdir } = await import("node:fs/promises");
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}
