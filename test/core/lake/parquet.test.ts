import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { readParquetRows, writeParquet } from "../../../functions/core/lake/parquet.js";
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
