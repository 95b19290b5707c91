import { computeFromLake } from "../../functions/cli/commands/compute.js";

const t = performance.now();
await computeFromLake({
  lake: "/tmp/bench-scale/scale-lake",
  out: "/tmp/bench-scale/out-prof",
  memoryLimit: "3GB",
});
console.log("compute", ((performance.now() - t) / 1000).toFixed(2), "s");
