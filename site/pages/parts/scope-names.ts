import type { HubEntry } from "../../../functions/core/dashboards/dashboard-data.js";
import type { IndicatorDefinition, Scope } from "../../../functions/core/framework/framework.js";
import type { CountryTable } from "../../../functions/core/reference/countries.js";
import type { Messages } from "../../i18n/catalogue.js";

/** An indicator's scope in words; region scope says how it counts (the lines' countries or the hubs' seats). */
export function scopeName(indicator: IndicatorDefinition, scope: Scope, messages: Messages): string {
  return scope === "region" && indicator.region_by !== null
    ? messages.regionBases[indicator.region_by]
    : messages.scopes[scope];
}

/** Every scope of an indicator in words, in the framework's order. */
export function scopeList(indicator: IndicatorDefinition, messages: Messages): string {
  return indicator.scopes.map((scope) => scopeName(indicator, scope, messages)).join(", ");
}

/** Whether a hub's figures are withheld: its seat is a protected country, or one the country table does not know. */
export function seatWithheld(hub: Pick<HubEntry, "country">, countries: CountryTable): boolean {
  return countries.byCode.get(hub.country)?.isProtected !== false;
}

/** A country's name and code, e.g. `Brazil (BR)`; a code the table does not know stands for itself. */
export function countryLabel(code: string, countries: CountryTable): string {
  const name = countries.byCode.get(code)?.name;
  return name ? `${name} (${code})` : code;
}

/** Whether a framework publishes any figure at country scope (and so the site has a countries page). */
export function publishesCountries(indicators: readonly IndicatorDefinition[]): boolean {
  return indicators.some((indicator) => indicator.scopes.includes("country"));
}
