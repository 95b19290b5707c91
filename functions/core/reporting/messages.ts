import { codePointName, escapeForbiddenCharacters } from "./characters.js";
import type { RateReference } from "./rate-checks.js";
import { columnLetters } from "./workbook/cell-reference.js";

/**
 * Every sentence that ingest says to an uploader, in one place. Each is plain English, names the value
 * it is about and, where it can, says what to do instead. A value from the file is always quoted with its
 * control and bidirectional characters escaped, never echoed raw.
 */
const quote = (value: string) =>
  escapeForbiddenCharacters(JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value));
const list = (values: readonly string[]) => values.join(", ");
/** A size in bytes, KiB or MiB with at most one decimal, rounded up so that a file over a limit never reads as equal to it. */
const size = (bytes: number) => {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  const mebibytes = bytes >= 1048576;
  return `${Math.ceil((bytes / (mebibytes ? 1048576 : 1024)) * 10) / 10} ${mebibytes ? "MiB" : "KiB"}`;
};

/** A number in plain decimal notation (never `6.5e-7`), to `significant` digits when given. */
const plain = (value: number, significant?: number) => {
  const text = String(significant === undefined ? value : Number(value.toPrecision(significant)));
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole = "", fraction = "", exponent = "0"] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
};
/** A count with thousands separators, as people read large limits. */
const count = (value: number) => value.toLocaleString("en-US");
/** What to upload instead of a file that cannot be read. */
const SAVE_AS = "save the report as CSV UTF-8, .xlsx or .ods and upload that";
const and = (values: readonly string[]) =>
  values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} and ${values.at(-1)}`;

/** Control characters that have a name a reader may know. */
const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0: "null",
  10: "line feed, a line break",
  11: "vertical tab",
  12: "form feed",
  13: "carriage return, a line break",
  27: "escape",
  127: "delete",
  133: "next line",
};
const BIDI_NAMES: Readonly<Record<number, string>> = {
  8234: "left-to-right embedding",
  8235: "right-to-left embedding",
  8236: "pop directional formatting",
  8237: "left-to-right override",
  8238: "right-to-left override",
  8294: "left-to-right isolate",
  8295: "right-to-left isolate",
  8296: "first strong isolate",
  8297: "pop directional isolate",
};
const characters = (codes: readonly number[], names: Readonly<Record<number, string>>) =>
  and(codes.map((code) => (names[code] ? `${codePointName(code)} (${names[code]})` : codePointName(code))));
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** One rate of the lake a new rate was checked against, as a message names it. */
const rateReference = (currency: string, reference: RateReference) =>
  reference.replaced
    ? `the rate it replaces (${plain(reference.usdPerUnit)} for ${currency} in ${reference.year})`
    : `the rate for ${currency} in ${reference.year} (${plain(reference.usdPerUnit)})`;

export const messages = {
  fileTooLarge: (bytes: number, limit: number) =>
    `the file is ${size(bytes)}; the limit is ${size(limit)} (split the report or ask the Global Council)`,
  emptyFile: () => "the file is empty: a report needs a header row and at least one data row",
  noDataRows: () => "the file has a header but no data rows",
  notUtf8: () => "this line is not valid UTF-8 text (save the file as CSV UTF-8)",
  unterminatedQuote: () => 'a quoted value is never closed (a missing closing ")',
  textAfterQuote: () =>
    'there is text after the closing quote of a value (write a quote inside a value as "")',
  unknownKind: (expected: string) =>
    `cannot tell which kind of report this is from the header (expected the columns of ${expected}); name the kind explicitly`,
  ambiguousKind: (kinds: readonly string[]) =>
    `the header fits more than one kind of report (${list(kinds)}); name the kind explicitly`,
  unknownColumn: (column: string, kind: string, allowed: readonly string[]) =>
    `${quote(column)} is not a column of a ${kind} report (allowed: ${list(allowed)})`,
  missingColumn: (column: string, kind: string) =>
    `the required column ${column} of a ${kind} report is missing`,
  duplicateColumn: (column: string) => `the column ${column} appears more than once in the header`,
  wrongFieldCount: (found: number, expected: number) =>
    `the row has ${found} values but the header has ${expected} columns`,
  noteRow: (text: string) =>
    `this row looks like a note, not a line of the report (${quote(text)}, every other cell empty): delete it, and keep notes in another file or on another sheet`,
  required: (column: string) => `${column} is required and is empty`,
  mixedValue: (column: string, value: string, first: string, firstRow: number) =>
    `${quote(value)} differs from ${quote(first)} in row ${firstRow}: one file is one report, for one hub and one period (${column} must be the same on every row)`,
  invalidHubId: (value: string) =>
    `${quote(value)} is not a valid hub id (lower-case letters, digits and hyphens, 2 to 64 characters, starting with a letter or digit)`,
  notUploader: (value: string, uploader: string) =>
    `${quote(value)} is not the hub you are uploading as (${quote(uploader)}); a hub may only upload its own reports`,
  councilCannotUploadReports: () =>
    "the Global Council uploads reference data (hubs, fx_rates), not hub reports; a hub uploads its own reports",
  onlyCouncilUploadsReference: (kind: string, uploader: string) =>
    `only the Global Council (council) may upload ${kind} reference data, not ${quote(uploader)}`,
  noRegistry: () =>
    "no hub registry has been uploaded yet: the Global Council must upload the hubs file first",
  unregisteredHub: (value: string) => `${quote(value)} is not a registered hub`,
  hubNotActive: (hub: string, year: number, from: number, to: number | null) =>
    `hub ${quote(hub)} is not active in ${year} (active ${from}${to === null ? " onwards" : `–${to}`})`,
  futurePeriod: (value: string, year: number, uploadYear: number) =>
    `${quote(value)} lies in the future: ${year} is after ${uploadYear}, the year of this upload (UTC)`,
  registryYearOutOfRange: (value: string, earliest: number, latest: number) =>
    `${quote(value)} is outside the years the registry accepts: ${earliest} to ${latest} (the year of this upload + 10)`,
  invalidPeriod: (value: string) =>
    `${quote(value)} is not a period: write a year (2025) or a quarter (2025-Q3)`,
  invalidYear: (value: string) => `${quote(value)} is not a year (write four digits, such as 2025)`,
  invalidEnum: (column: string, value: string, allowed: readonly string[]) =>
    `${quote(value)} is not a valid ${column} (allowed: ${list(allowed)})`,
  categoryNotInFlow: (category: string, flow: string, allowed: readonly string[]) =>
    `${quote(category)} is not a category of ${flow} lines (allowed for ${flow}: ${list(allowed)})`,
  globalOnlyCategory: (category: string) =>
    `only the global fund may report ${category}; hubs report money received from it as movement_allocation`,
  notForGlobalFund: (category: string) =>
    `the global fund cannot report ${category}: it is how hubs report what they receive from the fund`,
  decimalComma: (value: string) => `${quote(value)} is not a number (use . as the decimal separator)`,
  thousandsSeparator: (value: string, plainValue: string) =>
    `${quote(value)} is not a number (write it without thousands separators: ${plainValue})`,
  ambiguousNumber: (value: string, separator: string, asThousands: string, asDecimal: string) =>
    `${quote(value)} is ambiguous: ${asThousands} if the ${separator} separates thousands, or ${asDecimal} if it is the decimal separator (write the number without thousands separators, with . as the decimal separator)`,
  notANumber: (value: string) => `${quote(value)} is not a number`,
  negativeAmount: (value: string) => `${quote(value)} is negative; amounts are 0 or more`,
  tooManyDecimals: (value: string) => `${quote(value)} has more than 2 decimal places`,
  amountTooLarge: (value: string) =>
    `${quote(value)} is too large for an amount (the largest is 9999999999999.99; split the line)`,
  zeroAmount: () => "the amount is 0: accepted, but check that the line is meant to be there",
  invalidCurrency: (value: string) =>
    `${quote(value)} is not an ISO 4217 currency code (three capital letters, such as EUR)`,
  currencyCase: (value: string, code: string) =>
    `${quote(value)} must be written in capital letters: write ${code}`,
  allocationOutsideSeat: (country: string, hub: string, seat: string) =>
    `${quote(country)} is not the seat of hub ${quote(hub)} (${seat}): a movement_allocation line is booked in the country of the hub that receives it, where the money is spent from; accepted, but check the country`,
  missingRate: (currency: string, year: number) =>
    `there is no exchange rate for ${currency} in ${year}: the Global Council must upload one before this report`,
  invalidCountry: (value: string) =>
    `${quote(value)} is not an ISO 3166-1 alpha-2 country code in the country table`,
  countryCase: (value: string) =>
    `${quote(value)} must be written in capital letters: write ${value.toUpperCase()}`,
  countryName: (value: string, code: string, name: string) =>
    `${quote(value)} is a country's name, not its code: write ${code} (the ISO 3166-1 alpha-2 code of ${name})`,
  counterpartyRequired: (category: string) =>
    `counterparty_id is required on ${category} lines (${category === "team_grant" ? "the team's id" : "the receiving hub's id"})`,
  counterpartyNotHub: (value: string) =>
    `${quote(value)} is not a registered hub, so it cannot receive a hub_allocation`,
  invalidBoolean: (value: string) => `${quote(value)} is not true or false (write true/false, yes/no or 1/0)`,
  focusOnNonGrant: (flow: string) =>
    `underrepresented_focus applies to grant lines only; leave it empty on ${flow} lines`,
  tooLong: (column: string, limit: number) => `${column} is longer than ${limit} characters`,
  notAnInteger: (value: string) => `${quote(value)} is not a whole number of 0 or more`,
  integerTooLarge: (value: string) => `${quote(value)} is too large`,
  invalidMetric: (value: string) =>
    `${quote(value)} is not a metric name (lower-case letters, digits and underscores)`,
  nearMissMetric: (metric: string, known: string, rows: number) =>
    `${quote(metric)} is not a metric of frameworks 2026.1 and 2026.2, but it is within two edits of ${known}: write ${known} if that is what it counts (${rows} ${plural(rows, "row", "rows")}); a new metric needs a name further from the known ones`,
  unknownMetric: (metric: string, rows: number) =>
    `${quote(metric)} is not a metric of frameworks 2026.1 and 2026.2: accepted and stored (${rows} row${rows === 1 ? "" : "s"}), but not yet used in any indicator`,
  invalidLanguage: (value: string) => `${quote(value)} is not a language code (such as en, yo or pt-br)`,
  languageCase: (value: string, code: string) =>
    `${quote(value)} must be written in lower case, its parts joined by hyphens: write ${code}`,
  languageName: (value: string, code: string) =>
    `${quote(value)} is a language's name, not its code: write ${code}`,
  duplicateStock: (metric: string, firstRow: number) =>
    `${metric} is given twice for the same team, country and language (first in row ${firstRow}); a stock has one value per period`,
  totalExceeds: (part: string, partTotal: number, whole: string, wholeTotal: number) =>
    `the report's total ${part} (${partTotal}) is more than its total ${whole} (${wholeTotal})`,
  genderExceedsParticipants: (genderTotal: number, participants: number) =>
    `the report's gender metrics add up to ${genderTotal}, more than its participants (${participants})`,
  duplicateHub: (hub: string, firstRow: number) =>
    `hub ${quote(hub)} is listed twice (first in row ${firstRow})`,
  activeToBeforeFrom: (to: number, from: number) => `active_to (${to}) is before active_from (${from})`,
  nonPositiveRate: (value: string) => `${quote(value)} must be a number greater than 0`,
  usdRate: (value: string) => `USD needs no row (its rate is always 1), and ${quote(value)} is not 1`,
  usdRateIgnored: () => "USD needs no row: its rate is always 1",
  duplicateRate: (currency: string, year: number, firstRow: number) =>
    `the rate for ${currency} in ${year} is given twice (first in row ${firstRow})`,
  rateOutOfRange: (value: string, currency: string, references: readonly RateReference[]) =>
    `${quote(value)} US dollars per ${currency} differs by a factor of more than 10 from ${and(references.map((r) => rateReference(currency, r)))}; check the rate (usd_per_unit is US dollars per one ${currency})`,
  rateLooksInverted: (
    value: string,
    currency: string,
    references: readonly RateReference[],
    reciprocal: number,
  ) =>
    `${quote(value)} differs by a factor of more than 10 from ${and(references.map((r) => rateReference(currency, r)))}, and looks inverted: ${currency} per US dollar instead of US dollars per ${currency}; its reciprocal is ${plain(reciprocal, 6)}`,
  controlCharacter: (codes: readonly number[]) =>
    `the cell contains the control ${plural(codes.length, "character", "characters")} ${characters(codes, CONTROL_NAMES)}, not allowed in a cell (a tab is); remove ${plural(codes.length, "it", "them")}`,
  bidiCharacter: (codes: readonly number[]) =>
    `the cell contains the bidirectional formatting ${plural(codes.length, "character", "characters")} ${characters(codes, BIDI_NAMES)}, which can show text in another order than it is stored; remove ${plural(codes.length, "it", "them")}`,
  overlap: (existingPeriod: string, reportId: string, period: string) =>
    `a ${existingPeriod.includes("-Q") ? "quarterly" : "annual"} report for ${existingPeriod} is already there (report ${reportId}); annual and quarterly reports of the same year cannot both count, so ${period} cannot be added — replace the existing report with one for the same period instead`,
  moreProblems: (count: number) => `…and ${count} more problem${count === 1 ? "" : "s"} not listed`,

  // What the uploaded file is (reporting standard 1.1, spreadsheets): recognised by its bytes, not its name.
  xlsWorkbook: () =>
    "the file seems to be an Excel 97–2003 workbook (.xls), which is not read here: save it as .xlsx (Excel Workbook) or CSV UTF-8 and upload that",
  xlsbWorkbook: () =>
    "the file seems to be an Excel binary workbook (.xlsb), which is not read here: save it as .xlsx (Excel Workbook) or CSV UTF-8 and upload that",
  encryptedFile: () =>
    "the file seems to be a password-protected (encrypted) Office file, which cannot be read: save a copy without a password, as .xlsx or CSV UTF-8, and upload that",
  numbersWorkbook: () =>
    "the file seems to be an Apple Numbers spreadsheet (.numbers), which is not read here: export it as Excel (.xlsx) or CSV (File > Export To) and upload that",
  officeDocument: (what: string) => `the file seems to be ${what}, which is not read here: ${SAVE_AS}`,
  pdfDocument: () =>
    "the file seems to be a PDF document, which cannot be read as a table: save the spreadsheet the PDF was made from as CSV UTF-8, .xlsx or .ods and upload that",
  zipArchive: () =>
    "the file seems to be a zip archive, not a workbook: unzip it and upload the report inside (one file per report)",
  imageFile: (format: string) =>
    `the file seems to be an image (${format}), which cannot be read as a table: ${SAVE_AS}`,
  gzipFile: () =>
    "the file seems to be compressed with gzip (.gz): decompress it and upload the report inside",
  utf16Text: () => "the file is UTF-16 text (such as Excel's Unicode Text): save it as CSV UTF-8",
  markupDocument: (what: string) =>
    `the file seems to be ${what}, not CSV: open it in your spreadsheet program and ${SAVE_AS}`,
  unknownBinary: () =>
    "the file is not text, and not a workbook that can be read here (.xlsx or .ods): save the report as CSV UTF-8, .xlsx or .ods and upload that",
  damagedArchive: () =>
    "the file starts like a workbook (a zip archive) but is damaged or incomplete, perhaps cut off during the upload: save it again and upload the new file",

  // Reading the first sheet of a workbook.
  workbookUnreadable: (reason: string) =>
    `the workbook cannot be read (${reason}): open it in your spreadsheet program, save it again as .xlsx or .ods, and upload the new file`,
  tooManyZipEntries: (limit: number) =>
    `the workbook holds more than ${count(limit)} files inside its zip archive, the most that is read: copy the report's sheet into a new workbook and upload that`,
  workbookFileTooLarge: (bytes: number, limit: number) =>
    `the file is ${size(bytes)}, a workbook or another zipped or Office file; workbooks are read up to ${size(limit)}: save the report as CSV UTF-8 and upload that, or split it into smaller workbooks`,
  workbookPartTooLarge: (part: string, limit: number) =>
    `the part ${quote(part)} of the workbook expands to more than ${size(limit)}, the most that part may hold: split the report into smaller files`,
  workbookTooLarge: (limit: number) =>
    `the parts of the workbook expand to more than ${size(limit)} in all, the most that is read: split the report into smaller files`,
  sheetTooManyRows: (limit: number) =>
    `the first sheet has values below row ${count(limit)}, the last row that is read: split the report into smaller files`,
  sheetTooManyColumns: (limit: number) =>
    `the first sheet has values right of column ${columnLetters(limit)} (column ${count(limit)}), the last column that is read: delete them`,
  sheetTooManyCells: (limit: number) =>
    `the first sheet has more than ${count(limit)} cells up to its last value in each row, the most that is read: split the report into smaller files`,
  cellTooLong: (cell: string, limit: number) =>
    `${cell} holds more than ${count(limit)} characters, the most a cell may hold: shorten it`,
  formulaWithoutValue: (cell: string) =>
    `${cell} holds a formula whose value was not saved (formulas are never calculated here): open the file in your spreadsheet program and save it again, so that it saves the values`,
  firstSheetNotTable: (name: string, what: string) =>
    `the first sheet, ${quote(name)}, is ${what}, not a table: the report must be on the first sheet, so move its sheet to the first place`,
  firstSheetHidden: (name: string) =>
    `the first sheet, ${quote(name)}, is hidden: the report must be on the first sheet, so show it, or move the report's sheet to the first place`,
  emptySheet: (name: string) =>
    `the first sheet, ${quote(name)}, has no values: the report must be on the first sheet of the workbook`,
} as const;

export type MessageCode = keyof typeof messages;
