import { describe, expect, it } from "vitest";
import {
  type CsvRecord,
  CsvStreamParser,
  type CsvSyntaxError,
  parseCsv,
} from "../../../functions/core/reporting/csv.js";
import { parseCsvBeforeStreaming } from "./csv-before-streaming.js";

/** Parses text pushed in the given pieces; records and syntax errors in the order the parser handed them over. */
function parseInPieces(pieces: readonly string[], limits?: { maxFields: number; maxLineCharacters: number }) {
  const events: (["record", CsvRecord, boolean] | ["syntax", CsvSyntaxError])[] = [];
  const parser = new CsvStreamParser(
    {
      record: (record, unterminated) => events.push(["record", record, unterminated]),
      syntaxError: (error) => events.push(["syntax", error]),
    },
    limits,
  );
  for (const piece of pieces) parser.push(piece);
  parser.finish();
  const records = events.flatMap((event) => (event[0] === "record" ? [event[1]] : []));
  const syntaxErrors = events.flatMap((event) => (event[0] === "syntax" ? [event[1]] : []));
  return { delimiter: parser.delimiter, header: records[0], records: records.slice(1), syntaxErrors, events };
}

/** A small deterministic pseudo-random generator (xorshift32), so that every run checks the same cases. */
function randomFrom(seed: number) {
  let state = seed || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

/** Characters that decide how CSV parses, and a few that do not. */
const ALPHABET = ["a", "b", "1", " ", ",", ";", '"', '"', "\n", "\r", "\r\n", "é", "🌍", "\u00a0", "\ufeff"];

function split(text: string, next: (below: number) => number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    const length = 1 + next(6);
    pieces.push(text.slice(start, start + length));
    start += length;
  }
  return pieces;
}

describe("CsvStreamParser", () => {
  it("gives the records and syntax errors of the parser before streaming, however the text is split", () => {
    const next = randomFrom(2026);
    for (let example = 0; example < 3000; example++) {
      const text = Array.from({ length: next(40) }, () => ALPHABET[next(ALPHABET.length)]).join("");
      const expected = parseCsvBeforeStreaming(text);
      const whole = parseCsv(text);
      const pieces = split(text, next);
      const streamed = parseInPieces(pieces);
      expect(whole, JSON.stringify(text)).toEqual(expected);
      expect(
        {
          delimiter: streamed.delimiter,
          header: streamed.header,
          records: streamed.records,
          syntaxErrors: streamed.syntaxErrors,
        },
        JSON.stringify(pieces),
      ).toEqual(expected);
    }
  });

  it("hands over a row's syntax error before the row's record, and says which record a quote never closed", () => {
    const { events } = parseInPieces(['h1,h2\n"a"x,1\n2,"', "never\n", "closed"]);
    expect(events).toEqual([
      ["record", { row: 1, fields: ["h1", "h2"] }, false],
      ["syntax", { row: 2, kind: "text_after_quote" }],
      ["record", { row: 2, fields: ["a", "1"] }, false],
      ["syntax", { row: 3, kind: "unterminated_quote" }],
      ["record", { row: 3, fields: ["2", "never\nclosed"] }, true],
    ]);
  });

  it("treats CR LF split between two pieces as one line break, and a doubled quote split between them as a quote", () => {
    const { records } = parseInPieces(["h\r", '\na,"say "', '"hi""', '"\r', "\rb\r"]);
    expect(records).toEqual([
      { row: 2, fields: ["a", 'say "hi"'] },
      { row: 4, fields: ["b"] },
    ]);
  });

  it("chooses the delimiter from the whole header line, even when it comes in many pieces", () => {
    const { delimiter, records } = parseInPieces(["a,", "b;c", ";d", ";e\n1;2", ",5;3;4;5\n"]);
    expect(delimiter).toBe(";");
    expect(records).toEqual([{ row: 2, fields: ["1", "2,5", "3", "4", "5"] }]);
  });

  it("keeps at most maxFields fields of a line, counting the others", () => {
    const { header, records } = parseInPieces(["a,b,c\n", "1,2,3,4,5,6\n", ",,,,,,,x\n"], {
      maxFields: 4,
      maxLineCharacters: 100,
    });
    expect(header).toEqual({ row: 1, fields: ["a", "b", "c"] });
    expect(records).toEqual([
      { row: 2, fields: ["1", "2", "3", "4"], fieldCount: 6 },
      { row: 3, fields: ["", "", "", ""], fieldCount: 8 },
    ]);
  });

  it("keeps at most maxLineCharacters of a line, but still reads it to its end and skips a blank one", () => {
    const long = "x".repeat(30);
    const { records, syntaxErrors } = parseInPieces(
      [
        "h1,h2\n",
        `${long},"${long}`,
        `${long}"\n`,
        `${" ".repeat(50)},${" ".repeat(50)}\n`,
        `"${long}`,
        long,
      ],
      { maxFields: 10, maxLineCharacters: 40 },
    );
    expect(records).toEqual([
      { row: 2, fields: [long, "x".repeat(10)] },
      { row: 4, fields: ["x".repeat(40)] },
    ]);
    expect(syntaxErrors).toEqual([{ row: 4, kind: "unterminated_quote" }]);
  });

  it("reads a line that only a value beyond the kept characters holds as a line with a value", () => {
    const { records } = parseInPieces(["h\n", `${" ".repeat(60)}x\n`], {
      maxFields: 10,
      maxLineCharacters: 40,
    });
    expect(records).toEqual([{ row: 2, fields: [" ".repeat(40)] }]);
  });
});
