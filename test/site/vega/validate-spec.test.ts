import { describe, expect, it } from "vitest";
import { checkSpec, SpecValidationError, validateSpec } from "../../../site/vega/validate-spec.js";

describe("validateSpec", () => {
  it("rejects a spec the schema refuses", () => {
    expect(() => validateSpec("bad", { mark: "bars", data: { values: [] } } as never)).toThrow(
      SpecValidationError,
    );
  });

  it("rejects a spec that compiles only with a warning", () => {
    const spec = {
      data: { values: [{ a: 1, b: "x" }] },
      mark: "bar",
      encoding: { x: { field: "a", type: "quantitative" }, shape: { field: "b", type: "nominal" } },
    } as const;
    expect(checkSpec(spec).problems.some((problem) => problem.startsWith("compile warning"))).toBe(true);
    expect(() => validateSpec("warns", spec)).toThrow(/compile warning/);
  });
});
