/**
 * The CSV parser as it was before parsing was streamed (commit 4888cd0), kept unchanged as the oracle of the
 * streaming parser: for any text, split anywhere, `CsvStreamParser` must give what this gave for the whole text.
 */
import type { CsvRecord, CsvSyntaxError, ParsedCsv } from "../../../functions/core/reporting/csv.js";

function detectDelimiter(text: string): "," | ";" {
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

export function parseCsvBeforeStreaming(text: string): ParsedCsv {
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
