import { describe, expect, it } from "vitest";
import { Utf8StreamDecoder } from "../../../functions/core/reporting/utf8.js";

/** The text of bytes pushed in pieces, or the first line that is not UTF-8. */
function decodeInPieces(pieces: readonly Uint8Array[]): string | { invalidLine: number } {
  const decoder = new Utf8StreamDecoder();
  let text = "";
  for (const piece of [...pieces, undefined]) {
    const decoded = piece === undefined ? decoder.end() : decoder.decode(piece);
    if (decoded === undefined) return { invalidLine: decoder.invalidLine as number };
    text += decoded;
  }
  return text;
}

/** What the validation did with a whole file before it was streamed: decode it, or find its first bad line. */
function decodeWhole(bytes: Uint8Array): string | { invalidLine: number } {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 10) {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          return { invalidLine: line };
        }
        line++;
        start = i + 1;
      }
    }
    return { invalidLine: 1 };
  }
}

function randomFrom(seed: number) {
  let state = seed;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

const encode = (text: string) => new TextEncoder().encode(text);
/** Pieces of bytes: valid characters of one to four bytes, line feeds, and bytes that are not UTF-8 alone. */
const PIECES = [
  encode("a"),
  encode("\n"),
  encode("\r\n"),
  encode("é"),
  encode("東"),
  encode("🌍"),
  Uint8Array.from([0xff]),
  Uint8Array.from([0xe6, 0x9d]),
  Uint8Array.from([0x80]),
];

function splitBytes(bytes: Uint8Array, next: (below: number) => number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; ) {
    const length = 1 + next(5);
    pieces.push(bytes.subarray(start, start + length));
    start += length;
  }
  return pieces;
}

describe("Utf8StreamDecoder", () => {
  it("decodes as the whole file was decoded, and names the same first bad line, however it is split", () => {
    const next = randomFrom(9);
    for (let example = 0; example < 3000; example++) {
      const parts = Array.from({ length: next(30) }, () => PIECES[next(PIECES.length)] as Uint8Array);
      const usual = next(3) > 0 ? parts.filter((part) => part[0] !== 0xff && part[0] !== 0x80) : parts;
      const bytes = Uint8Array.from([
        ...(next(2) ? [0xef, 0xbb, 0xbf] : []),
        ...usual.flatMap((p) => [...p]),
      ]);
      expect(decodeInPieces(splitBytes(bytes, next)), JSON.stringify([...bytes])).toEqual(decodeWhole(bytes));
    }
  });

  it("drops a byte-order mark split between pieces, and only at the start", () => {
    expect(
      decodeInPieces([Uint8Array.from([0xef]), Uint8Array.from([0xbb, 0xbf, 0x61, 0xef, 0xbb, 0xbf])]),
    ).toBe("a\ufeff");
  });

  it("names the line of a character cut off at the end of the file", () => {
    expect(decodeInPieces([encode("a\nb\n"), Uint8Array.from([0x63, 0xf0, 0x9f])])).toEqual({
      invalidLine: 3,
    });
  });

  it("names the line of a bad byte in a piece after many lines", () => {
    const lines = encode("x\n".repeat(1000));
    expect(decodeInPieces([lines, encode("ok\nstill "), Uint8Array.from([0xe9]), encode("\n")])).toEqual({
      invalidLine: 1002,
    });
  });
});
