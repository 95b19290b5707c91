import type { ManifestEntry } from "../core/lake/manifest.js";
import { describeProblem, type Problem } from "../core/reporting/problems.js";

/** Each problem of a file as `FILE: row N, column C: sentence`. */
export function problemLines(file: string, problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${file}: ${describeProblem(problem)}`);
}

/** A rejected file: the count of its errors, then every problem. */
export function describeRejection(file: string, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  return [
    `${file}: rejected, nothing was changed (${errors} problem${errors === 1 ? "" : "s"}):`,
    ...problemLines(file, problems),
  ].join("\n");
}

/** What a report is, e.g. `financial report of wm-ng for 2025` or `hubs reference data`. */
export function describeReport(entry: Pick<ManifestEntry, "kind" | "hub_id" | "period">): string {
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
