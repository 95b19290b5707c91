import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type OpenedFile, openFileSource } from "../../adapters/local/file-source.js";
import { FolderStore } from "../../adapters/local/folder-store.js";
import { type IngestOutcome, ingestReport } from "../../core/ingest.js";
import { LakeReader } from "../../core/lake/lake-reader.js";
import { bundledCountryTable } from "../../core/reference/countries.js";
import { COUNCIL, isUploadKind, isValidUploader, type UploadKind } from "../../core/reporting/kinds.js";
import { type OutcomeDocument, outcomeDocument } from "../../core/uploads/result-document.js";
import { SourceChangedError, SourceReadError } from "../../ports/byte-source.js";
import { checkInputFile, FileAccessError, fileErrorReason, isFileSystemError } from "../file-errors.js";
import { describeRejection, describeReport, describeSuccession, problemLines } from "../outcome-text.js";
import { terminalJson, visible, visibleLines } from "../terminal-text.js";
import { required, UsageError } from "../usage-error.js";

/** A file that could not be read: nothing of it reached the lake. */
export interface UnreadableFile {
  readonly status: "unreadable";
  readonly fileName: string;
  readonly error: FileAccessError | FileChangedError;
}

/** A file that changed while it was ingested (another program was writing it): it was not ingested. */
export class FileChangedError extends Error {
  /** Why, and what to do, without the file's name. */
  readonly reason =
    "it changed while it was being read (is another program still writing it?): run again once the file is complete";

  constructor(
    readonly file: string,
    cause: SourceChangedError,
  ) {
    super("", { cause });
    this.message = `${file}: ${this.reason}`;
    this.name = "FileChangedError";
  }
}

/** What became of one file named to `ingest`. */
export type FileOutcome = IngestOutcome | UnreadableFile;

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
  if (kind !== undefined && !isUploadKind(kind))
    throw new UsageError(
      `--kind must be financial, impact, hubs, fx_rates or scenario, not ${JSON.stringify(kind)}`,
    );
  if (positionals.length === 0) throw new UsageError("name at least one FILE to ingest");
  await checkLakeFolder(lake);
  for (const file of positionals) await checkInputFile(file);

  const outcomes: FileOutcome[] = [];
  try {
    await ingestFiles({ lake, uploader, kind, files: positionals }, (outcome) => {
      outcomes.push(outcome);
      if (!values.json) console.log(describeOutcome(outcome));
    });
  } finally {
    if (values.json) console.log(terminalJson(outcomes.map(fileOutcomeDocument)));
  }
  return outcomes.some((o) => o.status === "rejected" || o.status === "unreadable") ? 1 : 0;
}

/** The lake folder of `ingest` may be missing (it is created), but not a file or out of reach. */
async function checkLakeFolder(lake: string): Promise<void> {
  const info = await stat(lake).catch((error: unknown) => {
    if (!isFileSystemError(error)) throw error;
    if (error.code === "ENOENT") return undefined;
    throw new UsageError(`--lake ${lake}: ${fileErrorReason(error, "open")}`);
  });
  if (info && !info.isDirectory())
    throw new UsageError(
      `--lake ${lake} is a file, not a lake folder: name a folder (it is created if missing)`,
    );
}

/**
 * Ingests files one after the other into a local lake, handing each outcome over as soon as it is known. Each file
 * is read as a stream (in bounded memory, whatever its size), as often as ingest needs. A file that cannot be read,
 * or that changes while it is read, is reported as unreadable and the others still go in; a failure of the lake
 * itself stops the run (after the outcomes of the files before it were handed over).
 */
export async function ingestFiles(
  request: { lake: string; uploader: string; kind?: UploadKind; files: readonly string[] },
  onOutcome: (outcome: FileOutcome) => void = () => {},
): Promise<FileOutcome[]> {
  const store = new FolderStore(request.lake);
  const dependencies = { store, countries: bundledCountryTable(), reader: new LakeReader(store) };
  const outcomes: FileOutcome[] = [];
  const report = (outcome: FileOutcome) => {
    outcomes.push(outcome);
    onOutcome(outcome);
  };
  for (const file of request.files) {
    let opened: OpenedFile;
    try {
      opened = await openFileSource(file);
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      report({ status: "unreadable", fileName: file, error: new FileAccessError(file, error, "read") });
      continue;
    }
    try {
      report(
        await ingestReport(dependencies, {
          fileName: file,
          source: opened.source,
          uploader: request.uploader,
          kind: request.kind,
        }),
      );
    } catch (error) {
      const unreadable = unreadableFile(file, error);
      if (!unreadable) throw error;
      report(unreadable);
    } finally {
      await opened.close();
    }
  }
  return outcomes;
}

/** The outcome of a file whose reading failed (not the lake's writing), or undefined for any other error. */
function unreadableFile(file: string, error: unknown): UnreadableFile | undefined {
  if (error instanceof SourceReadError && isFileSystemError(error.cause))
    return { status: "unreadable", fileName: file, error: new FileAccessError(file, error.cause, "read") };
  if (error instanceof SourceChangedError)
    return { status: "unreadable", fileName: file, error: new FileChangedError(file, error) };
  return undefined;
}

/** One file's outcome as `--json` prints it; an unreadable file names the error. */
export function fileOutcomeDocument(
  outcome: FileOutcome,
): OutcomeDocument | { file: string; status: "unreadable"; error: string } {
  if (outcome.status === "unreadable")
    return { file: outcome.fileName, status: "unreadable", error: outcome.error.message };
  return outcomeDocument(outcome);
}

/** The outcome of one file in the CLI's plain-text form; what the file holds is escaped (see `visible`). */
export function describeOutcome(outcome: FileOutcome): string {
  const { fileName } = outcome;
  if (outcome.status === "unreadable")
    return visible(`${fileName}: not read, nothing was changed: ${outcome.error.reason}`);
  if (outcome.status === "rejected") return describeRejection(fileName, outcome.problems, outcome.errorCount);
  const { entry } = outcome;
  const what = describeReport(entry);
  if (outcome.status === "duplicate")
    return visible(
      `${fileName}: already in the lake as report ${entry.report_id} (${what}, uploaded ${entry.uploaded_at}); nothing changed`,
    );
  const succession = describeSuccession(
    outcome.supersedes?.report_id ?? null,
    outcome.supersededBy?.report_id ?? null,
  );
  return visibleLines([
    `${fileName}: accepted as report ${entry.report_id} (${what}, ${entry.row_count} rows, #${entry.seq})${succession}`,
    ...problemLines(fileName, outcome.problems),
  ]);
}
