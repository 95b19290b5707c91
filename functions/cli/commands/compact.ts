import { parseArgs } from "node:util";
import { type CompactedYear, compactLake } from "../../core/lake/compaction.js";
import { existingLake } from "../lake-folder.js";
import { terminalJson, visible } from "../terminal-text.js";
import { required } from "../usage-error.js";

/** One line of what became of a kind's year. */
function describeYear(year: CompactedYear): string {
  const where = `${year.kind} ${year.year}`;
  const deleted = year.deleted.length === 0 ? "" : `; ${year.deleted.length} file(s) deleted`;
  if (year.status === "already compact") return `${where}: already compact${deleted}`;
  const record = year.record;
  if (!record) return `${where}: ${year.status}${deleted}`;
  if (year.status === "lost race")
    return `${where}: another compaction committed generation ${record.generation} first (${record.file.key})${deleted}`;
  return `${where}: ${record.reports.length.toLocaleString("en")} reports, ${record.file.rows.toLocaleString("en")} rows → ${record.file.key} (generation ${record.generation})${deleted}`;
}

/**
 * `observatory compact`: rewrites each kind's year of small curated files into one compacted file, records the
 * compaction in the lake, and writes a manifest checkpoint (see `compactLake`).
 */
export async function compactCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { lake: { type: "string" }, json: { type: "boolean", default: false } },
  });
  const lake = await existingLake(required(values.lake, "--lake"));
  const started = performance.now();
  const summary = await compactLake(lake);
  if (values.json) {
    console.log(terminalJson(summary));
    return 0;
  }
  for (const year of summary.years) console.log(visible(describeYear(year)));
  if (summary.checkpoint)
    console.log(
      visible(
        `manifest checkpoint through entry ${summary.checkpoint.throughSeq}: ${summary.checkpoint.key}`,
      ),
    );
  for (const problem of summary.checkpointProblems) console.log(visible(`note: ${problem}`));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`compacted ${values.lake} in ${seconds} s`);
  return 0;
}
