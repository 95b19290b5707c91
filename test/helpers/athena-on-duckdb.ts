import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import type { AthenaCommand } from "../../functions/adapters/aws/athena-engine.js";
import type { QueryEngine, ResultRow, SqlValue } from "../../functions/ports/query-engine.js";

/** One statement the fake was asked to start: its text and its execution parameters as Athena received them. */
export interface StartedStatement {
  readonly sql: string;
  readonly parameters: readonly string[];
}

/** A value of an Athena execution parameter (a SQL literal), as DuckDB binds it. */
function valueOfLiteral(literal: string): SqlValue {
  if (literal === "NULL") return null;
  if (literal === "TRUE" || literal === "FALSE") return literal === "TRUE";
  if (literal.startsWith("'")) return literal.slice(1, -1).replaceAll("''", "'");
  return Number(literal);
}

function athenaType(values: readonly unknown[]): string {
  const value = values.find((v) => v !== null && v !== undefined);
  if (typeof value === "number") return "double";
  if (typeof value === "boolean") return "boolean";
  if (Array.isArray(value)) return "array";
  return "varchar";
}

/**
 * A fake Athena client (Athena cannot run here): each statement it is asked to start runs on DuckDB as sent — a
 * `CREATE TABLE … WITH (…) AS` without Athena's table properties, which DuckDB does not know — with its execution
 * parameters bound, and its result comes back as Athena pages it (one page, header row first, values as text,
 * an array as `[a, b]`).
 */
export class AthenaOnDuckDb {
  readonly started: StartedStatement[] = [];
  private readonly results = new Map<string, ResultRow[] | Error>();

  constructor(private readonly duckdb: QueryEngine) {}

  async send(command: AthenaCommand) {
    if (command instanceof StartQueryExecutionCommand) {
      const id = `qe-${this.started.length + 1}`;
      const sql = command.input.QueryString as string;
      const parameters = command.input.ExecutionParameters ?? [];
      this.started.push({ sql, parameters });
      const statement = sql.replace(/^(CREATE TABLE \S+)\nWITH \([^)]*\)\nAS\n/, "$1 AS\n");
      this.results.set(
        id,
        await this.duckdb
          .query(statement, parameters.map(valueOfLiteral))
          .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
      );
      return { QueryExecutionId: id };
    }
    if (command instanceof GetQueryExecutionCommand) {
      const result = this.results.get(command.input.QueryExecutionId as string);
      return {
        QueryExecution: {
          Status:
            result instanceof Error
              ? { State: "FAILED", StateChangeReason: result.message, AthenaError: { ErrorCategory: 2 } }
              : { State: "SUCCEEDED" },
          Statistics: { DataScannedInBytes: 0 },
        },
      };
    }
    if (command instanceof GetQueryResultsCommand) {
      const rows = this.results.get(command.input.QueryExecutionId as string) as ResultRow[];
      const columns = Object.keys(rows[0] ?? {});
      const text = (value: unknown) =>
        value === null || value === undefined
          ? {}
          : { VarCharValue: Array.isArray(value) ? `[${value.join(", ")}]` : String(value) };
      return {
        ResultSet: {
          ResultSetMetadata: {
            ColumnInfo: columns.map((name) => ({
              Name: name,
              Type: athenaType(rows.map((row) => row[name])),
            })),
          },
          Rows: [
            { Data: columns.map((name) => ({ VarCharValue: name })) },
            ...rows.map((row) => ({ Data: columns.map((name) => text(row[name])) })),
          ],
        },
      };
    }
    return {};
  }
}
