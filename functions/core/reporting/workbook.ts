/**
 * Reading what a hub uploads (reporting standard 1.1, spreadsheets): the file is recognised by its bytes, and the
 * first sheet of an `.xlsx` or `.ods` workbook is read into records of the shape the CSV parser gives, so that the
 * same validation runs on a sheet and on a CSV file.
 */
import type { CsvRecord } from "./csv.js";
import { type FileType, isContainerFile, recogniseFile } from "./file-type.js";
import { messages } from "./messages.js";
import type { Problem } from "./problems.js";
import { WorkbookError } from "./workbook/errors.js";
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from "./workbook/limits.js";
import { openOdsSheet } from "./workbook/ods.js";
import type { Sheet } from "./workbook/sheet.js";
import { openXlsxSheet } from "./workbook/xlsx.js";

export { columnLetters } from "./workbook/cell-reference.js";
export {
  DamagedWorkbookError,
  FirstSheetError,
  FormulaWithoutValueError,
  WorkbookError,
  WorkbookLimitError,
} from "./workbook/errors.js";
export { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from "./workbook/limits.js";
export type { Sheet } from "./workbook/sheet.js";
export { type FileType, recogniseFile };

/** An upload, opened: CSV (for the CSV validation, which decodes the bytes itself), a workbook's first sheet, or refused. */
export type OpenedUpload =
  | { readonly format: "csv" }
  | { readonly format: "xlsx" | "ods"; readonly sheet: Sheet }
  | { readonly format: "refused"; readonly problem: Problem };

/**
 * Recognises an upload and, for a workbook, opens its first sheet: reads what is needed before its rows (the
 * workbook, its shared strings and styles), and refuses a first sheet that is a chart or hidden. The sheet's rows
 * are read only as `sheet.records()` is iterated, which may still throw a {@link WorkbookError}. A zip archive or
 * compound file larger than `limits.maxFileBytes` is refused unread.
 */
export function openUpload(
  bytes: Uint8Array,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): OpenedUpload {
  if (isContainerFile(bytes) && bytes.byteLength > limits.maxFileBytes)
    return {
      format: "refused",
      problem: {
        severity: "error",
        code: "workbookFileTooLarge",
        message: messages.workbookFileTooLarge(bytes.byteLength, limits.maxFileBytes),
      },
    };
  const type = recogniseFile(bytes, limits);
  if (type.format === "csv" || type.format === "refused") return type;
  try {
    const sheet =
      type.format === "xlsx" ? openXlsxSheet(type.archive, limits) : openOdsSheet(type.archive, limits);
    return { format: type.format, sheet };
  } catch (error) {
    if (error instanceof WorkbookError) return { format: "refused", problem: error.problem };
    throw error;
  }
}

/** A whole first sheet, read: its header (the first row that holds a value) and data records, as `parseCsv` gives them. */
export type SheetReading =
  | { readonly ok: true; readonly name: string; readonly header: CsvRecord; readonly records: CsvRecord[] }
  | { readonly ok: false; readonly problem: Problem };

/** Reads every record of a sheet into memory; the first {@link WorkbookError} becomes the problem. */
export function readSheet(sheet: Sheet): SheetReading {
  try {
    const [header, ...records] = sheet.records();
    if (!header) throw new Error("a sheet without records must have thrown emptySheet");
    return { ok: true, name: sheet.name, header, records };
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, problem: error.problem };
    throw error;
  }
}
