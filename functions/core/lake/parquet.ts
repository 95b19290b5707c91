import {
  Bool,
  type DataType,
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
  vectorFromArray,
} from "apache-arrow";
import * as parquet from "parquet-wasm";
import type { ColumnType, TableSchema } from "./tables.js";

type CellValue = string | number | boolean | null;

const ARROW_TYPES: Record<Exclude<ColumnType, "decimal(18,2)">, () => DataType> = {
  string: () => new Utf8(),
  int32: () => new Int32(),
  int64: () => new Int64(),
  double: () => new Float64(),
  boolean: () => new Bool(),
};

/** Money as DECIMAL(18,2): two's-complement 128-bit little-endian words of the amount in cents. */
function decimalVector(values: readonly CellValue[]): Vector {
  const words = new Uint32Array(values.length * 4);
  values.forEach((value, i) => {
    const cents = Math.round(Number(value) * 100);
    words[i * 4] = cents % 4294967296;
    words[i * 4 + 1] = Math.floor(cents / 4294967296);
  });
  return makeVector(
    makeData({ type: new Decimal(2, 18, 128), length: values.length, nullCount: 0, data: words }),
  );
}

function vectorOf(type: ColumnType, values: readonly CellValue[]): Vector {
  if (type === "decimal(18,2)") return decimalVector(values);
  if (type === "int64")
    return vectorFromArray(
      values.map((v) => (v === null ? null : BigInt(v as number))),
      new Int64(),
    );
  return vectorFromArray(values as unknown[], ARROW_TYPES[type]());
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
      else if (decimals.includes(name)) plain[name] = Number(String(value)) / 100;
      else plain[name] = value as CellValue;
    }
    return plain;
  });
}
