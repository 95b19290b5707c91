import { readFileSync } from "node:fs";
import { openFileSource } from "../functions/adapters/local/file-source.js";
import { bundledCountryTable } from "../functions/core/reference/countries.js";
import { validateUpload } from "../functions/core/reporting/validate.js";

const f = await openFileSource(process.argv[2] ?? "/tmp/exp/sst.xlsx");
const reference = { hubs: undefined, hasRate: () => true, ratesOf: () => new Map() };
const t0 = performance.now();
const r = await validateUpload(f.source.chunks(), {
  uploader: "dach",
  countries: bundledCountryTable(),
  reference,
  now: new Date(),
  expectedBytes: f.source.size,
});
console.log(r.problems[0]?.message.slice(0, 100), ((performance.now() - t0) / 1000).toFixed(1), "s");
console.log("VmHWM", /VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);
