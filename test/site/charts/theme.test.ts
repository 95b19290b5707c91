import { describe, expect, it } from "vitest";
import { axisFormat, isAmount, zeroBased } from "../../../site/charts/theme.js";

describe("the chart theme", () => {
  it("formats axes per unit", () => {
    expect(axisFormat("usd")).toEqual({ labelExpr: "replace(format(datum.value, '$.2~s'), 'G', 'B')" });
    expect(axisFormat("share")).toEqual({ format: ".0%" });
    expect(axisFormat("index")).toEqual({ format: ".3f" });
  });

  it("starts scales at zero except for indices, and draws only additive amounts as bars", () => {
    expect(zeroBased("share")).toBe(true);
    expect(zeroBased("index")).toBe(false);
    expect(zeroBased("nats")).toBe(false);
    expect(isAmount("usd")).toBe(true);
    expect(isAmount("count")).toBe(true);
    expect(isAmount("share")).toBe(false);
  });
});
