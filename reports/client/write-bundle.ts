/**
 * Writes the browser script to the path given as the only argument. The CDK bundling of the
 * publish function runs this so that the Lambda ships `site.js` prebuilt and needs no esbuild.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { bundleClientScript } from "./bundle.js";

const target = process.argv[2];
if (!target) {
  console.error("usage: write-bundle.ts <output file>");
  process.exit(2);
}
await mkdir(dirname(target), { recursive: true });
await writeFile(target, await bundleClientScript());
