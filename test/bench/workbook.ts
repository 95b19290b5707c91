/**
 * Workbook reading benchmark: `node --expose-gc bin/run-ts.mjs test/bench/workbook.ts [--rows N]`. Builds an
 * `.xlsx` and an `.ods` financial report of N rows (default 200,000), reads each first sheet record by record as a
 * streaming validation will, and times the refusal of a zip bomb at the default limits. Prints rows per second and
 * how much the live heap grew while reading (with `--expose-gc`; without it the figure includes garbage not yet
 * collected). Nothing is asserted.
 */
import { parseArgs } from "node:util";
import { openUpload } from "../../functions/core/reporting/workbook.js";
import { odsParts, workbookFile, xlsxParts } from "../core/reporting/workbook-files.js";

const { values } = parseArgs({ options: { rows: { type: "string", default: "200000" } } });
const rows = Number(values.rows);
const figure = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

const header = ["hub_id", "period", "flow", "category", "amount", "currency", "country", "description"];
const sheet = {
  name: "Report",
  rows: [
    { cells: header },
    ...Array.from({ length: rows }, (_, index) => ({
      cells: ["wm-ng", "2025", "expense", "programs", 1000 + index / 100, "NGN", "NG", `line ${index}`],
    })),
  ],
};

function read(label: string, bytes: Uint8Array): void {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const opened = openUpload(bytes);
  if (opened.format !== "xlsx" && opened.format !== "ods")
    throw new Error(`${label}: not read as a workbook`);
  let count = 0;
  let peakHeap = 0;
  for (const record of opened.sheet.records()) {
    count++;
    if (record.row % 20_000 === 0) {
      global.gc?.();
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  figure(
    `read ${label} (${mib(bytes.length)} file)`,
    `${seconds.toFixed(2)} s, ${Math.round(count / seconds).toLocaleString("en")} rows/s (${count.toLocaleString("en")} records)`,
  );
  const live = global.gc ? "live heap" : "heap, with garbage (add --expose-gc)";
  figure(`  growth of the ${live}`, mib(Math.max(0, peakHeap - heapBefore)));
}

console.log(`Workbook reading benchmark: ${rows.toLocaleString("en")} rows, Node ${process.version}`);
read(".xlsx", workbookFile("xlsx", xlsxParts([sheet])));
read(".ods", workbookFile("ods", odsParts([sheet])));

const bomb = workbookFile("xlsx", xlsxParts([{ name: "Report", rows: [{ cells: header }] }]), {
  padding: { "xl/worksheets/sheet1.xml": 1024 * 1048576 },
});
const started = performance.now();
const opened = openUpload(bomb);
let refusal = opened.format === "refused" ? opened.problem.code : "";
if (opened.format === "xlsx")
  try {
    for (const _ of opened.sheet.records());
  } catch (error) {
    refusal = error instanceof Error ? error.message : String(error);
  }
figure(
  `refuse a zip bomb (${mib(bomb.length)} → 1 GiB)`,
  `${((performance.now() - started) / 1000).toFixed(2)} s: ${refusal.slice(0, 60)}…`,
);
