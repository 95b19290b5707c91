import type { HubEntry } from "../../functions/core/dashboards/dashboard-data.js";

/** The hubs' names by id, for labels; an id the registry does not know stands for itself. */
export function hubNames(hubs: readonly HubEntry[]): (id: string) => string {
  const names = new Map(hubs.map((hub) => [hub.hub_id, hub.name]));
  return (id) => names.get(id) ?? id;
}
