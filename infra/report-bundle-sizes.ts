import { bundleSizes, formatBundleSizes } from "./bundle-sizes.js";

/** Prints the size of every Lambda bundle of a synthesised cloud assembly: `report-bundle-sizes.ts [cdk.out]`. */
const outdir = process.argv[2] ?? "cdk.out";
const sizes = bundleSizes(outdir);
if (sizes.length === 0) {
  console.error(`no bundled Lambda function found in ${outdir}; run \`cdk synth\` first`);
  process.exit(1);
}
console.log(formatBundleSizes(sizes));
