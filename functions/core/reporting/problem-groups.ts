/**
 * Problems grouped by rule, as a to-do list: each rule a file breaks once, with how often it breaks it and where
 * first. Pure functions without Node APIs: the validator page runs them in the browser.
 */
import type { Problem, RuleCount } from "./problems.js";

/** How many problems of a rule a group shows. */
export const EXAMPLES_PER_GROUP = 3;

/** One problem of a group: where it is, and its sentence. */
export interface ProblemExample {
  /** The spreadsheet row (the header is row 1); absent for a problem of the whole file. */
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
}

/** Every problem of one rule in a file. */
export interface ProblemGroup {
  /** The rule's stable id: the code of its problems, and its id in the rule catalogue. */
  readonly rule: Problem["code"];
  readonly severity: Problem["severity"];
  /** How many problems of the rule the file has, also those not listed. */
  readonly count: number;
  /** The first problems of the rule in file order, at most {@link EXAMPLES_PER_GROUP}. */
  readonly examples: readonly ProblemExample[];
}

/**
 * Groups problems by rule (code and severity), the groups in file order of each rule's first problem (problems of
 * the whole file first), each with its count and its first {@link EXAMPLES_PER_GROUP} problems. `problems` is the
 * list validation gives (in row order); `counts`, when validation listed only the first problems of a file, how
 * often each rule was broken in all (then the closing `moreProblems` line is no group: the counts hold it). Without
 * `counts`, the list is taken as every problem.
 */
export function groupProblems(problems: readonly Problem[], counts?: readonly RuleCount[]): ProblemGroup[] {
  const listed = counts === undefined ? problems : problems.filter((p) => p.code !== "moreProblems");
  const byRule = new Map<string, { first: Problem; position: number; count: number; examples: Problem[] }>();
  listed.forEach((problem, position) => {
    const key = ruleKey(problem);
    const group = byRule.get(key) ?? { first: problem, position, count: 0, examples: [] };
    group.count++;
    if (group.examples.length < EXAMPLES_PER_GROUP) group.examples.push(problem);
    byRule.set(key, group);
  });
  for (const counted of counts ?? []) {
    const key = ruleKey(counted);
    const group = byRule.get(key);
    if (group) group.count = Math.max(group.count, counted.count);
    else
      byRule.set(key, {
        first: counted.first,
        position: Number.POSITIVE_INFINITY,
        count: counted.count,
        examples: [counted.first],
      });
  }
  return [...byRule.values()]
    .sort((a, b) => (a.first.row ?? 0) - (b.first.row ?? 0) || a.position - b.position)
    .map(({ first, count, examples }) => ({
      rule: first.code,
      severity: first.severity,
      count,
      examples: examples.map(exampleOf),
    }));
}

const ruleKey = (problem: Pick<Problem, "code" | "severity">) => `${problem.severity}:${problem.code}`;

function exampleOf({ row, column, message }: Problem): ProblemExample {
  return {
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
    message,
  };
}
