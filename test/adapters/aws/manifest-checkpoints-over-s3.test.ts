/**
 * The bound on what an ingest reads, proved on the S3 adapter: the requests an ingest sends to a real
 * S3-compatible server (s3rver, behind the recording proxy of the entry-module tests) are counted, on lakes of
 * 100 and of 1,000 reports. The reports already in the lake are synthetic manifest entries (the ingest reads
 * only their entries); the registry and exchange rates are really ingested.
 */
import { describe, expect, it } from "vitest";
import { lakeOnS3 } from "../../../functions/adapters/aws/lake-on-s3.js";
import { createS3Client } from "../../../functions/adapters/aws/s3-client.js";
import { ingestReport } from "../../../functions/core/ingest.js";
import { LakeReader } from "../../../functions/core/lake/lake-reader.js";
import { lakeLayout } from "../../../functions/core/lake/layout.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import type { ObjectStore } from "../../../functions/ports/object-store.js";
import { type RecordedS3Request, recordingS3Proxy } from "../../handlers/recording-aws.js";
import { appendSyntheticEntries } from "../../helpers/counting-store.js";
import { encode, FX_CSV, financialCsv, HUBS_CSV } from "../../helpers/movement.js";
import { startS3rver } from "../../helpers/s3rver.js";

const RAW = "observatory-raw";
const CURATED = "observatory-curated";

async function ingest(store: ObjectStore, text: string, uploader: string, tick: number) {
  const outcome = await ingestReport(
    { store, countries: bundledCountryTable(), clock: () => new Date(Date.UTC(2026, 0, 2, 0, 0, tick)) },
    { fileName: "report.csv", bytes: encode(text), uploader },
  );
  if (outcome.status !== "accepted") throw new Error(JSON.stringify(outcome.problems));
  return outcome;
}

/**
 * A lake on s3rver with the registry, the rates and synthetic reports up to `reports` entries in all, checkpointed
 * through `checkpointed`; returns the requests one more ingest sends, by method.
 */
async function oneMoreIngest(reports: number, checkpointed: number) {
  const s3 = await startS3rver([RAW, CURATED]);
  const seed = lakeOnS3({ client: s3.client, rawBucket: RAW, curatedBucket: CURATED });
  await ingest(seed, HUBS_CSV, "council", 0);
  await ingest(seed, FX_CSV, "council", 1);
  await appendSyntheticEntries(seed, 3, checkpointed);
  await new LakeReader(seed).writeCheckpoint();
  await appendSyntheticEntries(seed, checkpointed + 1, reports);

  const proxy = await recordingS3Proxy(s3.endpoint);
  const client = createS3Client({
    ...s3.clientOptions,
    endpoint: proxy.endpoint,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  const measured = lakeOnS3({ client, rawBucket: RAW, curatedBucket: CURATED });
  const outcome = await ingest(
    measured,
    financialCsv("wm-ng", "2025", ["expense,programs,1000,NGN,NG,,"]),
    "wm-ng",
    9,
  );
  expect(outcome.entry.seq).toBe(reports + 1);
  client.destroy();
  const by = (method: string) => proxy.requests.filter((r) => r.method === method);
  return { requests: proxy.requests, gets: by("GET"), puts: by("PUT") };
}

const described = (requests: readonly RecordedS3Request[]) =>
  requests.map(
    (r) => `${r.method} ${r.key || `?${r.query.get("prefix")} after ${r.query.get("start-after")}`}`,
  );

describe("one more ingest on S3", () => {
  it("sends the same requests to a lake of 1,000 reports as to one of 100: it reads the checkpoint and the entries after it", async () => {
    const small = await oneMoreIngest(100 + 7, 100);
    const large = await oneMoreIngest(1000 + 7, 1000);
    for (const [lake, through] of [
      [small, 100],
      [large, 1000],
    ] as const) {
      const reads = described(lake.gets);
      const checkpoint = reads.find((read) => read.startsWith("GET checkpoints/manifest/0"));
      expect(reads).toEqual([
        `GET ${lakeLayout.lastCheckpointKey}`,
        `GET ?${lakeLayout.checkpointPrefix} after ${lakeLayout.checkpointsFrom(through)}`,
        checkpoint,
        `GET ${lakeLayout.manifestKey(through)}`,
        `GET ?${lakeLayout.manifestPrefix} after ${lakeLayout.manifestKey(through)}`,
        ...Array.from({ length: 7 }, (_, i) => `GET ${lakeLayout.manifestKey(through + 1 + i)}`),
        expect.stringMatching(/^GET curated\/hubs\//),
        expect.stringMatching(/^GET curated\/fx_rates\//),
      ]);
      expect(lakeLayout.checkpointOfKey((checkpoint ?? "").slice(4))?.throughSeq).toBe(through);
      // The streamed ingest completes the raw write last, once the curated object is written.
      expect(described(lake.puts).map((put) => put.replace(/[^/]+$/, ""))).toEqual([
        "PUT curated/financial/year=2025/hub=wm-ng/",
        "PUT raw/wm-ng/",
        "PUT manifest/",
      ]);
    }
    expect(large.requests.length).toBe(small.requests.length);
  });

  it("writes the next checkpoint from the one it read and the entries after it, with no more reads", async () => {
    const lake = await oneMoreIngest(100 + 99, 100);
    expect(described(lake.puts).map((put) => put.replace(/[^/]+$/, ""))).toEqual([
      "PUT curated/financial/year=2025/hub=wm-ng/",
      "PUT raw/wm-ng/",
      "PUT manifest/",
      expect.stringMatching(/^PUT checkpoints\/manifest\/000000000200-[0-9a-f]{64}\/$/),
      `PUT checkpoints/`,
    ]);
    const reads = described(lake.gets);
    expect(reads.filter((read) => read.startsWith("GET manifest/"))).toHaveLength(1 + 99);
    expect(reads.filter((read) => read.startsWith("GET ?"))).toHaveLength(2);
  });
});
