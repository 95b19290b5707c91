/** The fixture site the validator page's browser tests build: the site fixture plus the hub their files are of. */
import type { HubEntry } from "../../functions/core/dashboards/dashboard-data.js";
import { loadFramework } from "../../functions/core/framework/framework.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import type { SiteInput } from "../../site/build/build-site.js";
import { bundleClientScript } from "../../site/client/bundle.js";
import { FIXTURE_DASHBOARD, FIXTURE_REPORTS } from "../site/fixtures/dashboard.js";
import {
  FIXTURE_GENERATED_AT,
  FIXTURE_K,
  FIXTURE_ROWS,
  FIXTURE_VERSION,
} from "../site/fixtures/indicator-rows.js";

/** The hub the validator page's fixture files are of, added to the fixture registry. */
export const WM_NG: HubEntry = {
  hub_id: "wm-ng",
  name: "Wikimedia Nigeria",
  kind: "regional",
  country: "NG",
  region: "Sub-Saharan Africa",
  active_from: 2021,
  active_to: null,
};

/** The site fixture with {@link WM_NG} registered, its client script bundled; `extra` adds or overrides fields. */
export async function checkableSiteInput(extra: Partial<SiteInput> = {}): Promise<SiteInput> {
  return {
    framework: loadFramework(FIXTURE_VERSION),
    frameworks: [loadFramework("2026.1"), loadFramework(FIXTURE_VERSION)],
    indicators: FIXTURE_ROWS,
    dashboard: { ...FIXTURE_DASHBOARD, hubs: [...FIXTURE_DASHBOARD.hubs, WM_NG] },
    reports: FIXTURE_REPORTS,
    countries: bundledCountryTable(),
    generatedAt: FIXTURE_GENERATED_AT,
    k: FIXTURE_K,
    clientFiles: await bundleClientScript(),
    ...extra,
  };
}
