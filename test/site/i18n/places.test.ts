import { describe, expect, it } from "vitest";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { ar } from "../../../site/i18n/ar.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";
import { en } from "../../../site/i18n/en.js";
import { es } from "../../../site/i18n/es.js";
import { fr } from "../../../site/i18n/fr.js";
import { cldrCountryName, countryName, REGION_NAMES, regionName } from "../../../site/i18n/places.js";

const countries = bundledCountryTable();
const translated = Object.keys(CATALOGUES).filter((lang) => lang !== "en");

describe("region names", () => {
  it.each(translated)(
    "translate every Wikimedia region of the country table into %s, and no other",
    (lang) => {
      expect(Object.keys(REGION_NAMES[lang] ?? {}).sort()).toEqual([...countries.regions].sort());
      for (const region of countries.regions) {
        const name = regionName(region, { lang });
        expect(name, region).not.toBe(region);
        expect(name.trim(), region).not.toBe("");
      }
      expect(new Set(Object.values(REGION_NAMES[lang] ?? {})).size).toBe(countries.regions.length);
    },
  );

  it("keep English as the movement names its regions, and show a name from the data they do not list as it is", () => {
    expect(regionName("Sub-Saharan Africa", en)).toBe("Sub-Saharan Africa");
    expect(regionName("Sub-Saharan Africa", fr)).toBe("Afrique subsaharienne");
    expect(regionName("Middle East & North Africa", ar)).toBe("الشرق الأوسط وشمال أفريقيا");
    expect(regionName("<script>", es)).toBe("<script>");
  });
});

describe("country names", () => {
  it.each(translated)("come from CLDR (Node's ICU) in %s for every country of the table", (lang) => {
    const missing = [...countries.byCode.keys()].filter((code) => cldrCountryName(code, lang) === undefined);
    expect(missing).toEqual([]);
  });

  it("are the country table's in English and CLDR's short forms elsewhere", () => {
    expect(countryName("CI", en, countries)).toBe("Ivory Coast");
    expect(countryName("CI", fr, countries)).toBe("Côte d’Ivoire");
    expect(countryName("DE", es, countries)).toBe("Alemania");
    expect(countryName("EG", ar, countries)).toBe("مصر");
    expect(countryName("PS", fr, countries)).toBe("Palestine");
    expect(countryName("XX", fr, countries)).toBe("XX");
  });
});
