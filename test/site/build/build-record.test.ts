import { describe, expect, it } from "vitest";
import {
  BuildRecordError,
  buildRecordJson,
  isBuildRecordKey,
  newBuildRecord,
  parseBuildRecord,
} from "../../../site/build/build-record.js";
import { contentHash } from "../../../site/web/assets.js";

const PUBLISHED_AT = new Date("2026-11-20T03:00:00.042Z");
const PATHS = [
  "index.html",
  "style.0123456789.css",
  "data/indicators.json",
  "es/index.html",
  "site-QX7ZK2PA.js",
  "data/charts/a.by-region.csv",
  "es/data/charts/a.by-region.abcdef0123.json",
];
const encode = (text: string) => new TextEncoder().encode(text);

describe("a build record", () => {
  it("names the build's pages, content-hashed files and other files, sorted, under a key that sorts by when it was published", () => {
    const record = newBuildRecord(PUBLISHED_AT, PATHS);
    const sorted = [...PATHS].sort();
    expect(record).toEqual({
      key: `_builds/20261120T030000042Z-${contentHash(sorted.join("\n"))}.json`,
      publishedAt: PUBLISHED_AT,
      pages: ["es/index.html", "index.html"],
      hashedFiles: ["es/data/charts/a.by-region.abcdef0123.json", "site-QX7ZK2PA.js", "style.0123456789.css"],
      otherFiles: ["data/charts/a.by-region.csv", "data/indicators.json"],
    });
    expect(isBuildRecordKey(record.key)).toBe(true);
    expect(newBuildRecord(PUBLISHED_AT, [...PATHS].reverse()).key).toBe(record.key);
    expect(newBuildRecord(PUBLISHED_AT, PATHS.slice(1)).key).not.toBe(record.key);
    expect(newBuildRecord(new Date("2026-11-20T03:00:00.043Z"), PATHS).key > record.key).toBe(true);
  });

  it("is stored as JSON that reads back as it was written, before and after it is complete", () => {
    const record = newBuildRecord(PUBLISHED_AT, PATHS);
    const complete = { ...record, completedAt: new Date("2026-11-20T03:01:30.000Z") };
    expect(buildRecordJson(complete)).toBe(
      `${JSON.stringify(
        {
          format: 1,
          published_at: "2026-11-20T03:00:00.042Z",
          completed_at: "2026-11-20T03:01:30.000Z",
          pages: record.pages,
          hashed_files: record.hashedFiles,
          other_files: record.otherFiles,
        },
        null,
        2,
      )}\n`,
    );
    expect(parseBuildRecord(record.key, encode(buildRecordJson(record)))).toEqual(record);
    expect(parseBuildRecord(record.key, encode(buildRecordJson(complete)))).toEqual(complete);
  });

  it("that cannot be read is refused, naming the record and the problem", () => {
    const key = "_builds/20261120T030000042Z-0123456789.json";
    const fields = {
      format: 1,
      published_at: "2026-11-20T03:00:00.042Z",
      pages: ["index.html"],
      hashed_files: ["style.0123456789.css"],
      other_files: ["data/indicators.csv"],
    };
    const refusal = (text: string | Uint8Array, at = key) => {
      try {
        parseBuildRecord(at, typeof text === "string" ? encode(text) : text);
      } catch (error) {
        expect(error).toBeInstanceOf(BuildRecordError);
        return (error as Error).message;
      }
      throw new Error("the record was read");
    };
    const withFields = (changes: Record<string, unknown>) => JSON.stringify({ ...fields, ...changes });
    const problem = (text: string) => `build record ${key} cannot be read: ${text}`;

    expect(refusal(withFields({}), "_builds/latest.json")).toBe(
      "build record _builds/latest.json cannot be read: its key is not a build record's",
    );
    expect(refusal("{")).toMatch(/^build record .* cannot be read: it is not JSON \(/);
    expect(refusal(new Uint8Array([0x7b, 0xff, 0x7d]))).toMatch(/: it is not JSON \(/);
    expect(refusal("[]")).toBe(problem("it is not a JSON object"));
    expect(refusal(withFields({ format: 2 }))).toBe(
      problem("its format is 2; this publish step reads format 1"),
    );
    expect(refusal(withFields({ format: undefined }))).toBe(
      problem("its format is undefined; this publish step reads format 1"),
    );
    for (const published_at of ["2026-11-20", "2026-11-20T03:00:00Z", "yesterday", 1_790_000_000_000])
      expect(refusal(withFields({ published_at }))).toBe(
        problem("published_at is not an ISO instant such as 2026-11-20T12:00:00.000Z"),
      );
    expect(refusal(withFields({ completed_at: "2026-11-20T02:59:59.999Z" }))).toBe(
      problem("completed_at is earlier than published_at"),
    );
    expect(refusal(withFields({ pages: "index.html" }))).toBe(problem("pages is not a list"));
    for (const page of ["../index.html", "/index.html", "es//index.html", 42, "_builds/index.html"])
      expect(refusal(withFields({ pages: [page] }))).toBe(
        problem(`pages holds ${JSON.stringify(page)}, which is not a site path`),
      );
    expect(refusal(withFields({ pages: ["index.htm"] }))).toBe(
      problem("pages holds index.htm, which is not a page"),
    );
    for (const file of ["index.html", "style.012345678.css", "style.0123456789.css.bak", "site.js"])
      expect(refusal(withFields({ hashed_files: [file] }))).toBe(
        problem(`hashed_files holds ${file}, which is not content-hashed`),
      );
    expect(refusal(withFields({ other_files: undefined }))).toBe(problem("other_files is not a list"));
    for (const file of ["index.html", "style.0123456789.css"])
      expect(refusal(withFields({ other_files: [file] }))).toBe(
        problem(`other_files holds ${file}, which is not a data file (neither a page nor content-hashed)`),
      );
  });
});
