/**
 * Writes the browser files into the folder given as the only argument. The CDK bundling of the
 * publish function runs this so that the Lambda ships them prebuilt and needs no esbuild.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { bundleClientScript } from "./bundle.js";

const target = process.argv[2];
if (!target) {
  console.error("usage: write-bundle.ts <output folder>");
  process.exit(2);
}
await mkdir(target, { recursive: true });
for (const [name, text] of Object.entries(await bundleClientScript()))
  await writeFile(join(target, name), text);
