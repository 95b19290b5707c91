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
      label: "−$104.3M",
    });
    expect(in2025.find((row) => row.region === "South Asia")?.direction).toBe("Receives more than it raises");
  });
});
