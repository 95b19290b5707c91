import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { type IngestOutcome, ingestReport } from "../../functions/core/ingest.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import type { UploadKind } from "../../functions/core/reporting/kinds.js";

/** A small registry: the global fund, two regional hubs and a thematic one that starts in 2025. */
export const HUBS_CSV = `hub_id,name,kind,country,active_from,active_to
global-fund,Global Fund,global,US,2020,
wm-ng,Wikimedia Nigeria,regional,NG,2020,
wm-de,Wikimedia Deutschland,regional,DE,2020,
wm-edu,Education Hub,thematic,BR,2025,
`;

export const FX_CSV = `currency,year,usd_per_unit
EUR,2024,1.08
EUR,2025,1.1
NGN,2024,0.0007
NGN,2025,0.00065
BRL,2025,0.2
`;

/** A financial report of a hub for a period, from `flow,category,amount,currency,country` lines. */
export function financialCsv(hub: string, period: string, lines: readonly string[]): string {
  return `hub_id,period,flow,category,amount,currency,country,counterparty_id,underrepresented_focus\n${lines
    .map((line) => `${hub},${period},${line}`)
    .join("\n")}\n`;
}

/** An impact report of a hub for a period, from `country,metric,value,language` lines. */
export function impactCsv(hub: string, period: string, lines: readonly string[]): string {
  return `hub_id,period,country,metric,value,language\n${lines.map((line) => `${hub},${period},${line}`).join("\n")}\n`;
}

export const encode = (text: string) => new TextEncoder().encode(text);

/** A lake in a folder, with the use-case's dependencies and a fixed clock. */
export function lakeAt(root: string) {
  const store = new FolderStore(root);
  let tick = 0;
  const dependencies = {
    store,
    countries: bundledCountryTable(),
    clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
  };
  const ingest = (
    text: string,
    uploader: string,
    fileName = "report.csv",
    kind?: UploadKind,
  ): Promise<IngestOutcome> => ingestReport(dependencies, { fileName, bytes: encode(text), uploader, kind });
  return { store, dependencies, ingest };
}

/** A lake with the registry and exchange rates already uploaded by the council. */
export async function lakeWithReference(root: string) {
  const lake = lakeAt(root);
  for (const [text, name] of [
    [HUBS_CSV, "hubs.csv"],
    [FX_CSV, "fx.csv"],
  ] as const) {
    const outcome = await lake.ingest(text, "council", name);
    if (outcome.status !== "accepted")
      throw new Error(`reference data rejected: ${JSON.stringify(outcome.problems)}`);
  }
  return lake;
}

/**
 * A lake of one hub, Nigeria's, with 100,000 NGN of local revenue, 50,000 NGN of programs and 40 participants in
 * 2025: too small for a pool to find a country to receive it.
 */
export async function oneHubLake(root: string) {
  const lake = await lakeWithReference(root);
  await lake.ingest(
    financialCsv("wm-ng", "2025", [
      "revenue,local_fundraising,100000,NGN,NG,,",
      "expense,programs,50000,NGN,NG,,",
    ]),
    "wm-ng",
  );
  await lake.ingest(impactCsv("wm-ng", "2025", ["NG,participants,40,"]), "wm-ng");
  return lake;
}

/** Every file below a folder with its bytes, to compare a lake before and after. */
export async function snapshot(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(path.slice(root.length), (await readFile(path)).toString("base64"));
    }
  };
  await walk(root);
  return files;
}
