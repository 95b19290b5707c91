import { DuckDbEngine } from "../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { computeDashboardData } from "../../functions/core/dashboards/dashboard-data.js";
import { loadFramework } from "../../functions/core/framework/framework.js";
import { loadStages, readQuery } from "../../functions/core/indicators/compute.js";
import { assertLakeIntegrity } from "../../functions/core/lake/integrity.js";
import { readManifest, withStatus } from "../../functions/core/lake/manifest.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";

const lake = new FolderStore(process.argv[2] ?? "/tmp/bench-scale/scale-lake");
let t = performance.now();
const lap = (label: string) => {
  console.log(label.padEnd(30), (performance.now() - t).toFixed(0), "ms");
  t = performance.now();
};
const engine = await DuckDbEngine.open({ lake, countries: bundledCountryTable(), memoryLimit: "3GB" });
lap("open");
for (const [name, sql] of loadStages()) {
  await engine.stage(name, sql);
  lap(`stage ${name}`);
}
await assertLakeIntegrity(engine, { lake });
lap("integrity");
for (const q of ["checks/unconverted_lines.sql", "checks/region_participants.sql"]) {
  await engine.query(readQuery(q));
  lap(q);
}
let total = 0;
for (const i of loadFramework().indicators) {
  const s = performance.now();
  await engine.query(readQuery(i.query));
  total += performance.now() - s;
}
t = performance.now() - 0;
console.log("indicators".padEnd(30), total.toFixed(0), "ms");
t = performance.now();
await computeDashboardData(engine, { frameworkVersion: "2026.1" });
lap("dashboards");
const reports = withStatus(await readManifest(lake));
lap("reports.json records");
JSON.stringify(reports, null, 1);
lap("reports.json text");
await engine.close();
