import { describe, expect, it } from "vitest";
import type { IndicatorDefinition } from "../../../functions/core/framework/framework.js";
import { hasTargetAt, targetReading } from "../../../site/figures/target.js";
import { framework } from "../fixtures/charts.js";

const indicator = (id: string) => {
  const found = framework.indicators.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

describe("targetReading", () => {
  it("reads a figure against a higher-is-better target at the movement: met, on, or short by how much", () => {
    const share = indicator("global_south_share");
    expect(targetReading(share, "movement", { kind: "value", value: 0.412 })).toEqual({
      target: share.target,
      met: false,
      position: "below",
      gap: expect.closeTo(0.088, 12),
    });
    expect(targetReading(share, "movement", { kind: "value", value: 0.5 })?.position).toBe("on");
    expect(targetReading(share, "movement", { kind: "value", value: 0.5 })?.met).toBe(true);
    expect(targetReading(share, "movement", { kind: "value", value: 0.61 })).toMatchObject({
      met: true,
      position: "above",
    });
  });

  it("meets a lower-is-better target from below", () => {
    const gini: IndicatorDefinition = {
      ...indicator("funding_gini"),
      target: { value: 0.6, comparison: "<=", scopes: ["movement"] },
    };
    expect(targetReading(gini, "movement", { kind: "value", value: 0.58 })).toMatchObject({
      met: true,
      position: "below",
    });
    expect(targetReading(gini, "movement", { kind: "value", value: 0.65 })).toMatchObject({
      met: false,
      position: "above",
    });
  });

  it("reads nothing where the target is not set (2026.2: regions, hubs), nor for a figure that is not there", () => {
    const women = indicator("board_women_share");
    expect(hasTargetAt(women, "movement")).toBe(true);
    expect(hasTargetAt(women, "region")).toBe(false);
    expect(targetReading(women, "region", { kind: "value", value: 0.2 })).toBeNull();
    expect(targetReading(women, "movement", { kind: "suppressed" })).toBeNull();
    expect(targetReading(indicator("participants"), "movement", { kind: "value", value: 5 })).toBeNull();
  });
});
