import { describe, expect, it } from "vitest";
import { withdrawnFiles } from "../../../site/build/withdrawn-files.js";
import { build } from "../fixtures/build-records.js";

const SHARED = {
  pages: ["index.html", "es/index.html"],
  hashed: ["style.0123456789.css"],
  other: ["data/indicators.csv"],
};

describe("withdrawnFiles", () => {
  it("names what an earlier build published and the current one does not: a hub's pages, its specs, a scenario's data", () => {
    const earlier = build({
      published: 0,
      pages: [...SHARED.pages, "hub-wm-ng.html", "es/hub-wm-ng.html", "scenario-x.html"],
      hashed: [...SHARED.hashed, "specs/hub.wm-ng.0123456789.vg.json"],
      other: [...SHARED.other, "specs/hub.wm-ng.vl.json", "data/scenario-x.csv"],
    });
    const current = build({ published: 1, ...SHARED });
    const storedKeys = [
      ...earlier.pages,
      ...earlier.hashedFiles,
      ...earlier.otherFiles,
      earlier.key,
      current.key,
    ];
    expect(withdrawnFiles({ currentBuild: current.key, records: [earlier, current], storedKeys })).toEqual([
      "data/scenario-x.csv",
      "es/hub-wm-ng.html",
      "hub-wm-ng.html",
      "scenario-x.html",
      "specs/hub.wm-ng.vl.json",
    ]);
  });

  it("never names a file no record names, a content-hashed file, a record, or a file that is no longer stored", () => {
    const earlier = build({ published: 0, pages: [...SHARED.pages, "hub-gone.html"], hashed: [], other: [] });
    const current = build({ published: 1, ...SHARED });
    const storedKeys = [
      ...SHARED.pages,
      "by-hand.html",
      "downloads/report-2024.csv",
      "specs/hub.gone.0123456789.vg.json",
      "hub-gone.html.bak",
      "HUB-GONE.html",
      earlier.key,
      current.key,
    ];
    expect(withdrawnFiles({ currentBuild: current.key, records: [earlier, current], storedKeys })).toEqual(
      [],
    );
  });

  it("names a page again published by a later build only if the current one drops it too", () => {
    const first = build({ published: 0, pages: ["index.html", "hub-a.html"], hashed: [], other: [] });
    const second = build({ published: 1, pages: ["index.html"], hashed: [], other: [] });
    const third = build({ published: 2, pages: ["index.html", "hub-a.html"], hashed: [], other: [] });
    const records = [first, second, third];
    const storedKeys = ["index.html", "hub-a.html"];
    expect(withdrawnFiles({ currentBuild: second.key, records, storedKeys })).toEqual(["hub-a.html"]);
    expect(withdrawnFiles({ currentBuild: third.key, records, storedKeys })).toEqual([]);
  });

  it("refuses to decide for a build that is not recorded or not complete", () => {
    const running = build({ published: 0, completed: null, ...SHARED });
    expect(() => withdrawnFiles({ currentBuild: running.key, records: [running], storedKeys: [] })).toThrow(
      `the current build ${running.key} is not complete: nothing is withdrawn before it is`,
    );
    expect(() =>
      withdrawnFiles({ currentBuild: "_builds/x.json", records: [running], storedKeys: [] }),
    ).toThrow("the current build's record _builds/x.json is not among the records");
  });
});
