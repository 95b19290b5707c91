import {
  Bool,
  Decimal,
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
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
 * Writes typed columns as a ZSTD-compressed Parquet file with the table's schema. Every column of the schema
 * must be given, all of the same length.
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
  const properties = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setCreatedBy("equity-observatory")
    .build();
  return parquet.writeParquet(wasmTable, properties);
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
