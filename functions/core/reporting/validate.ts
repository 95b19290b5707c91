import { CURATED_TABLES } from "../lake/tables.js";
import type { CountryTable } from "../reference/countries.js";
import { validateScenarioUpload } from "../scenarios/scenario-upload.js";
import {
  escapeForbiddenCharacters,
  findForbiddenCharacters,
  removeForbiddenCharacters,
} from "./characters.js";
import { type CsvRecord, type CsvSyntaxError, fieldCountOf } from "./csv.js";
import {
  CATEGORIES_BY_FLOW,
  COLUMNS,
  COUNCIL,
  FLOW_METRICS,
  FLOWS,
  type Flow,
  HUB_KINDS,
  type HubKind,
  isHubReportKind,
  REPORT_KINDS,
  type ReportKind,
  STOCK_METRICS,
  type UploadKind,
} from "./kinds.js";
import { messages } from "./messages.js";
import { nearMissOf } from "./metric-names.js";
import { diagnoseNumberFormat, type NumberFormatOptions } from "./numbers.js";
import { type Problem, ProblemCollector } from "./problems.js";
import { checkRate, rateReferences } from "./rate-checks.js";
import { type SheetFormat, type UploadConsumer, type UploadFormat, UploadReader } from "./upload-reader.js";
import { columnLetters, DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from "./workbook.js";

/** A hub of the registry, as the validation of hub reports needs it. */
export interface HubRecord {
  readonly hubId: string;
  readonly name: string;
  readonly kind: HubKind;
  readonly country: string;
  readonly activeFrom: number;
  readonly activeTo: number | null;
}

/** What validation needs to know of the lake: the current hub registry and the exchange rates. */
export interface ReferenceState {
  /** The current hub registry; undefined while none has been uploaded. */
  readonly hubs: ReadonlyMap<string, HubRecord> | undefined;
  hasRate(currency: string, year: number): boolean;
  /**
   * The rates of a currency in the lake, US dollars per unit by year (empty when it has none); of several
   * uploads of the same (currency, year), the newest upload's rate, as the indicators use it.
   */
  ratesOf(currency: string): ReadonlyMap<number, number>;
  /** The years with current financial reports (what a scenario may be applied to). */
  readonly financialYears: readonly number[];
}

/** What a file is validated against, and how. */
export interface ValidationOptions {
  readonly uploader: string;
  /** The kind named by the uploader; recognised from the header (a scenario: from its content) when absent. */
  readonly kind?: UploadKind;
  readonly countries: CountryTable;
  readonly reference: ReferenceState;
  /** When the file is ingested: no report period may lie after its year (UTC), and registry years are bounded by it. */
  readonly now: Date;
  /** @default 256 MiB */
  readonly maxBytes?: number;
  /** How many problems are listed before the rest are only counted. @default 1000 */
  readonly maxProblems?: number;
  /** How much of a workbook is read: its size, its parts, its sheet. @default DEFAULT_WORKBOOK_LIMITS */
  readonly workbookLimits?: WorkbookLimits;
}

/** A file in memory to validate. */
export interface ValidationInput extends ValidationOptions {
  readonly bytes: Uint8Array;
}

/** One typed value of a column of a curated table. */
export type CellValue = string | number | boolean | null;

/** A row of an accepted file, typed, by column of its curated table (without `report_id`). */
export type TypedRow = Readonly<Record<string, CellValue>>;

/** Typed column values of an accepted file, in the order of its curated table (without `report_id`). */
export type ColumnValues = Record<string, CellValue[]>;

/**
 * What validation learnt of a file without errors: its identity (hub, period) and how many rows it has; for a
 * document (a scenario), also its id and curated form.
 */
export interface ReportSummary {
  readonly kind: UploadKind;
  readonly hubId: string | null;
  readonly period: string | null;
  readonly year: number | null;
  readonly quarter: number | null;
  readonly rowCount: number;
  /** A document kind (a scenario): what it supersedes by, and its curated form, kept instead of Parquet. */
  readonly document?: ValidatedDocument;
}

/** A document that passed validation (a scenario, small enough to be held whole). */
export interface ValidatedDocument {
  /** What a later upload supersedes it by. */
  readonly id: string;
  /** Its curated form: JSON text, as the curated zone keeps it. */
  readonly curated: Uint8Array;
}

/** A file in memory that passed validation: its identity and its typed columns (none for a document). */
export interface ValidatedReport extends ReportSummary {
  readonly columns: ColumnValues;
}

export interface ValidationResult<Report extends ReportSummary = ReportSummary> {
  /** What the file holds, CSV text, a workbook or a JSON document; undefined when it is none, or was not read. */
  readonly format: UploadFormat | undefined;
  readonly kind: UploadKind | undefined;
  readonly problems: Problem[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Present only when the file has no errors. */
  readonly report: Report | undefined;
}

/** Receives the typed rows of a file as they are validated, in file order, as long as no error has been found. */
export interface RowSink {
  row(values: TypedRow): void;
}

/** A row sink that may ask the reading to wait (such as a Parquet writer writing out a row group). */
export interface AsyncRowSink extends RowSink {
  /** Resolves when the sink is ready for more rows; rejects when it has failed. */
  drain(): Promise<void>;
}

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

const HUB_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;
const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;
const YEAR = /^\d{4}$/;
const AMOUNT = /^\d+(?:\.\d{1,2})?$/;
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;
const INTEGER = /^\d+$/;
const METRIC = /^[a-z][a-z0-9_]*$/;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]+)*$/;
const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  "1": true,
  "0": false,
};
/** Below 10^13 every amount of at most 2 decimals converts to exact cents through a double. */
const MAX_AMOUNT = 1e13;
const MAX_TEXT = 2000;
const KNOWN_METRIC_NAMES: readonly string[] = [...FLOW_METRICS, ...STOCK_METRICS];
const KNOWN_METRICS = new Set<string>(KNOWN_METRIC_NAMES);
/** Registry years (active_from, active_to) lie between this year and the year of the upload + 10. */
const EARLIEST_REGISTRY_YEAR = 2000;
const REGISTRY_YEARS_AHEAD = 10;
const AMOUNT_FORMAT: NumberFormatOptions = { decimalComma: true, ambiguousDot: true };
const VALUE_FORMAT: NumberFormatOptions = { decimalComma: false, ambiguousDot: true };
const RATE_FORMAT: NumberFormatOptions = { decimalComma: true, ambiguousDot: false };
const STOCKS = new Set<string>(STOCK_METRICS);

/** Columns whose presence tells a kind apart when the uploader does not name it. */
const SIGNATURES: Readonly<Record<ReportKind, readonly string[]>> = {
  financial: ["flow", "amount"],
  impact: ["metric", "value"],
  hubs: ["name", "kind", "active_from"],
  fx_rates: ["usd_per_unit"],
};

/**
 * Validates one uploaded file held in memory against the hub reporting standard: every problem is collected (not
 * just the first), and typed columns are returned only for a file without errors (see {@link validateUpload}).
 */
export function validateReport(input: ValidationInput): ValidationResult<ValidatedReport> {
  let columns: ColumnValues | undefined;
  const validation = new UploadValidation(input, input.bytes.byteLength, {
    row(values) {
      columns ??= Object.fromEntries(Object.keys(values).map((name) => [name, []]));
      push(columns, values);
    },
  });
  validation.write(input.bytes);
  const ending = validation.end();
  for (;;) {
    const step = ending.next();
    if (!step.done) continue;
    const { report } = step.value;
    const noColumns = report?.kind === "scenario" ? {} : report && emptyColumns(report.kind);
    return { ...step.value, report: report && { ...report, columns: columns ?? noColumns ?? {} } };
  }
}

/**
 * Validates one uploaded file as its bytes are read, in bounded memory: CSV text piece by piece, a workbook's first
 * sheet record by record (the workbook itself is held whole, up to `workbookLimits.maxFileBytes`). Every problem is
 * counted and the first `maxProblems` listed; a file that cannot be read as a report (too large, not a report format,
 * not UTF-8, a workbook that cannot be read) gets that one problem. The typed rows of the file go to `sink` as long
 * as it has no error, and the reading waits for `sink.drain()` after each piece.
 */
export async function validateUpload(
  chunks: AsyncIterable<Uint8Array>,
  options: ValidationOptions & { readonly expectedBytes?: number },
  sink?: AsyncRowSink,
): Promise<ValidationResult> {
  const validation = new UploadValidation(options, options.expectedBytes, sink);
  for await (const chunk of chunks) {
    validation.write(chunk);
    await sink?.drain();
  }
  const ending = validation.end();
  for (;;) {
    const step = ending.next();
    if (step.done) return step.value;
    await sink?.drain();
  }
}

/** An upload read and validated as its bytes come in. */
class UploadValidation {
  private readonly collector: ProblemCollector;
  private readonly records: RecordValidation;
  private readonly reader: UploadReader;

  constructor(
    private readonly options: ValidationOptions,
    expectedBytes: number | undefined,
    sink: RowSink | undefined,
  ) {
    this.collector = new ProblemCollector(options.maxProblems ?? 1000);
    this.records = new RecordValidation(options, this.collector, sink);
    this.reader = new UploadReader(this.records, {
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      workbookLimits: options.workbookLimits ?? DEFAULT_WORKBOOK_LIMITS,
      expectedBytes,
      kind: options.kind,
    });
  }

  write(chunk: Uint8Array): void {
    this.reader.write(chunk);
  }

  *end(): Generator<void, ValidationResult, undefined> {
    const reading = yield* this.reader.end();
    if (!reading.ok)
      return {
        format: reading.format,
        kind: reading.format === "json" ? "scenario" : this.options.kind,
        problems: [reading.problem],
        errorCount: 1,
        warningCount: 0,
        report: undefined,
      };
    if (reading.format === "json")
      return validateScenarioUpload({ ...this.options, bytes: reading.document });
    const report = this.records.finish();
    return {
      format: reading.format,
      kind: this.records.kind,
      problems: this.collector.result(),
      errorCount: this.collector.errorCount,
      warningCount: this.collector.warningCount,
      report: this.collector.errorCount === 0 ? report : undefined,
    };
  }
}

/**
 * Validates the records of a file one by one (the first is the header) against the rules of its kind: what each
 * row breaks as it comes, and what the rows break together (duplicates, totals) once the last has been read.
 */
class RecordValidation implements UploadConsumer {
  private headerRow: number | undefined;
  private headerWidth = 0;
  private headerNames: string[] = [];
  kind: ReportKind | undefined;
  /** The report kind the uploader named (a file named a scenario is read as a document, never as records). */
  private readonly named: ReportKind | undefined;
  private rows: KindRows | undefined;
  private dataRecords = 0;
  private rowCount = 0;
  /** Whether a problem names a column also by its letter, as in a sheet. */
  private byLetter = false;

  constructor(
    private readonly input: ValidationOptions,
    private readonly collector: ProblemCollector,
    private readonly sink: RowSink | undefined,
  ) {
    this.named = input.kind === "scenario" ? undefined : input.kind;
    this.kind = this.named;
  }

  /** The rows and columns of a workbook are the sheet's: a problem names a column also by its letter. */
  readingFormat(format: SheetFormat): void {
    this.byLetter = format !== "csv";
  }

  syntaxError(error: CsvSyntaxError): void {
    if (error.kind === "unterminated_quote")
      this.collector.error("unterminatedQuote", messages.unterminatedQuote(), error.row);
    else this.collector.error("textAfterQuote", messages.textAfterQuote(), error.row);
  }

  record(record: CsvRecord, unterminated: boolean): void {
    if (this.headerRow === undefined) {
      this.readHeader(record);
      return;
    }
    this.dataRecords++;
    if (!this.rows) return;
    const width = fieldCountOf(record);
    if (width !== this.headerWidth) {
      this.collector.error("wrongFieldCount", messages.wrongFieldCount(width, this.headerWidth), record.row);
      return;
    }
    this.rowCount++;
    if (!unterminated) this.checkTextCells(record);
    this.rows.row(record);
  }

  /** After the last record: what the rows break together, and the report's identity. */
  finish(): ReportSummary | undefined {
    if (this.headerRow === undefined) {
      this.collector.error("emptyFile", messages.emptyFile());
      return undefined;
    }
    if (this.kind === undefined) return undefined;
    if (this.dataRecords === 0) {
      this.collector.error("noDataRows", messages.noDataRows(), this.headerRow);
      return undefined;
    }
    return this.rows?.finish(this.rowCount);
  }

  private readHeader(record: CsvRecord): void {
    this.headerRow = record.row;
    this.headerWidth = fieldCountOf(record);
    this.headerNames = record.fields.map((name) => name.trim().toLowerCase());
    this.kind = this.named ?? recogniseKind(this.headerNames, record.row, this.collector);
    if (!this.kind) return;
    const layout = checkHeader(this.kind, this.headerNames, record.row, this.collector, this.byLetter);
    checkUploader(this.kind, this.input.uploader, this.collector);
    if (!layout) return;
    if (this.byLetter)
      this.collector.nameColumns((column) => {
        const index = layout.get(column);
        return index === undefined ? column : columnLabel(column, index, true);
      });
    const context: RowContext = { input: this.input, collector: this.collector, layout };
    this.rows = ROWS[this.kind](context, (values) => this.sink?.row(values));
  }

  /**
   * Reports every cell that holds a control or bidirectional formatting character, and takes those characters out
   * of the record, so that the other rules judge the rest of the cell instead of repeating the same problem (the
   * file is rejected all the same). A row whose quote is never closed is left out: its problem is the quote.
   */
  private checkTextCells(record: CsvRecord): void {
    record.fields.forEach((field, index) => {
      const found = findForbiddenCharacters(field);
      if (!found) return;
      const column = columnLabel(this.headerNames[index] ?? "", index, this.byLetter);
      if (found.control.length > 0)
        this.collector.error(
          "controlCharacter",
          messages.controlCharacter(found.control),
          record.row,
          column,
        );
      if (found.bidi.length > 0)
        this.collector.error("bidiCharacter", messages.bidiCharacter(found.bidi), record.row, column);
      record.fields[index] = removeForbiddenCharacters(field);
    });
  }
}

function recogniseKind(header: string[], row: number, collector: ProblemCollector): ReportKind | undefined {
  const matches = REPORT_KINDS.filter((kind) => SIGNATURES[kind].every((column) => header.includes(column)));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) collector.error("ambiguousKind", messages.ambiguousKind(matches), row);
  else
    collector.error(
      "unknownKind",
      messages.unknownKind(REPORT_KINDS.map((k) => `${k} (${SIGNATURES[k].join(", ")})`).join(" or ")),
      row,
    );
  return undefined;
}

/**
 * How a problem names a column: by its header cell (escaped, as it comes from the file), or by position; in a sheet
 * also by its letter, as `amount (E)` (the letter alone under an empty header cell).
 */
function columnLabel(name: string, index: number, byLetter: boolean): string {
  if (!byLetter) return name === "" ? `${index + 1}` : escapeForbiddenCharacters(name);
  const letter = columnLetters(index + 1);
  return name === "" ? letter : `${escapeForbiddenCharacters(name)} (${letter})`;
}

/** Column positions of a valid header, by column name. */
type Layout = Map<string, number>;

function checkHeader(
  kind: ReportKind,
  header: string[],
  row: number,
  collector: ProblemCollector,
  byLetter: boolean,
): Layout | undefined {
  const { required, optional } = COLUMNS[kind];
  const allowed = [...required, ...optional];
  const layout: Layout = new Map();
  let valid = true;
  header.forEach((name, index) => {
    if (!allowed.includes(name)) {
      collector.error(
        "unknownColumn",
        messages.unknownColumn(name, kind, allowed),
        row,
        columnLabel(name, index, byLetter),
      );
    } else if (layout.has(name)) {
      collector.error(
        "duplicateColumn",
        messages.duplicateColumn(name),
        row,
        byLetter ? columnLabel(name, index, true) : name,
      );
      valid = false;
    } else {
      layout.set(name, index);
    }
  });
  for (const column of required) {
    if (!layout.has(column)) {
      collector.error("missingColumn", messages.missingColumn(column, kind), row, column);
      valid = false;
    }
  }
  return valid ? layout : undefined;
}

function checkUploader(kind: ReportKind, uploader: string, collector: ProblemCollector): void {
  if (isHubReportKind(kind) && uploader === COUNCIL) {
    collector.error("councilCannotUploadReports", messages.councilCannotUploadReports());
  } else if (!isHubReportKind(kind) && uploader !== COUNCIL) {
    collector.error("onlyCouncilUploadsReference", messages.onlyCouncilUploadsReference(kind, uploader));
  }
}

/** A problem of a value written with other separators than the standard's, if it is one. */
function reportNumberFormat(
  value: string,
  options: NumberFormatOptions,
  row: number,
  column: string,
  collector: ProblemCollector,
): boolean {
  const problem = diagnoseNumberFormat(value, options);
  if (!problem) return false;
  if (problem.code === "decimalComma")
    collector.error("decimalComma", messages.decimalComma(value), row, column);
  else if (problem.code === "ambiguousNumber")
    collector.error(
      "ambiguousNumber",
      messages.ambiguousNumber(value, problem.separator, problem.asThousands, problem.asDecimal),
      row,
      column,
    );
  else collector.error("thousandsSeparator", messages.thousandsSeparator(value, problem.plain), row, column);
  return true;
}

interface RowContext {
  readonly input: ValidationOptions;
  readonly collector: ProblemCollector;
  readonly layout: Layout;
}

/** Reads trimmed cells of a row by column name; an absent optional column reads as empty. */
function cellReader(layout: Layout, record: CsvRecord) {
  return (column: string): string => {
    const index = layout.get(column);
    return index === undefined ? "" : (record.fields[index] ?? "").trim();
  };
}

function emptyColumns(kind: ReportKind): ColumnValues {
  return Object.fromEntries(
    CURATED_TABLES[kind].columns.filter((c) => c.name !== "report_id").map((c) => [c.name, []]),
  );
}

function push(columns: ColumnValues, values: TypedRow): void {
  for (const [name, value] of Object.entries(values)) (columns[name] as CellValue[]).push(value);
}

/** The rules of one kind, row by row. */
interface KindRows {
  row(record: CsvRecord): void;
  /** After the last row: what the rows break together, and the report's identity (of `rowCount` rows). */
  finish(rowCount: number): ReportSummary | undefined;
}

const ROWS: Record<ReportKind, (context: RowContext, emit: (values: TypedRow) => void) => KindRows> = {
  financial: (context, emit) => new FinancialRows(context, emit),
  impact: (context, emit) => new ImpactRows(context, emit),
  hubs: (context, emit) => new HubRows(context, emit),
  fx_rates: (context, emit) => new FxRateRows(context, emit),
};

/** Identity of a hub report: every row must carry the first row's hub_id and period. */
interface ReportIdentity {
  readonly hubId: string;
  readonly hub: HubRecord | undefined;
  readonly period: string;
  readonly year: number;
  readonly quarter: number | null;
}

/**
 * Checks the identity of a hub report row by row: the first row's hub_id and period fully (the hub must be the
 * uploader, registered and active in the period, which must not lie in the future), every later row's against the
 * first's.
 */
class IdentityCheck {
  private first: { readonly row: number; readonly hubId: string; readonly period: string } | undefined;
  /** The report's identity, once the first row is read; undefined while it is not valid. */
  identity: ReportIdentity | undefined;

  constructor(private readonly context: RowContext) {}

  row(record: CsvRecord): void {
    if (!this.first) {
      this.identity = this.checkFirst(record);
      return;
    }
    const { collector, layout } = this.context;
    const cell = cellReader(layout, record);
    const { hubId, period, row: firstRow } = this.first;
    if (cell("hub_id") !== hubId)
      collector.error(
        "mixedValue",
        messages.mixedValue("hub_id", cell("hub_id"), hubId, firstRow),
        record.row,
        "hub_id",
      );
    if (cell("period") !== period)
      collector.error(
        "mixedValue",
        messages.mixedValue("period", cell("period"), period, firstRow),
        record.row,
        "period",
      );
  }

  private checkFirst(first: CsvRecord): ReportIdentity | undefined {
    const { collector, layout, input } = this.context;
    const read = cellReader(layout, first);
    const hubId = read("hub_id");
    const period = read("period");
    this.first = { row: first.row, hubId, period };
    let identityValid = true;

    if (hubId === "") {
      collector.error("required", messages.required("hub_id"), first.row, "hub_id");
      identityValid = false;
    } else if (!HUB_ID.test(hubId)) {
      collector.error("invalidHubId", messages.invalidHubId(hubId), first.row, "hub_id");
      identityValid = false;
    } else if (input.uploader !== COUNCIL && hubId !== input.uploader) {
      collector.error("notUploader", messages.notUploader(hubId, input.uploader), first.row, "hub_id");
    }
    const periodMatch = PERIOD.exec(period);
    if (!periodMatch) {
      if (period === "") collector.error("required", messages.required("period"), first.row, "period");
      else collector.error("invalidPeriod", messages.invalidPeriod(period), first.row, "period");
      identityValid = false;
    }
    if (!identityValid || !periodMatch) return undefined;
    const year = Number(periodMatch[1]);
    const quarter = periodMatch[2] === undefined ? null : Number(periodMatch[2]);
    const uploadYear = input.now.getUTCFullYear();
    if (year > uploadYear) {
      collector.error("futurePeriod", messages.futurePeriod(period, year, uploadYear), first.row, "period");
      return undefined;
    }

    const registry = input.reference.hubs;
    let hub: HubRecord | undefined;
    if (!registry) {
      collector.error("noRegistry", messages.noRegistry(), first.row, "hub_id");
    } else {
      hub = registry.get(hubId);
      if (!hub) collector.error("unregisteredHub", messages.unregisteredHub(hubId), first.row, "hub_id");
      else if (year < hub.activeFrom || (hub.activeTo !== null && year > hub.activeTo))
        collector.error(
          "hubNotActive",
          messages.hubNotActive(hubId, year, hub.activeFrom, hub.activeTo),
          first.row,
          "period",
        );
    }
    return { hubId, hub, period, year, quarter };
  }
}

function checkCountry(value: string, row: number, context: RowContext): boolean {
  if (value === "") {
    context.collector.error("required", messages.required("country"), row, "country");
    return false;
  }
  if (context.input.countries.byCode.has(value)) return true;
  if (context.input.countries.byCode.has(value.toUpperCase()))
    context.collector.error("countryCase", messages.countryCase(value), row, "country");
  else context.collector.error("invalidCountry", messages.invalidCountry(value), row, "country");
  return false;
}

function checkText(value: string, column: string, row: number, context: RowContext): string | null {
  if (value.length > MAX_TEXT)
    context.collector.error("tooLong", messages.tooLong(column, MAX_TEXT), row, column);
  return value === "" ? null : value;
}

/**
 * Parses an amount: a plain decimal with `.`, at most 2 places; says precisely what is wrong otherwise, never
 * suggesting a number of another magnitude.
 */
function parseAmount(value: string, row: number, context: RowContext): number | undefined {
  const { collector } = context;
  if (value === "") {
    collector.error("required", messages.required("amount"), row, "amount");
    return undefined;
  }
  if (AMOUNT.test(value)) {
    const amount = Number(value);
    if (amount < MAX_AMOUNT) return amount;
    collector.error("amountTooLarge", messages.amountTooLarge(value), row, "amount");
    return undefined;
  }
  if (reportNumberFormat(value, AMOUNT_FORMAT, row, "amount", collector)) return undefined;
  if (DECIMAL.test(value) && value.startsWith("-"))
    collector.error("negativeAmount", messages.negativeAmount(value), row, "amount");
  else if (/^\d+\.\d{3,}$/.test(value))
    collector.error("tooManyDecimals", messages.tooManyDecimals(value), row, "amount");
  else collector.error("notANumber", messages.notANumber(value), row, "amount");
  return undefined;
}

class FinancialRows implements KindRows {
  private readonly identities: IdentityCheck;
  private readonly missingRates = new Set<string>();

  constructor(
    private readonly context: RowContext,
    private readonly emit: (values: TypedRow) => void,
  ) {
    this.identities = new IdentityCheck(context);
  }

  row(record: CsvRecord): void {
    const { context, missingRates } = this;
    const { collector, layout, input } = context;
    this.identities.row(record);
    const { identity } = this.identities;
    const isGlobalFund = identity?.hub?.kind === "global";
    const cell = cellReader(layout, record);
    const { row } = record;
    const flow = cell("flow");
    const category = cell("category");
    const validFlow = (FLOWS as readonly string[]).includes(flow);
    if (flow === "") collector.error("required", messages.required("flow"), row, "flow");
    else if (!validFlow)
      collector.error("invalidEnum", messages.invalidEnum("flow", flow, FLOWS), row, "flow");
    else if (category === "") collector.error("required", messages.required("category"), row, "category");
    else if (!CATEGORIES_BY_FLOW[flow as Flow].includes(category))
      collector.error(
        "categoryNotInFlow",
        messages.categoryNotInFlow(category, flow, CATEGORIES_BY_FLOW[flow as Flow]),
        row,
        "category",
      );
    else if (identity?.hub) {
      if ((category === "online_fundraising" || category === "hub_allocation") && !isGlobalFund)
        collector.error("globalOnlyCategory", messages.globalOnlyCategory(category), row, "category");
      if (category === "movement_allocation" && isGlobalFund)
        collector.error("notForGlobalFund", messages.notForGlobalFund(category), row, "category");
    }

    const amountText = cell("amount");
    const amount = parseAmount(amountText, row, context);
    if (amount === 0) collector.warning("zeroAmount", messages.zeroAmount(), row, "amount");

    const currency = cell("currency");
    if (currency === "") collector.error("required", messages.required("currency"), row, "currency");
    else if (!CURRENCY.test(currency))
      collector.error("invalidCurrency", messages.invalidCurrency(currency), row, "currency");
    else if (
      identity &&
      currency !== "USD" &&
      !missingRates.has(currency) &&
      !input.reference.hasRate(currency, identity.year)
    ) {
      missingRates.add(currency);
      collector.error("missingRate", messages.missingRate(currency, identity.year), row, "currency");
    }
    const country = cell("country");
    const countryValid = checkCountry(country, row, context);
    const hub = identity?.hub;
    if (
      countryValid &&
      flow === "revenue" &&
      category === "movement_allocation" &&
      hub &&
      hub.kind !== "global" &&
      country !== hub.country
    )
      collector.warning(
        "allocationOutsideSeat",
        messages.allocationOutsideSeat(country, hub.hubId, hub.country),
        row,
        "country",
      );

    const counterparty = cell("counterparty_id");
    if (counterparty === "" && (category === "team_grant" || category === "hub_allocation"))
      collector.error(
        "counterpartyRequired",
        messages.counterpartyRequired(category),
        row,
        "counterparty_id",
      );
    else if (category === "hub_allocation" && input.reference.hubs && !input.reference.hubs.has(counterparty))
      collector.error(
        "counterpartyNotHub",
        messages.counterpartyNotHub(counterparty),
        row,
        "counterparty_id",
      );

    const focusText = cell("underrepresented_focus").toLowerCase();
    let focus = false;
    if (focusText !== "") {
      if (!Object.hasOwn(BOOLEANS, focusText))
        collector.error(
          "invalidBoolean",
          messages.invalidBoolean(cell("underrepresented_focus")),
          row,
          "underrepresented_focus",
        );
      else if (validFlow && flow !== "grant" && BOOLEANS[focusText])
        collector.error("focusOnNonGrant", messages.focusOnNonGrant(flow), row, "underrepresented_focus");
      else focus = BOOLEANS[focusText] as boolean;
    }

    const counterpartyId = checkText(counterparty, "counterparty_id", row, context);
    const description = checkText(cell("description"), "description", row, context);
    if (collector.errorCount === 0 && identity && amount !== undefined) {
      this.emit({
        source_row: row,
        hub_id: identity.hubId,
        period: identity.period,
        year: identity.year,
        quarter: identity.quarter,
        flow,
        category,
        amount,
        currency,
        country,
        counterparty_id: counterpartyId,
        underrepresented_focus: focus,
        description,
      });
    }
  }

  finish(rowCount: number): ReportSummary | undefined {
    return hubReport("financial", this.identities.identity, rowCount);
  }
}

function hubReport(
  kind: ReportKind,
  identity: ReportIdentity | undefined,
  rowCount: number,
): ReportSummary | undefined {
  if (!identity) return undefined;
  return {
    kind,
    hubId: identity.hubId,
    period: identity.period,
    year: identity.year,
    quarter: identity.quarter,
    rowCount,
  };
}

class ImpactRows implements KindRows {
  private readonly identities: IdentityCheck;
  private readonly totals = new Map<string, { total: number; firstRow: number }>();
  /** Each unknown metric, with the known one it is a near miss of (an error) or none (a warning). */
  private readonly unknownMetrics = new Map<
    string,
    { nearMissOf: string | undefined; rows: number; firstRow: number }
  >();
  private readonly stockKeys = new Map<string, number>();

  constructor(
    private readonly context: RowContext,
    private readonly emit: (values: TypedRow) => void,
  ) {
    this.identities = new IdentityCheck(context);
  }

  row(record: CsvRecord): void {
    const { context, totals, unknownMetrics, stockKeys } = this;
    const { collector, layout } = context;
    this.identities.row(record);
    const { identity } = this.identities;
    const cell = cellReader(layout, record);
    const { row } = record;
    const country = cell("country");
    checkCountry(country, row, context);

    const metric = cell("metric");
    let metricValid = true;
    if (metric === "") {
      collector.error("required", messages.required("metric"), row, "metric");
      metricValid = false;
    } else if (!METRIC.test(metric)) {
      collector.error("invalidMetric", messages.invalidMetric(metric), row, "metric");
      metricValid = false;
    } else if (!KNOWN_METRICS.has(metric)) {
      const seen = unknownMetrics.get(metric) ?? {
        nearMissOf: nearMissOf(metric, KNOWN_METRIC_NAMES),
        rows: 0,
        firstRow: row,
      };
      seen.rows++;
      unknownMetrics.set(metric, seen);
    }

    const valueText = cell("value");
    let value: number | undefined;
    if (valueText === "") collector.error("required", messages.required("value"), row, "value");
    else if (!INTEGER.test(valueText)) {
      if (valueText.startsWith("-") || !reportNumberFormat(valueText, VALUE_FORMAT, row, "value", collector))
        collector.error("notAnInteger", messages.notAnInteger(valueText), row, "value");
    } else if (!Number.isSafeInteger(Number(valueText)))
      collector.error("integerTooLarge", messages.integerTooLarge(valueText), row, "value");
    else value = Number(valueText);

    const language = cell("language");
    if (language !== "" && !LANGUAGE.test(language))
      collector.error("invalidLanguage", messages.invalidLanguage(language), row, "language");
    const teamId = checkText(cell("team_id"), "team_id", row, context);

    if (metricValid && STOCKS.has(metric)) {
      const key = JSON.stringify([teamId, country, language, metric]);
      const firstRow = stockKeys.get(key);
      if (firstRow !== undefined)
        collector.error("duplicateStock", messages.duplicateStock(metric, firstRow), row, "metric");
      else stockKeys.set(key, row);
    }
    if (metricValid && value !== undefined) {
      const total = totals.get(metric) ?? { total: 0, firstRow: row };
      total.total += value;
      totals.set(metric, total);
    }
    if (collector.errorCount === 0 && identity && value !== undefined) {
      this.emit({
        source_row: row,
        hub_id: identity.hubId,
        period: identity.period,
        year: identity.year,
        quarter: identity.quarter,
        team_id: teamId,
        country,
        metric,
        value,
        language: language === "" ? null : language,
      });
    }
  }

  finish(rowCount: number): ReportSummary | undefined {
    const { collector } = this.context;
    for (const [metric, seen] of this.unknownMetrics) {
      if (seen.nearMissOf !== undefined)
        collector.error(
          "nearMissMetric",
          messages.nearMissMetric(metric, seen.nearMissOf, seen.rows),
          seen.firstRow,
          "metric",
        );
      else
        collector.warning(
          "unknownMetric",
          messages.unknownMetric(metric, seen.rows),
          seen.firstRow,
          "metric",
        );
    }
    checkImpactTotals(this.totals, collector);
    return hubReport("impact", this.identities.identity, rowCount);
  }
}

function checkImpactTotals(
  totals: Map<string, { total: number; firstRow: number }>,
  collector: ProblemCollector,
): void {
  const total = (metric: string) => totals.get(metric)?.total ?? 0;
  const exceeds = (part: string, whole: string) => {
    const partTotal = totals.get(part);
    if (partTotal && partTotal.total > total(whole))
      collector.error(
        "totalExceeds",
        messages.totalExceeds(part, partTotal.total, whole, total(whole)),
        partTotal.firstRow,
        "value",
      );
  };
  exceeds("new_participants", "participants");
  exceeds("board_women", "board_members");
  exceeds("board_global_south", "board_members");
  const genders = [
    "participants_women",
    "participants_men",
    "participants_nonbinary",
    "participants_gender_undisclosed",
  ];
  const genderTotal = genders.reduce((sum, metric) => sum + total(metric), 0);
  if (genderTotal > total("participants")) {
    const firstRow = Math.min(...genders.map((m) => totals.get(m)?.firstRow ?? Number.POSITIVE_INFINITY));
    collector.error(
      "genderExceedsParticipants",
      messages.genderExceedsParticipants(genderTotal, total("participants")),
      firstRow,
      "value",
    );
  }
}

function parseYear(
  value: string,
  column: string,
  row: number,
  collector: ProblemCollector,
): number | undefined {
  if (YEAR.test(value)) return Number(value);
  if (value === "") collector.error("required", messages.required(column), row, column);
  else collector.error("invalidYear", messages.invalidYear(value), row, column);
  return undefined;
}

/** A year of the registry: four digits, from 2000 to the year of the upload + 10. */
function parseRegistryYear(
  value: string,
  column: string,
  row: number,
  context: RowContext,
): number | undefined {
  const year = parseYear(value, column, row, context.collector);
  if (year === undefined) return undefined;
  const latest = context.input.now.getUTCFullYear() + REGISTRY_YEARS_AHEAD;
  if (year >= EARLIEST_REGISTRY_YEAR && year <= latest) return year;
  context.collector.error(
    "registryYearOutOfRange",
    messages.registryYearOutOfRange(value, EARLIEST_REGISTRY_YEAR, latest),
    row,
    column,
  );
  return undefined;
}

class HubRows implements KindRows {
  private readonly firstRowOf = new Map<string, number>();

  constructor(
    private readonly context: RowContext,
    private readonly emit: (values: TypedRow) => void,
  ) {}

  row(record: CsvRecord): void {
    const { context, firstRowOf } = this;
    const { collector, layout } = context;
    const cell = cellReader(layout, record);
    const { row } = record;
    const hubId = cell("hub_id");
    const firstRow = firstRowOf.get(hubId);
    if (hubId === "") collector.error("required", messages.required("hub_id"), row, "hub_id");
    else if (!HUB_ID.test(hubId))
      collector.error("invalidHubId", messages.invalidHubId(hubId), row, "hub_id");
    else if (firstRow !== undefined)
      collector.error("duplicateHub", messages.duplicateHub(hubId, firstRow), row, "hub_id");
    else firstRowOf.set(hubId, row);
    const name = checkText(cell("name"), "name", row, context);
    if (name === null) collector.error("required", messages.required("name"), row, "name");
    const kind = cell("kind");
    if (kind === "") collector.error("required", messages.required("kind"), row, "kind");
    else if (!(HUB_KINDS as readonly string[]).includes(kind))
      collector.error("invalidEnum", messages.invalidEnum("kind", kind, HUB_KINDS), row, "kind");
    const country = cell("country");
    checkCountry(country, row, context);
    const activeFrom = parseRegistryYear(cell("active_from"), "active_from", row, context);
    const activeToText = cell("active_to");
    const activeTo = activeToText === "" ? null : parseRegistryYear(activeToText, "active_to", row, context);
    if (activeFrom !== undefined && typeof activeTo === "number" && activeTo < activeFrom)
      collector.error(
        "activeToBeforeFrom",
        messages.activeToBeforeFrom(activeTo, activeFrom),
        row,
        "active_to",
      );
    if (collector.errorCount === 0 && activeFrom !== undefined && activeTo !== undefined)
      this.emit({
        source_row: row,
        hub_id: hubId,
        name,
        kind,
        country,
        active_from: activeFrom,
        active_to: activeTo,
      });
  }

  finish(rowCount: number): ReportSummary {
    return { kind: "hubs", hubId: null, period: null, year: null, quarter: null, rowCount };
  }
}

/**
 * A rate may differ by a factor of at most 10 from the rate it replaces and from the currency's rate for the
 * nearest other year already in the lake (both, when two years are equally near).
 */
function checkRateAgainstLake(
  currency: string,
  year: number,
  rate: number,
  rateText: string,
  row: number,
  context: RowContext,
): void {
  const references = rateReferences(context.input.reference.ratesOf(currency), year);
  const check = checkRate(rate, references);
  if (!check) return;
  if (check.reciprocal !== undefined)
    context.collector.error(
      "rateLooksInverted",
      messages.rateLooksInverted(rateText, currency, check.outliers, check.reciprocal),
      row,
      "usd_per_unit",
    );
  else
    context.collector.error(
      "rateOutOfRange",
      messages.rateOutOfRange(rateText, currency, check.outliers),
      row,
      "usd_per_unit",
    );
}

class FxRateRows implements KindRows {
  private readonly firstRowOf = new Map<string, number>();

  constructor(
    private readonly context: RowContext,
    private readonly emit: (values: TypedRow) => void,
  ) {}

  row(record: CsvRecord): void {
    const { context, firstRowOf } = this;
    const { collector, layout } = context;
    const cell = cellReader(layout, record);
    const { row } = record;
    const currency = cell("currency");
    const currencyValid = CURRENCY.test(currency);
    if (currency === "") collector.error("required", messages.required("currency"), row, "currency");
    else if (!currencyValid)
      collector.error("invalidCurrency", messages.invalidCurrency(currency), row, "currency");
    const year = parseYear(cell("year"), "year", row, collector);
    const rateText = cell("usd_per_unit");
    const rate = DECIMAL.test(rateText) ? Number(rateText) : undefined;
    if (rateText === "") collector.error("required", messages.required("usd_per_unit"), row, "usd_per_unit");
    else if (rate === undefined) {
      if (!reportNumberFormat(rateText, RATE_FORMAT, row, "usd_per_unit", collector))
        collector.error("notANumber", messages.notANumber(rateText), row, "usd_per_unit");
    } else if (!(rate > 0) || !Number.isFinite(rate))
      collector.error("nonPositiveRate", messages.nonPositiveRate(rateText), row, "usd_per_unit");
    else if (currency === "USD" && rate !== 1)
      collector.error("usdRate", messages.usdRate(rateText), row, "usd_per_unit");
    else if (currency === "USD")
      collector.warning("usdRateIgnored", messages.usdRateIgnored(), row, "currency");
    else if (currencyValid && year !== undefined)
      checkRateAgainstLake(currency, year, rate, rateText, row, context);

    if (currencyValid && year !== undefined) {
      const key = `${currency}/${year}`;
      const firstRow = firstRowOf.get(key);
      if (firstRow !== undefined)
        collector.error("duplicateRate", messages.duplicateRate(currency, year, firstRow), row, "year");
      else firstRowOf.set(key, row);
    }
    if (collector.errorCount === 0 && year !== undefined && rate !== undefined)
      this.emit({ source_row: row, currency, year, usd_per_unit: rate });
  }

  finish(rowCount: number): ReportSummary {
    return { kind: "fx_rates", hubId: null, period: null, year: null, quarter: null, rowCount };
  }
}
