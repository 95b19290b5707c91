/**
 * What ingest is measured against in the default benchmark: DuckDB's own `read_csv` → `COPY … (FORMAT parquet)`
 * of the same files (no validation, no evidence, no manifest), and the command line's start-up time.
 */
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

const BIN = fileURLToPath(new URL("../../bin/observatory.mjs", import.meta.url));

/** A path as a DuckDB string literal (bench files only: paths this benchmark made). */
const literal = (path: string) => `'${path.replaceAll("'", "''")}'`;

/** Seconds DuckDB takes to read each CSV file and write it as Parquet, one file after the other. */
export async function duckdbCopySeconds(files: readonly string[], outDir: string): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const connection = await instance.connect();
  const started = performance.now();
  try {
    for (const [index, file] of files.entries())
      await connection.run(
        `COPY (SELECT * FROM read_csv(${literal(file)})) TO ${literal(join(outDir, `${index}.parquet`))} (FORMAT parquet)`,
      );
    return (performance.now() - started) / 1000;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The median wall time, in seconds, of `observatory --version` in a fresh Node.js process. */
export function cliStartupSeconds(runs = 5): number {
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    execFileSync(process.execPath, [BIN, "--version"], { stdio: "ignore" });
    return (performance.now() - started) / 1000;
  });
  return median(times);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
