import { describe, expect, it } from "vitest";
import { cellOf, withheldCell } from "../../../site/figures/cell.js";
import { en } from "../../../site/i18n/en.js";
import { formatCell } from "../../../site/i18n/format.js";
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

  it("says why a withheld instance has no figure: a protected country, or a hub seated in one", () => {
    expect(formatCell(withheldCell("protected-country"), "usd", en)).toBe("withheld (protected country)");
    expect(formatCell(withheldCell("protected-seat"), "share", en)).toBe(
      "withheld (hub seated in a protected country)",
    );
  });
});
