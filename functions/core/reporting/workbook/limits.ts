/**
 * How much of a workbook the observatory reads before it gives up, so that a small hostile file (a zip bomb, a
 * sheet of a million repeated rows) cannot exhaust memory or time. Each limit that is reached is an error that
 * names it.
 */
export interface WorkbookLimits {
  /**
   * Bytes of the workbook file itself: a workbook is held in memory whole while its first sheet is read (its zip
   * directory is at its end), so this bounds what ingest holds, together with the limits on what its parts expand to.
   */
  readonly maxFileBytes: number;
  /** Files inside the zip archive. */
  readonly maxEntries: number;
  /** Bytes one part (a file inside the archive) expands to, counted while it is inflated. */
  readonly maxPartBytes: number;
  /**
   * Bytes the shared strings of an `.xlsx` workbook (the part every text of its sheets points into) expand to. They
   * are held in memory while the sheet is read, unlike the sheet itself, so they have a limit of their own below
   * `maxPartBytes`.
   */
  readonly maxSharedStringsBytes: number;
  /** Bytes all the parts read for the first sheet expand to together. */
  readonly maxTotalBytes: number;
  /** The last row that may hold a value (the sheet's own row number). */
  readonly maxRows: number;
  /** The last column that may hold a value (1 is column A). */
  readonly maxColumns: number;
  /** Cells of all records read, counting the empty cells between values. */
  readonly maxCells: number;
  /** Characters of one cell. */
  readonly maxCellCharacters: number;
}

const MiB = 1024 * 1024;

/**
 * The default limits: a workbook file of 64 MiB (a report of 900,000 lines takes 26 MiB as `.xlsx`; ingest holds it
 * whole, and `npm run bench` measures under 400 MiB of memory for the largest workbooks within these limits); a part
 * may expand to as much as a CSV upload may hold (256 MiB), the shared strings (held in memory) to 64 MiB, and the
 * parts read together to twice 256 MiB; rows, columns and the characters of a cell stop where Excel and LibreOffice stop
 * (1,048,576 rows, 16,384 columns, 32,767 characters); 16,777,216 cells hold a million rows of the widest
 * report with room to spare; 10,000 entries are far more than any workbook of one report holds.
 */
export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  maxFileBytes: 64 * MiB,
  maxEntries: 10_000,
  maxPartBytes: 256 * MiB,
  maxSharedStringsBytes: 64 * MiB,
  maxTotalBytes: 512 * MiB,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCells: 16_777_216,
  maxCellCharacters: 32_767,
};
