import { describe, expect, it } from "vitest";
import {
  chartFiles,
  evidenceHref,
  hubFile,
  regionFile,
  reportHref,
  slugOf,
} from "../../../site/web/paths.js";
import { countries } from "../fixtures/charts.js";

describe("slugOf", () => {
  it("makes file-safe, distinct names of the eight regions", () => {
    const slugs = countries.regions.map(slugOf);
    expect(new Set(slugs).size).toBe(countries.regions.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugOf("East, Southeast Asia, & Pacific")).toBe("east-southeast-asia-and-pacific");
    expect(slugOf("<script>")).toBe("script");
    expect(slugOf("日本")).toBe("region");
  });
});

describe("site paths", () => {
  it("name region and hub pages after them", () => {
    expect(regionFile("Middle East & North Africa")).toBe("region-middle-east-and-north-africa.html");
    expect(hubFile("hub-ke")).toBe("hub-hub-ke.html");
  });

  it("link to the evidence of a year, region or hub, jumping to the year", () => {
    expect(evidenceHref({})).toBe("evidence.html");
    expect(evidenceHref({ year: 2025, region: "South Asia" })).toBe(
      "evidence.html?year=2025&region=South+Asia#year-2025",
    );
    expect(evidenceHref({ hub: "hub-ke" })).toBe("evidence.html?hub=hub-ke");
  });

  it("link to the reports behind one scope instance's figures, and to one report", () => {
    expect(evidenceHref({ year: 2025, behind: "seat:Middle East & North Africa" })).toBe(
      "evidence.html?year=2025&behind=seat%3AMiddle+East+%26+North+Africa#year-2025",
    );
    expect(reportHref("r-29df9d9e22554e39")).toBe("evidence.html#report-r-29df9d9e22554e39");
  });

  it("publish a chart's spec and CSV, and the compiled spec and values the browser loads", () => {
    expect(chartFiles("funding.lorenz")).toEqual({
      specPath: "specs/funding.lorenz.vl.json",
      csvPath: "data/charts/funding.lorenz.csv",
      vegaPath: "specs/funding.lorenz.vg.json",
      valuesPath: "data/charts/funding.lorenz.json",
    });
  });
});
