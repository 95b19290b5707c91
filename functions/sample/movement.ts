import type { CountryTable } from "../core/reference/countries.js";
import {
  FX_TABLE,
  FX_TABLE_FIRST_YEAR,
  GLOBAL_FUND,
  HUB_PROFILES,
  type HubProfile,
  TEAM_TOPICS,
  UNDERREPRESENTED_TEAM_TOPICS,
} from "./profiles.js";
import { SeededRandom } from "./random.js";

/** A volunteer team that hubs fund; its id is the grant's counterparty. */
export interface Team {
  readonly id: string;
  readonly country: string;
  readonly underrepresented: boolean;
}

/** A country a hub works in, with the languages content is created in there. */
export interface HubCountry {
  readonly code: string;
  readonly languages: readonly string[];
  /** Share of the hub's activity in this country; the shares of a hub sum to 1. */
  readonly weight: number;
}

/** A hub of the sample movement, with its registration years and the teams it funds. */
export interface SampleHub {
  readonly profile: HubProfile;
  readonly id: string;
  readonly isGlobal: boolean;
  readonly activeFrom: number;
  readonly activeTo: number | null;
  readonly countries: readonly HubCountry[];
  readonly teams: readonly Team[];
}

/** A hub's money for one year, in US dollars. */
export interface HubYear {
  readonly allocationUsd: number;
  readonly localRevenueUsd: number;
  readonly spendUsd: number;
}

/** An exchange rate as the fx_rates file writes it, and as a number. */
export interface FxRate {
  readonly text: string;
  readonly usdPerUnit: number;
}

/** The sample movement: its hubs (the global fund first), years, money and exchange rates. */
export interface Movement {
  readonly seed: number;
  readonly years: readonly number[];
  readonly hubs: readonly SampleHub[];
  readonly globalFund: SampleHub;
  readonly countries: CountryTable;
  /** Currencies the hubs report in, other than USD. */
  readonly currencies: readonly string[];
  isActive(hub: SampleHub, year: number): boolean;
  hubYear(hub: SampleHub, year: number): HubYear;
  fxRate(currency: string, year: number): FxRate;
  isGlobalSouth(country: string): boolean;
}

/** Builds the sample movement for the given (sorted, distinct) years. */
export function buildMovement(seed: number, years: readonly number[], countries: CountryTable): Movement {
  const random = new SeededRandom(seed, "movement");
  const firstYear = years[0] as number;
  const joinYear = years[1] ?? firstYear;
  const endYear = years[years.length - 2] ?? firstYear;
  const hubs = [GLOBAL_FUND, ...HUB_PROFILES].map((profile) =>
    sampleHub(profile, random.fork(`hub/${profile.id}`), firstYear, joinYear, endYear, countries),
  );
  const currencies = [...new Set(hubs.map((hub) => hub.profile.currency))].filter((c) => c !== "USD").sort();
  const hubYears = new Map<string, HubYear>();
  const fxRates = new Map<string, FxRate>();

  const isActive = (hub: SampleHub, year: number) =>
    hub.activeFrom <= year && (hub.activeTo === null || year <= hub.activeTo);

  const hubYear = (hub: SampleHub, year: number): HubYear => {
    const key = `${hub.id}/${year}`;
    let figures = hubYears.get(key);
    if (!figures) {
      figures = isActive(hub, year) ? budget(hub, year, firstYear, random.fork(`budget/${key}`)) : NO_MONEY;
      hubYears.set(key, figures);
    }
    return figures;
  };

  const fxRate = (currency: string, year: number): FxRate => {
    if (currency === "USD") return { text: "1", usdPerUnit: 1 };
    const key = `${currency}/${year}`;
    let rate = fxRates.get(key);
    if (!rate) {
      rate = exchangeRate(currency, year, random.fork(`fx/${currency}`));
      fxRates.set(key, rate);
    }
    return rate;
  };

  return {
    seed,
    years,
    hubs,
    globalFund: hubs[0] as SampleHub,
    countries,
    currencies,
    isActive,
    hubYear,
    fxRate,
    isGlobalSouth: (code) => countries.byCode.get(code)?.globalSouth ?? false,
  };
}

const NO_MONEY: HubYear = { allocationUsd: 0, localRevenueUsd: 0, spendUsd: 0 };

function sampleHub(
  profile: HubProfile,
  random: SeededRandom,
  firstYear: number,
  joinYear: number,
  endYear: number,
  table: CountryTable,
): SampleHub {
  const entries = profile.activity.split("|").map((entry) => {
    const [code = "", languages = ""] = entry.split(":");
    if (!table.byCode.has(code)) throw new Error(`sample hub ${profile.id}: unknown country ${code}`);
    return { code, languages: languages.split(",").filter(Boolean) };
  });
  if (entries[0]?.code !== profile.seat) throw new Error(`sample hub ${profile.id}: seat must come first`);
  const rawWeights = entries.map((_, i) =>
    profile.kind === "regional" ? 0.6 ** i * random.between(0.8, 1.2) : random.between(0.7, 1.3),
  );
  const total = rawWeights.reduce((sum, weight) => sum + weight, 0);
  const countries = entries.map((entry, i) => ({ ...entry, weight: (rawWeights[i] as number) / total }));
  return {
    profile,
    id: profile.id,
    isGlobal: profile.kind === "global",
    activeFrom: profile.lifecycle === "joins" ? joinYear : firstYear - profile.foundedYearsBefore,
    activeTo: profile.lifecycle === "ends" ? endYear : null,
    countries,
    teams: profile.kind === "global" ? [] : teamsOf(countries, random.fork("teams")),
  };
}

function teamsOf(countries: readonly HubCountry[], random: SeededRandom): Team[] {
  const teams: Team[] = [];
  for (const country of countries) {
    const count = Math.max(1, Math.round(1 + country.weight * 6 + random.between(0, 1.5)));
    for (const topic of random.shuffled(TEAM_TOPICS).slice(0, count)) {
      teams.push({
        id: `team-${topic}-${country.code.toLowerCase()}`,
        country: country.code,
        underrepresented: UNDERREPRESENTED_TEAM_TOPICS.has(topic),
      });
    }
  }
  return teams;
}

function budget(hub: SampleHub, year: number, firstYear: number, random: SeededRandom): HubYear {
  const growth = 1.06 ** (year - firstYear);
  if (hub.isGlobal) {
    return { allocationUsd: 0, localRevenueUsd: 0, spendUsd: 0 };
  }
  const allocationUsd = hub.profile.allocationUsd * growth * random.between(0.9, 1.12);
  const localRevenueUsd = hub.profile.localRevenueUsd * growth * random.between(0.85, 1.15);
  return {
    allocationUsd,
    localRevenueUsd,
    spendUsd: (allocationUsd + localRevenueUsd) * random.between(0.88, 1.03),
  };
}

function exchangeRate(currency: string, year: number, random: SeededRandom): FxRate {
  const known = FX_TABLE[currency];
  if (!known) throw new Error(`sample: no exchange rate for ${currency}`);
  const index = year - FX_TABLE_FIRST_YEAR;
  if (index >= 0 && index < known.length) {
    const text = known[index] as string;
    return { text, usdPerUnit: Number(text) };
  }
  const nearest = Math.min(Math.max(index, 0), known.length - 1);
  const drift = random.between(-0.05, 0.02);
  const usdPerUnit = Number(known[nearest]) * (1 + drift) ** Math.abs(index - nearest);
  return { text: formatRate(usdPerUnit), usdPerUnit: Number(formatRate(usdPerUnit)) };
}

/** Four significant digits, in plain decimal notation (never `6.3e-5`). */
export function formatRate(value: number): string {
  const decimals = Math.max(2, 3 - Math.floor(Math.log10(value)));
  return value
    .toFixed(decimals)
    .replace(/(\.\d*?[1-9])0+$/, "$1")
    .replace(/\.0+$/, "");
}
