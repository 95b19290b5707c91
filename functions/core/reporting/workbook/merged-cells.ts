import { parseCellReference } from "./cell-reference.js";
import type { WorkbookLimits } from "./limits.js";
import { ExpansionBudget, inflateEntry, type ZipArchive } from "./zip.js";

/** A range of merged cells: the value shows in its top-left cell, the others show nothing. */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const MERGE_CELLS = new TextEncoder().encode("mergeCells");
const LESS_THAN = 0x3c;
const COLON = 0x3a;
/** How far back a match may start in the previous chunk. */
const CARRY = MERGE_CELLS.length + 1;

/**
 * The merged ranges of a worksheet part. They are listed after the rows (`<mergeCells>` follows `<sheetData>`), so
 * the part is inflated once before its rows are read, without being parsed: its bytes are searched for the start
 * of `<mergeCells>`, and only what follows is kept. The inflation counts against the limit of one part, as the
 * reading that follows does.
 */
export function readMergedRanges(
  archive: ZipArchive,
  part: string,
  limits: Pick<WorkbookLimits, "maxPartBytes">,
): MergedRange[] {
  const entry = archive.entry(part);
  if (!entry) return [];
  const budget = new ExpansionBudget({
    maxPartBytes: limits.maxPartBytes,
    maxTotalBytes: Number.POSITIVE_INFINITY,
  });
  const kept: Uint8Array[] = [];
  let carry = new Uint8Array(0);
  for (const chunk of inflateEntry(archive, entry, budget)) {
    if (kept.length > 0) {
      kept.push(chunk);
      continue;
    }
    const window = carry.length > 0 ? joined(carry, chunk) : chunk;
    const start = findElementStart(window);
    if (start >= 0) kept.push(window.subarray(start));
    else carry = window.slice(Math.max(0, window.length - CARRY));
  }
  if (kept.length === 0) return [];
  const text = new TextDecoder("latin1").decode(joined(...kept));
  const ranges: MergedRange[] = [];
  for (const match of text.matchAll(/<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([^"']+)["']/g)) {
    const [from = "", to = from] = (match[1] ?? "").split(":");
    const first = parseCellReference(from);
    const last = parseCellReference(to);
    if (!first || !last || first.row === 0 || last.row === 0) continue;
    ranges.push({
      top: Math.min(first.row, last.row),
      left: Math.min(first.column, last.column),
      bottom: Math.max(first.row, last.row),
      right: Math.max(first.column, last.column),
    });
  }
  return ranges;
}

/** Where `<mergeCells` or `<prefix:mergeCells` starts in the bytes; -1 when it does not. */
function findElementStart(bytes: Uint8Array): number {
  for (
    let at = bytes.indexOf(MERGE_CELLS[0] as number);
    at >= 0;
    at = bytes.indexOf(MERGE_CELLS[0] as number, at + 1)
  ) {
    if (at + MERGE_CELLS.length > bytes.length) return -1;
    if (!MERGE_CELLS.every((byte, index) => bytes[at + index] === byte)) continue;
    if (bytes[at - 1] === LESS_THAN) return at - 1;
    if (bytes[at - 1] === COLON) {
      const open = bytes.lastIndexOf(LESS_THAN, at);
      if (open >= 0 && open > at - 64) return open;
    }
  }
  return -1;
}

function joined(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/**
 * Answers, row after row in increasing order, whether a cell is covered by a merged range (inside it, but not its
 * top-left cell). Only the ranges that span the current row are looked at.
 */
export class MergedCells {
  private readonly waiting: MergedRange[];
  private active: MergedRange[] = [];
  private row = 0;

  constructor(ranges: readonly MergedRange[]) {
    this.waiting = [...ranges].sort((a, b) => b.top - a.top);
  }

  covered(row: number, column: number): boolean {
    if (row !== this.row) {
      this.row = row;
      this.active = this.active.filter((range) => range.bottom >= row);
      while (this.waiting.length > 0 && (this.waiting.at(-1) as MergedRange).top <= row) {
        const range = this.waiting.pop() as MergedRange;
        if (range.bottom >= row) this.active.push(range);
      }
    }
    return this.active.some(
      (range) =>
        column >= range.left && column <= range.right && (row !== range.top || column !== range.left),
    );
  }
}
