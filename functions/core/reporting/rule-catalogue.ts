/**
 * The rule catalogue of the hub reporting standard, as data: every rule (every message code of
 * `messages.ts`) with its stable id, severity, a plain explanation and an example that breaks it. The test suite
 * runs every example through the validation and checks that it yields its rule, so the catalogue cannot drift
 * from the code.
 *
 * A rule's id is its message code (`invalidPeriod`, `formulaWithoutValue`): it is already what every problem
 * carries in its `code` field and what `--json` prints, it reads as what it means, and a second numbering would be
 * one more mapping to keep in step. Ids are never renamed or reused; the test holds the list.
 */
import type { ReportKind } from "./kinds.js";
import type { MessageCode } from "./messages.js";
import type { WorkbookLimits } from "./workbook/limits.js";

/** Where in a file a rule applies, in the order a file is checked; the catalogue lists its rules in this order. */
export const RULE_SECTIONS = [
  "file",
  "workbook",
  "text",
  "header",
  "uploader",
  "identity",
  "cells",
  "financial",
  "impact",
  "hubs",
  "fx_rates",
  "lake",
  "listing",
] as const;
export type RuleSection = (typeof RULE_SECTIONS)[number];

/**
 * The lake an example is validated against: none at all (`empty`), or {@link EXAMPLE_LAKE} (the default), with
 * the reports of `earlier` already uploaded by the example's uploader.
 */
export type ExampleLake = "empty" | "example";

/** A CSV file that breaks a rule. */
export interface CsvExample {
  readonly kind: "csv";
  readonly description: string;
  readonly text: string;
  /** How the text is stored: UTF-8 unless it shows a file saved in another encoding. @default "utf-8" */
  readonly encoding?: "utf-8" | "windows-1252";
  /** @default "wm-ng" */
  readonly uploader?: string;
  /** The kind named by the uploader; recognised from the header when absent. */
  readonly reportKind?: ReportKind;
  /** @default "example" */
  readonly lake?: ExampleLake;
  /** Reports the uploader sent before this one (CSV text), for rules about the lake's reports. */
  readonly earlier?: readonly string[];
  /** A smaller size limit than the standard's 256 MiB, so that the example stays small. */
  readonly maxBytes?: number;
  /** A shorter list of problems than the standard's 1000, so that the example stays small. */
  readonly maxProblems?: number;
}

/** A file given by its bytes: pieces written as hex, ASCII or UTF-16LE text, one after the other. */
export interface BytesExample {
  readonly kind: "bytes";
  readonly description: string;
  readonly fileName: string;
  readonly bytes: readonly (
    | { readonly hex: string }
    | { readonly ascii: string }
    | { readonly utf16le: string }
  )[];
}

/** A zip archive of text entries. */
export interface ZipExample {
  readonly kind: "zip";
  readonly description: string;
  readonly fileName: string;
  readonly entries: Readonly<Record<string, string>>;
}

/** A cell of an example sheet: text, a number, a boolean, empty, a formula (its saved value, if any), or long text. */
export type ExampleCell =
  | string
  | number
  | boolean
  | null
  | { readonly formula: string; readonly value?: string | number }
  | { readonly text: string; readonly times: number };

/** A row of an example sheet; in an `.ods` file one row may stand for several, and one cell for several. */
export interface ExampleRow {
  /** The sheet's row number. @default the row after the previous one */
  readonly row?: number;
  /** The column of the first cell (1 is A). @default 1 */
  readonly column?: number;
  readonly cells: readonly ExampleCell[];
  /** How many rows this row stands for (`table:number-rows-repeated`; `.ods` only). */
  readonly repeat?: number;
  /** How many cells each cell stands for (`table:number-columns-repeated`; `.ods` only). */
  readonly repeatCells?: number;
}

export interface ExampleSheet {
  readonly name: string;
  /** A chart sheet (`.xlsx` only) instead of a worksheet. */
  readonly chart?: boolean;
  readonly hidden?: boolean;
  readonly rows: readonly ExampleRow[];
}

/** A workbook that breaks a rule, built from its sheets (and, for damage and zip bombs, from its parts). */
export interface WorkbookExample {
  readonly kind: "workbook";
  readonly description: string;
  readonly format: "xlsx" | "ods";
  readonly sheets: readonly ExampleSheet[];
  /** Parts written exactly as given, instead of the ones built from the sheets. */
  readonly parts?: Readonly<Record<string, string>>;
  /** Bytes of spaces added inside a part (right after its root element's start tag): they compress to almost nothing. */
  readonly padding?: Readonly<Record<string, number>>;
  /** Empty entries added to the archive. */
  readonly extraEntries?: number;
  /** Smaller limits than the standard's, so that the example stays quick to check. */
  readonly limits?: Partial<WorkbookLimits>;
}

export type RuleExample = CsvExample | BytesExample | ZipExample | WorkbookExample;

/** One rule of the reporting standard. */
export interface Rule {
  /** The stable id: the message code every problem of this rule carries. */
  readonly id: MessageCode;
  readonly severity: "error" | "warning";
  readonly section: RuleSection;
  /** What the rule asks for and why, in plain words. */
  readonly explanation: string;
  readonly example: RuleExample;
}

/** The lake the examples are validated against (unless one says `lake: "empty"`), and when they are uploaded. */
export const EXAMPLE_LAKE = {
  hubs: `hub_id,name,kind,country,active_from,active_to
global-fund,Global Fund,global,US,2020,
wm-ng,Wikimedia Nigeria,regional,NG,2021,
wm-de,Wikimedia Deutschland,regional,DE,2020,
wm-yo,Yoruba Wikimedians,linguistic,NG,2022,2024
`,
  fxRates: `currency,year,usd_per_unit
NGN,2024,0.00068
NGN,2025,0.00065
EUR,2025,1.08
`,
  uploadedAt: "2026-03-15T12:00:00Z",
} as const;

const FINANCIAL = "hub_id,period,flow,category,amount,currency,country";
const financial = (...lines: string[]) => `${FINANCIAL}\n${lines.join("\n")}\n`;
const financialWith = (extra: string, ...lines: string[]) => `${FINANCIAL},${extra}\n${lines.join("\n")}\n`;
const IMPACT = "hub_id,period,country,metric,value";
const impact = (...lines: string[]) => `${IMPACT}\n${lines.join("\n")}\n`;
const HUBS = "hub_id,name,kind,country,active_from,active_to";
const hubs = (...lines: string[]) => `${HUBS}\n${lines.join("\n")}\n`;
const fxRates = (...lines: string[]) => `currency,year,usd_per_unit\n${lines.join("\n")}\n`;
const EXPENSE = "wm-ng,2025,expense,programs,1500.00,NGN,NG";
const csv = (
  description: string,
  text: string,
  options: Omit<CsvExample, "kind" | "description" | "text"> = {},
) => ({ kind: "csv", description, text, ...options }) as const;
const council = { uploader: "council" } as const;
const REPORT_HEADER = ["hub_id", "period", "flow", "category", "amount", "currency", "country"];
const REPORT_ROW = ["wm-ng", "2025", "expense", "programs", 1500, "NGN", "NG"];
const sheet = (name: string, ...rows: ExampleRow[]): ExampleSheet => ({ name, rows });
const report = sheet("Report", { cells: REPORT_HEADER }, { cells: REPORT_ROW });
const MiB = 1024 * 1024;
const zipEntry = (description: string, fileName: string, entries: Record<string, string>) =>
  ({ kind: "zip", description, fileName, entries }) as const;
const OLE2 = { hex: "d0cf11e0a1b11ae1" } as const;

const RULES: readonly Rule[] = [
  // The file as a whole.
  {
    id: "fileTooLarge",
    severity: "error",
    section: "file",
    explanation:
      "A file may hold at most 256 MiB. A larger report is split into several files (by quarter, for instance), or the Global Council is asked.",
    example: csv(
      "a file larger than the limit (shown with a limit of 64 bytes)",
      financial(EXPENSE, EXPENSE),
      {
        maxBytes: 64,
      },
    ),
  },
  {
    id: "emptyFile",
    severity: "error",
    section: "file",
    explanation: "A file holds a header row and at least one data row; an empty file is no report.",
    example: csv("a file with nothing in it", ""),
  },
  {
    id: "xlsWorkbook",
    severity: "error",
    section: "file",
    explanation:
      "Workbooks are read in the formats of today's spreadsheet programs, .xlsx and .ods. The old Excel format (.xls, Excel 97–2003) is not read: save the file again as .xlsx or CSV UTF-8.",
    example: {
      kind: "bytes",
      description: "an Excel 97–2003 workbook (its compound-file header and its Workbook stream)",
      fileName: "report.xls",
      bytes: [OLE2, { hex: "000000000000000000000000000000003e000300feff0900" }, { utf16le: "Workbook" }],
    },
  },
  {
    id: "xlsbWorkbook",
    severity: "error",
    section: "file",
    explanation:
      "Excel's binary workbook format (.xlsb) is not read: save the file as .xlsx (Excel Workbook) or CSV UTF-8.",
    example: zipEntry("an Excel binary workbook", "report.xlsb", {
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.bin": "",
    }),
  },
  {
    id: "encryptedFile",
    severity: "error",
    section: "file",
    explanation:
      "A workbook protected with a password to open is encrypted, and cannot be read. Save a copy without the password.",
    example: {
      kind: "bytes",
      description: "an Office file encrypted with a password (its compound file holds an EncryptedPackage)",
      fileName: "report.xlsx",
      bytes: [
        OLE2,
        { hex: "000000000000000000000000000000003e000300feff0900" },
        { utf16le: "EncryptedPackage" },
      ],
    },
  },
  {
    id: "numbersWorkbook",
    severity: "error",
    section: "file",
    explanation: "Apple Numbers files are not read: export the sheet as Excel (.xlsx) or CSV.",
    example: zipEntry("an Apple Numbers spreadsheet", "report.numbers", {
      "Index/Document.iwa": "",
      "Metadata/Properties.plist": "",
    }),
  },
  {
    id: "officeDocument",
    severity: "error",
    section: "file",
    explanation:
      "A report is a table in a spreadsheet or CSV file. Word, PowerPoint, OpenDocument text and other office documents are not read, even when they hold a table.",
    example: zipEntry("a Word document (.docx)", "report.docx", {
      "[Content_Types].xml": "<Types/>",
      "word/document.xml": "<w:document/>",
    }),
  },
  {
    id: "pdfDocument",
    severity: "error",
    section: "file",
    explanation:
      "A PDF shows a table but does not hold one that can be read reliably: upload the spreadsheet the PDF was made from.",
    example: {
      kind: "bytes",
      description: "a PDF document",
      fileName: "report.pdf",
      bytes: [{ ascii: "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" }],
    },
  },
  {
    id: "zipArchive",
    severity: "error",
    section: "file",
    explanation: "Each report is uploaded as its own file, not inside a zip archive.",
    example: zipEntry("a zip archive holding a CSV report", "reports.zip", {
      "financial-2025.csv": financial(EXPENSE),
    }),
  },
  {
    id: "imageFile",
    severity: "error",
    section: "file",
    explanation: "A picture or scan of a table cannot be read: upload the table itself.",
    example: {
      kind: "bytes",
      description: "a PNG image (a screenshot of the sheet)",
      fileName: "report.png",
      bytes: [{ hex: "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489" }],
    },
  },
  {
    id: "gzipFile",
    severity: "error",
    section: "file",
    explanation: "Compressed files are not unpacked: upload the report itself.",
    example: {
      kind: "bytes",
      description: "a CSV file compressed with gzip",
      fileName: "financial.csv.gz",
      bytes: [{ hex: "1f8b0800000000000003" }],
    },
  },
  {
    id: "utf16Text",
    severity: "error",
    section: "file",
    explanation:
      "CSV files are UTF-8. Some programs save text as UTF-16 (Excel calls it Unicode Text): save it as CSV UTF-8 instead.",
    example: {
      kind: "bytes",
      description: "a CSV report saved as UTF-16 with a byte-order mark",
      fileName: "financial.txt",
      bytes: [{ hex: "fffe" }, { utf16le: financial(EXPENSE) }],
    },
  },
  {
    id: "markupDocument",
    severity: "error",
    section: "file",
    explanation:
      "Some programs save a table as a web page or as XML, even with an .xls name. Open it in a spreadsheet program and save it as .xlsx, .ods or CSV UTF-8.",
    example: {
      kind: "bytes",
      description: "a table saved as a web page, named report.xls",
      fileName: "report.xls",
      bytes: [
        { ascii: "<html><body><table><tr><td>hub_id</td><td>period</td></tr></table></body></html>\n" },
      ],
    },
  },
  {
    id: "unknownBinary",
    severity: "error",
    section: "file",
    explanation: "A file that is neither text nor a workbook that can be read is refused, whatever its name.",
    example: {
      kind: "bytes",
      description: "binary data of no known kind",
      fileName: "report.csv",
      bytes: [{ hex: "000102030405060708090a0b0c0d0e0f" }],
    },
  },
  {
    id: "damagedArchive",
    severity: "error",
    section: "file",
    explanation:
      "A workbook is a zip archive; one that is cut off or damaged cannot be read. Save the file again and upload the new copy.",
    example: {
      kind: "bytes",
      description: "the first bytes of a workbook, cut off",
      fileName: "report.xlsx",
      bytes: [{ hex: "504b0304140000000800" }, { ascii: "[Content_Types].xml" }],
    },
  },

  // Reading the first sheet of a workbook.
  {
    id: "workbookFileTooLarge",
    severity: "error",
    section: "workbook",
    explanation:
      "A workbook is read whole, so it may be at most 64 MiB (a report of a million lines is well below that); a CSV file may be larger. A larger workbook is refused before it is opened.",
    example: {
      kind: "workbook",
      description: "an .xlsx workbook of a few kilobytes (shown with a limit of 1 KiB for a workbook)",
      format: "xlsx",
      sheets: [report],
      limits: { maxFileBytes: 1024 },
    },
  },
  {
    id: "workbookUnreadable",
    severity: "error",
    section: "workbook",
    explanation:
      "The parts of a workbook must be what a spreadsheet program writes. A workbook with a broken part is refused; saving it again in a spreadsheet program repairs it.",
    example: {
      kind: "workbook",
      description: "an .xlsx workbook whose sheet is cut off in the middle",
      format: "xlsx",
      sheets: [report],
      parts: {
        "xl/worksheets/sheet1.xml": '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hub_',
      },
    },
  },
  {
    id: "tooManyZipEntries",
    severity: "error",
    section: "workbook",
    explanation:
      "A workbook may hold at most 10,000 files inside its zip archive (a report's workbook holds a few dozen); more is refused before anything is read.",
    example: {
      kind: "workbook",
      description: "an .xlsx workbook with 10,000 extra empty files inside",
      format: "xlsx",
      sheets: [report],
      extraEntries: 10_000,
    },
  },
  {
    id: "workbookPartTooLarge",
    severity: "error",
    section: "workbook",
    explanation:
      "Each part of a workbook may expand to at most 256 MiB, counted while it is unpacked (a zip bomb expands a small file to gigabytes); the shared texts of an .xlsx workbook, which are held in memory while its sheet is read, to at most 64 MiB. The sizes the archive declares are never trusted.",
    example: {
      kind: "workbook",
      description:
        "an .xlsx workbook of a few kilobytes whose sheet expands to 2 MiB (a zip bomb; shown with a limit of 1 MiB for a part)",
      format: "xlsx",
      sheets: [report],
      padding: { "xl/worksheets/sheet1.xml": 2 * MiB },
      limits: { maxPartBytes: MiB },
    },
  },
  {
    id: "workbookTooLarge",
    severity: "error",
    section: "workbook",
    explanation:
      "The parts read for the first sheet (the sheet, its shared texts and styles) may expand to at most 512 MiB together.",
    example: {
      kind: "workbook",
      description:
        "an .xlsx workbook whose styles, shared texts and sheet each expand to 1 MiB (shown with a limit of 2 MiB for all parts)",
      format: "xlsx",
      sheets: [report],
      padding: {
        "xl/styles.xml": MiB,
        "xl/sharedStrings.xml": MiB,
        "xl/worksheets/sheet1.xml": MiB,
      },
      limits: { maxTotalBytes: 2 * MiB },
    },
  },
  {
    id: "sheetTooManyRows",
    severity: "error",
    section: "workbook",
    explanation:
      "Values may stand in rows 1 to 1,048,576, the rows of a spreadsheet. An .ods file can repeat a row any number of times with a single count: such a count reaching past the last row is refused before any row is expanded.",
    example: {
      kind: "workbook",
      description: "an .ods sheet that repeats a filled row two million times",
      format: "ods",
      sheets: [sheet("Report", { cells: REPORT_HEADER }, { cells: REPORT_ROW, repeat: 2_000_000 })],
    },
  },
  {
    id: "sheetTooManyColumns",
    severity: "error",
    section: "workbook",
    explanation: "Values may stand in columns A to XFD (16,384 columns), the columns of a spreadsheet.",
    example: {
      kind: "workbook",
      description: "an .xlsx sheet with a note in column XFE",
      format: "xlsx",
      sheets: [
        sheet(
          "Report",
          { cells: REPORT_HEADER },
          { cells: REPORT_ROW },
          { row: 3, column: 16_385, cells: ["note"] },
        ),
      ],
    },
  },
  {
    id: "sheetTooManyCells",
    severity: "error",
    section: "workbook",
    explanation:
      "A sheet may have at most 16,777,216 cells up to the last value of each row, enough for a million rows of the widest report.",
    example: {
      kind: "workbook",
      description: "an .ods sheet whose one row stands for 2,000 rows of 10,000 filled cells each",
      format: "ods",
      sheets: [
        sheet("Report", { cells: REPORT_HEADER }, { cells: ["x"], repeat: 2_000, repeatCells: 10_000 }),
      ],
    },
  },
  {
    id: "cellTooLong",
    severity: "error",
    section: "workbook",
    explanation: "A cell may hold at most 32,767 characters, as in a spreadsheet.",
    example: {
      kind: "workbook",
      description: "an .ods sheet with 40,000 characters in one cell",
      format: "ods",
      sheets: [
        sheet("Report", { cells: REPORT_HEADER }, { cells: [...REPORT_ROW, { text: "x", times: 40_000 }] }),
      ],
    },
  },
  {
    id: "formulaWithoutValue",
    severity: "error",
    section: "workbook",
    explanation:
      "A workbook's cells are read as the values a person sees, never as formulas: formulas are not calculated here. A spreadsheet program saves each formula's value with it; a file written by another program may not, and is refused until it is opened and saved in a spreadsheet program.",
    example: {
      kind: "workbook",
      description: "an .xlsx sheet whose amount is =SUM(H2:H3), saved without its value",
      format: "xlsx",
      sheets: [
        sheet(
          "Report",
          { cells: REPORT_HEADER },
          { cells: ["wm-ng", "2025", "expense", "programs", { formula: "SUM(H2:H3)" }, "NGN", "NG"] },
        ),
      ],
    },
  },
  {
    id: "firstSheetNotTable",
    severity: "error",
    section: "workbook",
    explanation:
      "The report is read from the first sheet of the workbook, which must be a worksheet, not a chart.",
    example: {
      kind: "workbook",
      description: "an .xlsx workbook whose first sheet is a chart",
      format: "xlsx",
      sheets: [{ name: "Chart", chart: true, rows: [] }, report],
    },
  },
  {
    id: "firstSheetHidden",
    severity: "error",
    section: "workbook",
    explanation:
      "The report is read from the first sheet of the workbook. When that sheet is hidden, the sheet the uploader sees first is another one: rather than guess, the file is refused.",
    example: {
      kind: "workbook",
      description: "an .xlsx workbook whose first sheet, a list of categories, is hidden",
      format: "xlsx",
      sheets: [{ name: "Lists", hidden: true, rows: [{ cells: ["programs"] }] }, report],
    },
  },
  {
    id: "emptySheet",
    severity: "error",
    section: "workbook",
    explanation:
      "The report is read from the first sheet of the workbook; a first sheet without values is no report.",
    example: {
      kind: "workbook",
      description: "an .ods workbook whose report is on the second sheet",
      format: "ods",
      sheets: [sheet("Notes"), report],
    },
  },

  // Text.
  {
    id: "notUtf8",
    severity: "error",
    section: "text",
    explanation:
      "CSV files are UTF-8, so that every language's letters arrive intact. A file saved in another encoding (such as Windows-1252) is refused at its first line that is not UTF-8: save it as CSV UTF-8.",
    example: csv(
      "a CSV file saved in Windows-1252, with a ô in its second line",
      `${FINANCIAL},description\n${EXPENSE},Atelier à Côte d'Ivoire\n`,
      { encoding: "windows-1252" },
    ),
  },
  {
    id: "unterminatedQuote",
    severity: "error",
    section: "text",
    explanation: 'A value that starts with a quote (") ends with one.',
    example: csv(
      "a description whose closing quote is missing",
      financialWith("description", `${EXPENSE},"Editathon`),
    ),
  },
  {
    id: "textAfterQuote",
    severity: "error",
    section: "text",
    explanation:
      'Nothing may follow the closing quote of a value; a quote inside a value is written twice ("").',
    example: csv(
      "text after a quoted value",
      financialWith("description", `${EXPENSE},"Editathon" in Lagos`),
    ),
  },

  // The header.
  {
    id: "unknownKind",
    severity: "error",
    section: "header",
    explanation:
      "The kind of report is recognised from its columns (or named by the uploader). A header that fits no kind is refused.",
    example: csv("a header of no kind of report", "hub,year,total\nwm-ng,2025,1500\n"),
  },
  {
    id: "ambiguousKind",
    severity: "error",
    section: "header",
    explanation:
      "A header that fits more than one kind of report is refused unless the uploader names the kind.",
    example: csv(
      "a header with the columns of a financial and an impact report",
      "hub_id,period,flow,category,amount,currency,country,metric,value\n",
    ),
  },
  {
    id: "unknownColumn",
    severity: "error",
    section: "header",
    explanation:
      "Every column must be one the standard knows for the kind of report: an unknown column is never silently dropped.",
    example: csv("a financial report with a notes column", financialWith("notes", `${EXPENSE},ok`)),
  },
  {
    id: "missingColumn",
    severity: "error",
    section: "header",
    explanation: "Every required column of the kind of report is in the header.",
    example: csv(
      "a financial report without its currency column",
      "hub_id,period,flow,category,amount,country\nwm-ng,2025,expense,programs,1500.00,NG\n",
    ),
  },
  {
    id: "duplicateColumn",
    severity: "error",
    section: "header",
    explanation: "Each column appears once in the header.",
    example: csv("a financial report with two amount columns", `${FINANCIAL},amount\n${EXPENSE},1500.00\n`),
  },
  {
    id: "noDataRows",
    severity: "error",
    section: "header",
    explanation: "A report has at least one data row under its header.",
    example: csv("a header and nothing under it", `${FINANCIAL}\n`),
  },
  {
    id: "wrongFieldCount",
    severity: "error",
    section: "header",
    explanation: "Every row has as many values as the header has columns.",
    example: csv("a row with one value too many", financial(`${EXPENSE},extra`)),
  },

  // Who uploads what.
  {
    id: "notUploader",
    severity: "error",
    section: "uploader",
    explanation: "A hub uploads only its own reports: the hub_id of the rows is the uploader's.",
    example: csv(
      "wm-ng uploading a report of wm-de",
      financial("wm-de,2025,expense,programs,1500.00,EUR,DE"),
    ),
  },
  {
    id: "councilCannotUploadReports",
    severity: "error",
    section: "uploader",
    explanation:
      "The Global Council uploads reference data (the hub registry, exchange rates), never a hub's report.",
    example: csv("the Global Council uploading a financial report", financial(EXPENSE), council),
  },
  {
    id: "onlyCouncilUploadsReference",
    severity: "error",
    section: "uploader",
    explanation: "Only the Global Council uploads the hub registry and exchange rates.",
    example: csv("a hub uploading exchange rates", fxRates("NGN,2025,0.00066")),
  },

  // The identity of a hub report.
  {
    id: "required",
    severity: "error",
    section: "identity",
    explanation: "A required column has a value on every row.",
    example: csv("a line without an amount", financial("wm-ng,2025,expense,programs,,NGN,NG")),
  },
  {
    id: "mixedValue",
    severity: "error",
    section: "identity",
    explanation:
      "One file is one report, for one hub and one period: hub_id and period are the same on every row.",
    example: csv(
      "a file with lines of 2025 and of 2024",
      financial(EXPENSE, "wm-ng,2024,expense,programs,900.00,NGN,NG"),
    ),
  },
  {
    id: "invalidHubId",
    severity: "error",
    section: "identity",
    explanation:
      "A hub_id is written in lower-case letters, digits and hyphens, 2 to 64 characters, starting with a letter or digit.",
    example: csv(
      "a hub_id with capitals and a space",
      financial("WM NG,2025,expense,programs,1500.00,NGN,NG"),
    ),
  },
  {
    id: "noRegistry",
    severity: "error",
    section: "identity",
    explanation: "Hub reports are checked against the hub registry, which the Global Council uploads first.",
    example: csv(
      "a report uploaded before any hub registry",
      financial("wm-ng,2025,expense,programs,1500.00,USD,NG"),
      { lake: "empty" },
    ),
  },
  {
    id: "unregisteredHub",
    severity: "error",
    section: "identity",
    explanation: "The hub of a report is in the hub registry.",
    example: csv(
      "a report of a hub the registry does not list",
      financial("wm-gh,2025,expense,programs,1500.00,NGN,GH"),
      {
        uploader: "wm-gh",
      },
    ),
  },
  {
    id: "hubNotActive",
    severity: "error",
    section: "identity",
    explanation: "A hub reports only for years in which the registry lists it as active.",
    example: csv(
      "a report for 2025 of a hub active from 2022 to 2024",
      financial("wm-yo,2025,expense,programs,1500.00,NGN,NG"),
      { uploader: "wm-yo" },
    ),
  },
  {
    id: "invalidPeriod",
    severity: "error",
    section: "identity",
    explanation:
      "A period is a year (2025) or a quarter of it (2025-Q3). A date read from a workbook is written as such (2025-07-01), and is no period.",
    example: csv("a month given as the period", financial("wm-ng,2025-07,expense,programs,1500.00,NGN,NG")),
  },
  {
    id: "futurePeriod",
    severity: "error",
    section: "identity",
    explanation: "A period may not lie after the year in which the report is uploaded (counted in UTC).",
    example: csv(
      "a report for 2027 uploaded in 2026",
      financial("wm-ng,2027,expense,programs,1500.00,USD,NG"),
    ),
  },

  // Cells of every kind of file.
  {
    id: "controlCharacter",
    severity: "error",
    section: "cells",
    explanation:
      "Cells hold no control characters (such as a line break, NUL or escape; a tab is fine): write each value on one line.",
    example: csv(
      "a description with an escape character",
      financialWith("description", `${EXPENSE},Editathon\u001b[31m`),
    ),
  },
  {
    id: "bidiCharacter",
    severity: "error",
    section: "cells",
    explanation:
      "Cells hold no characters that reverse the direction of text (U+202A–U+202E, U+2066–U+2069): they can show a value in another order than it is stored.",
    example: csv(
      "a description with a right-to-left override",
      financialWith("description", `${EXPENSE},Invoice \u202e4202 ecnalab`),
    ),
  },
  {
    id: "tooLong",
    severity: "error",
    section: "cells",
    explanation: "A text value (a description, a name, an id) has at most 2,000 characters.",
    example: csv(
      "a description of 2,001 characters",
      financialWith("description", `${EXPENSE},${"a".repeat(2001)}`),
    ),
  },
  {
    id: "invalidCountry",
    severity: "error",
    section: "cells",
    explanation:
      "A country is written as its ISO 3166-1 alpha-2 code (NG, DE, BR), one of the country table's.",
    example: csv(
      "a country written as its name",
      financial("wm-ng,2025,expense,programs,1500.00,NGN,Nigeria"),
    ),
  },
  {
    id: "countryCase",
    severity: "error",
    section: "cells",
    explanation: "Country codes are written in capital letters.",
    example: csv("a country code in lower case", financial("wm-ng,2025,expense,programs,1500.00,NGN,ng")),
  },
  {
    id: "invalidCurrency",
    severity: "error",
    section: "cells",
    explanation: "A currency is written as its ISO 4217 code: three capital letters (NGN, EUR, USD).",
    example: csv("a currency written as its name", financial("wm-ng,2025,expense,programs,1500.00,naira,NG")),
  },
  {
    id: "invalidEnum",
    severity: "error",
    section: "cells",
    explanation: "A column with a fixed list of values (flow, the kind of a hub) holds one of them.",
    example: csv(
      "a flow the standard does not know",
      financial("wm-ng,2025,spending,programs,1500.00,NGN,NG"),
    ),
  },
  {
    id: "decimalComma",
    severity: "error",
    section: "cells",
    explanation: "Numbers use . as the decimal separator; a decimal comma is reported, never misread.",
    example: csv("an amount with a decimal comma", financial('wm-ng,2025,expense,programs,"1234,56",NGN,NG')),
  },
  {
    id: "thousandsSeparator",
    severity: "error",
    section: "cells",
    explanation: "Numbers have no thousands separators.",
    example: csv(
      "an amount with thousands separators",
      financial('wm-ng,2025,expense,programs,"1,234,567.89",NGN,NG'),
    ),
  },
  {
    id: "ambiguousNumber",
    severity: "error",
    section: "cells",
    explanation:
      "A number that could be read two ways (99,999: ninety-nine thousand or ninety-nine point nine) is reported with both readings; it is never guessed.",
    example: csv("an amount of 99,999", financial('wm-ng,2025,expense,programs,"99,999",NGN,NG')),
  },
  {
    id: "notANumber",
    severity: "error",
    section: "cells",
    explanation: "A number column holds a number.",
    example: csv("an amount written in words", financial("wm-ng,2025,expense,programs,about 1500,NGN,NG")),
  },

  // Financial reports.
  {
    id: "categoryNotInFlow",
    severity: "error",
    section: "financial",
    explanation:
      "Each flow has its own categories: revenue, expense and grant lines use the categories of their flow.",
    example: csv(
      "an expense line with a revenue category",
      financial("wm-ng,2025,expense,local_fundraising,1500.00,NGN,NG"),
    ),
  },
  {
    id: "globalOnlyCategory",
    severity: "error",
    section: "financial",
    explanation: "Only the global fund reports online_fundraising and hub_allocation lines.",
    example: csv(
      "a hub reporting online fundraising",
      financial("wm-ng,2025,revenue,online_fundraising,1500.00,NGN,NG"),
    ),
  },
  {
    id: "notForGlobalFund",
    severity: "error",
    section: "financial",
    explanation:
      "A movement_allocation line is how a hub reports money received from the global fund; the global fund itself cannot report one.",
    example: csv(
      "the global fund reporting a movement allocation",
      financial("global-fund,2025,revenue,movement_allocation,1500.00,USD,US"),
      { uploader: "global-fund" },
    ),
  },
  {
    id: "negativeAmount",
    severity: "error",
    section: "financial",
    explanation:
      "Amounts are 0 or more; money that goes out is an expense or a grant line, not a negative amount.",
    example: csv("a negative amount", financial("wm-ng,2025,expense,programs,-1500.00,NGN,NG")),
  },
  {
    id: "tooManyDecimals",
    severity: "error",
    section: "financial",
    explanation: "Amounts have at most 2 decimal places.",
    example: csv(
      "an amount with three decimal places",
      financial("wm-ng,2025,expense,programs,1500.125,NGN,NG"),
    ),
  },
  {
    id: "amountTooLarge",
    severity: "error",
    section: "financial",
    explanation:
      "An amount is below 10,000,000,000,000 (ten trillion); a larger sum is split over several lines.",
    example: csv("an amount of ten trillion", financial("wm-ng,2025,expense,programs,10000000000000,NGN,NG")),
  },
  {
    id: "zeroAmount",
    severity: "warning",
    section: "financial",
    explanation: "An amount of 0 is accepted, with a warning to check that the line is meant to be there.",
    example: csv("a line with an amount of 0", financial("wm-ng,2025,expense,programs,0,NGN,NG")),
  },
  {
    id: "missingRate",
    severity: "error",
    section: "financial",
    explanation:
      "Amounts are converted to US dollars with the Global Council's rate for the report's year, which must be uploaded before the report.",
    example: csv(
      "an amount in Ghanaian cedi, which has no rate for 2025",
      financial("wm-ng,2025,expense,programs,1500.00,GHS,GH"),
    ),
  },
  {
    id: "allocationOutsideSeat",
    severity: "warning",
    section: "financial",
    explanation:
      "A movement_allocation line is booked in the country of the hub that receives it (where the money is spent from); another country is accepted with a warning.",
    example: csv(
      "a movement allocation booked in the United States by a hub seated in Nigeria",
      financial("wm-ng,2025,revenue,movement_allocation,12000.00,USD,US"),
    ),
  },
  {
    id: "counterpartyRequired",
    severity: "error",
    section: "financial",
    explanation:
      "A team_grant line names the team (counterparty_id); a hub_allocation line names the receiving hub.",
    example: csv(
      "a team grant without its team",
      financialWith("counterparty_id", "wm-ng,2025,grant,team_grant,1500.00,NGN,NG,"),
    ),
  },
  {
    id: "counterpartyNotHub",
    severity: "error",
    section: "financial",
    explanation: "The counterparty of a hub_allocation line is a registered hub.",
    example: csv(
      "the global fund allocating money to a hub the registry does not list",
      financialWith("counterparty_id", "global-fund,2025,grant,hub_allocation,50000.00,USD,GH,wm-gh"),
      { uploader: "global-fund" },
    ),
  },
  {
    id: "invalidBoolean",
    severity: "error",
    section: "financial",
    explanation: "The column underrepresented_focus is true or false (also yes/no, 1/0), or empty for false.",
    example: csv(
      "an underrepresented_focus of maybe",
      financialWith(
        "counterparty_id,underrepresented_focus",
        "wm-ng,2025,grant,team_grant,1500.00,NGN,NG,team-lagos,maybe",
      ),
    ),
  },
  {
    id: "focusOnNonGrant",
    severity: "error",
    section: "financial",
    explanation:
      "The column underrepresented_focus describes grants: it stays empty on revenue and expense lines.",
    example: csv(
      "an expense line marked with an underrepresented focus",
      financialWith("underrepresented_focus", `${EXPENSE},yes`),
    ),
  },

  // Impact reports.
  {
    id: "notAnInteger",
    severity: "error",
    section: "impact",
    explanation: "Impact values are whole numbers of 0 or more: they count people and pages.",
    example: csv("a value of 12.5 participants", impact("wm-ng,2025,NG,participants,12.5")),
  },
  {
    id: "integerTooLarge",
    severity: "error",
    section: "impact",
    explanation: "An impact value is at most 9,007,199,254,740,991.",
    example: csv("a value of twenty digits", impact("wm-ng,2025,NG,participants,99999999999999999999")),
  },
  {
    id: "invalidMetric",
    severity: "error",
    section: "impact",
    explanation: "A metric name is written in lower-case letters, digits and underscores.",
    example: csv("a metric written as words", impact("wm-ng,2025,NG,Active Editors,40")),
  },
  {
    id: "nearMissMetric",
    severity: "error",
    section: "impact",
    explanation:
      "A metric name within two edits of a known metric (participant, active_editor) is taken for a typo of it and refused, with the known name suggested.",
    example: csv("a metric written participant", impact("wm-ng,2025,NG,participant,40")),
  },
  {
    id: "unknownMetric",
    severity: "warning",
    section: "impact",
    explanation:
      "A metric the framework does not know (yet) is accepted and stored, with a warning that no indicator uses it.",
    example: csv("a metric of workshops held", impact("wm-ng,2025,NG,workshops_held,4")),
  },
  {
    id: "invalidLanguage",
    severity: "error",
    section: "impact",
    explanation: "A language is written as its code (en, yo, pt-br).",
    example: csv(
      "a language written as its name",
      "hub_id,period,country,metric,value,language\nwm-ng,2025,NG,content_created,40,English\n",
    ),
  },
  {
    id: "duplicateStock",
    severity: "error",
    section: "impact",
    explanation:
      "Stocks (active editors, board members) have one value per period for each team, country and language.",
    example: csv(
      "active editors given twice for Nigeria",
      impact("wm-ng,2025,NG,active_editors,40", "wm-ng,2025,NG,active_editors,45"),
    ),
  },
  {
    id: "totalExceeds",
    severity: "error",
    section: "impact",
    explanation:
      "A report's totals are consistent: no more new participants than participants, no more women or Global South members on the board than members.",
    example: csv(
      "more new participants than participants",
      impact("wm-ng,2025,NG,participants,10", "wm-ng,2025,NG,new_participants,20"),
    ),
  },
  {
    id: "genderExceedsParticipants",
    severity: "error",
    section: "impact",
    explanation: "The participants counted by gender add up to no more than the participants.",
    example: csv(
      "13 participants counted by gender out of 10",
      impact(
        "wm-ng,2025,NG,participants,10",
        "wm-ng,2025,NG,participants_women,8",
        "wm-ng,2025,NG,participants_men,5",
      ),
    ),
  },

  // The hub registry.
  {
    id: "duplicateHub",
    severity: "error",
    section: "hubs",
    explanation: "Each hub is listed once in the registry.",
    example: csv(
      "a registry listing wm-gh twice",
      hubs("wm-gh,Wikimedia Ghana,regional,GH,2024,", "wm-gh,Wikimedia Ghana UG,regional,GH,2024,"),
      council,
    ),
  },
  {
    id: "invalidYear",
    severity: "error",
    section: "hubs",
    explanation: "A year is written with four digits.",
    example: csv("an active_from of 24", hubs("wm-gh,Wikimedia Ghana,regional,GH,24,"), council),
  },
  {
    id: "registryYearOutOfRange",
    severity: "error",
    section: "hubs",
    explanation: "Registry years (active_from, active_to) lie between 2000 and the year of the upload + 10.",
    example: csv("a hub active from 1999", hubs("wm-gh,Wikimedia Ghana,regional,GH,1999,"), council),
  },
  {
    id: "activeToBeforeFrom",
    severity: "error",
    section: "hubs",
    explanation: "A hub stops being active (active_to) no earlier than it starts (active_from).",
    example: csv(
      "a hub active from 2024 to 2022",
      hubs("wm-gh,Wikimedia Ghana,regional,GH,2024,2022"),
      council,
    ),
  },

  // Exchange rates.
  {
    id: "nonPositiveRate",
    severity: "error",
    section: "fx_rates",
    explanation: "An exchange rate is a number greater than 0.",
    example: csv("a rate of 0", fxRates("NGN,2025,0"), council),
  },
  {
    id: "usdRate",
    severity: "error",
    section: "fx_rates",
    explanation: "The US dollar needs no rate: it is always 1.",
    example: csv("a rate of 2 for the US dollar", fxRates("USD,2025,2"), council),
  },
  {
    id: "usdRateIgnored",
    severity: "warning",
    section: "fx_rates",
    explanation: "A rate of 1 for the US dollar is accepted with a warning that it is not needed.",
    example: csv("a rate of 1 for the US dollar", fxRates("USD,2025,1"), council),
  },
  {
    id: "duplicateRate",
    severity: "error",
    section: "fx_rates",
    explanation: "A file gives each currency's rate for a year once.",
    example: csv("the 2025 euro rate given twice", fxRates("EUR,2025,1.08", "EUR,2025,1.09"), council),
  },
  {
    id: "rateOutOfRange",
    severity: "error",
    section: "fx_rates",
    explanation:
      "A rate that differs by a factor of more than 10 from the rate it replaces, or from the currency's rate for the nearest other year in the lake, is refused as a likely typo.",
    example: csv("a naira rate ten times too high", fxRates("NGN,2026,0.0070"), council),
  },
  {
    id: "rateLooksInverted",
    severity: "error",
    section: "fx_rates",
    explanation:
      "Rates are US dollars per one unit of the currency. A rate whose reciprocal fits the lake's rates is refused as inverted, with the reciprocal given.",
    example: csv("naira per US dollar instead of US dollars per naira", fxRates("NGN,2026,1540.25"), council),
  },

  // The reports already in the lake.
  {
    id: "overlap",
    severity: "error",
    section: "lake",
    explanation:
      "A hub reports a year either annually or by quarters: once an annual report counts, a quarterly one of the same year is refused (and the other way round).",
    example: csv(
      "a report for 2025-Q1 after the annual report for 2025",
      financial("wm-ng,2025-Q1,expense,programs,400.00,NGN,NG"),
      {
        earlier: [financial(EXPENSE)],
      },
    ),
  },

  // The list of problems itself.
  {
    id: "moreProblems",
    severity: "error",
    section: "listing",
    explanation:
      "At most 1,000 problems are listed (the first ones of the file); the rest are counted, so that a file with a million bad rows still gets a readable answer.",
    example: csv(
      "three bad lines, with a list of 2 problems",
      financial(
        "wm-ng,2025,expense,programs,x,NGN,NG",
        "wm-ng,2025,expense,programs,y,NGN,NG",
        "wm-ng,2025,expense,programs,z,NGN,NG",
      ),
      { maxProblems: 2 },
    ),
  },
];

/** Every rule of the standard, by section in the order a file is checked, and within a section in a fixed order. */
export function ruleCatalogue(): readonly Rule[] {
  const order = new Map<RuleSection, number>(RULE_SECTIONS.map((section, index) => [section, index]));
  return RULES.map((rule, index) => ({ rule, index }))
    .sort((a, b) => (order.get(a.rule.section) ?? 0) - (order.get(b.rule.section) ?? 0) || a.index - b.index)
    .map(({ rule }) => rule);
}

/** One rule by its id. */
export function ruleOf(id: MessageCode): Rule {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id} in the catalogue`);
  return rule;
}
