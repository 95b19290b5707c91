import type { MessageCode } from "../messages.js";
import type { Problem } from "../problems.js";
import { columnLetters } from "./cell-reference.js";

/**
 * Why a workbook's first sheet cannot be read, as the one problem the uploader gets. Reading stops at the first
 * such error: the records read before it are the sheet's up to that point.
 */
export abstract class WorkbookError extends Error {
  readonly problem: Problem;

  protected constructor(code: MessageCode, message: string, row?: number, column?: number) {
    super(message);
    this.name = new.target.name;
    this.problem = Object.freeze({
      severity: "error",
      code,
      message,
      ...(row === undefined ? {} : { row }),
      ...(column === undefined ? {} : { column: columnLetters(column) }),
    });
  }
}

/** The archive or one of its parts is not what a workbook holds: broken zip structure, XML or references. */
export class DamagedWorkbookError extends WorkbookError {
  constructor(code: "workbookUnreadable" | "damagedArchive", message: string) {
    super(code, message);
  }
}

/** One of the {@link WorkbookLimits} was reached; `limit` names it. */
export class WorkbookLimitError extends WorkbookError {
  constructor(
    readonly limit: string,
    code: MessageCode,
    message: string,
    row?: number,
    column?: number,
  ) {
    super(code, message, row, column);
  }
}

/** A cell holds a formula but the file does not hold the formula's value (it is never calculated here). */
export class FormulaWithoutValueError extends WorkbookError {
  constructor(message: string, row: number, column: number) {
    super("formulaWithoutValue", message, row, column);
  }
}

/** The first sheet is not a table that holds a report: a chart, a hidden sheet, an empty one. */
export class FirstSheetError extends WorkbookError {
  constructor(code: "firstSheetNotTable" | "firstSheetHidden" | "emptySheet", message: string) {
    super(code, message);
  }
}
