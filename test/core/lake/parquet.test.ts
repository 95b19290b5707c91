import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import {
  type ParquetRow,
  ParquetStreamWriter,
  readParquetRows,
  writeParquet,
} from "../../../functions/core/lake/parquet.js";
import type { TableSchema } from "../../../functions/core/lake/tables.js";
import { tempDir } from "../../helpers/temp.js";

const SCHEMA: TableSchema = {
  name: "sample",
  columns: [
    { name: "text", type: "string", nullable: true },
    { name: "small", type: "int32", nullable: true },
    { name: "big", type: "int64", nullable: false },
    { name: "ratio", type: "double", nullable: true },
    { name: "flag", type: "boolean", nullable: false },
    { name: "amount", type: "decimal(18,2)", nullable: false },
  ],
};

const COLUMNS = {
  text: [
    "Atelier d'écriture, Dakar",
    null,
    "",
    "ويكي 🌍",
    "<script>alert(1)</script>",
    "plain",
    "x",
    "y",
    "z",
  ],
  small: [2025, null, 0, -1, 7, 8, 9, 10, 2147483647],
  big: [1, 2, 3, 4, 5, 6, 7, 8, 9007199254740991],
  ratio: [0.1, null, 1e-9, 2.5, 0, 1, 2, 3, 4],
  flag: [true, false, true, false, false, false, false, false, true],
  amount: [1234567.89, 0, 0.01, 9999999999999.99, 0.5, 1, 2, 3, 4],
};

describe("writeParquet", () => {
  it("writes typed Parquet that DuckDB reads back value for value, nulls and non-ASCII text included", async () => {
    const path = join(await tempDir(), "sample.parquet");
    await writeFile(path, writeParquet(SCHEMA, COLUMNS));
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const types = await connection.runAndReadAll(
      "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($1))",
      [path],
    );
    expect(types.getRowObjectsJS()).toEqual([
      { column_name: "text", column_type: "VARCHAR" },
      { column_name: "small", column_type: "INTEGER" },
      { column_name: "big", column_type: "BIGINT" },
      { column_name: "ratio", column_type: "DOUBLE" },
      { column_name: "flag", column_type: "BOOLEAN" },
      { column_name: "amount", column_type: "DECIMAL(18,2)" },
    ]);
    const rows = (await connection.runAndReadAll("SELECT * FROM read_parquet($1)", [path])).getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    expect(rows.map((r) => r.text)).toEqual(COLUMNS.text);
    expect(rows.map((r) => r.small)).toEqual(COLUMNS.small);
    expect(rows.map((r) => Number(r.big))).toEqual(COLUMNS.big);
    expect(rows.map((r) => r.ratio)).toEqual(COLUMNS.ratio);
    expect(rows.map((r) => r.flag)).toEqual(COLUMNS.flag);
    expect(rows.map((r) => r.amount)).toEqual(COLUMNS.amount);
  });

  it("reads back through readParquetRows as plain values", () => {
    const rows = readParquetRows(writeParquet(SCHEMA, COLUMNS));
    expect(rows[0]).toEqual({
      text: COLUMNS.text[0],
      small: 2025,
      big: 1,
      ratio: 0.1,
      flag: true,
      amount: 1234567.89,
    });
    expect(rows[1]).toMatchObject({ text: null, small: null, ratio: null });
  });

  it("refuses columns that do not match the schema", () => {
    const { amount: _missing, ...rest } = COLUMNS;
    expect(() => writeParquet(SCHEMA, rest)).toThrow(/column amount of sample is missing/);
  });

  it("writes negative and null amounts as DECIMAL(18,2) that DuckDB and readParquetRows read back exactly", async () => {
    const schema: TableSchema = {
      name: "money",
      columns: [{ name: "amount", type: "decimal(18,2)", nullable: true }],
    };
    const amounts = [
      -0.01,
      null,
      -1234567.89,
      -42949672.96,
      -42949672.97,
      -9999999999999.99,
      0,
      null,
      9999999999999.99,
      42949672.96,
      -0.5,
    ];
    const bytes = writeParquet(schema, { amount: amounts });
    const path = join(await tempDir(), "money.parquet");
    await writeFile(path, bytes);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const read = await connection.runAndReadAll(
      "SELECT CAST(amount AS VARCHAR) AS text, amount IS NULL AS missing FROM read_parquet($1)",
      [path],
    );
    connection.closeSync();
    instance.closeSync();
    expect(read.getRowObjectsJS()).toEqual(
      amounts.map((amount) => ({
        text: amount === null ? null : amount.toFixed(2),
        missing: amount === null,
      })),
    );
    expect(readParquetRows(bytes).map((row) => row.amount)).toEqual(amounts);
  });

  it("refuses an amount whose cents a double cannot hold exactly, rather than write another number", () => {
    const schema: TableSchema = {
      name: "money",
      columns: [{ name: "amount", type: "decimal(18,2)", nullable: true }],
    };
    expect(() => writeParquet(schema, { amount: [1e16] })).toThrow(
      "writeParquet: 10000000000000000 is not an amount DECIMAL(18,2) holds exactly",
    );
    expect(() => writeParquet(schema, { amount: ["ten"] })).toThrow(/"ten" is not an amount/);
  });
});

/** Writes rows with a `ParquetStreamWriter`, collecting what comes out of `bytes()`. */
async function streamed(rows: readonly Record<string, unknown>[], options: { rowsPerGroup?: number } = {}) {
  const writer = new ParquetStreamWriter(SCHEMA, { ...options, constants: { text: "constant" } });
  const chunks: Uint8Array[] = [];
  const consumed = (async () => {
    for await (const chunk of writer.bytes()) chunks.push(chunk);
  })();
  for (const [index, row] of rows.entries()) {
    writer.row(row as ParquetRow);
    if (index % 7 === 0) await writer.drain();
  }
  await writer.close();
  await consumed;
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
}

async function described(path: string) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const schema = await connection.runAndReadAll(
      "SELECT name, type, repetition_type, converted_type, scale, precision, logical_type FROM parquet_schema(?)",
      [path],
    );
    const groups = await connection.runAndReadAll(
      "SELECT count(DISTINCT row_group_id) FROM parquet_metadata(?)",
      [path],
    );
    return { schema: schema.getRowsJson(), rowGroups: Number(groups.getRows()[0]?.[0] ?? 0) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("ParquetStreamWriter", () => {
  const ROWS = Array.from({ length: 1000 }, (_, i) => ({
    small: i % 3 === 0 ? null : i,
    big: i * 1000,
    ratio: i / 7,
    flag: i % 2 === 0,
    amount: i + 0.25,
  }));

  it("writes the rows writeParquet writes, with the same schema, in row groups of rowsPerGroup", async () => {
    const dir = await tempDir();
    const { bytes, chunks } = await streamed(ROWS, { rowsPerGroup: 128 });
    await writeFile(join(dir, "streamed.parquet"), bytes);
    const columns = Object.fromEntries(
      SCHEMA.columns.map((c) => [
        c.name,
        ROWS.map((row) => (c.name === "text" ? "constant" : (row as Record<string, unknown>)[c.name])),
      ]),
    );
    await writeFile(join(dir, "whole.parquet"), writeParquet(SCHEMA, columns as never));
    const [stream, whole] = await Promise.all([
      described(join(dir, "streamed.parquet")),
      described(join(dir, "whole.parquet")),
    ]);
    expect(stream.schema).toEqual(whole.schema);
    expect([stream.rowGroups, whole.rowGroups]).toEqual([8, 1]);
    expect(chunks).toBeGreaterThan(1);
    expect(readParquetRows(new Uint8Array(bytes))).toEqual(
      readParquetRows(new Uint8Array(await readFile(join(dir, "whole.parquet")))),
    );
  });

  it("writes a file with the schema and no rows when it is given none", async () => {
    const path = join(await tempDir(), "empty.parquet");
    await writeFile(path, (await streamed([])).bytes);
    expect((await described(path)).schema).toHaveLength(SCHEMA.columns.length + 1);
    expect(readParquetRows(new Uint8Array(await readFile(path)))).toEqual([]);
  });

  it("throws the error it failed with from drain, close and bytes, read or not, and the process goes on", async () => {
    for (const reading of [true, false]) {
      const writer = new ParquetStreamWriter(SCHEMA, { rowsPerGroup: 10 });
      const failure = new Error("the disk is full");
      const consumed = reading
        ? (async () => {
            for await (const _ of writer.bytes());
          })()
        : undefined;
      for (const row of ROWS.slice(0, 45)) writer.row(row as ParquetRow);
      const drained = writer.drain();
      writer.fail(failure);
      await expect(drained).rejects.toBe(failure);
      await expect(writer.close()).rejects.toBe(failure);
      await expect(writer.bytes().next()).rejects.toBe(failure);
      if (consumed) await expect(consumed).rejects.toBe(failure);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
});
