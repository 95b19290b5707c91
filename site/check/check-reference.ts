/**
 * The validator page's reference file, `data/check-reference.json`: what validating a hub's report needs to know
 * of the lake, and nothing more. It is public, so it holds no hub's seat (which would tell which hubs are seated in
 * a protected country), no hub's name, no figure and no exchange rate: only the country table's codes and names (what
 * validation accepts, and the names it suggests a code for), the registry's hub ids with their kind and active
 * years, and the years for which each currency has a rate.
 * Reading it back (`referenceOf`) is pure, without Node APIs: the page runs it in the browser.
 */
import type { DashboardData } from "../../functions/core/dashboards/dashboard-data.js";
import type { Country, CountryTable } from "../../functions/core/reference/countries.js";
import type { HubKind } from "../../functions/core/reporting/kinds.js";
import type { HubRecord, ReferenceState } from "../../functions/core/reporting/validate.js";

/** Where the page finds the file, relative to the site root. */
export const CHECK_REFERENCE_FILE = "data/check-reference.json";

/** The format of the file; a page reading another refuses it. */
export const CHECK_REFERENCE_FORMAT = 1;

/** A hub of the registry as the page knows it: no seat, no name. */
export interface ReferenceHub {
  readonly hub_id: string;
  readonly kind: HubKind;
  readonly active_from: number;
  readonly active_to: number | null;
}

/** The reference file's content. */
export interface CheckReference {
  readonly format: typeof CHECK_REFERENCE_FORMAT;
  /** The country table's ISO 3166-1 alpha-2 codes (what a report may name) with their names, by code, sorted. */
  readonly countries: Readonly<Record<string, string>>;
  /** The current hub registry, by hub id; null when none has been uploaded. */
  readonly hubs: readonly ReferenceHub[] | null;
  /** Per currency, the years with an exchange rate, ascending. */
  readonly exchange_rate_years: Readonly<Record<string, readonly number[]>>;
}

/** Typed errors of reading a reference file. */
export class CheckReferenceError extends Error {
  override readonly name = "CheckReferenceError";
}

/** The reference file of a site, from its published dashboard data and the country table. */
export function checkReference(dashboard: DashboardData, countries: CountryTable): CheckReference {
  const rates: Record<string, number[]> = {};
  for (const { currency, year } of dashboard.exchange_rate_years) {
    const years = rates[currency] ?? [];
    if (!years.includes(year)) years.push(year);
    rates[currency] = years;
  }
  const sortedRates = Object.fromEntries(
    Object.keys(rates)
      .sort()
      .map((currency) => [currency, (rates[currency] ?? []).sort((a, b) => a - b)]),
  );
  return {
    format: CHECK_REFERENCE_FORMAT,
    countries: Object.fromEntries(
      [...countries.byCode.keys()].sort().map((code) => [code, countries.byCode.get(code)?.name ?? code]),
    ),
    hubs:
      dashboard.hubs.length === 0
        ? null
        : [...dashboard.hubs]
            .sort((a, b) => (a.hub_id < b.hub_id ? -1 : a.hub_id > b.hub_id ? 1 : 0))
            .map((hub) => ({
              hub_id: hub.hub_id,
              kind: hub.kind,
              active_from: hub.active_from,
              active_to: hub.active_to,
            })),
    exchange_rate_years: sortedRates,
  };
}

/** The file's text: compact JSON and a final line break. */
export function checkReferenceJson(reference: CheckReference): string {
  return `${JSON.stringify(reference)}\n`;
}

/** What validation runs against on the page: the country codes, and the lake as the reference file tells it. */
export interface PageReference {
  readonly countries: CountryTable;
  readonly reference: ReferenceState;
}

const NO_RATES: ReadonlyMap<number, number> = new Map();

/**
 * Reads a reference file (as parsed JSON) into what validation takes. The page knows no seat and no rate: hubs
 * have the seat "" (validation then skips the check that needs it) and `ratesOf` is empty (the comparison of a
 * Council's new rates with the lake's, which only the Council's upload makes).
 */
export function referenceOf(value: unknown): PageReference {
  if (typeof value !== "object" || value === null) throw new CheckReferenceError("not a reference file");
  const file = value as Partial<CheckReference>;
  if (file.format !== CHECK_REFERENCE_FORMAT)
    throw new CheckReferenceError(`reference format ${String(file.format)}, not ${CHECK_REFERENCE_FORMAT}`);
  if (
    typeof file.countries !== "object" ||
    file.countries === null ||
    typeof file.exchange_rate_years !== "object" ||
    file.hubs === undefined
  )
    throw new CheckReferenceError("the reference file lacks countries, hubs or exchange_rate_years");
  const byCode = new Map<string, Country>(
    Object.entries(file.countries ?? {}).map(([isoCode, name]) => [
      isoCode,
      {
        isoCode,
        name,
        wikimediaRegion: "",
        globalSouth: false,
        isProtected: false,
        dataRiskClassification: "",
      },
    ]),
  );
  const hubs =
    file.hubs === null
      ? undefined
      : new Map<string, HubRecord>(
          file.hubs.map((hub) => [
            hub.hub_id,
            {
              hubId: hub.hub_id,
              name: hub.hub_id,
              kind: hub.kind,
              country: "",
              activeFrom: hub.active_from,
              activeTo: hub.active_to,
            },
          ]),
        );
  const rateYears = file.exchange_rate_years ?? {};
  return {
    countries: { byCode, regions: [], source: "" },
    reference: {
      hubs,
      hasRate: (currency, year) =>
        Object.hasOwn(rateYears, currency) && (rateYears[currency] ?? []).includes(year),
      ratesOf: () => NO_RATES,
      financialYears: [],
    },
  };
}
