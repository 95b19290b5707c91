import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { ingestReport } from "../../functions/core/ingest.js";
import { LakeReader } from "../../functions/core/lake/lake-reader.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { reportCsv } from "./scale-lake.js";

const root = "/tmp/bench-scale/scale-lake";
for (const variant of [1, 2, 3].map((i) => (Date.now() % 100000) * 10 + i)) {
  const store = new FolderStore(root);
  const t0 = performance.now();
  const reader = new LakeReader(store);
  await reader.manifest();
  const t1 = performance.now();
  const outcome = await ingestReport(
    { store, countries: bundledCountryTable(), reader },
    {
      fileName: "x.csv",
      bytes: new TextEncoder().encode(
        reportCsv({ hub: 7, year: 2025, quarter: 4, kind: "financial" }, variant),
      ),
      uploader: "hub-0007",
      receivedAt: new Date(Date.UTC(2026, 6, 1, 0, 0, variant)),
    },
  );
  console.log(
    outcome.status,
    "read manifest",
    Math.round(t1 - t0),
    "ms; ingest after",
    Math.round(performance.now() - t1),
    "ms",
  );
}
