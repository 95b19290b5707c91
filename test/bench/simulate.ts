/**
 * The benchmark of `observatory simulate` (called from run.ts): the two example scenarios on the bench lake,
 * from cold (a new DuckDB engine stages the base facts, computes the framework's figures, then applies each
 * scenario to each of its years), beside compute's time on the same lake. Prints figures, asserts nothing.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describeSimulation, simulateFromLake } from "../../functions/cli/commands/simulate.js";
import { projectPath } from "../../functions/core/project-files.js";
import { EXAMPLE_SCENARIOS } from "../../functions/sample/ingest-plan.js";

/** Times `simulate` with the example scenarios on a lake; prints its time and its ratio to compute's. */
export async function benchSimulate(options: {
  readonly lake: string;
  readonly dir: string;
  readonly computeSeconds: number;
  readonly figure: (label: string, value: string) => void;
}): Promise<void> {
  const out = join(options.dir, "simulate");
  const started = performance.now();
  const outcomes = await simulateFromLake({
    lake: options.lake,
    out,
    files: EXAMPLE_SCENARIOS.map((file) => projectPath(file)),
    memoryLimit: "3GB",
  });
  const seconds = (performance.now() - started) / 1000;
  const years = outcomes.reduce(
    (sum, outcome) => sum + (outcome.status === "written" ? outcome.result.years.length : 0),
    0,
  );
  for (const outcome of outcomes) {
    if (outcome.status !== "written") throw new Error(describeSimulation(outcome));
    console.log(describeSimulation(outcome));
  }
  options.figure(
    "simulate 2 scenarios (DuckDB, from cold)",
    `${seconds.toFixed(2)} s (${years} scenario-years)`,
  );
  options.figure("simulate / compute", `${(seconds / options.computeSeconds).toFixed(2)}×`);
  await rm(out, { recursive: true, force: true });
}
