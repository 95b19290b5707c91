import { describe, expect, it } from "vitest";
import { cellOf } from "../../../site/figures/cell.js";
import { es } from "../../../site/i18n/es.js";
import {
  formatCell,
  formatChange,
  formatGap,
  formatNumber,
  formatTimestamp,
} from "../../../site/i18n/format.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

describe("formatNumber", () => {
  it("writes figures the way people read them", () => {
    expect(formatNumber(1_234_567, "usd")).toBe("$1.2M");
    expect(formatNumber(8_450, "usd")).toBe("$8,450");
    expect(formatNumber(2_500_000_000, "usd")).toBe("$2.5B");
    expect(formatNumber(0.413, "share")).toBe("41.3%");
    expect(formatNumber(0.4621, "index")).toBe("0.462");
    expect(formatNumber(12_345, "count")).toBe("12,345");
    expect(formatNumber(45.271, "usd_per_editor")).toBe("$45.27");
    expect(formatNumber(455.8, "usd_per_editor")).toBe("$456");
    expect(formatNumber(3.416, "per_1k_usd")).toBe("3.42");
    expect(formatNumber(3.341, "nats")).toBe("3.34");
  });

  it("moves to the next abbreviation when rounding reaches it", () => {
    expect(formatNumber(999_999.7, "usd")).toBe("$1.0M");
    expect(formatNumber(999_950_000, "usd")).toBe("$1.0B");
  });

  it("uses a true minus sign, and none for a figure that rounds to zero", () => {
    expect(formatNumber(-104_300_000, "usd")).toBe("−$104.3M");
    expect(formatNumber(-0.00001, "share")).toBe("0.0%");
    expect(formatNumber(0, "usd")).toBe("$0");
  });
});

describe("cells", () => {
  it("says why a figure is missing, in words, never 0", () => {
    const suppressed = cellOf(indicatorRow("participants", 2025, "region", "South Asia", "suppressed"));
    const noValue = cellOf(indicatorRow("local_revenue_share", 2025, "region", "South Asia", null));
    expect(formatCell(suppressed, "count")).toBe("suppressed");
    expect(formatCell(noValue, "share")).toBe("no value");
    expect(formatCell(cellOf(undefined), "share")).toBe("no data");
  });

  it("never shows the value of a row marked suppressed, even if upstream left one", () => {
    const leaky = { ...indicatorRow("participants", 2025, "region", "South Asia", 7), suppressed: true };
    expect(formatCell(cellOf(leaky), "count")).toBe("suppressed");
  });
});

describe("formatChange", () => {
  it("gives shares in percentage points, money relative, indices as a difference", () => {
    expect(formatChange(0.412, 0.396, "share")).toEqual({ trend: "up", magnitude: "1.6 pp" });
    expect(formatChange(47_900_000, 44_800_000, "usd")).toEqual({ trend: "up", magnitude: "6.9%" });
    expect(formatChange(0.581, 0.598, "index")).toEqual({ trend: "down", magnitude: "0.017" });
  });

  it("calls a change that rounds to nothing unchanged", () => {
    expect(formatChange(0.313, 0.313, "index")).toEqual({ trend: "unchanged" });
    expect(formatChange(0.41, 0.41001, "share")).toEqual({ trend: "unchanged" });
  });

  it("falls back to the difference when the previous figure is 0", () => {
    expect(formatChange(1_500_000, 0, "usd")).toEqual({ trend: "up", magnitude: "$1.5M" });
  });
});

describe("formatGap", () => {
  it("says a share's distance to its target in percentage points, anything else in its unit, unsigned", () => {
    expect(formatGap(0.088, "share")).toBe("8.8 pp");
    expect(formatGap(-0.088, "share")).toBe("8.8 pp");
    expect(formatGap(0.0875, "share", es)).toBe("8,8 p. p.");
    expect(formatGap(-1234.4, "usd")).toBe("$1,234");
    expect(formatGap(0.019, "index")).toBe("0.019");
  });
});

describe("formatTimestamp", () => {
  it("writes the time in UTC, and leaves text that is not a time as it is", () => {
    expect(formatTimestamp("2026-03-02T09:30:00.000Z")).toBe("2 March 2026, 09:30 UTC");
    expect(formatTimestamp("yesterday")).toBe("yesterday");
  });
});
