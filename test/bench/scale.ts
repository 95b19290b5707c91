/**
 * The movement-scale benchmark (`npm run bench -- --reports 40000`): a lake of many small reports (see
 * `ScaleLake`), the time of one more ingest as the lake grows (it must stay flat), and compute before and after
 * `observatory compact`. Prints figures; asserts only that compaction leaves the published figures unchanged.
 */
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { computeFromLake } from "../../functions/cli/commands/compute.js";
import { compactLake } from "../../functions/core/lake/compaction.js";
import { median } from "./ingest-baseline.js";
import { freshProcessComputes } from "./one-compute.js";
import { ScaleLake } from "./scale-lake.js";

const BIN = fileURLToPath(new URL("../../bin/observatory.mjs", import.meta.url));
const RUN_TS = fileURLToPath(new URL("../../bin/run-ts.mjs", import.meta.url));
const ONE_INGEST = fileURLToPath(new URL("./one-ingest.ts", import.meta.url));

export interface ScaleBenchOptions {
  /** How many hub reports the lake grows to. */
  readonly reports: number;
  readonly dir: string;
  readonly figure: (label: string, value: string) => void;
  /** The default benchmark's compute of about a million lines in a fresh process, in seconds, to compare with. */
  readonly millionLineComputeSeconds?: number;
}

/** Entries a reader finds after the newest checkpoint: half the checkpoint interval, the average an ingest sees. */
const TAIL = 50;
const seconds = (since: number) => (performance.now() - since) / 1000;
const ms = (value: number) => `${Math.round(value * 1000).toLocaleString("en")} ms`;

export async function scaleBench(options: ScaleBenchOptions): Promise<void> {
  const { figure } = options;
  const root = join(options.dir, "scale-lake");
  await rm(root, { recursive: true, force: true });
  console.log(
    `movement scale: ${options.reports.toLocaleString("en")} small reports (500 hubs, quarterly, financial and impact, 2016-2025)`,
  );
  const lake = new ScaleLake(root);
  await lake.start();
  const marks = [
    ...new Set([1000, 10_000, 40_000, options.reports].filter((mark) => mark <= options.reports)),
  ].sort((a, b) => a - b);
  let generating = 0;
  for (const mark of marks) {
    const started = performance.now();
    await lake.writeUntil(mark);
    await lake.checkpoint(TAIL);
    generating += seconds(started);
    // The generator writes without flushing; flush now, so that the measured ingest's own flushes do not pay for it.
    execFileSync("sync");
    const inProcess: number[] = [];
    const viaCli: number[] = [];
    for (const [index, hub] of [0, 1, 2, 3, 4, 5].entries()) {
      const { text, uploader } = lake.correction(mark - 1000 + hub * 2, mark);
      const file = join(options.dir, `correction-${hub}.csv`);
      await writeFile(file, text);
      const receivedAt = lake.at(1e6 + mark + hub).toISOString();
      if (index < 3) {
        const run = execFileSync(process.execPath, [RUN_TS, ONE_INGEST, root, uploader, file, receivedAt], {
          encoding: "utf8",
        });
        const { ms: took, status } = JSON.parse(run) as { ms: number; status: string };
        if (status !== "accepted") throw new Error(`measured ingest: ${status}`);
        inProcess.push(took / 1000);
      } else {
        const begun = performance.now();
        execFileSync(process.execPath, [BIN, "ingest", "--lake", root, "--as", uploader, file], {
          stdio: "ignore",
        });
        viaCli.push(seconds(begun));
      }
    }
    await lake.followIngest();
    figure(
      `one more ingest at ${mark.toLocaleString("en")} reports`,
      `${ms(median(inProcess))} ingestReport in a fresh process, ${ms(median(viaCli))} observatory ingest (start-up included); medians of 3`,
    );
  }
  figure("generate the lake (validated, real writers)", `${generating.toFixed(1)} s`);

  let started = performance.now();
  const before = await computeFromLake({
    lake: root,
    out: join(options.dir, "scale-before"),
    memoryLimit: "3GB",
  });
  const beforeSeconds = seconds(started);
  figure(
    `compute, ${lake.hubReports.toLocaleString("en")} small reports`,
    `${beforeSeconds.toFixed(2)} s (${before.rows.length} rows)`,
  );

  started = performance.now();
  const summary = await compactLake(new FolderStore(root));
  const compacted = summary.years.filter((year) => year.status === "compacted");
  figure(
    "compact",
    `${seconds(started).toFixed(1)} s (${summary.years.reduce((n, y) => n + y.deleted.length, 0).toLocaleString("en")} files into ${compacted.length})`,
  );

  const runs = freshProcessComputes(root, join(options.dir, "scale-after"));
  const afterSeconds = median(runs);
  const same = await Promise.all(
    ["indicators.csv", "dashboard.json", "reports.json"].map(
      async (name) =>
        (await readFile(join(options.dir, "scale-before", name), "utf8")) ===
        (await readFile(join(options.dir, "scale-after", name), "utf8")),
    ),
  );
  if (same.includes(false)) throw new Error("compaction changed the published figures");
  figure(
    "compute after compaction",
    `${afterSeconds.toFixed(2)} s (median of ${runs.map((run) => run.toFixed(2)).join(", ")} s, each in a fresh process; indicators.csv, dashboard.json, reports.json identical)${
      options.millionLineComputeSeconds
        ? `; ${(afterSeconds / options.millionLineComputeSeconds).toFixed(2)}× the million-line compute in a fresh process`
        : ""
    }`,
  );
}
