import type { ManifestEntry } from "../core/lake/manifest.js";
import { describeProblem, type Problem } from "../core/reporting/problems.js";
import { visible, visibleLines } from "./terminal-text.js";

/**
 * Each problem of a file as `FILE: row N, column C: sentence`, one line each: what the file holds (its name,
 * column names, values) is escaped with `visible`, so it can neither steer the terminal nor start a line.
 */
export function problemLines(file: string, problems: readonly Problem[]): string[] {
  return problems.map((problem) => visible(`${file}: ${describeProblem(problem)}`));
}

/** A rejected file: how many errors it has (listed or not), then every problem listed. */
export function describeRejection(file: string, problems: readonly Problem[], errorCount: number): string {
  return visibleLines([
    `${file}: rejected, nothing was changed (${errorCount} error${errorCount === 1 ? "" : "s"}):`,
    ...problemLines(file, problems),
  ]);
}

/** What a report is, e.g. `financial report of wm-ng for 2025`, `hubs reference data` or `scenario x`. */
export function describeReport(
  entry: Pick<ManifestEntry, "kind" | "hub_id" | "period" | "scenario_id">,
): string {
  if (entry.kind === "scenario") return `scenario ${entry.scenario_id}`;
  return entry.hub_id
    ? `${entry.kind} report of ${entry.hub_id} for ${entry.period}`
    : `${entry.kind} reference data`;
}

/** How an accepted report stands to the others of its period, as a clause to append (or nothing). */
export function describeSuccession(supersedes: string | null, supersededBy: string | null): string {
  if (supersedes) return `; it supersedes report ${supersedes}, which stays as evidence`;
  if (supersededBy) return `; report ${supersededBy}, uploaded later, stays current for this period`;
  return "";
}
