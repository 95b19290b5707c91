import { build } from "esbuild";
import { projectPath } from "../../functions/core/project-files.js";

/** The browser script's entry point. */
export const CLIENT_ENTRY = projectPath("reports/client/site.ts");

/**
 * Bundles the browser script (`site.ts`, Vega's runtime and vega-interpreter) into one minified ES
 * module for `site.js`. Needs esbuild, a development dependency: the CLI bundles at build time,
 * and the Lambda that publishes the site gets the bundle prebuilt beside its code.
 */
export async function bundleClientScript(): Promise<string> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: ["es2020"],
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no browser script");
  return output.text;
}
