import type { Scope } from "../../functions/core/framework/framework.js";
import type { CountryTable } from "../../functions/core/reference/countries.js";

/** Orders regions as the country table lists them; unknown names last, alphabetically. */
export function regionRank(regions: readonly string[]): (a: string, b: string) => number {
  const index = (region: string) => {
    const i = regions.indexOf(region);
    return i === -1 ? regions.length : i;
  };
  return (a, b) => index(a) - index(b) || a.localeCompare(b, "en");
}

/** Orders scope ids within a scope: regions as the country table lists them, countries by name, hubs by id. */
export function scopeIdOrder(countries: CountryTable): (scope: Scope, a: string, b: string) => number {
  const regions = regionRank(countries.regions);
  const countryName = (code: string) => countries.byCode.get(code)?.name ?? code;
  return (scope, a, b) => {
    if (scope === "region") return regions(a, b);
    if (scope === "country") return countryName(a).localeCompare(countryName(b), "en") || a.localeCompare(b);
    return a.localeCompare(b, "en", { numeric: true });
  };
}
