import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { lakeOnS3 } from "../../../functions/adapters/aws/lake-on-s3.js";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import { type IngestOutcome, ingestReport } from "../../../functions/core/ingest.js";
import { readManifest } from "../../../functions/core/lake/manifest.js";
import { readParquetRows } from "../../../functions/core/lake/parquet.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { ObjectExistsError, type ObjectStore } from "../../../functions/ports/object-store.js";
import { encode, financialCsv } from "../../helpers/movement.js";
import { type LocalS3, startS3rver } from "../../helpers/s3rver.js";
import { tempDir } from "../../helpers/temp.js";

const RAW = "observatory-raw";
const CURATED = "observatory-curated";

/** The example files of docs/reporting-standard.md, in the order the guide introduces them, with their uploaders. */
const EXAMPLES = [
  ["hubs.csv", "council"],
  ["fx_rates.csv", "council"],
  ["financial.csv", "wm-ng"],
  ["impact.csv", "wm-ng"],
] as const;

const example = async (name: string) =>
  new Uint8Array(await readFile(new URL(`../../../docs/examples/${name}`, import.meta.url)));

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function lakeIn(store: ObjectStore) {
  let tick = 0;
  const dependencies = {
    store,
    countries: bundledCountryTable(),
    clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
  };
  return (bytes: Uint8Array, uploader: string, fileName: string): Promise<IngestOutcome> =>
    ingestReport(dependencies, { fileName, bytes, uploader });
}

async function ingestExamples(ingest: ReturnType<typeof lakeIn>) {
  const accepted = [];
  for (const [file, uploader] of EXAMPLES) {
    const bytes = await example(file);
    const outcome = await ingest(bytes, uploader, file);
    if (outcome.status !== "accepted") throw new Error(`${file}: ${JSON.stringify(outcome.problems)}`);
    accepted.push({ file, uploader, bytes, entry: outcome.entry });
  }
  return accepted;
}

/** Every object of a bucket with its bytes, read straight from S3, to compare before and after. */
async function bucketContents(s3: LocalS3, bucket: string): Promise<Map<string, string>> {
  const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: bucket }));
  const contents = new Map<string, string>();
  for (const { Key } of listed.Contents ?? []) {
    const object = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key }));
    contents.set(
      Key ?? "",
      Buffer.from((await object.Body?.transformToByteArray()) ?? []).toString("base64"),
    );
  }
  return contents;
}

async function s3Lake() {
  const s3 = await startS3rver([RAW, CURATED]);
  const store = lakeOnS3({ client: s3.client, rawBucket: RAW, curatedBucket: CURATED });
  return { s3, store, ingest: lakeIn(store) };
}

async function indicatorsOf(lake: FolderStore) {
  const countries = bundledCountryTable();
  const engine = await DuckDbEngine.open({ lake, countries });
  try {
    return await computeIndicators(engine, loadFramework(), { countries });
  } finally {
    await engine.close();
  }
}

describe("ingestReport on the S3 lake", () => {
  it("keeps each accepted file byte for byte in the raw bucket, named by uploader and SHA-256", async () => {
    const { s3, ingest } = await s3Lake();
    const accepted = await ingestExamples(ingest);
    const raw = await bucketContents(s3, RAW);
    expect(raw).toEqual(
      new Map(
        accepted.map(({ uploader, bytes }) => [
          `raw/${uploader}/${sha256(bytes)}.csv`,
          Buffer.from(bytes).toString("base64"),
        ]),
      ),
    );
  });

  it("writes typed Parquet and the manifest to the curated bucket, and nothing else", async () => {
    const { s3, store, ingest } = await s3Lake();
    const accepted = await ingestExamples(ingest);
    const curated = await bucketContents(s3, CURATED);
    expect([...curated.keys()]).toEqual(
      [
        ...accepted.map(({ entry }) => entry.curated_key),
        ...[1, 2, 3, 4].map((seq) => `manifest/00000000000${seq}.json`),
      ].sort(),
    );

    const financial = accepted.find(({ file }) => file === "financial.csv")?.entry;
    if (!financial) throw new Error("financial.csv was not accepted");
    expect(financial.curated_key).toBe(
      `curated/financial/year=2025/hub=wm-ng/${financial.report_id}.parquet`,
    );
    const rows = readParquetRows(
      new Uint8Array(Buffer.from(curated.get(financial.curated_key) ?? "", "base64")),
    );
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatchObject({
      report_id: financial.report_id,
      source_row: 3,
      hub_id: "wm-ng",
      period: "2025-Q1",
      year: 2025,
      quarter: 1,
      flow: "revenue",
      category: "local_fundraising",
      amount: 2500000,
      currency: "NGN",
      country: "NG",
      description: "Donations at WikiFest, Lagos",
    });

    expect(
      (await readManifest(store)).map((e) => [e.seq, e.kind, e.uploader, e.file_name, e.raw_key]),
    ).toEqual(
      accepted.map(({ file, uploader, bytes, entry }, i) => [
        i + 1,
        entry.kind,
        uploader,
        file,
        `raw/${uploader}/${sha256(bytes)}.csv`,
      ]),
    );
  });

  it("changes nothing in either bucket when it rejects a file or sees the same bytes again", async () => {
    const { s3, ingest } = await s3Lake();
    await ingestExamples(ingest);
    const before = [await bucketContents(s3, RAW), await bucketContents(s3, CURATED)];

    const malformed = financialCsv("wm-ng", "2025-Q2", ["expense,programs,1.234,56,NGN,NG,,"]);
    const rejected = await ingest(encode(malformed), "wm-ng", "q2.csv");
    expect(rejected.status).toBe("rejected");
    expect(rejected.problems.length).toBeGreaterThan(0);
    expect([await bucketContents(s3, RAW), await bucketContents(s3, CURATED)]).toEqual(before);

    const again = await ingest(await example("financial.csv"), "wm-ng", "financial-again.csv");
    expect(again.status).toBe("duplicate");
    expect([await bucketContents(s3, RAW), await bucketContents(s3, CURATED)]).toEqual(before);
  });

  it("holds everything compute needs: its curated zone and manifest give the figures of a local lake", async () => {
    const { store, ingest } = await s3Lake();
    await ingestExamples(ingest);
    const downloaded = new FolderStore(await tempDir());
    for (const key of [...(await store.list("curated/")), ...(await store.list("manifest/"))]) {
      const bytes = await store.get(key);
      if (!bytes) throw new Error(`${key} vanished`);
      await downloaded.put(key, bytes);
    }
    const local = new FolderStore(await tempDir());
    await ingestExamples(lakeIn(local));

    const fromS3 = await indicatorsOf(downloaded);
    expect(fromS3).toEqual(await indicatorsOf(local));
    expect(fromS3.find((r) => r.indicator === "participants" && r.scope === "movement")).toMatchObject({
      year: 2025,
      value: 480,
    });
  });

  /**
   * s3rver ignores If-None-Match (it overwrites), so the race for a sequence number is played by a wrapper that
   * refuses to create a manifest entry that exists, as S3 does with a 412.
   */
  it("leaves nothing in either bucket when an upload loses the race to an overlapping report", async () => {
    const { s3, store, ingest } = await s3Lake();
    for (const [file, uploader] of EXAMPLES.slice(0, 2)) await ingest(await example(file), uploader, file);
    let other: IngestOutcome | undefined;
    let afterOther: Map<string, string>[] = [];
    const written: string[] = [];
    const racing: ObjectStore = {
      get: (key) => store.get(key),
      getStream: (key) => store.getStream(key),
      list: (prefix) => store.list(prefix),
      locate: (key) => store.locate(key),
      delete: (key) => store.delete(key),
      put: async (key, body, options) => {
        if (key.startsWith("manifest/") && !other) {
          other = await ingest(await example("financial.csv"), "wm-ng", "financial.csv");
          afterOther = [await bucketContents(s3, RAW), await bucketContents(s3, CURATED)];
        }
        if (options?.ifAbsent && key.startsWith("manifest/") && (await store.get(key)))
          throw new ObjectExistsError(key);
        if (!key.startsWith("manifest/")) written.push(key);
        await store.put(key, body, options);
      },
    };
    const annual = encode(financialCsv("wm-ng", "2025", ["expense,programs,1000,NGN,NG,,"]));
    const outcome = await lakeIn(racing)(annual, "wm-ng", "annual.csv");
    expect(other?.status).toBe("accepted");
    expect(outcome.status).toBe("rejected");
    expect(outcome.problems[0]?.code).toBe("overlap");
    expect(written).toEqual([
      `raw/wm-ng/${sha256(annual)}.csv`,
      expect.stringMatching(/^curated\/financial\/year=2025\/hub=wm-ng\/r-[0-9a-f]{16}\.parquet$/),
    ]);
    const [raw, curated] = afterOther as [Map<string, string>, Map<string, string>];
    expect(raw.has(written[0] as string) && curated.has(written[1] as string)).toBe(true);
    raw.delete(written[0] as string);
    curated.delete(written[1] as string);
    expect([await bucketContents(s3, RAW), await bucketContents(s3, CURATED)]).toEqual([raw, curated]);
  });
});
