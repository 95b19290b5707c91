import { readFileSync } from "node:fs";
import { projectPath } from "../project-files.js";

/** One territory of the movement's canonical country table (`data/countries.tsv`). */
export interface Country {
  readonly isoCode: string;
  readonly name: string;
  /** One of the eight Wikimedia regions; empty for Antarctica. */
  readonly wikimediaRegion: string;
  readonly globalSouth: boolean;
  /** On Wikimedia's country and territory protection list: never published at country level. */
  readonly isProtected: boolean;
  readonly dataRiskClassification: string;
}

/** The country table, indexed by ISO 3166-1 alpha-2 code. */
export interface CountryTable {
  readonly byCode: ReadonlyMap<string, Country>;
  readonly regions: readonly string[];
  /** The table as it was read, so that engines can load exactly the same bytes. */
  readonly source: string;
}

const REQUIRED_COLUMNS = [
  "iso_code",
  "name",
  "wikimedia_region",
  "economic_region",
  "is_protected",
  "data_risk_classification",
] as const;

/**
 * Parses the tab-separated country table. Every value is kept as text, so Namibia's `NA`
 * stays a country code and never becomes a null.
 */
export function parseCountryTable(tsv: string): CountryTable {
  const lines = tsv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  const header = (lines.shift() ?? "").split("\t");
  const index = new Map(header.map((name, i) => [name, i]));
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) throw new Error(`country table: column ${column} is missing`);
  }
  const cell = (fields: string[], column: (typeof REQUIRED_COLUMNS)[number]) =>
    fields[index.get(column) as number] ?? "";
  const byCode = new Map<string, Country>();
  for (const line of lines) {
    const fields = line.split("\t");
    const isoCode = cell(fields, "iso_code");
    byCode.set(isoCode, {
      isoCode,
      name: cell(fields, "name"),
      wikimediaRegion: cell(fields, "wikimedia_region"),
      globalSouth: cell(fields, "economic_region") === "Global South",
      isProtected: cell(fields, "is_protected") === "True",
      dataRiskClassification: cell(fields, "data_risk_classification"),
    });
  }
  const regions = [...new Set([...byCode.values()].map((c) => c.wikimediaRegion).filter(Boolean))].sort();
  return { byCode, regions, source: tsv };
}

/** Where the project's copy of the country table lives; `OBSERVATORY_COUNTRY_TABLE` overrides it (Lambda bundles). */
export function countryTablePath(): string {
  return process.env.OBSERVATORY_COUNTRY_TABLE ?? projectPath("data/countries.tsv");
}

let bundled: CountryTable | undefined;

/** The project's own copy of the country table (see `data/README.md` for its provenance), read once. */
export function bundledCountryTable(): CountryTable {
  bundled ??= parseCountryTable(readFileSync(countryTablePath(), "utf8"));
  return bundled;
}

/** The country table as the engines' `countries` relation holds it (see `COUNTRIES_TABLE`): all text, one row per country. */
export function countryRelationRows(countries: CountryTable): Record<string, string>[] {
  return [...countries.byCode.values()].map((country) => ({
    iso_code: country.isoCode,
    name: country.name,
    wikimedia_region: country.wikimediaRegion,
    economic_region: country.globalSouth ? "Global South" : "Global North",
    is_protected: country.isProtected ? "True" : "False",
  }));
}
