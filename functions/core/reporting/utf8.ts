/**
 * Decodes UTF-8 text pushed in pieces of any size (a character may be split between two pieces; a byte-order mark
 * at the start is dropped). On bytes that are not UTF-8 it stops and names the first line that holds them, counting
 * lines by LF as a text editor does: the first line that is not UTF-8 on its own.
 */
export class Utf8StreamDecoder {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  /** The line the next piece starts on. */
  private line = 1;
  /** The bytes of a character the previous piece ended in the middle of. */
  private incomplete: Uint8Array = new Uint8Array(0);
  /** The first line that is not UTF-8, once one is found; nothing more is decoded then. */
  invalidLine: number | undefined;

  /** The text of the next piece, or undefined when it holds bytes that are not UTF-8 (see `invalidLine`). */
  decode(piece: Uint8Array): string | undefined {
    if (this.invalidLine !== undefined) return undefined;
    let text: string;
    try {
      text = this.decoder.decode(piece, { stream: true });
    } catch {
      this.invalidLine = this.line + firstInvalidLine(concat(this.incomplete, piece));
      return undefined;
    }
    this.incomplete = incompleteEnd(piece.byteLength >= 4 ? piece : concat(this.incomplete, piece));
    this.line += countLineFeeds(piece);
    return text;
  }

  /** The end of the text: undefined when it ends in the middle of a character. */
  end(): string | undefined {
    if (this.invalidLine !== undefined) return undefined;
    try {
      return this.decoder.decode();
    } catch {
      this.invalidLine = this.line;
      return undefined;
    }
  }
}

/**
 * Which line of the bytes (0 for the first) is the first that is not UTF-8 on its own; 0 when each is. Lines end
 * at LF, which no multi-byte character contains.
 */
function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let index = 0;
  for (let start = 0; start <= bytes.byteLength; index++) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.byteLength;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return index;
    }
    start = end + 1;
  }
  return 0;
}

/** The last bytes of a piece that begin a character the piece does not finish (at most 3). */
function incompleteEnd(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.byteLength); back++) {
    const byte = bytes[bytes.byteLength - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.slice(bytes.byteLength - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

function countLineFeeds(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) count++;
  return count;
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  if (first.byteLength === 0) return second;
  const joined = new Uint8Array(first.byteLength + second.byteLength);
  joined.set(first);
  joined.set(second, first.byteLength);
  return joined;
}
