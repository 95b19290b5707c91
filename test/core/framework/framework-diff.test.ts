import { describe, expect, it } from "vitest";
import {
  type Framework,
  frameworkHistory,
  loadFramework,
} from "../../../functions/core/framework/framework.js";
import { diffFrameworks } from "../../../functions/core/framework/framework-diff.js";

const current = loadFramework();

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

describe("frameworkHistory", () => {
  it("gives every shipped version up to the one asked for, and refuses one that is not shipped", () => {
    expect(frameworkHistory("2026.1").map((framework) => framework.version)).toEqual(["2026.1"]);
    expect(() => frameworkHistory("1999.1")).toThrow(/framework 1999.1 is not shipped/);
  });
});
