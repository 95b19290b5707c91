import { describe, expect, it } from "vitest";
import { cellOf } from "../../../site/figures/cell.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

describe("cellOf", () => {
  it("tells a figure from a suppressed one, one with no value and no row at all", () => {
    expect(cellOf(indicatorRow("participants", 2025, "region", "South Asia", 120))).toEqual({
      kind: "value",
      value: 120,
    });
    expect(cellOf(indicatorRow("participants", 2025, "region", "South Asia", "suppressed"))).toEqual({
      kind: "suppressed",
    });
    expect(cellOf(indicatorRow("local_revenue_share", 2025, "region", "South Asia", null))).toEqual({
      kind: "no-value",
    });
    expect(cellOf(undefined)).toEqual({ kind: "no-data" });
  });

  it("never yields the value of a row marked suppressed, even if upstream left one", () => {
    const leaky = { ...indicatorRow("participants", 2025, "region", "South Asia", 7), suppressed: true };
    expect(cellOf(leaky)).toEqual({ kind: "suppressed" });
  });
});
