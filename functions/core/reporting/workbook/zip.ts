import { Inflate } from "fflate";
import { messages } from "../messages.js";
import { DamagedWorkbookError, WorkbookLimitError } from "./errors.js";
import type { WorkbookLimits } from "./limits.js";

/** A file inside a zip archive, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ENCRYPTED = 0x1;
const UTF8_NAME = 0x800;
/** Compressed bytes handed to the inflater at a time: one push expands to at most about 1,032 times this. */
const INFLATE_STEP = 16 * 1024;
const STORED_STEP = 64 * 1024;

const damaged = () => new DamagedWorkbookError("damagedArchive", messages.damagedArchive());
const unreadable = (reason: string) =>
  new DamagedWorkbookError("workbookUnreadable", messages.workbookUnreadable(reason));

/**
 * The directory of a zip archive held in memory. Only the central directory is trusted for names and offsets;
 * sizes are never trusted: entries are inflated as a stream and measured as they expand.
 */
export class ZipArchive {
  private constructor(
    readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    /** Entries by lower-case name (package part names are case-insensitive); null when two share a name. */
    private readonly byName: ReadonlyMap<string, ZipEntry | null>,
  ) {}

  /**
   * Reads the central directory. Throws {@link DamagedWorkbookError} (`damagedArchive`) when there is no readable
   * directory and {@link WorkbookLimitError} when it lists more than `maxEntries` entries.
   */
  static open(bytes: Uint8Array, limits: Pick<WorkbookLimits, "maxEntries">): ZipArchive {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = findEndOfDirectory(view);
    if (end < 0) throw damaged();
    let count = view.getUint16(end + 10, true);
    let directorySize = view.getUint32(end + 12, true);
    let directoryOffset = view.getUint32(end + 16, true);
    if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) throw damaged();
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const locator = end - 20;
      if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw damaged();
      const record = safeNumber(view.getBigUint64(locator + 8, true));
      if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY)
        throw damaged();
      count = safeNumber(view.getBigUint64(record + 32, true));
      directorySize = safeNumber(view.getBigUint64(record + 40, true));
      directoryOffset = safeNumber(view.getBigUint64(record + 48, true));
    }
    if (count > limits.maxEntries)
      throw new WorkbookLimitError(
        "maxEntries",
        "tooManyZipEntries",
        messages.tooManyZipEntries(limits.maxEntries),
      );
    if (directoryOffset + directorySize > bytes.length) throw damaged();

    const entries: ZipEntry[] = [];
    const byName = new Map<string, ZipEntry | null>();
    let position = directoryOffset;
    for (let index = 0; index < count; index++) {
      if (position + 46 > bytes.length || view.getUint32(position, true) !== DIRECTORY_HEADER)
        throw damaged();
      const flags = view.getUint16(position + 8, true);
      const method = view.getUint16(position + 10, true);
      let compressedSize = view.getUint32(position + 20, true);
      const uncompressedSize = view.getUint32(position + 24, true);
      const nameLength = view.getUint16(position + 28, true);
      const extraLength = view.getUint16(position + 30, true);
      const commentLength = view.getUint16(position + 32, true);
      let localHeaderOffset = view.getUint32(position + 42, true);
      const nameStart = position + 46;
      const extraStart = nameStart + nameLength;
      const next = extraStart + extraLength + commentLength;
      if (next > bytes.length) throw damaged();
      const nameBytes = bytes.subarray(nameStart, extraStart);
      const name =
        flags & UTF8_NAME ? new TextDecoder().decode(nameBytes) : String.fromCharCode(...nameBytes);
      if (compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        const zip64 = readZip64Extra(view, extraStart, extraLength, {
          uncompressed: uncompressedSize === 0xffffffff,
          compressed: compressedSize === 0xffffffff,
          offset: localHeaderOffset === 0xffffffff,
        });
        compressedSize = zip64.compressed ?? compressedSize;
        localHeaderOffset = zip64.offset ?? localHeaderOffset;
      }
      const entry: ZipEntry = { name, method, flags, compressedSize, localHeaderOffset };
      entries.push(entry);
      const key = name.toLowerCase();
      byName.set(key, byName.has(key) ? null : entry);
      position = next;
    }
    return new ZipArchive(bytes, entries, byName);
  }

  /** Whether an entry of this name (case-insensitive) exists. */
  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The entry of this name (case-insensitive); throws when two entries share it, an ambiguity no workbook has. */
  entry(name: string): ZipEntry | undefined {
    const entry = this.byName.get(name.toLowerCase());
    if (entry === null) throw unreadable(`two of its parts are named ${JSON.stringify(name)}`);
    return entry;
  }

  /** The compressed bytes of an entry, found through its local header. */
  compressedData(entry: ZipEntry): Uint8Array {
    const { bytes } = this;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const header = entry.localHeaderOffset;
    if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_HEADER)
      throw unreadable(`its part ${JSON.stringify(entry.name)} is damaged`);
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw unreadable(`its part ${JSON.stringify(entry.name)} is cut off`);
    return bytes.subarray(start, end);
  }
}

function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let position = view.byteLength - 22; position >= lowest; position--) {
    if (
      view.getUint32(position, true) === END_OF_DIRECTORY &&
      position + 22 + view.getUint16(position + 20, true) === view.byteLength
    )
      return position;
  }
  return -1;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged();
  return Number(value);
}

function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  present: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { compressed?: number; offset?: number } {
  for (let position = start; position + 4 <= start + length; ) {
    const id = view.getUint16(position, true);
    const size = view.getUint16(position + 2, true);
    const dataStart = position + 4;
    if (dataStart + size > start + length) break;
    if (id === 0x0001) {
      let field = dataStart;
      const next = () => {
        if (field + 8 > dataStart + size) throw damaged();
        const value = safeNumber(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (present.uncompressed) next();
      const compressed = present.compressed ? next() : undefined;
      const offset = present.offset ? next() : undefined;
      return { compressed, offset };
    }
    position = dataStart + size;
  }
  throw damaged();
}

/**
 * Counts the bytes the parts of one workbook expand to, against the limit for one part and for all of them; the
 * count is taken from the inflated bytes themselves, never from sizes the archive declares.
 */
export class ExpansionBudget {
  private total: number;
  private readonly partLimits: Map<string, number>;

  constructor(
    private readonly limits: Pick<WorkbookLimits, "maxPartBytes" | "maxTotalBytes">,
    spent = 0,
    partLimits: ReadonlyMap<string, number> = new Map(),
  ) {
    this.total = spent;
    this.partLimits = new Map(partLimits);
  }

  /** A budget that has spent what this one has so far, for a part that may be read more than once. */
  fork(): ExpansionBudget {
    return new ExpansionBudget(this.limits, this.total, this.partLimits);
  }

  /** Gives one part a lower limit than every other part's. */
  limitPart(name: string, maxBytes: number): void {
    this.partLimits.set(name, Math.min(maxBytes, this.limits.maxPartBytes));
  }

  /** Adds `bytes` of part `name`, which has now expanded to `partTotal` bytes; throws when a limit is passed. */
  spend(name: string, bytes: number, partTotal: number): void {
    this.total += bytes;
    const partLimit = this.partLimits.get(name) ?? this.limits.maxPartBytes;
    if (partTotal > partLimit)
      throw new WorkbookLimitError(
        "maxPartBytes",
        "workbookPartTooLarge",
        messages.workbookPartTooLarge(name, partLimit),
      );
    if (this.total > this.limits.maxTotalBytes)
      throw new WorkbookLimitError(
        "maxTotalBytes",
        "workbookTooLarge",
        messages.workbookTooLarge(this.limits.maxTotalBytes),
      );
  }
}

/**
 * The bytes of an entry as it expands, a chunk at a time. Compressed data is handed to the inflater in small
 * steps and every inflated chunk is counted against the budget before it is passed on, so a zip bomb is stopped
 * after at most one step's expansion beyond the limit.
 */
export function* inflateEntry(
  archive: ZipArchive,
  entry: ZipEntry,
  budget: ExpansionBudget,
): Generator<Uint8Array, void, undefined> {
  if (entry.flags & ENCRYPTED) throw unreadable("its parts are encrypted with a password");
  const data = archive.compressedData(entry);
  let expanded = 0;
  if (entry.method === 0) {
    for (let offset = 0; offset < data.length; offset += STORED_STEP) {
      const chunk = data.subarray(offset, offset + STORED_STEP);
      expanded += chunk.length;
      budget.spend(entry.name, chunk.length, expanded);
      yield chunk;
    }
    return;
  }
  if (entry.method !== 8)
    throw unreadable(`its part ${JSON.stringify(entry.name)} is compressed in a way that is not supported`);
  const ready: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    expanded += chunk.length;
    budget.spend(entry.name, chunk.length, expanded);
    if (chunk.length > 0) ready.push(chunk);
  });
  let offset = 0;
  do {
    const step = data.subarray(offset, offset + INFLATE_STEP);
    offset += step.length;
    try {
      inflater.push(step, offset >= data.length);
    } catch (error) {
      if (error instanceof WorkbookLimitError) throw error;
      throw unreadable(`its part ${JSON.stringify(entry.name)} is damaged`);
    }
    yield* ready;
    ready.length = 0;
  } while (offset < data.length);
}
