import { basename } from "node:path";
import { build, type Plugin } from "esbuild";
import { projectPath } from "../../functions/core/project-files.js";
import { CLIENT_FILE_NAME, type ClientFiles } from "./client-files.js";

/** The browser script's entry point. */
export const CLIENT_ENTRY = projectPath("site/client/site.ts");

/**
 * The validator page runs ingest's validation in the browser. Its only part that needs Node is the checking of a
 * redistribution scenario (a JSON schema compiled by ajv, read from `queries/`): the page answers a scenario with
 * `site/check/scenario-upload-browser.ts` instead (see there).
 */
const browserValidation: Plugin = {
  name: "browser-validation",
  setup(plugin) {
    plugin.onResolve({ filter: /scenario-upload\.js$/ }, () => ({
      path: projectPath("site/check/scenario-upload-browser.ts"),
    }));
  },
};

/**
 * Bundles the browser script into minified ES modules: `site.js` (filters and URL, a few KiB) and a
 * chunk with Vega's runtime and vega-interpreter that it imports only when a page has a chart to
 * draw, and one with the validator page (`check-page.ts`), which `check.html` alone loads. Needs esbuild, a development dependency: the CLI bundles at build time, and the Lambda that
 * publishes the site gets the files prebuilt beside its code (see `write-bundle.ts`).
 */
export async function bundleClientScript(): Promise<ClientFiles> {
  const result = await build({
    entryPoints: { site: CLIENT_ENTRY },
    bundle: true,
    splitting: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: ["es2020"],
    outdir: projectPath(".observatory/client"),
    chunkNames: "site-[hash]",
    write: false,
    legalComments: "none",
    logLevel: "silent",
    plugins: [browserValidation],
  });
  const files: Record<string, string> = {};
  for (const output of result.outputFiles) {
    const name = basename(output.path);
    if (!CLIENT_FILE_NAME.test(name)) throw new Error(`esbuild produced an unexpected browser file ${name}`);
    files[name] = output.text;
  }
  if (!files["site.js"]) throw new Error("esbuild produced no site.js");
  return files;
}
