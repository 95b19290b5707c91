import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { FolderStore } from "../../adapters/local/folder-store.js";
import { type IngestOutcome, ingestReport, rejectTooLarge } from "../../core/ingest.js";
import { LakeReader } from "../../core/lake/lake-reader.js";
import { bundledCountryTable } from "../../core/reference/countries.js";
import { COUNCIL, isReportKind, isValidUploader, type ReportKind } from "../../core/reporting/kinds.js";
import { DEFAULT_MAX_BYTES } from "../../core/reporting/validate.js";
import { outcomeDocument } from "../../core/uploads/result-document.js";
import { describeRejection, describeReport, describeSuccession, problemLines } from "../outcome-text.js";
import { required, UsageError } from "../usage-error.js";

/** `observatory ingest`: validates files and adds the accepted ones to a local lake. */
export async function ingestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lake: { type: "string" },
      as: { type: "string" },
      kind: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const lake = required(values.lake, "--lake");
  const uploader = required(values.as, "--as");
  if (!isValidUploader(uploader))
    throw new UsageError(`--as must be a hub_id (lower-case letters, digits, hyphens) or ${COUNCIL}`);
  const kind = values.kind;
  if (kind !== undefined && !isReportKind(kind))
    throw new UsageError(`--kind must be financial, impact, hubs or fx_rates, not ${JSON.stringify(kind)}`);
  if (positionals.length === 0) throw new UsageError("name at least one FILE to ingest");
  for (const file of positionals) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`${file} is not a readable file`);
  }

  const outcomes = await ingestFiles({ lake, uploader, kind, files: positionals });
  if (values.json) console.log(JSON.stringify(outcomes.map(outcomeDocument), null, 2));
  else for (const outcome of outcomes) console.log(describeOutcome(outcome));
  return outcomes.some((o) => o.status === "rejected") ? 1 : 0;
}

/** Ingests files one after the other into a local lake. */
export async function ingestFiles(request: {
  lake: string;
  uploader: string;
  kind?: ReportKind;
  files: readonly string[];
}): Promise<IngestOutcome[]> {
  const store = new FolderStore(request.lake);
  const dependencies = { store, countries: bundledCountryTable(), reader: new LakeReader(store) };
  const outcomes: IngestOutcome[] = [];
  for (const file of request.files) {
    const size = (await stat(file)).size;
    if (size > DEFAULT_MAX_BYTES) {
      outcomes.push(rejectTooLarge(file, size, DEFAULT_MAX_BYTES));
      continue;
    }
    const bytes = new Uint8Array(await readFile(file));
    outcomes.push(
      await ingestReport(dependencies, {
        fileName: file,
        bytes,
        uploader: request.uploader,
        kind: request.kind,
      }),
    );
  }
  return outcomes;
}

/** The outcome of one file in the CLI's plain-text form. */
export function describeOutcome(outcome: IngestOutcome): string {
  const { fileName } = outcome;
  if (outcome.status === "rejected") return describeRejection(fileName, outcome.problems);
  const { entry } = outcome;
  const what = describeReport(entry);
  if (outcome.status === "duplicate")
    return `${fileName}: already in the lake as report ${entry.report_id} (${what}, uploaded ${entry.uploaded_at}); nothing changed`;
  const succession = describeSuccession(
    outcome.supersedes?.report_id ?? null,
    outcome.supersededBy?.report_id ?? null,
  );
  return [
    `${fileName}: accepted as report ${entry.report_id} (${what}, ${entry.row_count} rows, #${entry.seq})${succession}`,
    ...problemLines(fileName, outcome.problems),
  ].join("\n");
}
