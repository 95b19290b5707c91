import type { ScenarioMessageCode } from "../scenarios/scenario-messages.js";
import { type MessageCode, messages } from "./messages.js";

/** One thing wrong (error) or worth checking (warning) in an uploaded file. */
export interface Problem {
  readonly severity: "error" | "warning";
  /** A stable identifier of the rule, for scripts (a scenario file's rules have codes of their own). */
  readonly code: MessageCode | ScenarioMessageCode;
  /** The spreadsheet row (the header is row 1); absent for problems of the whole file. */
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
}

/** Formats a problem as `row N, column C: sentence`, the form every entry point prints. */
export function describeProblem(problem: Problem): string {
  const where = [
    problem.row === undefined ? undefined : `row ${problem.row}`,
    problem.column === undefined ? undefined : `column ${problem.column}`,
  ].filter(Boolean);
  const prefix = problem.severity === "warning" ? "warning: " : "";
  return where.length > 0
    ? `${where.join(", ")}: ${prefix}${problem.message}`
    : `${prefix}${problem.message}`;
}

/**
 * How often a file broke one rule (a code with its severity), counted over the whole file, also beyond the problems
 * listed; with the rule's first problem in row order (problems of the whole file first), listed or not.
 */
export interface RuleCount {
  readonly code: Problem["code"];
  readonly severity: Problem["severity"];
  readonly count: number;
  readonly first: Problem;
}

/**
 * Collects problems up to a limit (so that a file with a million bad rows still gets a readable answer),
 * counting all. The problems kept are the first ones of the file in row order, whatever order they were
 * found in (problems of the whole file first).
 */
export class ProblemCollector {
  /** Kept sorted by row; problems of the same row in the order they were found. */
  readonly problems: Problem[] = [];
  errorCount = 0;
  warningCount = 0;
  private readonly ruleCounts = new Map<string, { count: number; first: Problem }>();
  private columnName: (column: string) => string = (column) => column;

  constructor(private readonly limit: number) {}

  /** How the columns of the problems collected from now on are named (e.g. with their letter in a sheet). */
  nameColumns(name: (column: string) => string): void {
    this.columnName = name;
  }

  error(code: MessageCode, message: string, row?: number, column?: string): void {
    this.errorCount++;
    this.add(this.problem("error", code, message, row, column));
  }

  warning(code: MessageCode, message: string, row?: number, column?: string): void {
    this.warningCount++;
    this.add(this.problem("warning", code, message, row, column));
  }

  /** A problem with only the fields it has (no `row` or `column` set to undefined). */
  private problem(
    severity: Problem["severity"],
    code: MessageCode,
    message: string,
    row: number | undefined,
    column: string | undefined,
  ): Problem {
    const named = this.named(column);
    return {
      severity,
      code,
      message,
      ...(row === undefined ? {} : { row }),
      ...(named === undefined ? {} : { column: named }),
    };
  }

  private named(column: string | undefined): string | undefined {
    return column === undefined ? undefined : this.columnName(column);
  }

  /** Whether every problem found is listed (none was left out by the limit). */
  complete(): boolean {
    return this.errorCount + this.warningCount === this.problems.length;
  }

  /** How often each rule was broken, over the whole file, in the order the rules were first broken. */
  counts(): RuleCount[] {
    return [...this.ruleCounts.values()].map(({ count, first }) => ({
      code: first.code,
      severity: first.severity,
      count,
      first,
    }));
  }

  /** The problems in row order, with a closing line when some were left out. */
  result(): Problem[] {
    const sorted = [...this.problems];
    const omitted = this.errorCount + this.warningCount - this.problems.length;
    if (omitted > 0)
      sorted.push({ severity: "error", code: "moreProblems", message: messages.moreProblems(omitted) });
    return sorted;
  }

  private add(problem: Problem): void {
    const row = problem.row ?? 0;
    const key = `${problem.severity}:${problem.code}`;
    const counted = this.ruleCounts.get(key);
    if (!counted) this.ruleCounts.set(key, { count: 1, first: problem });
    else {
      counted.count++;
      if (row < (counted.first.row ?? 0)) counted.first = problem;
    }
    const last = this.problems.at(-1);
    if (this.problems.length >= this.limit && (last === undefined || row >= (last.row ?? 0))) return;
    let index = this.problems.length;
    while (index > 0 && ((this.problems[index - 1] as Problem).row ?? 0) > row) index--;
    this.problems.splice(index, 0, problem);
    if (this.problems.length > this.limit) this.problems.pop();
  }
}
