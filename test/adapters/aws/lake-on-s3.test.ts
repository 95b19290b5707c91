import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { lakeOnS3 } from "../../../functions/adapters/aws/lake-on-s3.js";
import { encode } from "../../helpers/movement.js";
import { type LocalS3, startS3rver } from "../../helpers/s3rver.js";

const RAW = "observatory-raw";
const CURATED = "observatory-curated";

async function lakeOnS3rver() {
  const s3 = await startS3rver([RAW, CURATED]);
  return { s3, lake: lakeOnS3({ client: s3.client, rawBucket: RAW, curatedBucket: CURATED }) };
}

async function keysIn(s3: LocalS3, bucket: string): Promise<string[]> {
  const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((object) => object.Key ?? "").sort();
}

const RAW_KEYS = ["raw/wm-ng/0a1b.csv", "results/wm-ng/upload-1.json", "uploads/wm-ng/upload-1.csv"];
const CURATED_KEYS = [
  "curated/financial/year=2025/hub=wm-ng/r-0a1b.parquet",
  "manifest/000000000001.json",
  "published/indicators.csv",
  "reports/index.json",
];

describe("lakeOnS3", () => {
  it("keeps raw files, uploads and results in the raw bucket and everything else in the curated bucket", async () => {
    const { s3, lake } = await lakeOnS3rver();
    for (const key of [...CURATED_KEYS, ...RAW_KEYS]) await lake.put(key, encode(key));
    expect(await keysIn(s3, RAW)).toEqual(RAW_KEYS);
    expect(await keysIn(s3, CURATED)).toEqual(CURATED_KEYS);
    for (const key of [...RAW_KEYS, ...CURATED_KEYS])
      expect(new TextDecoder().decode(await lake.get(key))).toBe(key);
  });

  it("locates each key in the bucket that holds it", async () => {
    const { lake } = await lakeOnS3rver();
    expect(lake.locate("raw/wm-ng/0a1b.csv")).toBe(`s3://${RAW}/raw/wm-ng/0a1b.csv`);
    expect(lake.locate("manifest/000000000001.json")).toBe(`s3://${CURATED}/manifest/000000000001.json`);
  });

  it("lists a prefix that spans both buckets as one lexicographic listing", async () => {
    const { lake } = await lakeOnS3rver();
    for (const key of [...CURATED_KEYS, ...RAW_KEYS]) await lake.put(key, encode(key));
    expect(await lake.list("")).toEqual([...RAW_KEYS, ...CURATED_KEYS].sort());
    expect(await lake.list("r")).toEqual([
      "raw/wm-ng/0a1b.csv",
      "reports/index.json",
      "results/wm-ng/upload-1.json",
    ]);
    expect(await lake.list("raw/")).toEqual(["raw/wm-ng/0a1b.csv"]);
    expect(await lake.list("manifest/")).toEqual(["manifest/000000000001.json"]);
    expect(await lake.list("nothing/")).toEqual([]);
    expect(await lake.list("", { startAfter: "raw/wm-ng/0a1b.csv" })).toEqual(
      [...RAW_KEYS, ...CURATED_KEYS].sort().filter((key) => key > "raw/wm-ng/0a1b.csv"),
    );
    expect(await lake.list("r", { startAfter: "raw/zzz" })).toEqual([
      "reports/index.json",
      "results/wm-ng/upload-1.json",
    ]);
  });

  it("deletes each key in the bucket that holds it", async () => {
    const { s3, lake } = await lakeOnS3rver();
    for (const key of [...CURATED_KEYS, ...RAW_KEYS]) await lake.put(key, encode(key));
    await lake.delete("raw/wm-ng/0a1b.csv");
    await lake.delete("curated/financial/year=2025/hub=wm-ng/r-0a1b.parquet");
    expect(await keysIn(s3, RAW)).toEqual(RAW_KEYS.filter((key) => key !== "raw/wm-ng/0a1b.csv"));
    expect(await keysIn(s3, CURATED)).toEqual(CURATED_KEYS.slice(1));
  });

  it("lists only what it can read back, not objects left in the other bucket", async () => {
    const { s3, lake } = await lakeOnS3rver();
    await lake.put("raw/wm-ng/0a1b.csv", encode("evidence"));
    await s3.client.send(
      new PutObjectCommand({ Bucket: CURATED, Key: "raw/wm-ng/stray.csv", Body: encode("x") }),
    );
    await s3.client.send(
      new PutObjectCommand({ Bucket: RAW, Key: "manifest/stray.json", Body: encode("x") }),
    );
    expect(await lake.list("")).toEqual(["raw/wm-ng/0a1b.csv"]);
    expect(await lake.get("raw/wm-ng/stray.csv")).toBeUndefined();
  });
});

describe("lakeOnS3 with an evidence retention", () => {
  /** s3rver ignores Object Lock, so what the lake asks of S3 is checked on a client that records each request. */
  it("locks every object written under raw/ for the retention, and nothing else", async () => {
    const puts: PutObjectCommand["input"][] = [];
    const client = {
      send: async (command: unknown) => {
        if (command instanceof PutObjectCommand) puts.push(command.input);
        return {};
      },
    };
    const lake = lakeOnS3({
      client: client as never,
      rawBucket: "raw",
      curatedBucket: "curated",
      evidenceRetention: { mode: "GOVERNANCE", days: 365, clock: () => new Date("2026-11-20T10:00:00Z") },
    });
    for (const key of [
      "raw/wm-ng/abc.csv",
      "uploads/wm-ng/x.csv",
      "results/wm-ng/x.json",
      "manifest/000000000001.json",
    ])
      await lake.put(key, encode("x"));
    expect(
      puts.map((p) => [p.Bucket, p.Key, p.ObjectLockMode, p.ObjectLockRetainUntilDate?.toISOString()]),
    ).toEqual([
      ["raw", "raw/wm-ng/abc.csv", "GOVERNANCE", "2027-11-20T10:00:00.000Z"],
      ["raw", "uploads/wm-ng/x.csv", undefined, undefined],
      ["raw", "results/wm-ng/x.json", undefined, undefined],
      ["curated", "manifest/000000000001.json", undefined, undefined],
    ]);
  });
});
