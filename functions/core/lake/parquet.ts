import {
  Bool,
  type Data,
  type DataType,
  Decimal,
  Field,
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  type Vector,
} from "apache-arrow";
import * as parquet from "parquet-wasm";
import type { ColumnType, TableSchema } from "./tables.js";

type CellValue = string | number | boolean | null;

/** Arrow's validity bitmap (1 = present), or undefined when nothing is null. */
function validity(values: readonly CellValue[]): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, i) => {
    if (value === null) nullCount++;
    else bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
  });
  return { nullBitmap: nullCount === 0 ? undefined : bitmap, nullCount };
}

/** UTF-8 strings written straight into one buffer with their offsets: one native encode per value, no builder. */
function utf8Vector(values: readonly CellValue[]): Vector {
  const valueOffsets = new Int32Array(values.length + 1);
  let bytes = 0;
  values.forEach((value, i) => {
    if (value !== null) bytes += Buffer.byteLength(value as string, "utf8");
    valueOffsets[i + 1] = bytes;
  });
  const data = Buffer.allocUnsafe(bytes);
  values.forEach((value, i) => {
    if (value !== null) data.write(value as string, valueOffsets[i] as number, "utf8");
  });
  return makeVector(
    makeData({
      type: new Utf8(),
      length: values.length,
      ...validity(values),
      valueOffsets,
      data: new Uint8Array(data),
    }),
  );
}

function booleanVector(values: readonly CellValue[]): Vector {
  const data = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, i) => {
    if (value === true) data[i >> 3] = (data[i >> 3] as number) | (1 << (i & 7));
  });
  return makeVector(makeData({ type: new Bool(), length: values.length, ...validity(values), data }));
}

/**
 * Money as DECIMAL(18,2): the amount in cents as a two's-complement 128-bit little-endian integer (four 32-bit
 * words, the upper ones all ones for a negative amount); null stays null. Cents are rounded half away from
 * zero; an amount whose cents a double cannot hold exactly is refused.
 */
function decimalVector(values: readonly CellValue[]): Vector {
  const words = new Uint32Array(values.length * 4);
  values.forEach((value, i) => {
    if (value === null) return;
    const amount = Number(value);
    const cents = Math.sign(amount) * Math.round(Math.abs(amount) * 100);
    if (!Number.isSafeInteger(cents))
      throw new RangeError(
        `writeParquet: ${JSON.stringify(value)} is not an amount DECIMAL(18,2) holds exactly`,
      );
    words[i * 4] = cents % 4294967296;
    words[i * 4 + 1] = Math.floor(cents / 4294967296);
    if (cents < 0) words.fill(0xffffffff, i * 4 + 2, i * 4 + 4);
  });
  return makeVector(
    makeData({ type: new Decimal(2, 18, 128), length: values.length, ...validity(values), data: words }),
  );
}

function vectorOf(type: ColumnType, values: readonly CellValue[]): Vector {
  switch (type) {
    case "string":
      return utf8Vector(values);
    case "boolean":
      return booleanVector(values);
    case "decimal(18,2)":
      return decimalVector(values);
    case "int32":
      return makeVector(
        makeData({
          type: new Int32(),
          length: values.length,
          ...validity(values),
          data: Int32Array.from(values, Number),
        }),
      );
    case "int64":
      return makeVector(
        makeData({
          type: new Int64(),
          length: values.length,
          ...validity(values),
          data: BigInt64Array.from(values, (v) => BigInt(v === null ? 0 : (v as number))),
        }),
      );
    case "double":
      return makeVector(
        makeData({
          type: new Float64(),
          length: values.length,
          ...validity(values),
          data: Float64Array.from(values, Number),
        }),
      );
  }
}

/** The Arrow type each column type is written as. */
function arrowTypeOf(type: ColumnType): DataType {
  switch (type) {
    case "string":
      return new Utf8();
    case "boolean":
      return new Bool();
    case "decimal(18,2)":
      return new Decimal(2, 18, 128);
    case "int32":
      return new Int32();
    case "int64":
      return new Int64();
    case "double":
      return new Float64();
  }
}

/** Rows as the columns `writeParquet` takes, in the schema's order; a row without a column gives null. */
export function columnsOfRows(schema: TableSchema, rows: readonly object[]): Record<string, CellValue[]> {
  return Object.fromEntries(
    schema.columns.map((column) => [
      column.name,
      rows.map((row) => (row as Record<string, CellValue | undefined>)[column.name] ?? null),
    ]),
  );
}

/**
 * How `writeParquet` and `ParquetStreamWriter` write: ZSTD, and who wrote the file. `writeParquet` writes
 * without dictionaries (`dictionary: false`): for its one-off files (the published indicators, the country table)
 * ZSTD alone gives smaller files, in half the time.
 */
function writerProperties(
  options: { rowsPerGroup?: number; dictionary?: boolean } = {},
): parquet.WriterProperties {
  let builder = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setCreatedBy("equity-observatory");
  if (options.rowsPerGroup !== undefined) builder = builder.setMaxRowGroupSize(options.rowsPerGroup);
  if (options.dictionary === false) builder = builder.setDictionaryEnabled(false);
  return builder.build();
}

/**
 * Writes typed columns as a ZSTD-compressed Parquet file with the table's schema, without
 * dictionaries. Every column of the schema must be given, all of the same length.
 */
export function writeParquet(
  schema: TableSchema,
  columns: Readonly<Record<string, readonly CellValue[]>>,
): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const column of schema.columns) {
    const values = columns[column.name];
    if (!values) throw new Error(`writeParquet: column ${column.name} of ${schema.name} is missing`);
    vectors[column.name] = vectorOf(column.type, values);
  }
  const table = new Table(vectors);
  const wasmTable = parquet.Table.fromIPCStream(tableToIPC(table, "stream"));
  return parquet.writeParquet(wasmTable, writerProperties({ dictionary: false }));
}

/** Reads a Parquet file into plain row objects (BIGINT and DECIMAL as numbers). For small reference tables. */
export function readParquetRows(bytes: Uint8Array): Record<string, CellValue>[] {
  const table = tableFromIPC(parquet.readParquet(bytes).intoIPCStream());
  const decimals = table.schema.fields.filter((f) => f.type instanceof Decimal).map((f) => f.name);
  return table.toArray().map((row) => {
    const plain: Record<string, CellValue> = {};
    for (const [name, value] of Object.entries(row.toJSON() as Record<string, unknown>)) {
      if (typeof value === "bigint") plain[name] = Number(value);
      else if (decimals.includes(name)) plain[name] = value === null ? null : Number(String(value)) / 100;
      else plain[name] = value as CellValue;
    }
    return plain;
  });
}

/** The rows of one row group of `ParquetStreamWriter`. @default */
export const DEFAULT_ROWS_PER_GROUP = 65_536;

/** A typed row, by column name. */
export type ParquetRow = Readonly<Record<string, CellValue>>;

/**
 * Writes a Parquet file row by row in bounded memory: rows are gathered into row groups of `rowsPerGroup`, each
 * encoded (ZSTD) as soon as it is full, and the file's bytes come out of `bytes()` as they are written, row group
 * by row group, the footer last. The file holds the rows `writeParquet` writes for the same rows, with the same
 * schema (every column nullable, as Arrow tables built from vectors are), in several row groups, dictionary-encoded.
 *
 * Use: start consuming `bytes()` (e.g. hand it to `ObjectStore.put`), add rows with `row()`, `await drain()` now
 * and then (it writes out full row groups, waiting while the consumer is behind), then `await close()`. When
 * anything fails, call `fail(error)`: `drain()`, `close()` and `bytes()` then throw it. (parquet-wasm's stream
 * writer must never see its input fail or its output cancelled, which throws outside any promise and ends the
 * process: a failed writer ends its input cleanly instead and reads the rest of its output, discarding it.)
 */
export class ParquetStreamWriter {
  private readonly schema: Schema;
  /** The values of the columns given with each row, by column; the constant columns are filled when written. */
  private readonly pending = new Map<string, CellValue[]>();
  private pendingRows = 0;
  private writtenGroups = 0;
  private readonly rowsPerGroup: number;
  private readonly constants: Readonly<Record<string, CellValue>>;
  private controller: ReadableStreamDefaultController<parquet.RecordBatch> | undefined;
  private inputEnded = false;
  private readonly output: Promise<ReadableStream<Uint8Array>>;
  private reader: Promise<ReadableStreamDefaultReader<Uint8Array>> | undefined;
  private outputRead = false;
  private demand: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly table: TableSchema,
    options: {
      /** @default DEFAULT_ROWS_PER_GROUP */
      readonly rowsPerGroup?: number;
      /** Columns with the same value on every row (such as `report_id`), not given with each row. */
      readonly constants?: Readonly<Record<string, CellValue>>;
    } = {},
  ) {
    this.rowsPerGroup = options.rowsPerGroup ?? DEFAULT_ROWS_PER_GROUP;
    if (!(Number.isInteger(this.rowsPerGroup) && this.rowsPerGroup > 0))
      throw new Error(`rowsPerGroup must be a whole number above 0, not ${this.rowsPerGroup}`);
    this.constants = options.constants ?? {};
    for (const column of table.columns)
      if (!Object.hasOwn(this.constants, column.name)) this.pending.set(column.name, []);
    this.schema = new Schema(table.columns.map((c) => new Field(c.name, arrowTypeOf(c.type), true)));
    const input = new ReadableStream<parquet.RecordBatch>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => {
          this.demand?.resolve();
          this.demand = undefined;
        },
      },
      { highWaterMark: 1 },
    );
    this.output = parquet.transformParquetStream(
      input,
      writerProperties({ rowsPerGroup: this.rowsPerGroup }),
    );
    this.output.catch(() => undefined);
  }

  /** Adds a row; a column it lacks is null. */
  row(values: ParquetRow): void {
    for (const [name, column] of this.pending) column.push(values[name] ?? null);
    this.pendingRows++;
  }

  /** Writes out every full row group, waiting while the consumer of `bytes()` is behind. */
  async drain(): Promise<void> {
    this.throwIfFailed();
    while (this.pendingRows >= this.rowsPerGroup) await this.writeGroup(this.rowsPerGroup);
  }

  /** Writes out the last rows and ends the file (its footer comes out of `bytes()`). */
  async close(): Promise<void> {
    await this.drain();
    if (this.pendingRows > 0 || this.writtenGroups === 0) await this.writeGroup(this.pendingRows);
    this.throwIfFailed();
    this.endInput();
  }

  /** Stops writing: the file is not finished, and `drain()`, `close()` and `bytes()` throw the error. */
  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    this.demand?.reject(error);
    this.demand = undefined;
    if (!this.inputEnded && this.writtenGroups === 0) this.controller?.enqueue(this.encode(0));
    this.endInput();
    if (!this.reader) void this.discardOutput();
  }

  /** The bytes of the Parquet file, as they are written. Consume them once. */
  async *bytes(): AsyncGenerator<Uint8Array> {
    this.throwIfFailed();
    this.reader ??= this.output.then((stream) => stream.getReader());
    const reader = await this.reader;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        this.throwIfFailed();
        if (done) break;
        yield value;
      }
      this.outputRead = true;
    } finally {
      if (!this.outputRead) void this.discardOutput();
    }
  }

  private async writeGroup(rows: number): Promise<void> {
    const batch = this.encode(rows);
    while ((this.controller?.desiredSize ?? 0) <= 0) {
      this.throwIfFailed();
      await new Promise<void>((resolve, reject) => {
        this.demand = { resolve, reject };
      });
    }
    this.throwIfFailed();
    this.controller?.enqueue(batch);
    this.writtenGroups++;
  }

  /** The next `rows` rows as a record batch in WebAssembly memory. */
  private encode(rows: number): parquet.RecordBatch {
    const children = this.table.columns.map((column) => {
      const values = Object.hasOwn(this.constants, column.name)
        ? new Array<CellValue>(rows).fill(this.constants[column.name] ?? null)
        : (this.pending.get(column.name) as CellValue[]).splice(0, rows);
      return vectorOf(column.type, values).data[0] as Data;
    });
    this.pendingRows -= rows;
    const struct = makeData({ type: new Struct(this.schema.fields), length: rows, nullCount: 0, children });
    const wasmTable = parquet.Table.fromIPCStream(
      tableToIPC(new Table(this.schema, new RecordBatch(this.schema, struct)), "stream"),
    );
    const batch = wasmTable.recordBatch(0);
    wasmTable.free();
    if (!batch) throw new Error("parquet-wasm read no record batch from the Arrow stream");
    return batch;
  }

  private endInput(): void {
    if (this.inputEnded) return;
    this.inputEnded = true;
    this.controller?.close();
  }

  /** Reads what is left of the output and drops it, so that the encoder finishes and frees its memory. */
  private async discardOutput(): Promise<void> {
    try {
      this.reader ??= this.output.then((stream) => stream.getReader());
      const reader = await this.reader;
      while (!(await reader.read()).done);
    } catch {
      // The encoder failed as well: nothing is left to read.
    }
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
