import { quoteCsvField } from "../core/reporting/csv.js";
import { CATEGORIES_BY_FLOW, type Flow } from "../core/reporting/kinds.js";
import { CsvFileWriter, type CsvFormat } from "./csv.js";
import type { Movement, SampleHub, Team } from "./movement.js";
import {
  DESCRIPTION_TEMPLATES,
  GLOBAL_FUND_FUNDRAISING_WEIGHTS,
  GLOBAL_FUND_GOVERNANCE_WEIGHTS,
  GLOBAL_FUND_INDIVIDUAL_GRANT_WEIGHTS,
  GLOBAL_FUND_OPERATIONS_WEIGHTS,
  GLOBAL_FUND_STAFF_WEIGHTS,
  MONTHS,
  ONLINE_DONOR_WEIGHTS,
  WHOLE_UNIT_CURRENCIES,
} from "./profiles.js";
import { SeededRandom, WeightedPicker } from "./random.js";
import { SCENARIO } from "./scenario.js";

/** Columns of a financial file, in the standard's order. */
export const FINANCIAL_COLUMNS = [
  "hub_id",
  "period",
  "flow",
  "category",
  "amount",
  "currency",
  "country",
  "counterparty_id",
  "underrepresented_focus",
  "description",
] as const;

/** One financial file to write. */
export interface FinancialReport {
  readonly hub: SampleHub;
  readonly year: number;
  readonly quarter: number | null;
  readonly period: string;
  /** Line items beyond the few every report has (one per category, allocations). */
  readonly fillerLines: number;
  readonly format: CsvFormat;
  readonly withDescriptions: boolean;
  /** `original`: a staff payment keyed ten times too high; `corrected`: fixed, with a forgotten line added. */
  readonly variant?: "original" | "corrected";
}

/** Share of a year's spending that falls in each quarter. */
const SEASON = [0.22, 0.24, 0.24, 0.3] as const;

const HUB_SPEND_SHARES = {
  programs: 0.34,
  staff: 0.27,
  operations: 0.1,
  fundraising: 0.04,
  governance: 0.03,
  team_grant: 0.15,
  individual_grant: 0.07,
} as const;

const HUB_LINE_SHARES = {
  local_fundraising: 0.07,
  earned_income: 0.01,
  external_grant: 0.004,
  programs: 0.3,
  staff: 0.09,
  operations: 0.12,
  fundraising: 0.03,
  governance: 0.016,
  team_grant: 0.22,
  individual_grant: 0.14,
} as const;

const GLOBAL_FUND_LINE_SHARES = {
  online_fundraising: 0.42,
  earned_income: 0.01,
  external_grant: 0.005,
  programs: 0.1,
  staff: 0.12,
  operations: 0.1,
  fundraising: 0.12,
  governance: 0.015,
  individual_grant: 0.11,
} as const;

/** The global fund's money for one year, in US dollars, by category. */
export function globalFundBudget(movement: Movement, year: number): Record<string, number> {
  const random = new SeededRandom(movement.seed, `budget/global-fund/${year}`);
  const growth = 1.06 ** (year - (movement.years[0] as number));
  const noisy = (usd: number) => usd * growth * random.between(0.92, 1.08);
  let allocations = 0;
  for (const hub of movement.hubs) allocations += movement.hubYear(hub, year).allocationUsd;
  return {
    online_fundraising: noisy(32_000_000),
    earned_income: noisy(1_200_000),
    external_grant: noisy(3_500_000),
    programs: noisy(3_500_000),
    staff: noisy(9_000_000),
    operations: noisy(2_500_000),
    fundraising: noisy(3_000_000),
    governance: noisy(600_000),
    individual_grant: noisy(1_800_000),
    hub_allocation: allocations,
  };
}

/**
 * The share of the global fund's allocation for a year that a hub's own financial reports book: 1, except for
 * the scenario's shortfall (part of it) and unreported allocation (none).
 */
export function bookedAllocationShare(movement: Movement, hub: SampleHub, year: number): number {
  const yearAt = (yearIndex: number) => movement.years[Math.min(yearIndex, movement.years.length - 1)];
  const { allocationShortfall: shortfall, unreportedAllocation: unreported } = SCENARIO;
  if (hub.id === unreported.hub && year === yearAt(unreported.yearIndex)) return 0;
  if (hub.id === shortfall.hub && year === yearAt(shortfall.yearIndex)) return shortfall.bookedShare;
  return 1;
}

/** Money a hub spends in a year, in US dollars: what decides how many line items its reports carry. */
export function yearlySpendUsd(movement: Movement, hub: SampleHub, year: number): number {
  if (!hub.isGlobal) return movement.hubYear(hub, year).spendUsd;
  const budget = globalFundBudget(movement, year);
  return Object.entries(budget)
    .filter(([category]) => !isRevenueCategory(category))
    .reduce((sum, [, usd]) => sum + usd, 0);
}

/** How many lines a financial report has before any filler: the fixed lines and one per category. */
export function minimumFinancialLines(
  movement: Movement,
  report: Omit<FinancialReport, "fillerLines">,
): number {
  const layout = financialLayout(movement, { ...report, fillerLines: 0 });
  return layout.fixed.length + layout.buckets.reduce((sum, bucket) => sum + bucket.lines, 0);
}

/** Writes one financial report; returns its data lines and bytes. */
export async function writeFinancialReport(
  path: string,
  movement: Movement,
  report: FinancialReport,
): Promise<{ lines: number; bytes: number }> {
  const { fixed, buckets } = financialLayout(movement, report);
  const columns = report.withDescriptions ? FINANCIAL_COLUMNS : FINANCIAL_COLUMNS.slice(0, -1);
  const writer = await CsvFileWriter.create(path, report.format, columns);
  const d = report.format.delimiter;
  const random = new SeededRandom(movement.seed, `financial/${report.hub.id}/${report.period}`);
  const currency = writer.field(report.hub.profile.currency);
  const wholeUnits = WHOLE_UNIT_CURRENCIES.has(report.hub.profile.currency);
  const withDescription = (description: string) => (report.withDescriptions ? `${d}${description}` : "");

  const writeFixed = (line: FixedLine) =>
    writer.append(
      `${line.prefix}${formatAmount(line.amount, wholeUnits)}${d}${currency}${d}${line.country}${d}${line.counterparty}${d}${line.focus}${withDescription(line.description)}`,
    );

  for (const line of fixed.filter((f) => f.position === "first")) writeFixed(line);
  for (const bucket of buckets) {
    const descriptions = bucket.descriptions;
    for (let i = 0; i < bucket.lines; i++) {
      let amount = Math.round(bucket.meanAmount * (0.25 + 1.5 * random.next()));
      if (bucket.roundingStep > 1) {
        amount = Math.max(
          bucket.roundingStep,
          Math.round(amount / bucket.roundingStep) * bucket.roundingStep,
        );
      }
      if (i === 0 && bucket.category === "staff" && report.variant === "original") amount *= 10;
      let country: string;
      let counterparty = "";
      let focus = "";
      if (bucket.teams) {
        const team = bucket.teams.pick(random);
        country = team.country;
        counterparty = team.id;
        focus = team.underrepresented ? "true" : "false";
      } else {
        country = bucket.countries.pick(random);
        if (bucket.focusRate !== null) focus = random.chance(bucket.focusRate) ? "true" : "false";
      }
      const description = random.chance(0.55)
        ? (descriptions[Math.floor(random.next() * descriptions.length)] as string)
        : "";
      writer.append(
        `${bucket.prefix}${formatAmount(amount, wholeUnits)}${d}${currency}${d}${country}${d}${counterparty}${d}${focus}${withDescription(description)}`,
      );
      if ((i & 1023) === 1023) await writer.flushIfFull();
    }
    if (bucket.category === "operations" && report.variant === "corrected") {
      writeFixed({
        position: "last",
        prefix: bucket.prefix,
        amount: Math.round(bucket.meanAmount / 3),
        country: report.hub.profile.seat,
        counterparty: "",
        focus: "",
        description: writer.field("Bank charges omitted from the first upload"),
      });
    }
  }
  for (const line of fixed.filter((f) => f.position === "last")) writeFixed(line);
  const lines = writer.lines;
  return { lines, bytes: await writer.close() };
}

interface FixedLine {
  readonly position: "first" | "last";
  readonly prefix: string;
  readonly amount: number;
  readonly country: string;
  readonly counterparty: string;
  readonly focus: string;
  readonly description: string;
}

interface Bucket {
  readonly category: string;
  readonly prefix: string;
  readonly lines: number;
  /** Mean amount of a line, in the currency's smallest written unit (cents, or whole units). */
  readonly meanAmount: number;
  readonly roundingStep: number;
  readonly countries: WeightedPicker<string>;
  readonly teams: WeightedPicker<Team> | null;
  /** Probability of an underrepresented focus; null on lines that are not grants. */
  readonly focusRate: number | null;
  readonly descriptions: readonly string[];
}

interface BucketPlan {
  readonly flow: Flow;
  readonly category: string;
  readonly usd: number;
  readonly lineShare: number;
  readonly countries: Readonly<Record<string, number>>;
  readonly teams?: boolean;
  readonly focusRate?: number;
}

function financialLayout(
  movement: Movement,
  report: FinancialReport,
): { fixed: FixedLine[]; buckets: Bucket[] } {
  const { hub, year, quarter } = report;
  const d = report.format.delimiter;
  const field = (value: string) => quoteCsvField(value, d);
  const prefix = (flow: Flow, category: string) =>
    `${[hub.id, report.period, flow, category].map(field).join(d)}${d}`;
  const rate = movement.fxRate(hub.profile.currency, year).usdPerUnit;
  const unitsPerCurrency = WHOLE_UNIT_CURRENCIES.has(hub.profile.currency) ? 1 : 100;
  const toAmount = (usd: number) => Math.round((usd / rate) * unitsPerCurrency);
  const season = quarter === null ? 1 : (SEASON[quarter - 1] as number);
  const instalment = quarter === null ? 1 : 0.25;
  const descriptionRandom = new SeededRandom(movement.seed, `descriptions/${hub.id}`);

  const plans = hub.isGlobal
    ? globalFundPlans(movement, year, season)
    : hubPlans(movement, hub, year, quarter, season);
  const buckets = plans.map((plan): Bucket => {
    const lines = 1 + Math.round(report.fillerLines * plan.lineShare);
    const meanAmount = toAmount(plan.usd) / lines;
    const isGrant = plan.flow === "grant";
    return {
      category: plan.category,
      prefix: prefix(plan.flow, plan.category),
      lines,
      meanAmount,
      roundingStep: isGrant && meanAmount >= 1000 ? 10 ** (Math.floor(Math.log10(meanAmount)) - 1) : 1,
      countries: new WeightedPicker(Object.entries(plan.countries)),
      teams: plan.teams ? teamPicker(hub) : null,
      focusRate: isGrant ? (plan.focusRate ?? 0) : null,
      descriptions: descriptionsFor(hub, plan.category, quarter, descriptionRandom).map(field),
    };
  });

  const fixed: FixedLine[] = [];
  if (hub.isGlobal) {
    for (const recipient of movement.hubs) {
      const allocationUsd = movement.hubYear(recipient, year).allocationUsd;
      if (allocationUsd <= 0) continue;
      fixed.push({
        position: "last",
        prefix: prefix("grant", "hub_allocation"),
        amount: toAmount(allocationUsd * instalment),
        country: recipient.profile.seat,
        counterparty: field(recipient.id),
        focus: recipient.profile.underrepresentedFocus ? "true" : "false",
        description: field(
          quarter === null ? "Annual allocation" : `Annual allocation, instalment Q${quarter}`,
        ),
      });
    }
  } else {
    const allocationUsd = movement.hubYear(hub, year).allocationUsd;
    const booked = bookedAllocationShare(movement, hub, year);
    if (allocationUsd > 0 && booked > 0) {
      fixed.push({
        position: "first",
        prefix: prefix("revenue", "movement_allocation"),
        amount: toAmount(allocationUsd * instalment * booked),
        country: hub.profile.seat,
        counterparty: "",
        focus: "",
        description: field(
          booked < 1
            ? "Allocation from the global fund, first instalments (the last arrived after the books closed)"
            : "Allocation from the global fund",
        ),
      });
    }
  }
  return { fixed, buckets };
}

function hubPlans(
  movement: Movement,
  hub: SampleHub,
  year: number,
  quarter: number | null,
  season: number,
): BucketPlan[] {
  const money = movement.hubYear(hub, year);
  const seat = hub.profile.seat;
  const activity = Object.fromEntries(hub.countries.map((c) => [c.code, c.weight]));
  const pilot = SCENARIO.pilot;
  if (hub.id === pilot.hub && year === movement.years[pilot.yearIndex] && (quarter ?? 1) === 1) {
    activity[pilot.country] = 0.01;
  }
  const mostlySeat = (seatShare: number) =>
    Object.fromEntries(
      hub.countries.map((c) => [c.code, c.code === seat ? seatShare : (1 - seatShare) * c.weight]),
    );
  const local = money.localRevenueUsd * season;
  const spend = money.spendUsd * season;
  const focusRate = hub.profile.underrepresentedFocus ? 0.55 : 0.25;
  const plan = (
    flow: Flow,
    category: keyof typeof HUB_LINE_SHARES,
    usd: number,
    countries: Record<string, number>,
    extra: Partial<BucketPlan> = {},
  ): BucketPlan => ({ flow, category, usd, lineShare: HUB_LINE_SHARES[category], countries, ...extra });
  return [
    plan("revenue", "local_fundraising", local * 0.6, mostlySeat(0.85)),
    plan("revenue", "earned_income", local * 0.1, { [seat]: 1 }),
    plan("revenue", "external_grant", local * 0.3, { [seat]: 0.5, US: 0.2, GB: 0.15, DE: 0.15 }),
    plan("expense", "programs", spend * HUB_SPEND_SHARES.programs, activity),
    plan("expense", "staff", spend * HUB_SPEND_SHARES.staff, mostlySeat(0.8)),
    plan("expense", "operations", spend * HUB_SPEND_SHARES.operations, { [seat]: 1 }),
    plan("expense", "fundraising", spend * HUB_SPEND_SHARES.fundraising, { [seat]: 1 }),
    plan("expense", "governance", spend * HUB_SPEND_SHARES.governance, { [seat]: 1 }),
    plan("grant", "team_grant", spend * HUB_SPEND_SHARES.team_grant, activity, { teams: true }),
    plan("grant", "individual_grant", spend * HUB_SPEND_SHARES.individual_grant, activity, { focusRate }),
  ];
}

function globalFundPlans(movement: Movement, year: number, season: number): BucketPlan[] {
  const budget = globalFundBudget(movement, year);
  const programs: Record<string, number> = { US: 3 };
  for (const hub of movement.hubs) {
    if (!hub.isGlobal && movement.isActive(hub, year)) programs[hub.profile.seat] = 1;
  }
  const plan = (
    flow: Flow,
    category: keyof typeof GLOBAL_FUND_LINE_SHARES,
    countries: Readonly<Record<string, number>>,
    focusRate?: number,
  ): BucketPlan => ({
    flow,
    category,
    usd: (budget[category] ?? 0) * season,
    lineShare: GLOBAL_FUND_LINE_SHARES[category],
    countries,
    ...(focusRate === undefined ? {} : { focusRate }),
  });
  return [
    plan("revenue", "online_fundraising", ONLINE_DONOR_WEIGHTS),
    plan("revenue", "earned_income", { US: 70, GB: 10, DE: 10, NL: 10 }),
    plan("revenue", "external_grant", { US: 80, GB: 10, CH: 10 }),
    plan("expense", "programs", programs),
    plan("expense", "staff", GLOBAL_FUND_STAFF_WEIGHTS),
    plan("expense", "operations", GLOBAL_FUND_OPERATIONS_WEIGHTS),
    plan("expense", "fundraising", GLOBAL_FUND_FUNDRAISING_WEIGHTS),
    plan("expense", "governance", GLOBAL_FUND_GOVERNANCE_WEIGHTS),
    plan("grant", "individual_grant", GLOBAL_FUND_INDIVIDUAL_GRANT_WEIGHTS, 0.35),
  ];
}

function teamPicker(hub: SampleHub): WeightedPicker<Team> {
  const weightOf = new Map(hub.countries.map((c) => [c.code, c.weight]));
  const teamsIn = new Map<string, number>();
  for (const team of hub.teams) teamsIn.set(team.country, (teamsIn.get(team.country) ?? 0) + 1);
  return new WeightedPicker(
    hub.teams.map(
      (team) => [team, (weightOf.get(team.country) ?? 0) / (teamsIn.get(team.country) ?? 1)] as const,
    ),
  );
}

function descriptionsFor(
  hub: SampleHub,
  category: string,
  quarter: number | null,
  random: SeededRandom,
): string[] {
  const months = quarter === null ? MONTHS : MONTHS.slice((quarter - 1) * 3, quarter * 3);
  const result = new Set<string>();
  for (const template of DESCRIPTION_TEMPLATES[category] ?? []) {
    for (let i = 0; i < 3; i++) {
      result.add(
        template
          .replace("{place}", random.pick(hub.profile.places))
          .replace("{month}", random.pick(months))
          .replace("{quarter}", `Q${quarter ?? 1}`),
      );
    }
  }
  if (category === "programs" || category === "team_grant") {
    for (const phrase of hub.profile.localPhrases) result.add(phrase);
  }
  return [...result].sort();
}

function isRevenueCategory(category: string): boolean {
  return CATEGORIES_BY_FLOW.revenue.includes(category);
}

const CENTS = Array.from({ length: 100 }, (_, i) => i.toString().padStart(2, "0"));

function formatAmount(amount: number, wholeUnits: boolean): string {
  if (wholeUnits) return String(amount);
  return `${Math.floor(amount / 100)}.${CENTS[amount % 100]}`;
}
