import type { CsvRecord } from "../csv.js";
import { messages } from "../messages.js";
import { cellName } from "./cell-reference.js";
import { FirstSheetError, WorkbookLimitError } from "./errors.js";
import type { WorkbookLimits } from "./limits.js";

/**
 * The first sheet of a workbook. `records()` reads it as a stream: each row that holds a value becomes a record of
 * the shape the CSV parser gives (the sheet's own row number, row 1 being the first row; fields by column, A
 * first), so the same validation runs on both. The first record is the header. Reading throws a
 * {@link WorkbookError} when it meets something it cannot read or a limit, after the records before it.
 */
export interface Sheet {
  readonly format: "xlsx" | "ods";
  readonly name: string;
  records(): Generator<CsvRecord, void, undefined>;
}

/** A row as a sheet stores it: in OpenDocument one row element may stand for several identical rows. */
export interface RowRun {
  readonly row: number;
  readonly fields: string[];
  readonly repeat: number;
}

/**
 * Puts the values of one row in place (fields by column, the empty cells between them as ""), checking the limits
 * of columns and of a cell's length first, so that nothing beyond them is ever allocated.
 */
export class RowBuilder {
  fields: string[] = [];

  constructor(private readonly limits: WorkbookLimits) {}

  /** Puts `value` in columns `column` to `column + repeat - 1` (1 is A) of row `row`. */
  set(row: number, column: number, repeat: number, value: string): void {
    if (value === "") return;
    const last = column + repeat - 1;
    if (last > this.limits.maxColumns)
      throw new WorkbookLimitError(
        "maxColumns",
        "sheetTooManyColumns",
        messages.sheetTooManyColumns(this.limits.maxColumns),
        row,
        Math.max(column, this.limits.maxColumns + 1),
      );
    if (value.length > this.limits.maxCellCharacters) throw cellTooLong(row, column, this.limits);
    while (this.fields.length < column - 1) this.fields.push("");
    for (let index = column - 1; index < last; index++) this.fields[index] = value;
  }

  /** The row's fields, and a fresh builder for the next row. */
  take(): string[] {
    const fields = this.fields;
    this.fields = [];
    return fields;
  }
}

/** The error for a cell whose text is longer than a cell may be. */
export function cellTooLong(row: number, column: number, limits: WorkbookLimits): WorkbookLimitError {
  return new WorkbookLimitError(
    "maxCellCharacters",
    "cellTooLong",
    messages.cellTooLong(cellName(column, row), limits.maxCellCharacters),
    row,
    column,
  );
}

/**
 * Turns row runs into records: skips rows whose cells are all blank (as the CSV parser does), pads rows shorter
 * than the header with empty fields, checks the limits of rows and cells before a run is expanded, and says that
 * the sheet is empty when no row holds a value.
 */
export class RecordAssembler {
  private headerWidth: number | undefined;
  private cells = 0;

  constructor(
    private readonly limits: WorkbookLimits,
    private readonly sheetName: string,
  ) {}

  *expand(run: RowRun): Generator<CsvRecord, void, undefined> {
    if (!run.fields.some((field) => field.trim() !== "")) return;
    const lastRow = run.row + run.repeat - 1;
    if (lastRow > this.limits.maxRows)
      throw new WorkbookLimitError(
        "maxRows",
        "sheetTooManyRows",
        messages.sheetTooManyRows(this.limits.maxRows),
        Math.max(run.row, this.limits.maxRows + 1),
      );
    this.headerWidth ??= run.fields.length;
    const width = Math.max(run.fields.length, this.headerWidth);
    this.cells += width * run.repeat;
    if (this.cells > this.limits.maxCells)
      throw new WorkbookLimitError(
        "maxCells",
        "sheetTooManyCells",
        messages.sheetTooManyCells(this.limits.maxCells),
        run.row,
      );
    while (run.fields.length < width) run.fields.push("");
    for (let index = 0; index < run.repeat; index++)
      yield { row: run.row + index, fields: index === run.repeat - 1 ? run.fields : [...run.fields] };
  }

  /** Throws when the sheet had no value at all. */
  finish(): void {
    if (this.headerWidth === undefined)
      throw new FirstSheetError("emptySheet", messages.emptySheet(this.sheetName));
  }
}
