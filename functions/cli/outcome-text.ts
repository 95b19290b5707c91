import type { ManifestEntry } from "../core/lake/manifest.js";
import type { ProblemExample, ProblemGroup } from "../core/reporting/problem-groups.js";
import { describeProblem, type Problem } from "../core/reporting/problems.js";
import { visible, visibleLines } from "./terminal-text.js";

/**
 * The problems of a file grouped by rule, each group led by its rule id: a rule broken once as
 * `FILE: RULE — row N, column C: sentence`; a rule broken more often as
 * `FILE: RULE — 12 problems, first at row N, column C: sentence`, its next examples indented below it and a count of
 * the rest. What the file holds (its name, column names, values) is escaped with `visible`, so it can neither steer
 * the terminal nor start a line.
 */
export function problemLines(file: string, groups: readonly ProblemGroup[]): string[] {
  return groups.flatMap((group) => groupLines(group).map((line) => visible(`${file}: ${line}`)));
}

function groupLines(group: ProblemGroup): string[] {
  const [first, ...others] = group.examples;
  if (!first) return [];
  const warning = group.severity === "warning";
  if (group.count === 1)
    return [`${group.rule} — ${place(first)}${warning ? "warning: " : ""}${first.message}`];
  const what = `${group.count.toLocaleString("en-US")} ${warning ? "warnings" : "problems"}`;
  const firstAt =
    first.row === undefined && first.column === undefined ? "first: " : `first at ${place(first)}`;
  const rest = group.count - group.examples.length;
  return [
    `${group.rule} — ${what}, ${firstAt}${first.message}`,
    ...others.map((example) => `  ${place(example)}${example.message}`),
    ...(rest > 0 ? [`  …and ${rest.toLocaleString("en-US")} more`] : []),
  ];
}

/** Where a problem is, as `row N, column C: ` (empty for a problem of the whole file). */
function place(example: ProblemExample): string {
  const where = [
    example.row === undefined ? undefined : `row ${example.row}`,
    example.column === undefined ? undefined : `column ${example.column}`,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(", ")}: ` : "";
}

/** Each problem as `FILE: row N, column C: sentence`, one line each, escaped as {@link problemLines} does. */
export function problemListLines(file: string, problems: readonly Problem[]): string[] {
  return problems.map((problem) => visible(`${file}: ${describeProblem(problem)}`));
}

/** A rejected file: how many errors it has (listed or not), then its problems grouped by rule. */
export function describeRejection(file: string, groups: readonly ProblemGroup[], errorCount: number): string {
  return visibleLines([
    `${file}: rejected, nothing was changed (${errorCount.toLocaleString("en-US")} error${errorCount === 1 ? "" : "s"}):`,
    ...problemLines(file, groups),
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
