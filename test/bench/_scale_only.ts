import { scaleBench } from "./scale.js";

const figure = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
await scaleBench({ reports: Number(process.argv[2] ?? 40000), dir: "/tmp/bench-scale", figure });
console.log("peak", Math.round(process.resourceUsage().maxRSS / 1024), "MiB");
