/**
 * One ingest in a process of its own, for the memory benchmark (`ingest-memory.ts`), so that its peak memory is
 * its own. Prints one line of JSON: the outcome, the rows, the seconds it took, the resident set size once
 * everything was loaded (before the file is read) and its peak.
 *
 *   cli:    node bin/run-ts.mjs test/bench/ingest-child.ts cli --lake DIR --as UPLOADER FILE
 *   lambda: node bin/run-ts.mjs test/bench/ingest-child.ts lambda --endpoint URL --raw BUCKET --curated BUCKET
 *           --key uploads/<hub>/<id>.csv --size BYTES
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { S3Event } from "aws-lambda";
import { lakeOnS3 } from "../../functions/adapters/aws/lake-on-s3.js";
import { createS3Client } from "../../functions/adapters/aws/s3-client.js";
import { ingestFiles } from "../../functions/cli/commands/ingest.js";
import { LakeReader } from "../../functions/core/lake/lake-reader.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { readStoredResult } from "../../functions/core/uploads/result-document.js";
import { uploadLayout } from "../../functions/core/uploads/upload-layout.js";
import { createIngestUploadHandler } from "../../functions/handlers/ingest-upload-handler.js";
import { memoryLogger } from "../../functions/handlers/log.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    lake: { type: "string" },
    as: { type: "string" },
    endpoint: { type: "string" },
    raw: { type: "string" },
    curated: { type: "string" },
    key: { type: "string" },
    size: { type: "string" },
  },
});
const [mode, file] = positionals;
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
let status: string;
let rows = 0;
let problem: string | undefined;

if (mode === "cli") {
  const [outcome] = await ingestFiles({
    lake: values.lake ?? "",
    uploader: values.as ?? "",
    files: [file ?? ""],
  });
  status = outcome?.status ?? "none";
  if (outcome?.status === "accepted") rows = outcome.entry.row_count;
  if (outcome?.status === "rejected") problem = outcome.problems[0]?.message;
} else if (mode === "lambda") {
  const client = createS3Client({
    region: "us-east-1",
    endpoint: values.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  const store = lakeOnS3({ client, rawBucket: values.raw ?? "", curatedBucket: values.curated ?? "" });
  const handler = createIngestUploadHandler({
    store,
    reader: new LakeReader(store),
    countries: bundledCountryTable(),
    uploadBucket: values.raw ?? "",
    recompute: async () => {},
    logger: memoryLogger(),
  });
  const key = values.key ?? "";
  const event = {
    Records: [
      {
        eventTime: new Date().toISOString(),
        s3: { bucket: { name: values.raw }, object: { key, size: Number(values.size) } },
      },
    ],
  } as unknown as S3Event;
  await handler(event);
  const location = uploadLayout.parseUploadKey(key);
  const result = location && (await readStoredResult(store, uploadLayout.resultKey(location)));
  status = result?.status ?? "none";
  rows = result?.report?.row_count ?? 0;
  problem = result?.status === "rejected" ? result.problems[0]?.message : undefined;
} else throw new Error(`unknown mode ${mode}`);

/**
 * The peak resident set size of this process: on Linux its own high-water mark (`VmHWM`), which starts afresh when
 * the process starts its program; `getrusage`'s would count what the parent held when it forked this process.
 */
function peakRssBytes(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // Not Linux: getrusage's figure.
  }
  return process.resourceUsage().maxRSS * 1024;
}

console.log(
  JSON.stringify({
    status,
    rows,
    problem,
    seconds: (performance.now() - started) / 1000,
    baselineRssBytes: baselineRss,
    peakRssBytes: peakRssBytes(),
    end: process.memoryUsage(),
    wasm: (await import("parquet-wasm")).wasmMemory().buffer.byteLength,
  }),
);
