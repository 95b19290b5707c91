/**
 * Scenarios are evidence too: the Global Council uploads a scenario file with ingest, recognised by its content;
 * it lands byte for byte under its SHA-256 in the raw zone, its curated form (defaults written out) beside the
 * curated tables, and a manifest entry that names its id, so that a later upload with the same id supersedes it
 * while the older one stays as evidence. A hub cannot upload one.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readManifest, withStatus } from "../../../functions/core/lake/manifest.js";
import { financialCsv, impactCsv, lakeWithReference, snapshot } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

const SCENARIO = {
  scenario: "1",
  id: "solidarity-5",
  title: "5% solidarity contribution",
  description: "A test policy.",
  contribution: { local_revenue_rate: 0.05 },
  allocation: { rule: "per_editor" },
};
const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

async function lakeWithReports() {
  const root = await tempDir();
  const lake = Object.assign(await lakeWithReference(root), { root });
  await lake.ingest(financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]), "wm-ng");
  await lake.ingest(impactCsv("wm-ng", "2025", ["NG,active_editors,12,"]), "wm-ng");
  return lake;
}

describe("ingesting a scenario file", () => {
  it("keeps the Council's file byte for byte under its SHA-256, its curated form, and a manifest entry naming its id", async () => {
    const lake = await lakeWithReports();
    const file = text(SCENARIO);
    const outcome = await lake.ingest(file, "council", "solidarity.json");
    expect(outcome.status).toBe("accepted");
    if (outcome.status !== "accepted") return;
    const hash = sha256(file);
    expect(outcome.kind).toBe("scenario");
    expect(outcome.problems).toEqual([]);
    expect(outcome.entry).toMatchObject({
      kind: "scenario",
      scenario_id: "solidarity-5",
      hub_id: null,
      period: null,
      year: null,
      sha256: hash,
      uploader: "council",
      row_count: 1,
      file_name: "solidarity.json",
      raw_key: `raw/council/${hash}.json`,
      curated_key: `curated/scenario/r-${hash.slice(0, 16)}.json`,
    });
    expect(new TextDecoder().decode(await lake.store.get(`raw/council/${hash}.json`))).toBe(file);
    expect(JSON.parse(new TextDecoder().decode(await lake.store.get(outcome.entry.curated_key)))).toEqual({
      ...SCENARIO,
      contribution: { local_revenue_rate: 0.05, floor_usd: 0, global_fund_reallocation: 0 },
      allocation: { rule: "per_editor", south_weight: 1 },
    });
  });

  it("takes the same bytes again for a duplicate, and changes nothing", async () => {
    const lake = await lakeWithReports();
    await lake.ingest(text(SCENARIO), "council", "a.json");
    const before = await snapshot(lake.root);
    const again = await lake.ingest(text(SCENARIO), "council", "b.json");
    expect(again.status).toBe("duplicate");
    expect(await snapshot(lake.root)).toEqual(before);
  });

  it("supersedes an earlier upload with the same id, which stays as evidence; another id stands beside them", async () => {
    const lake = await lakeWithReports();
    const first = await lake.ingest(text(SCENARIO), "council", "v1.json");
    const second = await lake.ingest(
      text({ ...SCENARIO, contribution: { local_revenue_rate: 0.1 } }),
      "council",
      "v2.json",
    );
    const other = await lake.ingest(text({ ...SCENARIO, id: "other-policy" }), "council", "other.json");
    expect(second.status === "accepted" && second.supersedes?.report_id).toBe(
      first.status === "accepted" && first.entry.report_id,
    );
    expect(other.status === "accepted" && other.supersedes).toBeUndefined();
    const scenarios = withStatus(await readManifest(lake.store)).filter((e) => e.kind === "scenario");
    expect(scenarios.map((e) => [e.file_name, e.scenario_id, e.status, e.superseded_by])).toEqual([
      ["v1.json", "solidarity-5", "superseded", second.status === "accepted" && second.entry.report_id],
      ["v2.json", "solidarity-5", "current", null],
      ["other.json", "other-policy", "current", null],
    ]);
    for (const entry of scenarios) expect(await lake.store.get(entry.raw_key)).toBeDefined();
  });

  it("refuses a scenario from a hub, and changes nothing", async () => {
    const lake = await lakeWithReports();
    const before = await snapshot(lake.root);
    const outcome = await lake.ingest(text(SCENARIO), "wm-ng", "mine.json");
    expect(outcome).toMatchObject({
      status: "rejected",
      kind: "scenario",
      problems: [
        {
          severity: "error",
          code: "scenarioNotCouncil",
          message:
            'only the Global Council uploads scenarios, not "wm-ng": a scenario is a policy the Council tests',
        },
      ],
    });
    expect(await snapshot(lake.root)).toEqual(before);
  });

  it("refuses a bad scenario with every problem, years checked against the lake's financial reports", async () => {
    const lake = await lakeWithReports();
    const outcome = await lake.ingest(
      text({ ...SCENARIO, years: [2024, 2025], contribution: { local_revenue_rate: 5 } }),
      "council",
      "bad.json",
    );
    expect(outcome.status).toBe("rejected");
    expect(outcome.problems.map((problem) => problem.message)).toEqual([
      "years: 2024 has no current financial reports in the lake (years with reports: 2025)",
      "contribution.local_revenue_rate: must be a number from 0 to 1, not 5",
    ]);
  });

  it("reads a file named as a scenario with --kind as one, and a JSON file named as a report as CSV", async () => {
    const lake = await lakeWithReports();
    expect((await lake.ingest(text(SCENARIO), "council", "s.txt", "scenario")).status).toBe("accepted");
    const asFinancial = await lake.ingest(
      text({ ...SCENARIO, id: "another" }),
      "council",
      "s.csv",
      "financial",
    );
    expect(asFinancial.status).toBe("rejected");
    expect(asFinancial.kind).toBe("financial");
  });
});
