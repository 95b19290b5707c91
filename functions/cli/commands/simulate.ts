import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DuckDbEngine } from "../../adapters/local/duckdb-engine.js";
import { FolderStore } from "../../adapters/local/folder-store.js";
import { frameworkVersions, loadFramework, newestFrameworkVersion } from "../../core/framework/framework.js";
import { computeIndicators } from "../../core/indicators/compute.js";
import { LakeReader } from "../../core/lake/lake-reader.js";
import { bundledCountryTable } from "../../core/reference/countries.js";
import type { Problem } from "../../core/reporting/problems.js";
import { scenarioFilesOf } from "../../core/scenarios/published-scenarios.js";
import { readScenario, type Scenario } from "../../core/scenarios/scenario-file.js";
import { scenarioMessages } from "../../core/scenarios/scenario-messages.js";
import {
  type BeforeAfter,
  ScenarioBalanceError,
  type ScenarioResult,
  ScenarioRun,
  type ScenarioYearSummary,
} from "../../core/scenarios/scenario-run.js";
import { checkInputFile } from "../file-errors.js";
import { existingLake } from "../lake-folder.js";
import { problemLines } from "../outcome-text.js";
import { visible, visibleLines } from "../terminal-text.js";
import { required, UsageError } from "../usage-error.js";

/** A scenario file named to `simulate`, as read and checked. */
export interface ScenarioFileReading {
  readonly file: string;
  readonly scenario: Scenario | undefined;
  readonly problems: readonly Problem[];
}

/**
 * `observatory simulate`: applies redistribution scenarios to a local lake and writes, per scenario,
 * `scenario-<id>.csv` and `scenario-<id>-hubs.csv`, with a summary per year. A bad scenario file gets every
 * problem at once and the others still run: exit code 1 when a file was rejected or a scenario failed.
 */
export async function simulateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lake: { type: "string" },
      scenario: { type: "string", multiple: true },
      out: { type: "string" },
      framework: { type: "string" },
    },
  });
  const files = [...(values.scenario ?? []), ...positionals];
  const outcomes = await simulateFromLake(
    {
      lake: required(values.lake, "--lake"),
      out: required(values.out, "--out"),
      files,
      frameworkVersion: values.framework,
    },
    (outcome) => console.log(describeSimulation(outcome)),
  );
  return outcomes.every((outcome) => outcome.status === "written") ? 0 : 1;
}

/** What became of one scenario file named to `simulate`. */
export type SimulationOutcome =
  | { readonly status: "rejected"; readonly file: string; readonly problems: readonly Problem[] }
  | { readonly status: "unbalanced"; readonly file: string; readonly error: ScenarioBalanceError }
  | {
      readonly status: "written";
      readonly file: string;
      readonly result: ScenarioResult;
      /** The paths written, the figures first. */
      readonly written: readonly string[];
    };

/**
 * Reads and checks the scenario files, then, for the good ones, computes the framework's figures from a local
 * lake with embedded DuckDB (the newest framework unless asked) and applies each scenario, writing its two files
 * to `out`. Each outcome is handed over as soon as it is known: the rejected files first. A lake folder that does
 * not exist or holds no manifest, a scenario file that is missing and an unknown version are usage errors.
 */
export async function simulateFromLake(
  request: {
    readonly lake: string;
    readonly out: string;
    readonly files: readonly string[];
    readonly frameworkVersion?: string;
    readonly memoryLimit?: string;
  },
  onOutcome: (outcome: SimulationOutcome) => void = () => {},
): Promise<SimulationOutcome[]> {
  if (request.files.length === 0) throw new UsageError("name at least one scenario file: --scenario FILE");
  const version = request.frameworkVersion ?? newestFrameworkVersion();
  if (!frameworkVersions().includes(version))
    throw new UsageError(
      `--framework must be one of ${frameworkVersions().join(", ")}, not ${JSON.stringify(version)}`,
    );
  const lake = await existingLake(request.lake);
  for (const file of request.files) await checkInputFile(file);

  const outcomes: SimulationOutcome[] = [];
  const report = (outcome: SimulationOutcome) => {
    outcomes.push(outcome);
    onOutcome(outcome);
  };
  const reader = new LakeReader(lake);
  const { financialYears } = await reader.referenceStateAt(await reader.manifest());
  const readings = await readScenarioFiles(request.files, financialYears);
  for (const { file, scenario, problems } of readings)
    if (!scenario) report({ status: "rejected", file, problems });
  const scenarios = readings.flatMap(({ file, scenario }) => (scenario ? [{ file, scenario }] : []));
  if (scenarios.length === 0) return outcomes;

  const countries = bundledCountryTable();
  const framework = loadFramework(version);
  const output = new FolderStore(request.out);
  const engine = await DuckDbEngine.open({ lake, countries, memoryLimit: request.memoryLimit });
  try {
    const baseline = await computeIndicators(engine, framework, { countries, lake });
    const run = new ScenarioRun(engine, framework, baseline);
    for (const { file, scenario } of scenarios) {
      let result: ScenarioResult;
      try {
        result = await run.simulate(scenario);
      } catch (error) {
        if (!(error instanceof ScenarioBalanceError)) throw error;
        report({ status: "unbalanced", file, error });
        continue;
      }
      const written: string[] = [];
      for (const [name, text] of scenarioFilesOf(framework, result)) {
        await output.put(name, new TextEncoder().encode(text), { contentType: "text/csv; charset=utf-8" });
        written.push(join(request.out, name));
      }
      report({ status: "written", file, result, written });
    }
  } finally {
    await engine.close();
  }
  return outcomes;
}

/** An outcome as the terminal shows it; what the files hold is escaped. */
export function describeSimulation(outcome: SimulationOutcome): string {
  if (outcome.status === "rejected") {
    const count = outcome.problems.length;
    return visibleLines([
      `${outcome.file}: not simulated (${count} error${count === 1 ? "" : "s"}):`,
      ...problemLines(outcome.file, outcome.problems),
    ]);
  }
  if (outcome.status === "unbalanced")
    return visible(`${outcome.file}: not published: ${outcome.error.message}`);
  const { file, result, written } = outcome;
  return visibleLines([
    `${file}: scenario ${result.scenario.id} (framework ${result.frameworkVersion}) → ${written.join(", ")}`,
    ...result.summary.map(describeYear),
  ]);
}

/**
 * Reads every scenario file and checks it against the lake's years; a file whose id an earlier file already
 * has is rejected, naming that file.
 */
export async function readScenarioFiles(
  files: readonly string[],
  lakeYears: readonly number[],
): Promise<ScenarioFileReading[]> {
  const readings: ScenarioFileReading[] = [];
  const firstWithId = new Map<string, string>();
  for (const file of files) {
    const reading = readScenario(new Uint8Array(await readFile(file)), { lakeYears });
    const earlier = reading.id === undefined ? undefined : firstWithId.get(reading.id);
    if (reading.id === undefined || earlier === undefined) {
      if (reading.id !== undefined) firstWithId.set(reading.id, file);
      readings.push({ file, scenario: reading.scenario, problems: reading.problems });
      continue;
    }
    const duplicate: Problem = {
      severity: "error",
      code: "scenarioDuplicateId",
      message: scenarioMessages.scenarioDuplicateId(reading.id, earlier),
    };
    readings.push({ file, scenario: undefined, problems: [...reading.problems, duplicate] });
  }
  return readings;
}

const usd = (value: number) =>
  `${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} USD`;
const index = (figure: number | null) => (figure === null ? "none" : figure.toFixed(4));
const beforeAfter = (figure: BeforeAfter) => `${index(figure.baseline)} → ${index(figure.value)}`;

/** One year of a scenario in a line: what moved, between how many hubs, and what it did to inequality. */
export function describeYear(year: ScenarioYearSummary): string {
  return (
    `  ${year.year}: pool ${usd(year.pool_usd)} from ${year.contributing_hubs} hub${year.contributing_hubs === 1 ? "" : "s"} ` +
    `to ${year.receiving_hubs} hub${year.receiving_hubs === 1 ? "" : "s"}; funding Gini ${beforeAfter(year.funding_gini)}, ` +
    `Theil ${beforeAfter(year.funding_theil)}`
  );
}
