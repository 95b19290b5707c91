import { describe, expect, it } from "vitest";
import type { BuildRecord } from "../../../site/build/build-record.js";
import { type SupersededFilesInput, supersededFiles } from "../../../site/build/superseded-files.js";
import { build, day } from "../fixtures/build-records.js";

/** The decision with a 7-day grace period, the store holding the records and every file they name. */
function decide(
  now: number | Date,
  records: readonly BuildRecord[],
  options: {
    readonly current?: BuildRecord;
    readonly stored?: readonly string[];
    readonly extra?: readonly string[];
  } = {},
) {
  const current = options.current ?? (records.at(-1) as BuildRecord);
  const named = records.flatMap((record) => [...record.pages, ...record.hashedFiles]);
  const input: SupersededFilesInput = {
    now: typeof now === "number" ? day(now) : now,
    gracePeriodDays: 7,
    currentBuild: current.key,
    records,
    storedKeys: [
      ...new Set([...(options.stored ?? named), ...(options.extra ?? []), ...records.map((r) => r.key)]),
    ],
  };
  return supersededFiles(input);
}

const PAGES = ["index.html", "es/index.html"];

describe("superseded files", () => {
  it("are kept for the grace period after a later build rewrote the pages that load them, and deleted from then on", () => {
    const first = build({
      published: 0,
      pages: PAGES,
      hashed: ["style.aaaaaaaaaa.css", "site.aaaaaaaaaa.js"],
    });
    const second = build({
      published: 1,
      pages: PAGES,
      hashed: ["style.aaaaaaaaaa.css", "site.bbbbbbbbbb.js"],
    });
    const justBefore = new Date(day(8).getTime() - 1);
    expect(decide(justBefore, [first, second])).toEqual({ files: [], records: [], stalePages: [] });
    expect(decide(8, [first, second])).toEqual({
      files: ["site.aaaaaaaaaa.js"],
      records: [first.key],
      stalePages: [],
    });
  });

  it("never include a file the current build names, nor one it names again after builds that did not", () => {
    const first = build({
      published: 0,
      pages: PAGES,
      hashed: ["site.aaaaaaaaaa.js", "style.aaaaaaaaaa.css"],
    });
    const second = build({
      published: 1,
      pages: PAGES,
      hashed: ["site.bbbbbbbbbb.js", "style.aaaaaaaaaa.css"],
    });
    const third = build({
      published: 2,
      pages: PAGES,
      hashed: ["site.aaaaaaaaaa.js", "style.cccccccccc.css"],
    });
    expect(decide(60, [first, second, third])).toEqual({
      files: ["site.bbbbbbbbbb.js", "style.aaaaaaaaaa.css"],
      records: [first.key, second.key],
      stalePages: [],
    });
  });

  it("never include the current build's files, whatever the other records' times say", () => {
    const current = build({ published: 0, pages: PAGES, hashed: ["site.aaaaaaaaaa.js"] });
    const skewed = build({ published: 1, pages: PAGES, hashed: ["site.bbbbbbbbbb.js"] });
    expect(decide(60, [current, skewed], { current })).toEqual({
      files: [],
      records: [],
      stalePages: [],
    });
  });

  it("are only content-hashed site paths outside the records' prefix: never a page, a download, a near miss or another key", () => {
    const recorded = build({
      published: 0,
      pages: ["index.html", "style.0123456789.css/index.html"],
      hashed: [],
    });
    const stored = [
      "index.html",
      "style.0123456789.css/index.html",
      "style.0123456789.css",
      "site-QX7ZK2PA.js",
      "es/data/charts/a.by-region.0123456789.json",
      "specs/a.by-region.0123456789.vg.json",
      "data/indicators.json",
      "data/charts/a.by-region.csv",
      "specs/a.by-region.vl.json",
      "site.js",
      "style.css",
      "style.0123456789.css.bak",
      "style.012345678.css",
      "style.0123456789a.css",
      "style.012345678A.css",
      "style.ghijklmnop.css",
      "style-0123456789.css",
      "style.0123456789.CSS",
      "site-.js",
      "site-QX7ZK2PA.js.map",
      "my style.0123456789.css",
      "../style.0123456789.css",
      "./style.0123456789.css",
      "/style.0123456789.css",
      "data//a.0123456789.json",
      "_builds/site.0123456789.js",
      "_builds/20261101T030000000Z-0123456789.json",
    ];
    expect(decide(60, [recorded], { stored })).toEqual({
      files: [
        "es/data/charts/a.by-region.0123456789.json",
        "site-QX7ZK2PA.js",
        "specs/a.by-region.0123456789.vg.json",
        "style.0123456789.css",
      ],
      records: [],
      stalePages: [],
    });
  });

  it("that no record names (written before builds were recorded) go once every stored page was rewritten by a recorded build for the grace period", () => {
    const legacy = ["site.1111111111.js", "style.1111111111.css"];
    const first = build({ published: 0, pages: PAGES, hashed: ["site.aaaaaaaaaa.js"] });
    expect(decide(0, [first], { extra: legacy }).files).toEqual([]);
    expect(decide(6.9, [first], { extra: legacy }).files).toEqual([]);
    expect(decide(7, [first], { extra: legacy }).files).toEqual(legacy);
    const unrecordedPage = [...legacy, "hub-gone.html"];
    expect(decide(400, [first], { extra: unrecordedPage })).toEqual({
      files: [],
      records: [],
      stalePages: ["hub-gone.html"],
    });
  });

  it("stay while a page that no later build writes is still stored, and go once it is removed", () => {
    const first = build({
      published: 0,
      pages: [...PAGES, "hub-gone.html"],
      hashed: ["style.aaaaaaaaaa.css", "data/charts/hub-gone.aaaaaaaaaa.json"],
    });
    const second = build({ published: 1, pages: PAGES, hashed: ["style.bbbbbbbbbb.css"] });
    expect(decide(60, [first, second])).toEqual({ files: [], records: [], stalePages: ["hub-gone.html"] });
    const withoutIt = [
      ...PAGES,
      "style.aaaaaaaaaa.css",
      "data/charts/hub-gone.aaaaaaaaaa.json",
      "style.bbbbbbbbbb.css",
    ];
    expect(decide(60, [first, second], { stored: withoutIt })).toEqual({
      files: ["data/charts/hub-gone.aaaaaaaaaa.json", "style.aaaaaaaaaa.css"],
      records: [first.key],
      stalePages: [],
    });
  });

  it("of a build whose publish was killed are kept, and so are the previous build's, until a complete build has rewritten their pages for the grace period", () => {
    const first = build({ published: 0, pages: PAGES, hashed: ["site.aaaaaaaaaa.js"] });
    const killed = build({ published: 1, completed: null, pages: PAGES, hashed: ["site.bbbbbbbbbb.js"] });
    const third = build({ published: 2, pages: PAGES, hashed: ["site.cccccccccc.js"] });
    expect(decide(8.5, [first, killed, third])).toEqual({ files: [], records: [], stalePages: [] });
    expect(decide(9, [first, killed, third])).toEqual({
      files: ["site.aaaaaaaaaa.js", "site.bbbbbbbbbb.js"],
      records: [first.key, killed.key],
      stalePages: [],
    });
    const completed = build({ published: 1, completed: 1, pages: PAGES, hashed: ["site.bbbbbbbbbb.js"] });
    expect(decide(8.5, [first, completed, third]).files).toEqual(["site.aaaaaaaaaa.js"]);
  });

  it("of a build that was still writing when a later one began are kept until a build begun after it finished has rewritten its pages", () => {
    const slow = build({ published: 0, completed: 0.5, pages: PAGES, hashed: ["site.aaaaaaaaaa.js"] });
    const overlapping = build({
      published: 0.25,
      completed: 0.3,
      pages: PAGES,
      hashed: ["site.bbbbbbbbbb.js"],
    });
    expect(decide(60, [slow, overlapping])).toEqual({ files: [], records: [], stalePages: [] });
    const next = build({ published: 1, pages: PAGES, hashed: ["site.cccccccccc.js"] });
    expect(decide(60, [slow, overlapping, next]).files).toEqual(["site.aaaaaaaaaa.js", "site.bbbbbbbbbb.js"]);
  });

  it("are decided the same way again once the first decision was carried out", () => {
    const first = build({ published: 0, pages: PAGES, hashed: ["site.aaaaaaaaaa.js"] });
    const second = build({ published: 1, pages: PAGES, hashed: ["site.bbbbbbbbbb.js"] });
    const decision = decide(30, [first, second]);
    expect(decision.files).toEqual(["site.aaaaaaaaaa.js"]);
    expect(decide(30, [second], { stored: [...PAGES, "site.bbbbbbbbbb.js"] })).toEqual({
      files: [],
      records: [],
      stalePages: [],
    });
  });

  it("are not decided without the current build's record, or with a grace period that is not whole days from one", () => {
    const first = build({ published: 0, pages: PAGES, hashed: [] });
    const input = { now: day(1), currentBuild: first.key, records: [first], storedKeys: [] };
    expect(() =>
      supersededFiles({ ...input, currentBuild: "_builds/missing.json", gracePeriodDays: 7 }),
    ).toThrow("the current build's record _builds/missing.json is not among the records");
    for (const gracePeriodDays of [0, 1.5, -7, Number.NaN])
      expect(() => supersededFiles({ ...input, gracePeriodDays })).toThrow(
        `the grace period must be a whole number of days, at least 1, not ${gracePeriodDays}`,
      );
  });
});
