import { describe, expect, it } from "vitest";
import {
  basisOf,
  evidenceIndex,
  evidenceKey,
  figureEvidence,
  movementEvidence,
} from "../../../site/figures/evidence.js";
import { framework } from "../fixtures/charts.js";
import { FIXTURE_CONTRIBUTIONS } from "../fixtures/dashboard.js";

const indicator = (id: string) => {
  const found = framework.indicators.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

describe("the evidence of a figure", () => {
  it("counts a region by its lines or by its hubs' seats, as the framework says for the indicator", () => {
    expect(basisOf(indicator("participants"), "region")).toBe("lines");
    expect(basisOf(indicator("local_revenue_share"), "region")).toBe("seat");
    expect(basisOf(indicator("reporting_rate"), "region")).toBe("seat");
    expect(basisOf(indicator("participants"), "hub")).toBe("hub");
    expect(basisOf(indicator("participants"), "country")).toBe("country");
    expect(basisOf(indicator("participants"), "movement")).toBe("movement");
  });

  it("names a figure's scope instance and year", () => {
    expect(figureEvidence(indicator("board_women_share"), "region", "South Asia", 2025)).toEqual({
      behind: "seat:South Asia",
      year: 2025,
    });
    expect(figureEvidence(indicator("deployed_usd"), "country", "KE", 2024)).toEqual({
      behind: "country:KE",
      year: 2024,
    });
    expect(movementEvidence()).toEqual({ behind: "movement:movement" });
  });

  it("refuses a scope id that would break the list of keys a report carries", () => {
    expect(() => evidenceKey("lines", "North|South")).toThrow(/cannot name evidence: it contains \|/);
  });
});

describe("evidenceIndex", () => {
  const index = evidenceIndex(FIXTURE_CONTRIBUTIONS);

  it("lists each report's scope instances, once each", () => {
    expect(index.keysOf("r-ke-imp-2025")).toEqual([
      "country:KE",
      "country:NG",
      "hub:hub-ke",
      "lines:Sub-Saharan Africa",
      "movement:movement",
      "seat:Sub-Saharan Africa",
    ]);
    expect(index.keysOf("r-unknown")).toEqual([]);
  });

  it("lists the reports behind an instance in a year, and none in a year it has none", () => {
    expect(index.reportsBehind({ behind: "seat:Sub-Saharan Africa", year: 2025 })).toEqual([
      "r-ke-fin-2025",
      "r-ke-imp-2025",
    ]);
    expect(index.reportsBehind({ behind: "seat:Sub-Saharan Africa", year: 2024 })).toEqual([]);
  });
});
