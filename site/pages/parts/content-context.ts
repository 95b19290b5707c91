import type { DashboardData } from "../../../functions/core/dashboards/dashboard-data.js";
import type { Framework } from "../../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../../functions/core/indicators/indicator-row.js";
import type { CountryTable } from "../../../functions/core/reference/countries.js";
import type { EvidenceReport } from "../../build/publishable.js";
import type { SiteScenario } from "../../figures/scenarios.js";
import type { PageContext } from "./page-layout.js";

/** What the content pages need besides the page context. */
export interface ContentContext extends PageContext {
  /** The published rows, already filtered and ordered (see `publishableRows`). */
  readonly rows: readonly IndicatorRow[];
  readonly dashboard: DashboardData;
  readonly reports: readonly EvidenceReport[];
  /** Every framework version, oldest first; the last is the one the figures were computed with. */
  readonly frameworks: readonly Framework[];
  readonly countries: CountryTable;
  readonly k: number;
  /** The published redistribution scenarios, fit to publish (see `siteScenarios`). */
  readonly scenarios: readonly SiteScenario[];
}
