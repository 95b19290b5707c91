import { type FileHandle, mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { quoteCsvField } from "../core/reporting/csv.js";

/** How a file is laid out: most hubs write plain CSV, spreadsheet exports use `;` and CRLF. */
export interface CsvFormat {
  readonly delimiter: "," | ";";
  readonly lineEnding: "\n" | "\r\n";
  readonly bom: boolean;
}

export const PLAIN_CSV: CsvFormat = { delimiter: ",", lineEnding: "\n", bom: false };
export const SPREADSHEET_EXPORT: CsvFormat = { delimiter: ";", lineEnding: "\r\n", bom: false };

const FLUSH_AT = 1 << 20;

/**
 * Writes a CSV file in buffered chunks, so that a file of millions of lines never sits in memory whole.
 * `append` takes a line already escaped for the format; call `flushIfFull` now and then.
 */
export class CsvFileWriter {
  private pending = "";
  private bytes = 0;
  lines = 0;

  private constructor(
    private readonly handle: FileHandle,
    readonly format: CsvFormat,
  ) {}

  static async create(path: string, format: CsvFormat, header: readonly string[]): Promise<CsvFileWriter> {
    await mkdir(dirname(path), { recursive: true });
    const writer = new CsvFileWriter(await open(path, "w"), format);
    if (format.bom) writer.pending = "\uFEFF";
    writer.pending += header.join(format.delimiter) + format.lineEnding;
    return writer;
  }

  field(value: string): string {
    return quoteCsvField(value, this.format.delimiter);
  }

  /** Adds one data line (fields escaped and joined by the caller, without its line ending). */
  append(line: string): void {
    this.pending += line + this.format.lineEnding;
    this.lines++;
  }

  /** Adds one data line from raw field values. */
  row(fields: readonly string[]): void {
    this.append(fields.map((value) => this.field(value)).join(this.format.delimiter));
  }

  async flushIfFull(): Promise<void> {
    if (this.pending.length >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending, "utf8");
    this.pending = "";
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await this.handle.write(chunk, offset, chunk.length - offset);
      offset += bytesWritten;
    }
    this.bytes += chunk.length;
  }

  /** Flushes, closes the file and returns its size in bytes. */
  async close(): Promise<number> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
    return this.bytes;
  }
}
