/**
 * A record of a CSV file with its spreadsheet row (the header is row 1): a line break inside a quoted value
 * does not start a new row, as in a spreadsheet, but a skipped blank line counts as one.
 */
export interface CsvRecord {
  readonly row: number;
  readonly fields: string[];
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
 * Chooses the delimiter from the header line: comma unless semicolons outnumber commas outside quotes
 * (spreadsheet exports in many locales use semicolons).
 */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (!quoted && (ch === 10 || ch === 13)) break;
    else if (!quoted && ch === 44) commas++;
    else if (!quoted && ch === 59) semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Parses RFC 4180 CSV (quoted fields may hold delimiters, quotes as `""` and line breaks). Rows whose
 * fields are all empty are skipped, as spreadsheet exports often end with them.
 */
export function parseCsv(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text);
  const delim = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  const syntaxErrors: CsvSyntaxError[] = [];
  const length = text.length;
  let position = 0;
  let row = 0;

  while (position < length) {
    row++;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text.charCodeAt(position) === QUOTE) {
        let value = "";
        let segmentStart = position + 1;
        let cursor = segmentStart;
        let closed = false;
        while (cursor < length) {
          const ch = text.charCodeAt(cursor);
          if (ch === QUOTE) {
            if (text.charCodeAt(cursor + 1) === QUOTE) {
              value += text.slice(segmentStart, cursor + 1);
              cursor += 2;
              segmentStart = cursor;
              continue;
            }
            value += text.slice(segmentStart, cursor);
            closed = true;
            cursor++;
            break;
          }
          cursor++;
        }
        if (!closed) {
          syntaxErrors.push({ row, kind: "unterminated_quote" });
          value += text.slice(segmentStart, cursor);
        }
        let fieldEnd = cursor;
        while (fieldEnd < length) {
          const ch = text.charCodeAt(fieldEnd);
          if (ch === delim || ch === LF || ch === CR) break;
          fieldEnd++;
        }
        if (fieldEnd > cursor && text.slice(cursor, fieldEnd).trim() !== "") {
          syntaxErrors.push({ row, kind: "text_after_quote" });
        }
        fields.push(value);
        position = fieldEnd;
      } else {
        let fieldEnd = position;
        while (fieldEnd < length) {
          const ch = text.charCodeAt(fieldEnd);
          if (ch === delim || ch === LF || ch === CR) break;
          fieldEnd++;
        }
        fields.push(text.slice(position, fieldEnd));
        position = fieldEnd;
      }
      const next = text.charCodeAt(position);
      if (next === delim) {
        position++;
      } else {
        endOfRecord = true;
        if (next === CR) position++;
        if (text.charCodeAt(position) === LF) position++;
      }
    }
    if (fields.some((field) => field.trim() !== "")) records.push({ row, fields });
  }

  const header = records.shift();
  return { delimiter, header, records, syntaxErrors };
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
  return quoteCsvField(value, ",;");
}
