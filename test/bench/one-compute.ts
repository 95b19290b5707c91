/**
 * One compute in a fresh process, as `observatory compute` runs it, timed without the process's start-up:
 * `node bin/run-ts.mjs test/bench/one-compute.ts LAKE OUT` prints the seconds `computeFromLake` took. Used by the
 * scale benchmark, so that a compute is not timed in a process that has just held gigabytes for another.
 */
import { computeFromLake } from "../../functions/cli/commands/compute.js";

const [lake, out] = process.argv.slice(2) as [string, string];
const started = performance.now();
await computeFromLake({ lake, out, memoryLimit: "3GB" });
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000 }));
