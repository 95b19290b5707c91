import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import {
  InconsistentPublicationError,
  publishIndicators,
  readPublishedIndicators,
} from "../../../functions/core/indicators/publish-indicators.js";
import { LakeReader } from "../../../functions/core/lake/lake-reader.js";
import type { ObjectBody, ObjectStore, PutOptions } from "../../../functions/ports/object-store.js";
import { financialCsv, lakeWithReference } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

describe("publishIndicators", () => {
  it("lists in reports.json exactly the reports the figures come from, though another was committed during the run", async () => {
    const lake = await lakeWithReference(await tempDir());
    const { countries } = lake.dependencies;
    const framework = loadFramework("2026.2");
    const first = await lake.ingest(
      financialCsv("wm-ng", "2025-Q1", ["grant,team_grant,100,USD,NG,t1,"]),
      "wm-ng",
    );
    expect(first.status).toBe("accepted");
    const reader = new LakeReader(lake.store);
    const engine = await DuckDbEngine.open({ lake: lake.store, countries, reader });
    const during = await lake.ingest(
      financialCsv("wm-ng", "2025-Q2", ["grant,team_grant,50,USD,NG,t2,"]),
      "wm-ng",
    );
    expect(during.status).toBe("accepted");
    try {
      const published = await publishIndicators(
        { engine, lake: lake.store, output: new FolderStore(await tempDir()), reader },
        { framework, countries },
      );
      const periods = published.reports.filter((report) => report.kind === "financial").map((r) => r.period);
      expect(periods).toEqual(["2025-Q1"]);
      const behind = published.dashboard.contributions.flatMap((c) => c.report_ids);
      expect(new Set(behind)).toEqual(
        new Set([published.reports.find((r) => r.period === "2025-Q1")?.report_id]),
      );
      const deployed = published.rows.find(
        (row) => row.indicator === "deployed_usd" && row.scope === "movement",
      );
      expect(deployed?.value).toBe(100);

      const afresh = await publishIndicators(
        { engine, lake: lake.store, output: new FolderStore(await tempDir()) },
        { framework, countries },
      );
      expect(afresh.reports.filter((r) => r.kind === "financial").map((r) => r.period)).toEqual([
        "2025-Q1",
        "2025-Q2",
      ]);
    } finally {
      await engine.close();
    }
  });

  it("writes run.json only after every other file is written, and none when one fails", async () => {
    const lake = await lakeWithReference(await tempDir());
    const { countries } = lake.dependencies;
    await lake.ingest(financialCsv("wm-ng", "2025-Q1", ["grant,team_grant,100,USD,NG,t1,"]), "wm-ng");
    const outDir = await tempDir();
    const finished: string[] = [];
    const output = new FolderStore(outDir);
    const failing: ObjectStore = Object.assign(Object.create(output), {
      put: async (key: string, body: ObjectBody, options?: PutOptions) => {
        if (key === "reports.json") throw new Error("disk full");
        await output.put(key, body, options);
        finished.push(key);
      },
    });
    const engine = await DuckDbEngine.open({ lake: lake.store, countries });
    try {
      await expect(
        publishIndicators(
          { engine, lake: lake.store, output: failing },
          { framework: loadFramework("2026.2"), countries },
        ),
      ).rejects.toThrow("disk full");
      expect(finished.sort()).toEqual(["dashboard.json", "indicators.csv", "indicators.parquet"]);
      expect(await output.get("run.json")).toBeUndefined();

      const published = await publishIndicators(
        { engine, lake: lake.store, output },
        { framework: loadFramework("2026.2"), countries },
      );
      expect((await readPublishedIndicators(output)).reports).toEqual(published.reports);
      await writeFile(join(outDir, "reports.json"), '[{"report_id": "r-1"}]\n');
      await expect(readPublishedIndicators(output)).rejects.toThrow(
        new InconsistentPublicationError(
          "reports.json",
          "report 1 is not a report with report_id, seq, kind, status and superseded_by",
        ),
      );
    } finally {
      await engine.close();
    }
  });
});
