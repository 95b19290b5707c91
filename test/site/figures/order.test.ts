import { describe, expect, it } from "vitest";
import { regionRank, scopeIdOrder } from "../../../site/figures/order.js";
import { countries } from "../fixtures/charts.js";

describe("regionRank", () => {
  it("orders regions as the country table lists them, unknown ones last by name", () => {
    const regions = ["Zeta", "South Asia", "Alpha", "Central & Eastern Europe & Central Asia"];
    expect([...regions].sort(regionRank(countries.regions))).toEqual([
      "Central & Eastern Europe & Central Asia",
      "South Asia",
      "Alpha",
      "Zeta",
    ]);
  });
});

describe("scopeIdOrder", () => {
  const order = scopeIdOrder(countries);

  it("orders countries by name and hubs by id, numbers as numbers", () => {
    expect(["KE", "BR", "DE"].sort((a, b) => order("country", a, b))).toEqual(["BR", "DE", "KE"]);
    expect(["hub-10", "hub-9", "hub-a"].sort((a, b) => order("hub", a, b))).toEqual([
      "hub-9",
      "hub-10",
      "hub-a",
    ]);
  });

  it("orders regions as the country table does", () => {
    expect(["South Asia", "North America"].sort((a, b) => order("region", a, b))).toEqual(
      [...countries.regions].filter((region) => region === "South Asia" || region === "North America"),
    );
  });
});
