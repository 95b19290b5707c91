import type { ScenarioIndexEntry } from "../../../functions/core/scenarios/published-scenarios.js";
import type { ScenarioYearSummary } from "../../../functions/core/scenarios/scenario-run.js";
import type { Messages } from "../../i18n/catalogue.js";
import { formatNumber, numberFormat } from "../../i18n/format.js";

const RATE: Intl.NumberFormatOptions = { style: "percent", maximumFractionDigits: 1 };
const COMPACT_USD: Intl.NumberFormatOptions = {
  style: "currency",
  currency: "USD",
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
};

/** A rate of the scenario file (0.05) as the page's language writes it: `5%`, `5 %`, `٥٪`. */
export function formatRate(rate: number, messages: Messages): string {
  return numberFormat(messages.numberLocale, RATE).format(rate);
}

/** A pool as a sentence writes it: compact (`$1.2M`); tables give the exact whole-dollar amount. */
export function formatPool(usd: number, messages: Messages): string {
  return numberFormat(messages.numberLocale, COMPACT_USD).format(usd);
}

/**
 * How a scenario moved the funding Gini in a year, as the site writes the index (three decimals): raised or lowered,
 * or left unchanged when both figures read the same; null when either is missing.
 */
export function giniMove(
  summary: ScenarioYearSummary,
  messages: Messages,
): { trend: "raised" | "lowered" | "unchanged"; before: string; after: string } | null {
  const { baseline, value } = summary.funding_gini;
  if (baseline === null || value === null) return null;
  const before = formatNumber(baseline, "index", messages);
  const after = formatNumber(value, "index", messages);
  const trend = before === after ? "unchanged" : value > baseline ? "raised" : "lowered";
  return { trend, before, after };
}

/**
 * The plain-language summary of a scenario in a year, generated from its parameters and results: what it takes,
 * the pool it moves from how many hubs to how many, how it moves the funding Gini; then how the pool is spent.
 */
export function scenarioSummary(entry: ScenarioIndexEntry, year: number, messages: Messages): string[] {
  const summary = entry.summary.find((candidate) => candidate.year === year);
  if (!summary) throw new Error(`scenario ${entry.id} has no summary for ${year}`);
  const { contribution, allocation } = entry.parameters;
  const share = contribution.global_fund_reallocation;
  const rate = contribution.local_revenue_rate;
  const noPool = !(summary.pool_usd > 0);
  return [
    messages.scenarioSentence({
      year,
      rate: rate > 0 || share === 0 ? formatRate(rate, messages) : null,
      floor:
        rate > 0 && contribution.floor_usd > 0 ? formatNumber(contribution.floor_usd, "usd", messages) : null,
      share: share > 0 ? formatRate(share, messages) : null,
      pool: noPool ? null : formatPool(summary.pool_usd, messages),
      from: summary.contributing_hubs,
      to: summary.receiving_hubs,
      gini: giniMove(summary, messages),
    }),
    messages.scenarioRuleSentence(
      allocation.rule,
      allocation.south_weight > 1
        ? numberFormat(messages.numberLocale).format(allocation.south_weight)
        : null,
    ),
  ];
}
