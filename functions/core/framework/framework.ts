import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { projectPath } from "../project-files.js";

export type Lens = "opportunities" | "power" | "outcomes" | "redistribution" | "accountability";
export type Scope = "movement" | "region" | "hub" | "country";
export type Unit = "usd" | "usd_per_editor" | "share" | "index" | "count" | "per_1k_usd" | "nats";
export type Direction = "higher_is_better" | "lower_is_better" | "context";
/** How region scope counts: by the countries of the lines and metric values, or by the seats of the hubs. */
export type RegionBasis = "lines" | "seat";

/** A target the Global Council set for an indicator: the figure should be `comparison` `value`, at `scopes`. */
export interface Target {
  readonly value: number;
  readonly comparison: ">=" | "<=";
  /** The scopes the target applies to (2026.2: movement only); absent, every scope of the indicator. */
  readonly scopes?: readonly Scope[];
}

/** One indicator of a framework version: its meaning, and the query (relative to `queries/`) that computes it. */
export interface IndicatorDefinition {
  readonly id: string;
  readonly lens: Lens;
  readonly title: string;
  readonly definition: string;
  readonly formula: string;
  readonly unit: Unit;
  readonly direction: Direction;
  readonly target: Target | null;
  readonly scopes: readonly Scope[];
  /** How region scope counts; null when the indicator has no region scope. */
  readonly region_by: RegionBasis | null;
  /** `participants`: figures at the framework's suppression scopes with fewer than k participants are suppressed. */
  readonly disclosure: "participants" | "none";
  readonly query: string;
}

export interface LensDefinition {
  readonly id: Lens;
  readonly title: string;
  readonly question: string;
}

/** A framework version's disclosure control. */
export interface Disclosure {
  readonly k_default: number;
  /** The rule in words, as published. */
  readonly rule: string;
  /** The scopes at which an outcomes figure with fewer than k participants is suppressed (never movement). */
  readonly suppression_scopes: readonly Scope[];
  /** The query (relative to `queries/`) that gives each suppressible scope instance's participants. */
  readonly participants_query: string;
}

/** One item of a version's list of changes since the previous version, as the framework page publishes it. */
export interface FrameworkChange {
  readonly text: string;
  /** The indicators the change concerns; empty when it concerns the framework as a whole. */
  readonly indicators: readonly string[];
}

/** A versioned evaluation framework, as published in `queries/framework-<version>.json`. */
export interface Framework {
  readonly version: string;
  readonly title: string;
  readonly lenses: readonly LensDefinition[];
  readonly disclosure: Disclosure;
  /** The stages (relative to `queries/`) this version runs after the shared stages of `queries/stages/`. */
  readonly stages: readonly string[];
  /** What changed since the previous version; empty for the first version. */
  readonly changes: readonly FrameworkChange[];
  readonly indicators: readonly IndicatorDefinition[];
}

/** A framework file that does not satisfy `queries/framework.schema.json` or refers to what is not there. */
export class FrameworkDefinitionError extends Error {
  constructor(
    readonly version: string,
    readonly problems: readonly string[],
  ) {
    super(`framework ${version}: ${problems.join("; ")}`);
    this.name = "FrameworkDefinitionError";
  }
}

/** A framework version that is not shipped in `queries/`. */
export class UnknownFrameworkVersionError extends Error {
  constructor(
    readonly version: string,
    readonly shipped: readonly string[],
  ) {
    super(`framework ${version} is not shipped; the shipped versions are ${shipped.join(", ")}`);
    this.name = "UnknownFrameworkVersionError";
  }
}

/** The folder that holds the SQL and the framework versions. */
export const QUERIES_DIR = projectPath("queries/");

/** The schema every framework file is validated against where it is read. */
export const FRAMEWORK_SCHEMA_FILE = "framework.schema.json";

/** Where 2026.1, whose file predates `participants_query`, finds each region's participants. */
const REGION_PARTICIPANTS_QUERY = "checks/region_participants.sql";

/** The framework file as the schema describes it: fields added in 2026.2 may be absent. */
type FrameworkFile = Omit<Framework, "disclosure" | "stages" | "changes" | "indicators"> & {
  readonly disclosure: Omit<Disclosure, "suppression_scopes" | "participants_query"> &
    Partial<Pick<Disclosure, "suppression_scopes" | "participants_query">>;
  readonly stages?: readonly string[];
  readonly changes?: readonly FrameworkChange[];
  readonly indicators: readonly (Omit<IndicatorDefinition, "region_by"> & {
    readonly region_by?: RegionBasis;
  })[];
};

const schemaValidators = new Map<string, (data: unknown) => boolean>();

function validateAgainstSchema(data: unknown, queriesDir: string): string[] {
  let validate = schemaValidators.get(queriesDir);
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(queriesDir, FRAMEWORK_SCHEMA_FILE), "utf8")) as object;
    validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    schemaValidators.set(queriesDir, validate);
  }
  if (validate(data)) return [];
  const errors = (validate as unknown as { errors?: ErrorObject[] }).errors ?? [];
  return errors.map(
    (error) => `${error.instancePath || "/"} ${error.message ?? error.keyword}${describeParams(error)}`,
  );
}

function describeParams(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (typeof params.additionalProperty === "string") return ` (${params.additionalProperty})`;
  if (Array.isArray(params.allowedValues)) return ` (${params.allowedValues.join(", ")})`;
  return "";
}

/**
 * Reads a framework version and checks it once, where it is read: against `queries/framework.schema.json`, then
 * what a schema cannot say (unique ids, existing query and stage files inside `queries/`, targets that agree
 * with the direction and lie within the indicator's scopes, region basis only with region scope). A malformed
 * framework file is a configuration error, raised at once. Fields a file written before 2026.2 lacks take the
 * meaning they had in 2026.1: no own stages, no changes, suppression at region scope only, regions by lines.
 */
export function loadFramework(version = newestFrameworkVersion(), queriesDir = QUERIES_DIR): Framework {
  const file = join(queriesDir, `framework-${version}.json`);
  if (!existsSync(file)) throw new UnknownFrameworkVersionError(version, frameworkVersions(queriesDir));
  const data: unknown = JSON.parse(readFileSync(file, "utf8"));
  const schemaProblems = validateAgainstSchema(data, queriesDir);
  if (schemaProblems.length > 0) throw new FrameworkDefinitionError(version, schemaProblems);
  const framework = normalised(data as FrameworkFile);
  const problems = semanticProblems(framework, version, queriesDir);
  if (problems.length > 0) throw new FrameworkDefinitionError(version, problems);
  return framework;
}

function normalised(file: FrameworkFile): Framework {
  return {
    ...file,
    disclosure: {
      ...file.disclosure,
      suppression_scopes: file.disclosure.suppression_scopes ?? ["region"],
      participants_query: file.disclosure.participants_query ?? REGION_PARTICIPANTS_QUERY,
    },
    stages: file.stages ?? [],
    changes: file.changes ?? [],
    indicators: file.indicators.map((indicator) => ({
      ...indicator,
      target: indicator.target && {
        ...indicator.target,
        scopes: indicator.target.scopes ?? indicator.scopes,
      },
      region_by: indicator.region_by ?? (indicator.scopes.includes("region") ? "lines" : null),
    })),
  };
}

function semanticProblems(framework: Framework, version: string, queriesDir: string): string[] {
  const problems: string[] = [];
  if (framework.version !== version) problems.push(`declares version ${framework.version}`);
  const missingFile = (path: string, what: string) => {
    const inside = normalize(path);
    if (inside.startsWith("..") || inside.startsWith("/"))
      problems.push(`${what} ${path} lies outside queries/`);
    else if (!existsSync(join(queriesDir, inside))) problems.push(`${what} ${path} does not exist`);
  };
  const ids = new Set<string>();
  for (const indicator of framework.indicators) {
    if (ids.has(indicator.id)) problems.push(`indicator ${indicator.id} is defined twice`);
    ids.add(indicator.id);
    missingFile(indicator.query, `the query of ${indicator.id},`);
    if (indicator.region_by === "seat" && !indicator.scopes.includes("region"))
      problems.push(`indicator ${indicator.id} counts regions by seat but has no region scope`);
    const target = indicator.target;
    if (target) {
      const expected = { higher_is_better: ">=", lower_is_better: "<=", context: undefined }[
        indicator.direction
      ];
      if (target.comparison !== expected)
        problems.push(
          `the target of ${indicator.id} says ${target.comparison} but its direction is ${indicator.direction}`,
        );
      if (target.scopes?.some((scope) => !indicator.scopes.includes(scope)))
        problems.push(`the target of ${indicator.id} names a scope the indicator does not have`);
    }
    if (indicator.lens !== "outcomes" && indicator.disclosure === "participants")
      problems.push(
        `indicator ${indicator.id} is suppressed by participants but is not an outcomes indicator`,
      );
  }
  for (const lens of new Set(framework.indicators.map((indicator) => indicator.lens)))
    if (!framework.lenses.some((defined) => defined.id === lens))
      problems.push(`lens ${lens} is not described`);
  if (framework.disclosure.suppression_scopes.includes("movement"))
    problems.push("the movement figure is never suppressed");
  missingFile(framework.disclosure.participants_query, "the participants query");
  const stageNames = new Set<string>();
  for (const stage of framework.stages) {
    missingFile(stage, "stage");
    const name = stageName(stage);
    if (stageNames.has(name)) problems.push(`two stages are named ${name}`);
    stageNames.add(name);
  }
  for (const change of framework.changes)
    for (const id of change.indicators)
      if (!ids.has(id)) problems.push(`a change names indicator ${id}, which this version does not define`);
  return problems;
}

/** The relation a stage file defines: its file name without the order prefix and `.sql`. */
export function stageName(path: string): string {
  return (path.split("/").at(-1) ?? path).replace(/^\d+_/, "").replace(/\.sql$/, "");
}

/** Every framework version shipped in `queries/`, oldest first. */
export function frameworkVersions(queriesDir = QUERIES_DIR): string[] {
  return readdirSync(queriesDir)
    .map((name) => /^framework-(.+)\.json$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** The newest framework version shipped in `queries/`: what is computed unless a version is asked for. */
export function newestFrameworkVersion(queriesDir = QUERIES_DIR): string {
  const newest = frameworkVersions(queriesDir).at(-1);
  if (!newest) throw new UnknownFrameworkVersionError("(newest)", []);
  return newest;
}

/** Every shipped framework version up to and including `version`, oldest first, loaded and checked. */
export function frameworkHistory(version: string, queriesDir = QUERIES_DIR): Framework[] {
  const versions = frameworkVersions(queriesDir);
  const until = versions.indexOf(version);
  if (until === -1) throw new UnknownFrameworkVersionError(version, versions);
  return versions.slice(0, until + 1).map((v) => loadFramework(v, queriesDir));
}

/**
 * Whether a figure meets its indicator's target: null when no target applies at the figure's scope or the figure
 * has no value. The direction decides the side: higher is better, value ≥ target; lower is better, value ≤ target.
 */
export function targetMet(
  indicator: IndicatorDefinition,
  figure: { readonly scope: Scope; readonly value: number | null },
): boolean | null {
  const target = indicator.target;
  if (!target || figure.value === null || !(target.scopes ?? indicator.scopes).includes(figure.scope))
    return null;
  return target.comparison === ">=" ? figure.value >= target.value : figure.value <= target.value;
}
