import { openAsBlob } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { UploadResult } from "../../core/uploads/result-document.js";
import type { IssuedUpload } from "../../core/uploads/upload-access.js";
import { checkInputFile, fileErrorReason, isFileSystemError } from "../file-errors.js";
import { describeRejection, describeReport, describeSuccession, problemLines } from "../outcome-text.js";
import { terminalJson, visible, visibleLines } from "../terminal-text.js";
import { required, UsageError, wholeNumber } from "../usage-error.js";

/** How the CLI talks to a deployed upload API; `fetch` and the pause are injectable for tests. */
export interface UploadClientOptions {
  readonly api: string;
  readonly token: string;
  /** Seconds to wait for each file's result; 0 returns as soon as the file is uploaded. */
  readonly waitSeconds: number;
  readonly fetch?: typeof fetch;
  readonly pollMs?: number;
}

/** What became of one file sent to the deployed observatory. */
export type UploadReport =
  | { readonly file: string; readonly state: "done"; readonly result: UploadResult }
  | { readonly file: string; readonly state: "pending"; readonly uploadId: string }
  | { readonly file: string; readonly state: "failed"; readonly message: string };

/** `observatory upload`: sends files to a deployed observatory through its upload API and waits for the results. */
export async function uploadCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      api: { type: "string" },
      token: { type: "string" },
      wait: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const api = required(values.api ?? process.env.OBSERVATORY_API, "--api (or OBSERVATORY_API)");
  if (!/^https?:\/\//.test(api))
    throw new UsageError(`--api must be an http(s) URL, not ${JSON.stringify(api)}`);
  const token = required(values.token ?? process.env.OBSERVATORY_TOKEN, "--token (or OBSERVATORY_TOKEN)");
  const waitSeconds = wholeNumber(values.wait, "--wait", 120, 0, 3600);
  if (positionals.length === 0) throw new UsageError("name at least one FILE to upload");
  for (const file of positionals) await checkInputFile(file);
  const reports: UploadReport[] = [];
  try {
    for (const file of positionals) {
      const report = await uploadFile(file, { api, token, waitSeconds });
      reports.push(report);
      if (!values.json) console.log(describeUpload(report));
    }
  } finally {
    if (values.json) console.log(terminalJson(reports));
  }
  return reports.every((r) => r.state === "done" && r.result.status !== "rejected") ? 0 : 1;
}

async function apiRequest<T>(
  options: UploadClientOptions,
  method: "GET" | "POST",
  path: string,
): Promise<{ status: number; body: T & { error?: string } }> {
  const response = await (options.fetch ?? fetch)(
    new URL(path.replace(/^\//, ""), `${options.api.replace(/\/?$/, "/")}`),
    {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(method === "POST" && { "content-type": "application/json" }),
      },
      ...(method === "POST" && { body: "{}" }),
    },
  );
  const text = await response.text();
  let body: T & { error?: string };
  try {
    body = JSON.parse(text) as T & { error?: string };
  } catch {
    body = { error: `the API answered ${response.status} with no JSON: ${text.slice(0, 200)}` } as T & {
      error?: string;
    };
  }
  return { status: response.status, body };
}

/**
 * Uploads one file (CSV or a workbook: the observatory recognises it by its bytes): opens it, asks the API for an
 * upload, POSTs the file to storage as it is read from disk, then waits for its validation result. A file that
 * cannot be read is reported as not uploaded, with what to do.
 */
export async function uploadFile(file: string, options: UploadClientOptions): Promise<UploadReport> {
  let contents: Blob;
  try {
    await (await open(file, "r")).close(); // says why a file cannot be read, which openAsBlob does not
    contents = await openAsBlob(file, { type: "text/csv" });
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return { file, state: "failed", message: `not read: ${fileErrorReason(error, "read")}` };
  }
  const issued = await apiRequest<IssuedUpload>(options, "POST", "/uploads");
  if (issued.status !== 201)
    return {
      file,
      state: "failed",
      message: `the API refused the upload (${issued.status}): ${issued.body.error}`,
    };
  const { upload_id: uploadId, url, fields, max_bytes: maxBytes } = issued.body;
  if (contents.size > maxBytes)
    return {
      file,
      state: "failed",
      message: `the file is ${contents.size} bytes; uploads are limited to ${maxBytes}`,
    };

  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", contents, basename(file));
  const stored = await (options.fetch ?? fetch)(url, { method: "POST", body: form });
  if (!stored.ok)
    return {
      file,
      state: "failed",
      message: `storage refused the file (${stored.status}): ${(await stored.text()).slice(0, 300)}`,
    };

  const deadline = Date.now() + options.waitSeconds * 1000;
  for (;;) {
    const result = await apiRequest<UploadResult>(options, "GET", `/results/${uploadId}`);
    if (result.status === 200) return { file, state: "done", result: result.body };
    if (result.status !== 404)
      return { file, state: "failed", message: `the API answered ${result.status}: ${result.body.error}` };
    if (Date.now() >= deadline) return { file, state: "pending", uploadId };
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 2000));
  }
}

/**
 * One file's outcome in the CLI's plain-text form, like `observatory ingest` prints it; what the server and the
 * file sent back is escaped (see `visible`).
 */
export function describeUpload(report: UploadReport): string {
  const { file } = report;
  if (report.state === "failed") return visible(`${file}: not uploaded: ${report.message}`);
  if (report.state === "pending")
    return visible(
      `${file}: uploaded as ${report.uploadId}; its result is not ready yet (GET /results/${report.uploadId} later)`,
    );
  const { result } = report;
  const entry = result.report;
  if (result.status === "rejected" || !entry)
    return describeRejection(file, result.problems, result.error_count);
  const what = describeReport(entry);
  if (result.status === "duplicate")
    return visible(`${file}: already in the lake as report ${entry.report_id} (${what}); nothing changed`);
  return visibleLines([
    `${file}: accepted as report ${entry.report_id} (${what}, ${entry.row_count} rows)${describeSuccession(result.supersedes, result.superseded_by)}`,
    ...problemLines(file, result.problems),
  ]);
}
