/**
 * Reading an upload as its bytes come in, into the records the validation checks: CSV text is decoded and parsed
 * piece by piece, so that a file of any size is read in bounded memory; a workbook (a zip archive, whose directory
 * is at its end) is held whole, up to `WorkbookLimits.maxFileBytes` (an OLE2 compound file such as an `.xls` too,
 * to tell what it is), and its first sheet is read record by record; a JSON document (a redistribution scenario) is
 * held whole, up to `MAX_SCENARIO_BYTES`, and handed over as it is.
 */
import { looksLikeScenario, MAX_SCENARIO_BYTES } from "../scenarios/scenario-file.js";
import { scenarioMessages } from "../scenarios/scenario-messages.js";
import { type CsvHandler, CsvStreamParser } from "./csv.js";
import { isContainerFile, recogniseFile } from "./file-type.js";
import type { UploadKind } from "./kinds.js";
import { messages } from "./messages.js";
import type { Problem } from "./problems.js";
import { Utf8StreamDecoder } from "./utf8.js";
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from "./workbook/limits.js";
import { openUpload, WorkbookError } from "./workbook.js";

/** What the records of an upload go to; told the format before the first record. */
export interface UploadConsumer extends CsvHandler {
  readingFormat(format: SheetFormat): void;
}

/**
 * What an upload turned out to be, once read: its format (with its bytes, for a JSON document), or the one problem
 * that stopped its reading.
 */
export type UploadReading =
  | { readonly ok: true; readonly format: SheetFormat }
  | { readonly ok: true; readonly format: "json"; readonly document: Uint8Array }
  /** The file cannot be read as a report; no other problem of it counts. */
  | { readonly ok: false; readonly format: UploadFormat | undefined; readonly problem: Problem };

/** The formats a report is read from, as records (the rows of a CSV file or of a workbook's first sheet). */
export type SheetFormat = "csv" | "xlsx" | "ods";

/** The formats an upload is read from: a report's, and JSON (a redistribution scenario). */
export type UploadFormat = SheetFormat | "json";

export interface UploadReaderOptions {
  /** Larger files are refused (their bytes are still counted, to say how large they are). */
  readonly maxBytes: number;
  /** @default DEFAULT_WORKBOOK_LIMITS */
  readonly workbookLimits?: WorkbookLimits;
  /** The file's size, if known before reading: a workbook's bytes are then gathered without copying them twice. */
  readonly expectedBytes?: number;
  /**
   * The kind the uploader named: a file named a scenario is read as a JSON document whatever it holds, one named a
   * report kind never is; when none is named, a file whose text opens a JSON object (see `looksLikeScenario`) is.
   */
  readonly kind?: UploadKind;
}

/** How much of the start of a file tells CSV text from anything else (see `recogniseFile`): 8 KiB after a BOM. */
const HEAD_BYTES = 8192 + 3;
/** Sheet records read between two pauses of `end()`. */
const RECORDS_PER_STEP = 1024;

type Mode = "head" | "csv" | "container" | "json" | "stopped";

/**
 * Reads an upload pushed in pieces and hands its records to a consumer (the first is the header), in file order. A
 * problem that makes the file unreadable as a whole (too large, not a report format, not UTF-8, a workbook that
 * cannot be read) ends the reading: `end()` then returns that problem, and no other of the file counts.
 */
export class UploadReader {
  private mode: Mode = "head";
  private bytes = 0;
  private pieces: Uint8Array[] = [];
  private piecesBytes = 0;
  /** A workbook's or a JSON document's bytes, gathered whole (`heldBytes` counts them also beyond the limit). */
  private held: Uint8Array | undefined;
  private heldBytes = 0;
  private decoder: Utf8StreamDecoder | undefined;
  private parser: CsvStreamParser | undefined;
  private failure: UploadReading | undefined;
  private readonly limits: WorkbookLimits;

  constructor(
    private readonly consumer: UploadConsumer,
    private readonly options: UploadReaderOptions,
  ) {
    this.limits = options.workbookLimits ?? DEFAULT_WORKBOOK_LIMITS;
    if (options.kind === "scenario") this.mode = "json";
  }

  /** Reads the next piece of the file. */
  write(piece: Uint8Array): void {
    this.bytes += piece.byteLength;
    if (this.bytes > this.options.maxBytes) this.discard();
    else if (this.mode === "head") {
      this.pieces.push(piece);
      this.piecesBytes += piece.byteLength;
      if (this.piecesBytes >= HEAD_BYTES) this.recognise();
    } else if (this.mode === "csv") this.readText(piece);
    else if (this.mode === "container") this.keep(piece, this.limits.maxFileBytes);
    else if (this.mode === "json") this.keep(piece, MAX_SCENARIO_BYTES);
  }

  /**
   * The end of the file: reads what is left (a workbook's first sheet, pausing every so often so that the consumer
   * may catch up) and says what the file was.
   */
  *end(): Generator<void, UploadReading, undefined> {
    if (this.bytes > this.options.maxBytes)
      return failed(undefined, "fileTooLarge", messages.fileTooLarge(this.bytes, this.options.maxBytes));
    if (this.mode === "head") this.recognise();
    if (this.mode === "csv") {
      const rest = this.decoder?.end();
      if (rest === undefined) this.fail("csv", this.notUtf8());
      else {
        this.parser?.push(rest);
        this.parser?.finish();
        return { ok: true, format: "csv" };
      }
    }
    if (this.mode === "container") return yield* this.readWorkbook();
    if (this.mode === "json") return this.readDocument();
    if (!this.failure) throw new Error("the reading of the upload stopped without a reason");
    return this.failure;
  }

  /** Tells CSV text from a JSON document, a workbook or another file by the first bytes. */
  private recognise(): void {
    const pieces = this.pieces;
    this.pieces = [];
    const head = concat(pieces, Math.min(this.piecesBytes, HEAD_BYTES));
    if (this.options.kind === undefined && looksLikeScenario(head)) {
      this.mode = "json";
      for (const piece of pieces) this.keep(piece, MAX_SCENARIO_BYTES);
      return;
    }
    if (isContainerFile(head)) {
      this.mode = "container";
      for (const piece of pieces) this.keep(piece, this.limits.maxFileBytes);
      return;
    }
    const type = recogniseFile(head);
    if (type.format === "refused") {
      this.fail(undefined, type.problem);
      return;
    }
    this.mode = "csv";
    this.consumer.readingFormat("csv");
    this.decoder = new Utf8StreamDecoder();
    this.parser = new CsvStreamParser(this.consumer);
    for (const piece of pieces) this.readText(piece);
  }

  private readText(piece: Uint8Array): void {
    const text = this.decoder?.decode(piece);
    if (text === undefined) this.fail("csv", this.notUtf8());
    else if (text !== "") this.parser?.push(text);
  }

  /** Gathers the bytes of a file read whole, up to `limit` (beyond it they are only counted). */
  private keep(piece: Uint8Array, limit: number): void {
    const needed = this.heldBytes + piece.byteLength;
    if (needed > limit) {
      this.held = undefined;
      this.heldBytes = needed;
      return;
    }
    if (!this.held || this.held.byteLength < needed) {
      const grown = new Uint8Array(Math.min(limit, Math.max(this.options.expectedBytes ?? 0, needed * 2)));
      if (this.held) grown.set(this.held.subarray(0, this.heldBytes));
      this.held = grown;
    }
    this.held.set(piece, this.heldBytes);
    this.heldBytes = needed;
  }

  /** The bytes gathered whole, once all were read within the limit. */
  private takeHeld(): Uint8Array {
    const bytes = (this.held ?? new Uint8Array(0)).subarray(0, this.heldBytes);
    this.held = undefined;
    return bytes;
  }

  /** A JSON document, held whole: its bytes, or the scenario format's size limit when it is larger. */
  private readDocument(): UploadReading {
    if (this.heldBytes > MAX_SCENARIO_BYTES)
      return failed(
        "json",
        "scenarioTooLarge",
        scenarioMessages.scenarioTooLarge(this.heldBytes, MAX_SCENARIO_BYTES),
      );
    return { ok: true, format: "json", document: this.takeHeld() };
  }

  private *readWorkbook(): Generator<void, UploadReading, undefined> {
    const limit = this.limits.maxFileBytes;
    if (this.heldBytes > limit)
      return failed(undefined, "workbookFileTooLarge", messages.workbookFileTooLarge(this.heldBytes, limit));
    const bytes = this.takeHeld();
    const opened = openUpload(bytes, this.limits);
    if (opened.format === "refused") return { ok: false, format: undefined, problem: opened.problem };
    if (opened.format === "csv") throw new Error("a zip archive or compound file was recognised as CSV");
    this.consumer.readingFormat(opened.format);
    try {
      let count = 0;
      for (const record of opened.sheet.records()) {
        this.consumer.record(record, false);
        if (++count % RECORDS_PER_STEP === 0) yield;
      }
    } catch (error) {
      if (error instanceof WorkbookError) return { ok: false, format: opened.format, problem: error.problem };
      throw error;
    }
    return { ok: true, format: opened.format };
  }

  private notUtf8(): Problem {
    const problem: Problem = { severity: "error", code: "notUtf8", message: messages.notUtf8() };
    const line = this.decoder?.invalidLine;
    return line === undefined ? problem : { ...problem, row: line };
  }

  /** Ends the reading with a problem: the first one found counts. */
  private fail(format: UploadFormat | undefined, problem: Problem): void {
    this.failure ??= { ok: false, format, problem };
    this.discard();
  }

  /** Stops reading: what comes next is only counted. */
  private discard(): void {
    this.mode = "stopped";
    this.pieces = [];
    this.held = undefined;
    this.decoder = undefined;
    this.parser = undefined;
  }
}

function failed(format: UploadFormat | undefined, code: Problem["code"], message: string): UploadReading {
  return { ok: false, format, problem: fileProblem(code, message) };
}

function fileProblem(code: Problem["code"], message: string): Problem {
  return { severity: "error", code, message };
}

function concat(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1 && (pieces[0] as Uint8Array).byteLength >= length)
    return (pieces[0] as Uint8Array).subarray(0, length);
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    if (offset >= length) break;
    const part = piece.subarray(0, length - offset);
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}
