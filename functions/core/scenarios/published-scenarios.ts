import type { ObjectStore } from "../../ports/object-store.js";
import type { QueryEngine } from "../../ports/query-engine.js";
import type { Framework } from "../framework/framework.js";
import type { IndicatorRow } from "../indicators/indicator-row.js";
import { LakeIntegrityError } from "../lake/integrity.js";
import type { ManifestRecord } from "../lake/manifest.js";
import { readScenario, type Scenario } from "./scenario-file.js";
import {
  inPublishedOrder,
  scenarioFiguresToCsv,
  scenarioFileNames,
  scenarioHubsToCsv,
} from "./scenario-files.js";
import {
  type ScenarioResult,
  ScenarioRun,
  type ScenarioYearSummary,
  SENSITIVITY_RATES,
  type SensitivityPoint,
} from "./scenario-run.js";

/** The index of the published scenarios: what the site lists and links, beside the files themselves. */
export const SCENARIO_INDEX_FILE = "scenarios.json";

/** One published scenario, as `scenarios.json` lists it. */
export interface ScenarioIndexEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The scenario's policy with every default written out, as the scenario file's fields name it. */
  readonly parameters: Pick<Scenario, "contribution" | "allocation">;
  /** The years it was applied to. */
  readonly years: readonly number[];
  /** The scenario file's evidence entry: the upload the figures were computed from. */
  readonly evidence: { readonly report_id: string; readonly sha256: string; readonly uploaded_at: string };
  /** The published files, beside `indicators.csv` (and in the site's `data/`). */
  readonly files: { readonly figures: string; readonly hubs: string };
  readonly summary: readonly ScenarioYearSummary[];
  /**
   * The pool and the funding Gini as the local revenue rate runs over `SENSITIVITY_RATES` (0% to 20%), the rest of
   * the scenario as it is, in each of its years: by year, then rate.
   */
  readonly sensitivity: readonly SensitivityPoint[];
}

/** `scenarios.json`: every current scenario of the lake, by id, computed with the run's framework version. */
export interface ScenarioIndex {
  readonly framework_version: string;
  readonly scenarios: readonly ScenarioIndexEntry[];
}

/** The scenarios a compute run published: the index and the text of each file it names. */
export interface PublishedScenarios {
  readonly index: ScenarioIndex;
  /** File name → CSV text. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * The current scenarios of the lake (of every scenario id, the newest upload), each read back from its curated
 * form and checked again, in id order with the manifest record that is its evidence.
 *
 * @throws LakeIntegrityError when a scenario the manifest names is missing or no longer a valid scenario.
 */
export async function currentScenarios(
  lake: ObjectStore,
  reports: readonly ManifestRecord[],
): Promise<{ scenario: Scenario; record: ManifestRecord }[]> {
  const current = reports.filter((record) => record.kind === "scenario" && record.status === "current");
  const found: { scenario: Scenario; record: ManifestRecord }[] = [];
  for (const record of current) {
    const bytes = await lake.get(record.curated_key);
    if (!bytes)
      throw new LakeIntegrityError(
        `${record.curated_key} is missing: the manifest records it for scenario report ${record.report_id}; restore it from a backup`,
        [record.curated_key],
      );
    const { scenario, problems } = readScenario(bytes);
    if (!scenario || scenario.id !== record.scenario_id)
      throw new LakeIntegrityError(
        `${record.curated_key} is not the scenario ${record.scenario_id} its manifest entry records (${problems.map((p) => p.message).join("; ") || "another id"}); restore it from a backup`,
        [record.curated_key],
      );
    found.push({ scenario, record });
  }
  return found.sort((a, b) => (a.scenario.id < b.scenario.id ? -1 : 1));
}

/**
 * Computes every current scenario of the lake on an engine that has just computed the framework's indicators
 * (`baseline`, with its stages staged), and returns the index and the files to publish. A scenario that cannot
 * be computed (its money does not balance) stops the run: nothing of it is published.
 */
export async function computePublishedScenarios(
  engine: QueryEngine,
  options: {
    readonly framework: Framework;
    readonly baseline: readonly IndicatorRow[];
    readonly lake: ObjectStore;
    readonly reports: readonly ManifestRecord[];
    readonly queriesDir?: string;
  },
): Promise<PublishedScenarios> {
  const entries: ScenarioIndexEntry[] = [];
  const files = new Map<string, string>();
  let run: ScenarioRun | undefined;
  for (const { scenario, record } of await currentScenarios(options.lake, options.reports)) {
    run ??= new ScenarioRun(engine, options.framework, options.baseline, options.queriesDir);
    const result = await run.simulate(scenario);
    const written = scenarioFilesOf(options.framework, result);
    for (const [name, text] of written) files.set(name, text);
    entries.push({
      id: scenario.id,
      title: scenario.title,
      description: scenario.description,
      parameters: { contribution: scenario.contribution, allocation: scenario.allocation },
      years: result.years,
      evidence: { report_id: record.report_id, sha256: record.sha256, uploaded_at: record.uploaded_at },
      files: scenarioFileNames(scenario.id),
      summary: result.summary,
      sensitivity: await run.sensitivity(scenario),
    });
  }
  return { index: { framework_version: options.framework.version, scenarios: entries }, files };
}

/** A scenario's two files, by name. */
export function scenarioFilesOf(framework: Framework, result: ScenarioResult): Map<string, string> {
  const names = scenarioFileNames(result.scenario.id);
  return new Map([
    [names.figures, scenarioFiguresToCsv(inPublishedOrder(framework, result.figures))],
    [names.hubs, scenarioHubsToCsv(result.hubs)],
  ]);
}

/** The bytes of `scenarios.json`: the same scenarios and figures always give the same bytes. */
export function scenarioIndexToJson(index: ScenarioIndex): string {
  return `${JSON.stringify(index, null, 1)}\n`;
}

/** Writes the scenario files and then their index to a compute run's output. */
export async function writePublishedScenarios(
  output: ObjectStore,
  published: PublishedScenarios,
): Promise<void> {
  const encoder = new TextEncoder();
  for (const [name, text] of published.files)
    await output.put(name, encoder.encode(text), { contentType: "text/csv; charset=utf-8" });
  await output.put(SCENARIO_INDEX_FILE, encoder.encode(scenarioIndexToJson(published.index)), {
    contentType: "application/json",
  });
}

/** A published scenario file that is missing (`detail` undefined) or contradicts its index. */
export class ScenarioPublicationError extends Error {
  constructor(
    readonly file: string,
    readonly detail?: string,
  ) {
    super(`${file} ${detail ?? "is missing"}; run the compute step again to publish a consistent set`);
    this.name = "ScenarioPublicationError";
  }
}

/**
 * Reads back what `writePublishedScenarios` wrote: the index and every file it names; undefined when there is no
 * index. An index of another framework version than the run's, or a file it names that is not there, is refused.
 */
export async function readPublishedScenarios(
  store: ObjectStore,
  frameworkVersion: string,
): Promise<PublishedScenarios | undefined> {
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const bytes = await store.get(SCENARIO_INDEX_FILE);
  if (!bytes) return undefined;
  let index: ScenarioIndex;
  try {
    index = JSON.parse(decode(bytes)) as ScenarioIndex;
  } catch {
    throw new ScenarioPublicationError(SCENARIO_INDEX_FILE, "is not JSON");
  }
  if (index.framework_version !== frameworkVersion || !Array.isArray(index.scenarios))
    throw new ScenarioPublicationError(
      SCENARIO_INDEX_FILE,
      `is not an index of scenarios of framework ${frameworkVersion}`,
    );
  const files = new Map<string, string>();
  for (const entry of index.scenarios) {
    const problem = sensitivityProblem(entry);
    if (problem !== undefined)
      throw new ScenarioPublicationError(SCENARIO_INDEX_FILE, `has ${problem} for ${entry.id}`);
    const expected = scenarioFileNames(entry.id);
    for (const name of [entry.files?.figures, entry.files?.hubs]) {
      if (name !== expected.figures && name !== expected.hubs)
        throw new ScenarioPublicationError(
          SCENARIO_INDEX_FILE,
          `names ${JSON.stringify(name)} for ${entry.id}`,
        );
      const file = await store.get(name);
      if (!file) throw new ScenarioPublicationError(name);
      files.set(name, decode(file));
    }
  }
  return { index, files };
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * What is wrong with an index entry's sensitivity series, if anything: it must hold, for each of the entry's
 * years in order, a point at each of `SENSITIVITY_RATES` in order, with a pool of at least 0 and a Gini that is a
 * number or null.
 */
export function sensitivityProblem(
  entry: Pick<ScenarioIndexEntry, "years" | "sensitivity">,
): string | undefined {
  const points: unknown = entry.sensitivity;
  if (!Array.isArray(points) || !Array.isArray(entry.years)) return "no sensitivity series";
  const expected = entry.years.flatMap((year) => SENSITIVITY_RATES.map((rate) => [year, rate] as const));
  if (points.length !== expected.length)
    return `a sensitivity series of ${points.length} points, not ${expected.length}`;
  for (const [i, point] of (points as Partial<Record<keyof SensitivityPoint, unknown>>[]).entries()) {
    const [year, rate] = expected[i] as readonly [number, number];
    const gini = point?.funding_gini;
    if (
      point?.year !== year ||
      point.local_revenue_rate !== rate ||
      !isNumber(point.pool_usd) ||
      point.pool_usd < 0 ||
      !(gini === null || isNumber(gini))
    )
      return `a sensitivity point ${i + 1} that is not ${year} at rate ${rate} with a pool and a Gini`;
  }
  return undefined;
}
