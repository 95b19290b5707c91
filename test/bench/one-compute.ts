/**
 * One compute in a fresh process, as `observatory compute` runs it, timed without the process's start-up:
 * `node bin/run-ts.mjs test/bench/one-compute.ts LAKE OUT` prints the seconds `computeFromLake` took. Used by the
 * benchmarks, so that a compute is not timed in a process that has just held gigabytes for another, and so that
 * computes compared with each other start alike (modules loaded, nothing compiled yet).
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { computeFromLake } from "../../functions/cli/commands/compute.js";

/** The seconds of five computes of a lake, each in a fresh process (see above), in the order they ran. */
export function freshProcessComputes(lake: string, out: string): number[] {
  const runTs = fileURLToPath(new URL("../../bin/run-ts.mjs", import.meta.url));
  return [1, 2, 3, 4, 5].map(() => {
    const run = execFileSync(process.execPath, [runTs, fileURLToPath(import.meta.url), lake, out], {
      encoding: "utf8",
    });
    return (JSON.parse(run) as { seconds: number }).seconds;
  });
}

if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) await main();

async function main(): Promise<void> {
  const [lake, out] = process.argv.slice(2) as [string, string];
  const started = performance.now();
  await computeFromLake({ lake, out, memoryLimit: "3GB" });
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000 }));
}
