import { describe, expect, it } from "vitest";
import { drawnChart, lensChart, valuesOf } from "../fixtures/charts.js";

const NET_TRANSFER = lensChart("net_transfer_usd.diverging");

describe("netTransferChart", () => {
  it("splits regions that receive from regions that give, and says which standard chart it replaces", () => {
    const chart = drawnChart(NET_TRANSFER);
    expect(chart.replaces).toBe("net_transfer_usd.by-region");
    const in2025 = valuesOf(chart).filter((row) => row.year === 2025);
    expect(in2025.find((row) => row.region === "North America")).toMatchObject({
      value: -104_300_000,
      direction: "Raises more than it receives",
      label: "-$104,300,000",
    });
    expect(in2025.find((row) => row.region === "South Asia")?.direction).toBe("Receives more than it raises");
  });

  it("sorts the regions by their net transfer in the year shown, receivers first", () => {
    const chart = drawnChart(NET_TRANSFER);
    expect(JSON.stringify(chart.spec)).toContain('"sort":"-x"');
    const in2025 = valuesOf(chart).filter((row) => row.year === 2025);
    const described = (chart.descriptions?.["2025"] ?? "")
      .split(": ")
      .slice(1, -1)
      .map((part) => part.split("; ").at(-1));
    const byValue = [...in2025]
      .sort((a, b) => (b.value as number) - (a.value as number))
      .map((row) => row.region);
    expect(described).toEqual(byValue);
  });
});
