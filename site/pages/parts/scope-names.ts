import type { HubEntry } from "../../../functions/core/dashboards/dashboard-data.js";
import type { IndicatorDefinition, Scope } from "../../../functions/core/framework/framework.js";
import type { CountryTable } from "../../../functions/core/reference/countries.js";
import { hubNames } from "../../figures/hub-names.js";
import { regionRank } from "../../figures/order.js";
import type { Messages } from "../../i18n/catalogue.js";
import { formatList } from "../../i18n/format.js";
import { collator, countryName } from "../../i18n/places.js";

/** An indicator's scope in words; region scope says how it counts (the lines' countries or the hubs' seats). */
export function scopeName(indicator: IndicatorDefinition, scope: Scope, messages: Messages): string {
  return scope === "region" && indicator.region_by !== null
    ? messages.regionBases[indicator.region_by]
    : messages.scopes[scope];
}

/** Every scope of an indicator in words, in the framework's order, as a list of the page's language. */
export function scopeList(indicator: IndicatorDefinition, messages: Messages): string {
  return formatList(
    indicator.scopes.map((scope) => scopeName(indicator, scope, messages)),
    messages,
  );
}

/** Whether a hub's figures are withheld: its seat is a protected country, or one the country table does not know. */
export function seatWithheld(hub: Pick<HubEntry, "country">, countries: CountryTable): boolean {
  return countries.byCode.get(hub.country)?.isProtected !== false;
}

/**
 * A country's name in the page's language and its code, e.g. `Brazil (BR)`, `Brésil (BR)`; a code that
 * neither the table nor CLDR knows stands for itself.
 */
export function countryLabel(
  code: string,
  messages: Pick<Messages, "lang">,
  countries: CountryTable,
): string {
  const name = countryName(code, messages, countries);
  return name === code ? code : `${name} (${code})`;
}

/**
 * Orders scope ids as a page in the reader's language lists them: regions as the country table lists
 * them, countries and hubs by their names as the language sorts them (`Intl.Collator`), ties by id.
 */
export function pageScopeOrder(
  messages: Pick<Messages, "lang">,
  countries: CountryTable,
  hubs: readonly HubEntry[],
): (scope: Scope, a: string, b: string) => number {
  const regions = regionRank(countries.regions);
  const compare = collator(messages);
  const hubName = hubNames(hubs);
  return (scope, a, b) => {
    if (scope === "region") return regions(a, b);
    if (scope === "country")
      return (
        compare(countryName(a, messages, countries), countryName(b, messages, countries)) || compare(a, b)
      );
    if (scope === "hub") return compare(hubName(a), hubName(b)) || compare(a, b);
    return compare(a, b);
  };
}

/** Whether a framework publishes any figure at country scope (and so the site has a countries page). */
export function publishesCountries(indicators: readonly IndicatorDefinition[]): boolean {
  return indicators.some((indicator) => indicator.scopes.includes("country"));
}
