/**
 * Which reports stand behind a figure. Every figure belongs to one scope instance (the movement, a region
 * counted by its lines' countries or by its hubs' seats, a hub, a country) and one year; the compute step
 * lists the current reports that fed each instance (`dashboard.contributions`). A figure links to the evidence
 * page with its instance's key and year, and the evidence page lists exactly those reports.
 */
import type {
  ContributionBasis,
  ReportContribution,
} from "../../functions/core/dashboards/dashboard-data.js";
import type { IndicatorDefinition, Scope } from "../../functions/core/framework/framework.js";

/** A scope instance as the evidence page names it: `<basis>:<scope id>`, e.g. `seat:South Asia`. */
export type EvidenceKey = `${ContributionBasis}:${string}`;

/** The reports behind one scope instance in one year (or in every year when `year` is absent). */
export interface EvidenceTarget {
  readonly behind: EvidenceKey;
  readonly year?: number;
}

/** The separator of keys in a report's `data-behind` attribute; no scope id may contain it. */
export const KEY_SEPARATOR = "|";

/** The key of a scope instance counted by `basis`. */
export function evidenceKey(basis: ContributionBasis, scopeId: string): EvidenceKey {
  if (scopeId.includes(KEY_SEPARATOR))
    throw new Error(`scope id ${JSON.stringify(scopeId)} cannot name evidence: it contains ${KEY_SEPARATOR}`);
  return `${basis}:${scopeId}`;
}

/** How an indicator's figure at `scope` counts its reports: regions by lines or by seat, as the framework says. */
export function basisOf(indicator: Pick<IndicatorDefinition, "region_by">, scope: Scope): ContributionBasis {
  switch (scope) {
    case "movement":
      return "movement";
    case "region":
      return indicator.region_by === "seat" ? "seat" : "lines";
    case "hub":
      return "hub";
    case "country":
      return "country";
  }
}

/** The reports behind an indicator's figure for a scope instance and year. */
export function figureEvidence(
  indicator: Pick<IndicatorDefinition, "region_by">,
  scope: Scope,
  scopeId: string,
  year: number,
): EvidenceTarget {
  return { behind: evidenceKey(basisOf(indicator, scope), scopeId), year };
}

/** The reports behind the movement's figures of a year. */
export function movementEvidence(year?: number): EvidenceTarget {
  return { behind: evidenceKey("movement", "movement"), ...(year === undefined ? {} : { year }) };
}

/** The contributions as lookups: each report's keys, and each instance's reports of a year. */
export interface EvidenceIndex {
  /** The keys of the instances a report fed, in the order of the contributions. */
  keysOf(reportId: string): readonly EvidenceKey[];
  /** The reports behind an instance in a year, in the order of the contributions. */
  reportsBehind(target: Required<EvidenceTarget>): readonly string[];
}

/** Indexes the contributions by report and by instance and year. */
export function evidenceIndex(contributions: readonly ReportContribution[]): EvidenceIndex {
  const byReport = new Map<string, EvidenceKey[]>();
  const byTarget = new Map<string, string[]>();
  for (const contribution of contributions) {
    const key = evidenceKey(contribution.basis, contribution.scope_id);
    for (const reportId of contribution.report_ids) {
      const keys = byReport.get(reportId) ?? [];
      if (!keys.includes(key)) keys.push(key);
      byReport.set(reportId, keys);
    }
    const target = `${contribution.year}\u0000${key}`;
    const behind = byTarget.get(target);
    if (behind) behind.push(...contribution.report_ids);
    else byTarget.set(target, [...contribution.report_ids]);
  }
  return {
    keysOf: (reportId) => byReport.get(reportId) ?? [],
    reportsBehind: (target) => byTarget.get(`${target.year}\u0000${target.behind}`) ?? [],
  };
}
