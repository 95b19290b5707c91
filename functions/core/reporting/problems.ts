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
 * Collects problems up to a limit (so that a file with a million bad rows still gets a readable answer),
 * counting all. The problems kept are the first ones of the file in row order, whatever order they were
 * found in (problems of the whole file first).
 */
export class ProblemCollector {
  /** Kept sorted by row; problems of the same row in the order they were found. */
  readonly problems: Problem[] = [];
  errorCount = 0;
  warningCount = 0;
  private columnName: (column: string) => string = (column) => column;

  constructor(private readonly limit: number) {}

  /** How the columns of the problems collected from now on are named (e.g. with their letter in a sheet). */
  nameColumns(name: (column: string) => string): void {
    this.columnName = name;
  }

  error(code: MessageCode, message: string, row?: number, column?: string): void {
    this.errorCount++;
    this.add({ severity: "error", code, message, row, column: this.named(column) });
  }

  warning(code: MessageCode, message: string, row?: number, column?: string): void {
    this.warningCount++;
    this.add({ severity: "warning", code, message, row, column: this.named(column) });
  }

  private named(column: string | undefined): string | undefined {
    return column === undefined ? undefined : this.columnName(column);
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
    const last = this.problems.at(-1);
    if (this.problems.length >= this.limit && (last === undefined || row >= (last.row ?? 0))) return;
    let index = this.problems.length;
    while (index > 0 && ((this.problems[index - 1] as Problem).row ?? 0) > row) index--;
    const clean = Object.fromEntries(Object.entries(problem).filter(([, v]) => v !== undefined)) as Problem;
    this.problems.splice(index, 0, clean);
    if (this.problems.length > this.limit) this.problems.pop();
  }
}
