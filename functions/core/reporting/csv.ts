/**
 * A record of a CSV file with its spreadsheet row (the header is row 1): a line break inside a quoted value
 * does not start a new row, as in a spreadsheet, but a skipped blank line counts as one.
 */
export interface CsvRecord {
  readonly row: number;
  readonly fields: string[];
  /** How many fields the line has, when it has more than {@link CSV_LIMITS} lets a record keep. */
  readonly fieldCount?: number;
}

/** How many fields a record has, also those it does not keep. */
export function fieldCountOf(record: CsvRecord): number {
  return record.fieldCount ?? record.fields.length;
}

/** A structural problem of the CSV text itself (not of a value). */
export interface CsvSyntaxError {
  readonly row: number;
  readonly kind: "unterminated_quote" | "text_after_quote";
}

export interface ParsedCsv {
  readonly delimiter: "," | ";";
  readonly header: CsvRecord | undefined;
  readonly records: CsvRecord[];
  readonly syntaxErrors: CsvSyntaxError[];
}

/**
 * How much of one line the parser keeps, so that a hostile file (a 200 MB line of commas, a quote never closed)
 * cannot fill memory: the first `maxFields` fields of a line, and its first `maxLineCharacters` characters in all.
 * Beyond them a line's fields are still counted (a record then says how many it has) and its text is still read,
 * but not kept. A line of a report is far shorter: no value may be longer than 2,000 characters, and a sheet has
 * at most 16,384 columns. The delimiter is chosen from at most `maxLineCharacters` of the header line.
 */
export const CSV_LIMITS = { maxFields: 16_384, maxLineCharacters: 1_048_576 } as const;

/**
 * Chooses the delimiter from the header line: comma unless semicolons outnumber commas outside quotes
 * (spreadsheet exports in many locales use semicolons).
 */
export function detectDelimiter(text: string): "," | ";" {
  const scan = new DelimiterScan();
  scan.read(text);
  return scan.delimiter();
}

/** Counts commas and semicolons outside quotes up to the first line break outside quotes. */
class DelimiterScan {
  private commas = 0;
  private semicolons = 0;
  private quoted = false;
  /** Whether the header line has ended (a line break outside quotes was read). */
  ended = false;

  read(text: string): void {
    for (let i = 0; i < text.length && !this.ended; i++) {
      const ch = text.charCodeAt(i);
      if (ch === QUOTE) this.quoted = !this.quoted;
      else if (!this.quoted && (ch === LF || ch === CR)) this.ended = true;
      else if (!this.quoted && ch === COMMA) this.commas++;
      else if (!this.quoted && ch === SEMICOLON) this.semicolons++;
    }
  }

  delimiter(): "," | ";" {
    return this.semicolons > this.commas ? ";" : ",";
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const COMMA = 44;
const SEMICOLON = 59;
const NOT_WHITESPACE = /\S/;

/** Where the parser stands between two characters. */
const RECORD_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
/** A quote inside a quoted value: the end of the value, or the first of `""`. */
const QUOTE_PENDING = 4;
const AFTER_QUOTE = 5;
/** A record ended with CR: a LF right after it belongs to the same line break. */
const AFTER_CR = 6;

/** What the parser hands over, in file order: a syntax error before the record of its row. */
export interface CsvHandler {
  /** A record that holds a value; `unterminated` when a quote opened in it is never closed (the last record). */
  record(record: CsvRecord, unterminated: boolean): void;
  syntaxError(error: CsvSyntaxError): void;
}

/**
 * Parses RFC 4180 CSV pushed in pieces of any size (quoted fields may hold delimiters, quotes as `""` and line
 * breaks; CR, LF and CRLF end a line, also when split between pieces). Rows whose fields are all empty are
 * skipped, as spreadsheet exports often end with them, but counted. The text is held only until the delimiter is
 * known (the end of the header line) and, of a line, as much as {@link CSV_LIMITS} keeps.
 */
export class CsvStreamParser {
  private scan: DelimiterScan | undefined = new DelimiterScan();
  private held: string[] = [];
  private heldLength = 0;
  private delimiterCode = COMMA;
  private state = RECORD_START;
  private row = 0;
  private fields: string[] = [];
  private fieldCount = 0;
  private value = "";
  private kept = 0;
  private hasValue = false;
  private textAfterQuote = false;

  constructor(
    private readonly handler: CsvHandler,
    private readonly limits: { readonly maxFields: number; readonly maxLineCharacters: number } = CSV_LIMITS,
  ) {}

  /** The delimiter, once the header line has been read (or the text has ended). */
  get delimiter(): "," | ";" | undefined {
    return this.scan ? undefined : this.delimiterCode === SEMICOLON ? ";" : ",";
  }

  push(text: string): void {
    if (!this.scan) {
      this.parse(text);
      return;
    }
    this.scan.read(text);
    this.held.push(text);
    this.heldLength += text.length;
    if (this.scan.ended || this.heldLength >= this.limits.maxLineCharacters) this.release();
  }

  /** The end of the text: the last record, and an unterminated quote if one is open. */
  finish(): void {
    if (this.scan) this.release();
    switch (this.state) {
      case RECORD_START:
      case AFTER_CR:
        return;
      case QUOTED:
        this.handler.syntaxError({ row: this.row, kind: "unterminated_quote" });
        this.endField();
        this.endRecord(true);
        return;
      case AFTER_QUOTE:
        if (this.textAfterQuote) this.handler.syntaxError({ row: this.row, kind: "text_after_quote" });
        break;
    }
    this.endField();
    this.endRecord(false);
  }

  /** Chooses the delimiter and parses what was held until then. */
  private release(): void {
    this.delimiterCode = this.scan?.delimiter() === ";" ? SEMICOLON : COMMA;
    this.scan = undefined;
    const held = this.held;
    this.held = [];
    for (const text of held) this.parse(text);
  }

  private parse(text: string): void {
    const delimiter = this.delimiterCode;
    const length = text.length;
    let i = 0;
    while (i < length) {
      switch (this.state) {
        case RECORD_START:
          this.row++;
          this.fields = [];
          this.fieldCount = 0;
          this.kept = 0;
          this.hasValue = false;
          this.state = FIELD_START;
          break;
        case FIELD_START:
          this.value = "";
          if (text.charCodeAt(i) === QUOTE) {
            this.state = QUOTED;
            i++;
          } else this.state = UNQUOTED;
          break;
        case UNQUOTED:
        case AFTER_QUOTE: {
          const start = i;
          let ch = 0;
          while (i < length) {
            ch = text.charCodeAt(i);
            if (ch === delimiter || ch === LF || ch === CR) break;
            i++;
          }
          if (this.state === UNQUOTED) this.append(text, start, i);
          else if (!this.textAfterQuote && i > start && NOT_WHITESPACE.test(text.slice(start, i)))
            this.textAfterQuote = true;
          if (i === length) break;
          if (this.state === AFTER_QUOTE && this.textAfterQuote)
            this.handler.syntaxError({ row: this.row, kind: "text_after_quote" });
          this.endField();
          i++;
          if (ch === delimiter) this.state = FIELD_START;
          else {
            this.endRecord(false);
            this.state = ch === CR ? AFTER_CR : RECORD_START;
          }
          break;
        }
        case QUOTED: {
          const quote = text.indexOf('"', i);
          const end = quote < 0 ? length : quote;
          this.append(text, i, end);
          i = end;
          if (quote >= 0) {
            i++;
            this.state = QUOTE_PENDING;
          }
          break;
        }
        case QUOTE_PENDING:
          if (text.charCodeAt(i) === QUOTE) {
            this.append('"', 0, 1);
            i++;
            this.state = QUOTED;
          } else {
            this.textAfterQuote = false;
            this.state = AFTER_QUOTE;
          }
          break;
        case AFTER_CR:
          if (text.charCodeAt(i) === LF) i++;
          this.state = RECORD_START;
          break;
      }
    }
  }

  /** Adds text to the current value, as far as the line's limit allows; notes whether the record holds a value. */
  private append(text: string, start: number, end: number): void {
    if (start === end) return;
    if (!this.hasValue && NOT_WHITESPACE.test(text.slice(start, end))) this.hasValue = true;
    const room = this.limits.maxLineCharacters - this.kept;
    if (room <= 0) return;
    const piece = text.slice(start, Math.min(end, start + room));
    this.value = this.value === "" ? piece : this.value + piece;
    this.kept += piece.length;
  }

  private endField(): void {
    this.fieldCount++;
    if (this.fields.length < this.limits.maxFields) this.fields.push(this.value);
    this.value = "";
  }

  private endRecord(unterminated: boolean): void {
    if (!this.hasValue) return;
    const record: CsvRecord =
      this.fieldCount > this.fields.length
        ? { row: this.row, fields: this.fields, fieldCount: this.fieldCount }
        : { row: this.row, fields: this.fields };
    this.handler.record(record, unterminated);
  }
}

/**
 * Parses RFC 4180 CSV text whole (see {@link CsvStreamParser}): the header is the first record that holds a
 * value.
 */
export function parseCsv(text: string): ParsedCsv {
  const records: CsvRecord[] = [];
  const syntaxErrors: CsvSyntaxError[] = [];
  const parser = new CsvStreamParser({
    record: (record) => records.push(record),
    syntaxError: (error) => syntaxErrors.push(error),
  });
  parser.push(text);
  parser.finish();
  const header = records.shift();
  return { delimiter: parser.delimiter ?? ",", header, records, syntaxErrors };
}

/**
 * Writes one CSV field for a file delimited by any of `delimiters`, RFC 4180 style: quoted when it holds a
 * delimiter, a quote, a line break, or spaces at either end (which readers trim).
 */
export function quoteCsvField(value: string, delimiters: string): string {
  const needsQuotes =
    [...delimiters].some((delimiter) => value.includes(delimiter)) ||
    /["\r\n]/.test(value) ||
    value.startsWith(" ") ||
    value.endsWith(" ");
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes one CSV field that reads back the same whether the reader splits on commas or semicolons. */
export function csvField(value: string): string {
  return NEEDS_QUOTES_FOR_ANY_DELIMITER.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** What makes `quoteCsvField(value, ",;")` quote a value, as one pattern (a field is written per figure). */
const NEEDS_QUOTES_FOR_ANY_DELIMITER = /[,;"\r\n]|^ | $/;
