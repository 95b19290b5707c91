import type {
  ContributionBasis,
  DashboardData,
  HubEntry,
  ReportContribution,
} from "../../functions/core/dashboards/dashboard-data.js";
import type { Framework, Scope } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import type { ManifestRecord } from "../../functions/core/lake/manifest.js";
import type { CountryTable } from "../../functions/core/reference/countries.js";
import { scopeIdOrder } from "../figures/order.js";

/** The rows fit to publish, and how many were held back. */
export interface PublishableRows {
  readonly rows: readonly IndicatorRow[];
  /** Rows dropped: protected or unknown countries, hubs seated in one, and scopes the framework does not declare. */
  readonly withheld: number;
}

const SCOPE_ORDER: readonly Scope[] = ["movement", "region", "hub", "country"];

/**
 * Applies the publication rules to computed rows, defensively, whatever upstream already did:
 * nothing at country scope for a protected country (or a code the country table does not know),
 * nothing at hub scope for a hub seated in one (or a hub the registry `hubs` does not know), nothing
 * at a scope the framework does not declare for the indicator, and a suppressed row never carries a
 * value. Rows from another framework version, for an unknown indicator, or repeated,
 * mean the inputs do not belong together: that is an error.
 *
 * The result is ordered as the site shows it: framework order, then scope, scope id and year.
 */
export function publishableRows(
  framework: Framework,
  rows: readonly IndicatorRow[],
  countries: CountryTable,
  hubs: readonly Pick<HubEntry, "hub_id" | "country">[],
): PublishableRows {
  const seats = new Map(hubs.map((hub) => [hub.hub_id, hub.country]));
  const open = (country: string | undefined) =>
    country !== undefined && countries.byCode.get(country)?.isProtected === false;
  const indicators = new Map(framework.indicators.map((indicator, i) => [indicator.id, { indicator, i }]));
  const seen = new Set<string>();
  const published: IndicatorRow[] = [];
  for (const row of rows) {
    if (row.framework_version !== framework.version) {
      throw new Error(
        `indicator row for ${row.indicator} is from framework ${row.framework_version}, not ${framework.version}`,
      );
    }
    const known = indicators.get(row.indicator);
    if (!known) throw new Error(`indicator row for unknown indicator ${row.indicator}`);
    const key = JSON.stringify([row.indicator, row.year, row.scope, row.scope_id]);
    if (seen.has(key)) throw new Error(`indicator row ${key} appears twice`);
    seen.add(key);
    if (!known.indicator.scopes.includes(row.scope)) continue;
    if (row.scope === "country" && !open(row.scope_id)) continue;
    if (row.scope === "hub" && !open(seats.get(row.scope_id))) continue;
    const value = row.suppressed || row.value === null || !Number.isFinite(row.value) ? null : row.value;
    published.push({ ...row, value });
  }
  const order = scopeIdOrder(countries);
  const position = (id: string) => indicators.get(id)?.i ?? 0;
  published.sort(
    (a, b) =>
      position(a.indicator) - position(b.indicator) ||
      SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope) ||
      order(a.scope, a.scope_id, b.scope_id) ||
      a.year - b.year,
  );
  return { rows: published, withheld: rows.length - published.length };
}

/** A report as the evidence page publishes it: no file name or storage keys, which are internal. */
export interface EvidenceReport {
  readonly report_id: string;
  readonly kind: string;
  readonly hub_id: string | null;
  readonly period: string | null;
  readonly year: number | null;
  readonly sha256: string;
  readonly uploader: string;
  readonly uploaded_at: string;
  readonly row_count: number;
  readonly status: "current" | "superseded";
  readonly superseded_by: string | null;
}

/** The evidence list as published: each report's public fields, in upload order. */
export function evidenceReports(records: readonly ManifestRecord[]): EvidenceReport[] {
  return [...records]
    .sort((a, b) => a.seq - b.seq)
    .map((record) => ({
      report_id: record.report_id,
      kind: record.kind,
      hub_id: record.hub_id,
      period: record.period,
      year: record.year,
      sha256: record.sha256,
      uploader: record.uploader,
      uploaded_at: record.uploaded_at,
      row_count: record.row_count,
      status: record.status,
      superseded_by: record.superseded_by,
    }));
}

/** The ways of counting reports that a framework's figures use: movement always, the others where it has the scope. */
function basesOf(framework: Framework): Set<ContributionBasis> {
  const bases = new Set<ContributionBasis>(["movement"]);
  for (const indicator of framework.indicators) {
    if (indicator.scopes.includes("region")) bases.add(indicator.region_by === "seat" ? "seat" : "lines");
    if (indicator.scopes.includes("hub")) bases.add("hub");
    if (indicator.scopes.includes("country")) bases.add("country");
  }
  return bases;
}

/**
 * The dashboard data fit to publish, whatever upstream already did: a hub's seat is kept only where the
 * country table knows it and it is not protected (hub pages then say the seat is withheld); the
 * reconciliation leaves out hubs seated in a protected country (what the global fund allocated to them, and
 * what they received, are their country's figures); the reports behind figures are kept only for the ways
 * of counting the framework uses, never for a protected or unknown country, nor for the hub or seat region
 * of a hub seated in one. Everything must come from the framework version the indicators were computed with.
 */
export function publishableDashboard(
  framework: Framework,
  data: DashboardData,
  countries: CountryTable,
  reports: readonly Pick<ManifestRecord, "report_id" | "hub_id">[],
): DashboardData {
  if (data.framework_version !== framework.version)
    throw new Error(`dashboard data is from framework ${data.framework_version}, not ${framework.version}`);
  const open = (country: string | undefined) =>
    country !== undefined && countries.byCode.get(country)?.isProtected === false;
  const seatOf = new Map(data.hubs.map((hub) => [hub.hub_id, hub.country]));
  const hubOf = new Map(reports.map((report) => [report.report_id, report.hub_id ?? ""]));
  const bases = basesOf(framework);
  const publishable = (contribution: ReportContribution): ReportContribution[] => {
    if (!bases.has(contribution.basis)) return [];
    switch (contribution.basis) {
      case "country":
        return open(contribution.scope_id) ? [contribution] : [];
      case "hub":
        return open(seatOf.get(contribution.scope_id)) ? [contribution] : [];
      case "seat": {
        const reportIds = contribution.report_ids.filter((id) => open(seatOf.get(hubOf.get(id) ?? "")));
        return reportIds.length === 0 ? [] : [{ ...contribution, report_ids: reportIds }];
      }
      default:
        return [contribution];
    }
  };
  return {
    ...data,
    hubs: data.hubs.map((hub) => (open(hub.country) ? hub : { ...hub, country: "" })),
    allocations: data.allocations.filter((row) => open(seatOf.get(row.hub_id))),
    contributions: data.contributions.flatMap(publishable),
  };
}
