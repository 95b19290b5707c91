import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../project-files.js";

export type Lens = "opportunities" | "power" | "outcomes" | "redistribution" | "accountability";
export type Scope = "movement" | "region" | "hub" | "country";
export type Unit = "usd" | "usd_per_editor" | "share" | "index" | "count" | "per_1k_usd" | "nats";
export type Direction = "higher_is_better" | "lower_is_better" | "context";

/** A target the Global Council set for an indicator: the figure should be `comparison` `value`. */
export interface Target {
  readonly value: number;
  readonly comparison: ">=" | "<=";
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
  /** `participants`: region figures with fewer than k participants are suppressed. */
  readonly disclosure: "participants" | "none";
  readonly query: string;
}

export interface LensDefinition {
  readonly id: Lens;
  readonly title: string;
  readonly question: string;
}

/** A versioned evaluation framework, as published in `queries/framework-<version>.json`. */
export interface Framework {
  readonly version: string;
  readonly title: string;
  readonly lenses: readonly LensDefinition[];
  readonly disclosure: { readonly k_default: number; readonly rule: string };
  readonly indicators: readonly IndicatorDefinition[];
}

/** The folder that holds the SQL and the framework versions. */
export const QUERIES_DIR = projectPath("queries/");

const LENSES: readonly Lens[] = ["opportunities", "power", "outcomes", "redistribution", "accountability"];
const SCOPES: readonly Scope[] = ["movement", "region", "hub", "country"];

/** Reads and checks a framework version; a malformed framework file is a configuration error, raised at once. */
export function loadFramework(version = "2026.1", queriesDir = QUERIES_DIR): Framework {
  const framework = JSON.parse(
    readFileSync(join(queriesDir, `framework-${version}.json`), "utf8"),
  ) as Framework;
  const problems: string[] = [];
  if (framework.version !== version) problems.push(`declares version ${framework.version}`);
  const seen = new Set<string>();
  for (const indicator of framework.indicators) {
    if (seen.has(indicator.id)) problems.push(`indicator ${indicator.id} is defined twice`);
    seen.add(indicator.id);
    if (!LENSES.includes(indicator.lens))
      problems.push(`indicator ${indicator.id} has unknown lens ${indicator.lens}`);
    if (indicator.scopes.length === 0 || indicator.scopes.some((s) => !SCOPES.includes(s)))
      problems.push(`indicator ${indicator.id} has invalid scopes`);
    if (!indicator.title || !indicator.definition)
      problems.push(`indicator ${indicator.id} lacks a title or definition`);
  }
  if (problems.length > 0) throw new Error(`framework ${version}: ${problems.join("; ")}`);
  return framework;
}

/** Every framework version shipped in `queries/`, oldest first. */
export function frameworkVersions(queriesDir = QUERIES_DIR): string[] {
  return readdirSync(queriesDir)
    .map((name) => /^framework-(.+)\.json$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** Every shipped framework version up to and including `version`, oldest first, loaded and checked. */
export function frameworkHistory(version: string, queriesDir = QUERIES_DIR): Framework[] {
  const versions = frameworkVersions(queriesDir);
  const until = versions.indexOf(version);
  if (until === -1) throw new Error(`framework ${version} is not shipped in ${queriesDir}`);
  return versions.slice(0, until + 1).map((v) => loadFramework(v, queriesDir));
}
