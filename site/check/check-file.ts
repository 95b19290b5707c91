/**
 * Checking a file on the validator page: the same validation as `observatory ingest` (`validateReport`), run on
 * the bytes in memory against the page's reference, and the file's rows as the spreadsheet shows them, for the
 * problems' context and the annotated copy. Pure, without Node APIs: it runs in the browser.
 */
import type { CsvRecord, CsvSyntaxError } from "../../functions/core/reporting/csv.js";
import { COUNCIL, isHubReportKind } from "../../functions/core/reporting/kinds.js";
import { type SheetFormat, UploadReader } from "../../functions/core/reporting/upload-reader.js";
import {
  DEFAULT_MAX_BYTES,
  type ValidationResult,
  validateReport,
} from "../../functions/core/reporting/validate.js";
import type { PageReference } from "./check-reference.js";

/** The rows of a file by their spreadsheet row number (the header is row 1 in a CSV file); empty rows are absent. */
export type SheetRows = ReadonlyMap<number, readonly string[]>;

/** A checked file: what validation found, and its rows. */
export interface CheckedFile {
  readonly result: ValidationResult;
  readonly rows: SheetRows;
  /** The row of the header (the first row that holds a value); undefined for a file without rows. */
  readonly headerRow: number | undefined;
}

/** Who the page validates a file as, when the file names no hub: any hub, never the Council. */
export const ANY_HUB = "your-hub";

/** Reads the rows of a file (CSV text, or a workbook's first sheet) as ingest reads them; none when it cannot. */
export function readSheetRows(bytes: Uint8Array): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  const reader = new UploadReader(
    {
      readingFormat(_format: SheetFormat) {},
      syntaxError(_error: CsvSyntaxError) {},
      record(record: CsvRecord) {
        rows.set(record.row, [...record.fields]);
      },
    },
    { maxBytes: DEFAULT_MAX_BYTES, expectedBytes: bytes.byteLength },
  );
  reader.write(bytes);
  const ending = reader.end();
  while (!ending.next().done) {}
  return rows;
}

/**
 * The hub a report names in its first data row's `hub_id` (the page does not know who is checking: it checks the
 * file as sent by the hub it names); {@link ANY_HUB} when it names none.
 */
export function namedHub(rows: SheetRows): string {
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const header = rows.get(numbers[0] ?? 0);
  const first = rows.get(numbers[1] ?? 0);
  const index = header?.findIndex((name) => name.trim().toLowerCase() === "hub_id") ?? -1;
  const hubId = index < 0 ? "" : (first?.[index] ?? "").trim();
  return hubId === "" || hubId === COUNCIL ? ANY_HUB : hubId;
}

/**
 * Checks a file as `observatory ingest` would when its hub uploads it: a hub report as sent by the hub it names, the
 * Council's reference data (registry, rates) as sent by the Council.
 */
export function checkFile(bytes: Uint8Array, page: PageReference, now: Date): CheckedFile {
  const rows = readSheetRows(bytes);
  const validate = (uploader: string) =>
    validateReport({ bytes, uploader, countries: page.countries, reference: page.reference, now });
  let result: ValidationResult = validate(namedHub(rows));
  if (result.kind !== undefined && result.kind !== "scenario" && !isHubReportKind(result.kind))
    result = validate(COUNCIL);
  const headerRow = [...rows.keys()].sort((a, b) => a - b)[0];
  return { result: { ...result, report: undefined }, rows, headerRow };
}
