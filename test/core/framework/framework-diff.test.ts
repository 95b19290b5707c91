import { describe, expect, it } from "vitest";
import {
  type Framework,
  frameworkHistory,
  loadFramework,
} from "../../../functions/core/framework/framework.js";
import { diffFrameworks } from "../../../functions/core/framework/framework-diff.js";

const current = loadFramework("2026.1");

describe("diffFrameworks", () => {
  it("finds nothing between a version and itself", () => {
    expect(diffFrameworks(current, current)).toEqual({
      from: "2026.1",
      to: "2026.1",
      added: [],
      removed: [],
      changed: [],
    });
  });

  it("lists added, removed and changed indicators, field by field", () => {
    const [first, second, ...rest] = current.indicators;
    if (!first || !second) throw new Error("framework too small");
    const next: Framework = {
      ...current,
      version: "2027.1",
      indicators: [
        { ...second, target: { value: 0.5, comparison: ">=" }, scopes: ["movement"] },
        ...rest,
        { ...first, id: "new_indicator" },
      ],
    };
    const diff = diffFrameworks(current, next);
    expect(diff.added.map((indicator) => indicator.id)).toEqual(["new_indicator"]);
    expect(diff.removed.map((indicator) => indicator.id)).toEqual([first.id]);
    expect(diff.changed).toEqual([{ id: second.id, fields: ["target", "scopes"] }]);
  });
});

describe("from 2026.1 to 2026.2", () => {
  it("nothing is added or removed; scopes, regions by seat, targets and some definitions change", () => {
    const diff = diffFrameworks(loadFramework("2026.1"), loadFramework("2026.2"));
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    const changed = Object.fromEntries(diff.changed.map((change) => [change.id, change.fields]));
    expect(changed.local_revenue_share).toEqual(["definition", "scopes", "region_by"]);
    expect(changed.board_women_share).toEqual(["definition", "target", "scopes", "region_by"]);
    expect(changed.funding_theil_between).toEqual(["definition", "formula"]);
    expect(changed.funding_gini).toBeUndefined();
  });
});

describe("frameworkHistory", () => {
  it("gives every shipped version up to the one asked for, and refuses one that is not shipped", () => {
    expect(frameworkHistory("2026.1").map((framework) => framework.version)).toEqual(["2026.1"]);
    expect(frameworkHistory("2026.2").map((framework) => framework.version)).toEqual(["2026.1", "2026.2"]);
    expect(() => frameworkHistory("1999.1")).toThrow(/framework 1999.1 is not shipped/);
  });
});
