/**
 * One ingest in a fresh process, as `observatory ingest` runs it, timed without the process's start-up (and
 * without compiling the Parquet library's WebAssembly, which happens once per process whatever the lake):
 * `node bin/run-ts.mjs test/bench/one-ingest.ts LAKE UPLOADER FILE RECEIVED_AT` prints the milliseconds
 * `ingestReport` took (a fresh lake reader: the checkpoint, the entries after it, the reference data) and the
 * outcome. Used by the scale benchmark.
 */
import { readFile } from "node:fs/promises";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { ingestReport } from "../../functions/core/ingest.js";
import { LakeReader } from "../../functions/core/lake/lake-reader.js";
import { columnsOfRows, readParquetRows, writeParquet } from "../../functions/core/lake/parquet.js";
import { CURATED_TABLES } from "../../functions/core/lake/tables.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";

const [lake, uploader, file, receivedAt] = process.argv.slice(2) as [string, string, string, string];
const bytes = new Uint8Array(await readFile(file));
readParquetRows(writeParquet(CURATED_TABLES.fx_rates, columnsOfRows(CURATED_TABLES.fx_rates, [])));
const countries = bundledCountryTable();
const store = new FolderStore(lake);
const started = performance.now();
const outcome = await ingestReport(
  { store, countries, reader: new LakeReader(store) },
  { fileName: file, bytes, uploader, receivedAt: new Date(receivedAt) },
);
console.log(JSON.stringify({ ms: performance.now() - started, status: outcome.status }));
