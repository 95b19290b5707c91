/**
 * Names of places in the page's language. The Wikimedia regions are the movement's own names, so
 * their translations are data kept beside the site (`region-names.json`); countries are named by
 * CLDR through `Intl.DisplayNames` (short forms: "Palestine", "Hong Kong"), except in English,
 * where the movement's country table names them. Data keeps the English names as keys (files,
 * filters, URLs), so a link shared from one language opens the same view in another.
 */
import type { CountryTable } from "../../functions/core/reference/countries.js";
import type { Messages } from "./catalogue.js";
import regionNamesJson from "./region-names.json" with { type: "json" };

/** The translations of the Wikimedia regions' names, by language and English name. */
export const REGION_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = regionNamesJson;

/**
 * A Wikimedia region's name in the page's language. A name the movement's country table does not
 * list (text from the data) is shown as it is; every listed region has a translation (tested).
 */
export function regionName(region: string, messages: Pick<Messages, "lang">): string {
  if (messages.lang === "en") return region;
  return REGION_NAMES[messages.lang]?.[region] ?? region;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** CLDR's short name of a country in a language, or undefined when CLDR has none. */
export function cldrCountryName(code: string, lang: string): string | undefined {
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: "region", style: "short", fallback: "none" });
    displayNames.set(lang, names);
  }
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

/** A country's name in the page's language: the country table's in English, CLDR's otherwise; the code when neither knows it. */
export function countryName(code: string, messages: Pick<Messages, "lang">, countries: CountryTable): string {
  const english = countries.byCode.get(code)?.name;
  if (messages.lang === "en") return english ?? code;
  return cldrCountryName(code, messages.lang) ?? english ?? code;
}

/** Compares texts as the page's language sorts them. */
export function collator(messages: Pick<Messages, "lang">): (a: string, b: string) => number {
  const collation = new Intl.Collator(messages.lang);
  return (a, b) => collation.compare(a, b);
}
