import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { computeDashboardData } from "../../functions/core/dashboards/dashboard-data.js";
import { loadFramework } from "../../functions/core/framework/framework.js";
import { computeIndicators } from "../../functions/core/indicators/compute.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { COUNCIL } from "../../functions/core/reporting/kinds.js";
import { DEFAULT_SAMPLE_YEARS, generateSample } from "../../functions/sample/generate.js";
import { ingestSamplePlan } from "../../functions/sample/ingest-plan.js";
import { SCENARIO } from "../../functions/sample/scenario.js";
import { tempDir } from "../helpers/temp.js";

const { allocationShortfall: shortfall, unreportedAllocation: unreported } = SCENARIO;

describe("the sample's allocations, reconciled by the dashboard data", () => {
  it("flags the hub that books less than it was allocated and the one that does not report its allocation", async () => {
    const dir = await tempDir();
    const samples = join(dir, "samples");
    const { uploads } = await generateSample({ outDir: samples, financialLines: 0 });
    const wanted = new Set([COUNCIL, "global-fund", shortfall.hub, unreported.hub]);
    const subset = uploads.filter(
      (upload) =>
        upload.expect === "accepted" &&
        wanted.has(upload.uploader) &&
        (upload.uploader === COUNCIL || upload.kind === "financial"),
    );
    for await (const { upload, outcome } of ingestSamplePlan(samples, subset, join(dir, "lake")))
      expect(outcome.status, upload.file).toBe("accepted");

    const countries = bundledCountryTable();
    const engine = await DuckDbEngine.open({ lake: new FolderStore(join(dir, "lake")), countries });
    try {
      await computeIndicators(engine, loadFramework(), { countries });
      const { allocations } = await computeDashboardData(engine, { frameworkVersion: "2026.1" });
      const of = (hub: string, yearIndex: number) =>
        allocations.find((row) => row.hub_id === hub && row.year === DEFAULT_SAMPLE_YEARS[yearIndex]);

      const gap = of(shortfall.hub, shortfall.yearIndex);
      expect(gap?.state).toBe("gap");
      expect(gap?.received_usd).toBeCloseTo((gap?.allocated_usd ?? 0) * shortfall.bookedShare, -1);
      expect(gap?.gap_usd).toBeLessThan(0);
      expect(of(unreported.hub, unreported.yearIndex)).toMatchObject({
        state: "not-reported",
        received_usd: 0,
        received_lines: 0,
      });
      expect(of(unreported.hub, unreported.yearIndex)?.allocated_usd).toBeGreaterThan(0);

      const others = allocations.filter(
        (row) =>
          (row.hub_id === shortfall.hub || row.hub_id === unreported.hub) &&
          row !== gap &&
          row !== of(unreported.hub, unreported.yearIndex),
      );
      expect(others).toHaveLength(2 * DEFAULT_SAMPLE_YEARS.length - 2);
      for (const row of others) expect(row.state, `${row.hub_id} ${row.year}`).toBe("matched");
      expect(
        uploads.find((u) => u.uploader === shortfall.hub && u.file.includes(`financial-${gap?.year}`))?.why,
      ).toMatch(/only part of its allocation/);
    } finally {
      await engine.close();
    }
  });
});
