/**
 * What runs in production must be installable with `npm ci --omit=dev`: every package the command line, the
 * Lambda entry modules and the site builder import at run time is a dependency, never a devDependency. The
 * import graph is walked from the entry points by esbuild (static and dynamic imports; type-only imports
 * vanish as they do when tsx runs the sources), offline and without installing anything.
 */
import { readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url);
const ENTRY_POINTS = [
  "bin/observatory.mjs",
  "functions/cli/main.ts",
  "functions/handlers/ingest-upload.ts",
  "functions/handlers/upload-api.ts",
  "functions/handlers/compute-indicators.ts",
  "functions/handlers/compact-lake.ts",
  "functions/handlers/publish-site.ts",
  "site/build/build-site.ts",
];

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

async function importGraph(): Promise<Metafile> {
  const result = await build({
    absWorkingDir: new URL(ROOT).pathname,
    entryPoints: ENTRY_POINTS,
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outdir: "runtime-dependencies",
    logLevel: "silent",
  });
  return result.metafile;
}

describe("run-time dependencies", () => {
  it("every package imported at run time by the CLI, the Lambda handlers and the site builder is a dependency", async () => {
    const manifest = JSON.parse(await readFile(new URL("package.json", ROOT), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const graph = await importGraph();
    const importedBy = new Map<string, Set<string>>();
    for (const [file, input] of Object.entries(graph.inputs))
      for (const imported of input.imports) {
        if (!imported.external || isBuiltin(imported.path)) continue;
        const name = packageOf(imported.path);
        if (!importedBy.has(name)) importedBy.set(name, new Set());
        importedBy.get(name)?.add(file);
      }
    const sources = Object.keys(graph.inputs);
    expect(sources).toContain("site/vega/validate-spec.ts");
    expect(sources).toContain("functions/cli/commands/build.ts");
    expect([...importedBy.keys()]).toEqual(
      expect.arrayContaining(["ajv", "esbuild", "@duckdb/node-api", "tsx"]),
    );

    const notDependencies = [...importedBy]
      .filter(([name]) => !(name in manifest.dependencies))
      .map(([name, files]) => `${name} (imported by ${[...files].sort().join(", ")})`);
    expect(notDependencies).toEqual([]);
  });

  it("no run-time source loads a module past the import graph (createRequire, require)", async () => {
    const graph = await importGraph();
    const hidden: string[] = [];
    for (const file of Object.keys(graph.inputs)) {
      if (file.startsWith("node_modules/")) continue;
      const text = await readFile(new URL(file, ROOT), "utf8");
      if (/\bcreateRequire\s*\(|\brequire\s*\(|\brequire\.resolve\s*\(/.test(text)) hidden.push(file);
    }
    expect(hidden).toEqual([]);
  });
});
