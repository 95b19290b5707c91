/**
 * Messages that say what to write instead: a country's code for its name in English, Spanish, French or Arabic
 * (or a usual alias), a currency or language code in the standard's case, a language's code for its name. Each
 * suggestion ends "write X"; none is given when a value names nothing, or more than one thing.
 */
import { describe, expect, it } from "vitest";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import {
  comparableName,
  countryCodeNamed,
  currencyInCapitals,
  languageCodeForm,
  languageCodeNamed,
} from "../../../functions/core/reporting/suggestions.js";
import { check, financialCsv, fxCsv, hubsCsv, impactCsv } from "./helpers.js";

const countryName = (value: string, code: string, name: string) =>
  `row 2, column country: ${JSON.stringify(value)} is a country's name, not its code: write ${code} (the ISO 3166-1 alpha-2 code of ${name})`;
const invalidCountry = (value: string) =>
  `row 2, column country: ${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 country code in the country table`;

describe("a country written by its name", () => {
  it.each([
    ["Nigeria", "NG", "Nigeria"],
    ["Nigéria", "NG", "Nigeria"],
    ["nigeria", "NG", "Nigeria"],
    ["نيجيريا", "NG", "Nigeria"],
    ["UK", "GB", "United Kingdom"],
    ["U.K.", "GB", "United Kingdom"],
    ["United Kingdom", "GB", "United Kingdom"],
    ["Great Britain", "GB", "United Kingdom"],
    ["Reino Unido", "GB", "United Kingdom"],
    ["Royaume-Uni", "GB", "United Kingdom"],
    ["المملكة المتحدة", "GB", "United Kingdom"],
    ["Alemania", "DE", "Germany"],
    ["Allemagne", "DE", "Germany"],
    ["ألمانيا", "DE", "Germany"],
    ["CÔTE D'IVOIRE", "CI", "Côte d'Ivoire"],
    ["Ivory Coast", "CI", "Côte d'Ivoire"],
    ["Estados Unidos", "US", "United States"],
    ["USA", "US", "United States"],
    ["Turkey", "TR", "Turkey"],
  ])("suggests the code of %j", (value, code, name) => {
    expect(check(financialCsv({ country: value }))).toEqual([
      countryName(value, code, bundledCountryTable().byCode.get(code)?.name ?? name),
    ]);
  });

  it("names the country as the country table does", () => {
    expect(bundledCountryTable().byCode.get("GB")?.name).toBe("United Kingdom");
    expect(check(financialCsv({ country: "UK" }))).toEqual([countryName("UK", "GB", "United Kingdom")]);
  });

  it.each(["Congo", "EU", "R.U.", "Atlantis", "NGA"])(
    "suggests nothing for %j, which names no country or several",
    (value) => {
      expect(check(financialCsv({ country: value }))).toEqual([invalidCountry(value)]);
    },
  );

  it("keeps the capital letters' message for a code in lower case", () => {
    expect(check(financialCsv({ country: "ng" }))).toEqual([
      'row 2, column country: "ng" must be written in capital letters: write NG',
    ]);
  });

  it("suggests in impact reports and in the registry too", () => {
    expect(check(impactCsv({ country: "Kenia" }))).toEqual([countryName("Kenia", "KE", "Kenya")]);
    expect(check(hubsCsv({ country: "Ghana" }), { uploader: "council" })).toEqual([
      countryName("Ghana", "GH", "Ghana"),
    ]);
  });
});

describe("a currency code in lower case", () => {
  it.each([
    ["ngn", "NGN"],
    ["Eur", "EUR"],
  ])("suggests %j in capitals", (currency, code) => {
    expect(check(financialCsv({ currency }))).toEqual([
      `row 2, column currency: "${currency}" must be written in capital letters: write ${code}`,
    ]);
  });

  it("suggests capitals in exchange rates too", () => {
    expect(check(fxCsv({ currency: "eur" }), { uploader: "council" })).toEqual([
      'row 2, column currency: "eur" must be written in capital letters: write EUR',
    ]);
  });

  it.each(["abc", "naira", "ng"])(
    "suggests nothing for %j, whose capitals are no ISO 4217 code",
    (currency) => {
      expect(check(financialCsv({ currency }))).toEqual([
        `row 2, column currency: "${currency}" is not an ISO 4217 currency code (three capital letters, such as EUR)`,
      ]);
    },
  );
});

describe("a language", () => {
  const row = (language: string) => impactCsv({ metric: "content_created", value: "3", language });

  it.each([
    ["English", "en"],
    ["inglés", "en"],
    ["anglais", "en"],
    ["الإنجليزية", "en"],
    ["Yoruba", "yo"],
    ["Hausa", "ha"],
    ["portugués", "pt"],
  ])("written as its name %j gets its code", (language, code) => {
    expect(check(row(language))).toEqual([
      `row 2, column language: ${JSON.stringify(language)} is a language's name, not its code: write ${code}`,
    ]);
  });

  it.each([
    ["EN", "en"],
    ["en-US", "en-us"],
    ["en_US", "en-us"],
    ["pt_BR", "pt-br"],
  ])("written as %j gets the standard's form", (language, code) => {
    expect(check(row(language))).toEqual([
      `row 2, column language: ${JSON.stringify(language)} must be written in lower case, its parts joined by hyphens: write ${code}`,
    ]);
  });

  it.each(["Klingon", "Eng.", "e"])("written as %j gets no suggestion", (language) => {
    expect(check(row(language))).toEqual([
      `row 2, column language: ${JSON.stringify(language)} is not a language code (such as en, yo or pt-br)`,
    ]);
  });
});

describe("metric near-misses", () => {
  it("say what to write in the same way", () => {
    expect(check(impactCsv({ metric: "participnts" }))).toEqual([
      'row 2, column metric: "participnts" is not a metric of frameworks 2026.1 and 2026.2, but it is within two edits of participants: write participants if that is what it counts (1 row); a new metric needs a name further from the known ones',
    ]);
  });
});

describe("the suggestions themselves", () => {
  it("compare names without case, accents, apostrophes or Arabic letter variants", () => {
    expect(comparableName("Côte d’Ivoire")).toBe("cote divoire");
    expect(comparableName("  EE. UU. ")).toBe("ee uu");
    expect(comparableName("إسواتيني")).toBe(comparableName("اسواتيني"));
  });

  it("suggest only codes of the country table", () => {
    const countries = bundledCountryTable();
    expect(countryCodeNamed("Nigeria", countries)).toBe("NG");
    expect(countryCodeNamed("Nigeria", { ...countries, byCode: new Map() })).toBeUndefined();
  });

  it("leave a value already in the standard's form alone", () => {
    expect(languageCodeForm("en-us")).toBeUndefined();
    expect(currencyInCapitals("NGN")).toBeUndefined();
    expect(languageCodeNamed("en")).toBeUndefined();
  });
});
