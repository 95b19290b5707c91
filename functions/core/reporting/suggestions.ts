/**
 * What a hub probably meant by a value that is not what the standard asks for, so that a message can say what to
 * write instead: the code of a country or language written by its name (in English, Spanish, French or Arabic), a
 * currency or language code written in the wrong case. Only with `Intl` (no Node APIs): the validator page runs it in
 * the browser. A suggestion is given only when it is unambiguous; it never concerns a number.
 */
import type { CountryTable } from "../reference/countries.js";

/** The languages whose names of countries and languages are recognised. */
export const NAME_LANGUAGES = ["en", "es", "fr", "ar"] as const;

/**
 * Other usual names of countries, beyond those `Intl.DisplayNames` gives (older or shorter English names, common
 * abbreviations), by ISO 3166-1 alpha-2 code.
 */
const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GB: ["UK", "U.K.", "Great Britain", "Britain"],
  US: ["USA", "U.S.A.", "United States of America", "EEUU"],
  AE: ["UAE", "U.A.E."],
  CD: ["DRC", "DR Congo", "Democratic Republic of the Congo", "Congo-Kinshasa"],
  CG: ["Republic of the Congo", "Congo-Brazzaville"],
  CI: ["Ivory Coast"],
  CZ: ["Czech Republic"],
  TR: ["Turkey"],
  SZ: ["Swaziland"],
  MM: ["Burma"],
  MK: ["Macedonia"],
  CV: ["Cape Verde"],
  TL: ["East Timor"],
  NL: ["Holland"],
  VA: ["Vatican"],
};

/** Names that usual speech gives to more than one country: they suggest none. */
const AMBIGUOUS_COUNTRY_NAMES: readonly string[] = ["Congo"];

/**
 * A name as it is compared: without accents and other marks, apostrophes and full stops, in lower case, every
 * other run of punctuation or spaces one space; Arabic also without tatweel, with alef, yeh and teh marbuta forms
 * made one.
 */
export function comparableName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/\u0640/g, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
    .replace(/\u0649/g, "\u064a")
    .replace(/\u0629/g, "\u0647")
    .toLowerCase()
    .replace(/['’‘`ʼ.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Names mapped to the codes they name; a name that names several codes suggests none. */
class NameIndex {
  private readonly codes = new Map<string, Set<string>>();

  add(name: string | undefined, code: string): void {
    if (!name) return;
    for (const form of [name, name.replace(/\s*\([^)]*\)/g, "")]) {
      const key = comparableName(form);
      if (key === "") continue;
      const codes = this.codes.get(key) ?? new Set<string>();
      codes.add(code);
      this.codes.set(key, codes);
    }
  }

  /** Makes a name suggest no code, whatever it names. */
  block(name: string): void {
    this.codes.set(comparableName(name), new Set());
  }

  find(value: string): string | undefined {
    const codes = this.codes.get(comparableName(value));
    return codes?.size === 1 ? [...codes][0] : undefined;
  }
}

const countryIndexes = new WeakMap<CountryTable, NameIndex>();

/**
 * The country table's code a value names, if it is a country's name: its name in the table, its long or short name
 * in English, Spanish, French or Arabic (`Intl.DisplayNames`; a short name only of at least four letters, so that
 * abbreviations such as "RU" or "É.-U." are not taken for names), or a usual alias ("UK", "Ivory Coast"). Case,
 * accents and punctuation do not matter. Undefined when the value names no country, or several ("Congo").
 */
export function countryCodeNamed(value: string, countries: CountryTable): string | undefined {
  let index = countryIndexes.get(countries);
  if (!index) {
    index = countryNameIndex(countries);
    countryIndexes.set(countries, index);
  }
  return index.find(value);
}

function countryNameIndex(countries: CountryTable): NameIndex {
  const index = new NameIndex();
  const long = NAME_LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: "region" }));
  const short = NAME_LANGUAGES.map(
    (language) => new Intl.DisplayNames([language], { type: "region", style: "short" }),
  );
  for (const [code, country] of countries.byCode) {
    index.add(country.name, code);
    for (const names of long) index.add(displayName(names, code), code);
    for (const names of short) {
      const name = displayName(names, code);
      if (name && comparableName(name).replace(/ /g, "").length >= 4) index.add(name, code);
    }
    for (const alias of COUNTRY_ALIASES[code] ?? []) index.add(alias, code);
  }
  for (const name of AMBIGUOUS_COUNTRY_NAMES) index.block(name);
  return index;
}

/** A name `Intl` knows for a code, or undefined when it only echoes the code. */
function displayName(names: Intl.DisplayNames, code: string): string | undefined {
  const name = names.of(code);
  return name === undefined || name === code ? undefined : name;
}

let languageIndex: NameIndex | undefined;

/**
 * The ISO 639-1 code (two letters, the form the standard's `language` column asks for) of a language written by
 * its name in English, Spanish, French or Arabic ("English", "inglés", "anglais", "الإنجليزية" → `en`), as
 * `Intl.DisplayNames` names the two-letter codes. Undefined for any other value, or a name of several codes.
 */
export function languageCodeNamed(value: string): string | undefined {
  if (!languageIndex) {
    languageIndex = new NameIndex();
    const names = NAME_LANGUAGES.map(
      (language) => new Intl.DisplayNames([language], { type: "language", fallback: "none" }),
    );
    const letters = "abcdefghijklmnopqrstuvwxyz";
    for (const first of letters)
      for (const second of letters) {
        const code = first + second;
        for (const name of names) languageIndex.add(displayName(name, code), code);
      }
  }
  return languageIndex.find(value);
}

const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]+)*$/;

/**
 * A language code written in another form than the standard's (`^[a-z]{2,3}(-[a-z0-9]+)*$`), in that form: lower
 * case, its parts joined by hyphens ("EN" → `en`, "en-US" and "en_US" → `en-us`). Undefined when the value is already
 * in that form, or would not be a code in it.
 */
export function languageCodeForm(value: string): string | undefined {
  const form = value.trim().toLowerCase().replace(/_/g, "-");
  return form !== value && LANGUAGE_CODE.test(form) ? form : undefined;
}

let currencyCodes: ReadonlySet<string> | undefined;

/**
 * A currency code written in lower or mixed case, in capitals, when that is an ISO 4217 code
 * (`Intl.supportedValuesOf("currency")`): "ngn" → `NGN`. Undefined otherwise.
 */
export function currencyInCapitals(value: string): string | undefined {
  currencyCodes ??= new Set(Intl.supportedValuesOf("currency"));
  const capitals = value.toUpperCase();
  return capitals !== value && /^[A-Z]{3}$/.test(capitals) && currencyCodes.has(capitals)
    ? capitals
    : undefined;
}
