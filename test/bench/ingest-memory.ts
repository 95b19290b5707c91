/**
 * Ingest memory benchmark: how much memory ingesting one large file takes, and how long. Each ingest runs in a
 * fresh child process (`ingest-child.ts`, bundled by esbuild as the Lambda functions are, run by plain Node), so
 * that no peak is mixed with another's and none includes the TypeScript loader: CSV financial reports of 16, 64
 * and 256 MiB in the sample generator's line shapes through the CLI (a folder lake) and through the ingest Lambda's
 * handler (the lake on an S3 API, s3rver in this process), and workbooks (.xlsx with shared strings as Excel and
 * LibreOffice write them, .ods) up to the sheet's last row. Prints each figure; asserts nothing.
 *
 *   node bin/run-ts.mjs test/bench/ingest-memory.ts [--sizes 16,64,256] [--no-lambda] [--no-workbooks]
 * and part of `npm run bench`.
 */
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { cp, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { build } from "esbuild";
import { lakeOnS3 } from "../../functions/adapters/aws/lake-on-s3.js";
import { createS3Client } from "../../functions/adapters/aws/s3-client.js";
import { ingestFiles } from "../../functions/cli/commands/ingest.js";
import { ingestReport } from "../../functions/core/ingest.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { parseCsv } from "../../functions/core/reporting/csv.js";
import { columnLetters, DEFAULT_WORKBOOK_LIMITS } from "../../functions/core/reporting/workbook.js";
import { PLAIN_CSV } from "../../functions/sample/csv.js";
import { writeFinancialReport } from "../../functions/sample/financial.js";
import { DEFAULT_SAMPLE_YEARS, generateSample } from "../../functions/sample/generate.js";
import { buildMovement, type Movement, type SampleHub } from "../../functions/sample/movement.js";
import { odsParts, workbookFile, zipFile } from "../core/reporting/workbook-files.js";

const MiB = 1024 * 1024;
const YEAR = 2025;
const SEED = 7;

/** One measured ingest, as the child process reports it. */
interface Measured {
  readonly status: string;
  readonly rows: number;
  readonly problem?: string;
  readonly seconds: number;
  readonly baselineRssBytes: number;
  readonly peakRssBytes: number;
}

export interface IngestMemoryOptions {
  /** A scratch folder (emptied first). */
  readonly dir: string;
  /** CSV sizes to measure, in MiB. @default [16, 64, 256] */
  readonly sizesMiB?: readonly number[];
  /** Also through the ingest Lambda's handler on an S3 API. @default true */
  readonly lambda?: boolean;
  /** Also workbooks. @default true */
  readonly workbooks?: boolean;
  readonly print?: (label: string, value: string) => void;
}

const figure = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const count = (value: number) => value.toLocaleString("en");

/** Measures ingest's memory and time for each size and kind of file, each in a process of its own. */
export async function ingestMemoryBench(options: IngestMemoryOptions): Promise<void> {
  const print = options.print ?? figure;
  const dir = resolve(options.dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const sample = await generateSample({ outDir: join(dir, "samples"), seed: SEED, financialLines: 0 });
  const reference = sample.uploads
    .filter((upload) => upload.uploader === "council")
    .map((u) => join(dir, "samples", u.file));
  const baseLake = join(dir, "base-lake");
  const accepted = await ingestFiles({ lake: baseLake, uploader: "council", files: reference });
  if (accepted.some((outcome) => outcome.status !== "accepted"))
    throw new Error("the sample's reference data was rejected");
  const movement = buildMovement(SEED, DEFAULT_SAMPLE_YEARS, bundledCountryTable());
  const hub = movement.hubs.find((h) => !h.isGlobal && movement.isActive(h, YEAR));
  if (!hub) throw new Error(`no hub of the sample is active in ${YEAR}`);
  const bytesPerLine = await calibrate(dir, movement, hub);
  await bundleChild(join(dir, "child"));
  print(
    "ingest memory: a fresh process per file",
    `hub ${hub.id}, ${bytesPerLine.toFixed(1)} bytes a line, Node ${process.version}`,
  );

  const s3 = options.lambda === false ? undefined : await startS3(join(dir, "s3"));
  try {
    for (const size of options.sizesMiB ?? [16, 64, 256]) {
      const file = join(dir, `financial-${size}MiB.csv`);
      const target = size * MiB * 0.995;
      let lines = Math.floor(target / bytesPerLine);
      await writeFinancialReport(file, movement, financialReport(hub, lines));
      lines = Math.floor((lines * target) / (await stat(file)).size);
      await writeFinancialReport(file, movement, financialReport(hub, lines));
      const bytes = (await stat(file)).size;
      const lake = join(dir, `lake-${size}`);
      await cp(baseLake, lake, { recursive: true });
      const cli = await child(["cli", "--lake", lake, "--as", hub.id, file]);
      print(`  ${size} MiB CSV, CLI (folder lake)`, describe(cli, bytes));
      await rm(lake, { recursive: true, force: true });
      if (s3) {
        const lambda = await s3.ingest(file, bytes, hub.id, reference);
        print(`  ${size} MiB CSV, ingest Lambda handler (S3 API)`, describe(lambda, bytes));
      }
      await rm(file, { force: true });
    }
  } finally {
    await s3?.close();
  }

  if (options.workbooks !== false) {
    const measureWorkbook = async (label: string, format: "xlsx" | "ods", workbook: Uint8Array) => {
      const file = join(dir, `workbook.${format}`);
      await writeFile(file, workbook);
      const lake = join(dir, `lake-${format}`);
      await cp(baseLake, lake, { recursive: true });
      const measured = await child(["cli", "--lake", lake, "--as", hub.id, file]);
      print(`  ${label}, CLI`, describe(measured, workbook.byteLength));
      await rm(lake, { recursive: true, force: true });
      await rm(file, { force: true });
    };
    for (const [format, lines] of [
      ["xlsx", 250_000],
      ["xlsx", 900_000],
      ["ods", 100_000],
      ["ods", 250_000],
    ] as const) {
      const csv = join(dir, "workbook-rows.csv");
      await writeFinancialReport(csv, movement, financialReport(hub, lines - 20));
      const records = parseCsv(await readFile(csv, "utf8"));
      await rm(csv);
      const rows = [records.header?.fields ?? [], ...records.records.map((record) => record.fields)];
      const workbook = format === "xlsx" ? xlsxWithSharedStrings(rows) : odsWorkbook(rows);
      await measureWorkbook(`.${format} of ${count(rows.length - 1)} rows`, format, workbook);
    }
    const limits = DEFAULT_WORKBOOK_LIMITS;
    const hostile = hostileSharedStrings(
      hub.id,
      limits.maxSharedStringsBytes - MiB,
      limits.maxFileBytes - MiB,
    );
    await measureWorkbook(
      `worst .xlsx: ${mib(limits.maxSharedStringsBytes - MiB)} of distinct shared texts`,
      "xlsx",
      hostile,
    );
  }
  await rm(dir, { recursive: true, force: true });
}

function financialReport(hub: SampleHub, fillerLines: number) {
  return {
    hub,
    year: YEAR,
    quarter: null,
    period: String(YEAR),
    fillerLines,
    format: PLAIN_CSV,
    withDescriptions: true,
  };
}

/** Bytes a line of a large report takes, from a report of 50,000 lines. */
async function calibrate(dir: string, movement: Movement, hub: SampleHub): Promise<number> {
  const path = join(dir, "calibration.csv");
  const written = await writeFinancialReport(path, movement, financialReport(hub, 50_000));
  await rm(path);
  return written.bytes / written.lines;
}

function describe(measured: Measured, bytes: number): string {
  const outcome =
    measured.status === "accepted"
      ? `${count(measured.rows)} rows`
      : `${measured.status}: ${measured.problem ?? ""}`;
  return `${mib(bytes)} file: peak RSS ${mib(measured.peakRssBytes)} (${mib(measured.baselineRssBytes)} loaded), ${measured.seconds.toFixed(1)} s, ${outcome}`;
}

let childScript = "";

/**
 * Bundles the child as the Lambda functions are bundled (esbuild, one ESM file, parquet-wasm's WebAssembly next to
 * it), so that it runs without the TypeScript loader and its memory is what the Lambda's would be.
 */
async function bundleChild(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  childScript = join(folder, "ingest-child.mjs");
  await build({
    entryPoints: ["test/bench/ingest-child.ts"],
    outfile: childScript,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    mainFields: ["module", "main"],
    minify: true,
    logLevel: "error",
    banner: {
      js:
        "import { createRequire } from 'node:module'; import { fileURLToPath as __fup } from 'node:url'; " +
        "import { dirname as __dn } from 'node:path'; const require = createRequire(import.meta.url); " +
        "const __filename = __fup(import.meta.url); const __dirname = __dn(__filename);",
    },
  });
  await cp("node_modules/parquet-wasm/node/parquet_wasm_bg.wasm", join(folder, "parquet_wasm_bg.wasm"));
}

/** Runs one ingest in a child process and returns what it measured. */
async function child(args: readonly string[]): Promise<Measured> {
  const { spawn } = await import("node:child_process");
  const process_ = spawn(process.execPath, [childScript, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, OBSERVATORY_HOME: resolve(".") },
  });
  let stdout = "";
  process_.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => process_.on("close", done));
  if (code !== 0) throw new Error(`ingest child ${args.join(" ")} exited ${code}: ${stdout}`);
  if (process.env.BENCH_DEBUG) console.log(stdout.trim());
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Measured;
}

/** The S3 API for the Lambda's handler: s3rver in this process, on 127.0.0.1. */
async function startS3(directory: string) {
  type Server = { run(): Promise<{ port: number }>; close(): Promise<void> };
  const S3rver = createRequire(import.meta.url)("s3rver") as new (options: object) => Server;
  const raw = "bench-raw";
  const curated = "bench-curated";
  await mkdir(directory, { recursive: true });
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createS3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  let run = 0;
  return {
    async ingest(
      file: string,
      bytes: number,
      hubId: string,
      reference: readonly string[],
    ): Promise<Measured> {
      run++;
      const buckets = { rawBucket: `${raw}-${run}`, curatedBucket: `${curated}-${run}` };
      for (const bucket of Object.values(buckets))
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
      const store = lakeOnS3({ client, ...buckets });
      for (const path of reference)
        await ingestReport(
          { store, countries: bundledCountryTable() },
          { fileName: path, bytes: new Uint8Array(await readFile(path)), uploader: "council" },
        );
      const key = `uploads/${hubId}/20260101T000000Z-00000000000000${String(run).padStart(2, "0")}.csv`;
      await client.send(
        new PutObjectCommand({
          Bucket: buckets.rawBucket,
          Key: key,
          Body: createReadStream(file),
          ContentLength: bytes,
        }),
      );
      return child([
        "lambda",
        "--endpoint",
        endpoint,
        "--raw",
        buckets.rawBucket,
        "--curated",
        buckets.curatedBucket,
        "--key",
        key,
        "--size",
        String(bytes),
      ]);
    },
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

const encoder = new TextEncoder();
const escapeXml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * An .xlsx workbook of these rows as Excel and LibreOffice write one: text in the shared strings (each distinct
 * text once), numbers as numbers. Built in pieces, so that a sheet of a million rows never is one string.
 */
function xlsxWithSharedStrings(rows: readonly (readonly string[])[]): Uint8Array {
  const strings = new Map<string, number>();
  const sheet: Uint8Array[] = [
    encoder.encode(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  ];
  let pending = "";
  rows.forEach((cells, index) => {
    const row = index + 1;
    pending += `<row r="${row}">`;
    cells.forEach((value, column) => {
      if (value === "") return;
      const reference = `${columnLetters(column + 1)}${row}`;
      if (index > 0 && NUMBER.test(value)) pending += `<c r="${reference}"><v>${value}</v></c>`;
      else {
        let id = strings.get(value);
        if (id === undefined) {
          id = strings.size;
          strings.set(value, id);
        }
        pending += `<c r="${reference}" t="s"><v>${id}</v></c>`;
      }
    });
    pending += "</row>";
    if (pending.length > MiB) {
      sheet.push(encoder.encode(pending));
      pending = "";
    }
  });
  sheet.push(encoder.encode(`${pending}</sheetData></worksheet>`));
  const shared = [...strings.keys()].map((text) => `<si><t>${escapeXml(text)}</t></si>`).join("");
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  return xlsxParts(
    encoder.encode(
      `<sst xmlns="${main}" count="${strings.size}" uniqueCount="${strings.size}">${shared}</sst>`,
    ),
    Buffer.concat(sheet),
  );
}

/** An .xlsx workbook of one sheet, from its shared strings and worksheet parts. */
function xlsxParts(
  sharedStrings: Uint8Array,
  worksheet: Uint8Array | string,
  padding?: Uint8Array,
): Uint8Array {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
  return zipFile([
    {
      name: "[Content_Types].xml",
      content: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      content: `<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      content: `<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Report" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: `<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relationships}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: "xl/styles.xml",
      content: `<styleSheet xmlns="${main}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`,
    },
    { name: "xl/sharedStrings.xml", content: sharedStrings },
    { name: "xl/worksheets/sheet1.xml", content: worksheet },
    ...(padding ? [{ name: "xl/media/padding.bin", content: padding, stored: true }] : []),
  ]);
}

/**
 * The worst a workbook within the limits can do to memory: a shared strings part of about `bytes` made of short
 * distinct texts (all held while the sheet is read), a sheet of one row, and an entry of random bytes that makes
 * the file about `fileBytes` (all held, as a workbook is).
 */
function hostileSharedStrings(hubId: string, bytes: number, fileBytes: number): Uint8Array {
  const header = ["hub_id", "period", "flow", "category", "amount", "currency", "country"];
  const pieces: Uint8Array[] = [];
  let total = 0;
  let pending = "";
  let strings = 0;
  while (total + pending.length < bytes) {
    pending += `<si><t>${strings === 0 ? hubId : `t${strings}`}</t></si>`;
    strings++;
    if (pending.length > MiB) {
      pieces.push(encoder.encode(pending));
      total += pending.length;
      pending = "";
    }
  }
  pieces.push(encoder.encode(`${pending}</sst>`));
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const sst = Buffer.concat([
    encoder.encode(`<sst xmlns="${main}" count="${strings}" uniqueCount="${strings}">`),
    ...pieces,
  ]);
  const cells = header.map(
    (name, column) => `<c r="${columnLetters(column + 1)}1" t="inlineStr"><is><t>${name}</t></is></c>`,
  );
  const worksheet = `<worksheet xmlns="${main}"><sheetData><row r="1">${cells.join("")}</row><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`;
  const withoutPadding = xlsxParts(sst, worksheet).byteLength;
  return xlsxParts(
    sst,
    worksheet,
    new Uint8Array(randomBytes(Math.max(0, fileBytes - withoutPadding - 200))),
  );
}

/** An .ods workbook of these rows: numbers as floats, the rest as text. */
function odsWorkbook(rows: readonly (readonly string[])[]): Uint8Array {
  const sheet = {
    name: "Report",
    rows: rows.map((cells, index) => ({
      cells: cells.map((value) =>
        value === "" ? null : index > 0 && NUMBER.test(value) ? Number(value) : value,
      ),
    })),
  };
  return workbookFile("ods", odsParts([sheet]));
}

if (import.meta.url === `file://${process.argv[1] ? resolve(process.argv[1]) : ""}`) {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "16,64,256" },
      dir: { type: "string", default: join(".observatory", "bench-ingest") },
      "no-lambda": { type: "boolean", default: false },
      "no-workbooks": { type: "boolean", default: false },
    },
  });
  await ingestMemoryBench({
    dir: values.dir,
    sizesMiB: values.sizes.split(",").map(Number),
    lambda: !values["no-lambda"],
    workbooks: !values["no-workbooks"],
  });
}
