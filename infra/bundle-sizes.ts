import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { deflateRawSync } from "node:zlib";
import { AWS_CUSTOM_RESOURCE_PROVIDER } from "./constructs/upload-api.js";

/** One Lambda function's bundle in a cloud assembly. */
export interface BundleSize {
  /** The function's construct path, e.g. `EquityObservatory/Ingest/IngestUpload/Function`. */
  readonly functionPath: string;
  /** The asset folder, relative to the assembly. */
  readonly assetDir: string;
  readonly files: number;
  /** Bytes of `index.mjs`, the bundled code. */
  readonly codeBytes: number;
  /** Bytes of every file of the bundle, as deployed (Lambda's limit is 250 MB unzipped). */
  readonly totalBytes: number;
  /** Estimated bytes of the deployment zip (Lambda's limit is 50 MB for a direct upload). */
  readonly zippedBytes: number;
}

interface TemplateResource {
  readonly Type: string;
  readonly Metadata?: Record<string, unknown>;
}

/**
 * The bundle of every Lambda function of every stack template in the cloud assembly `outdir`, found through the
 * `aws:asset:path` metadata the CLI writes next to each function. CDK's own deployment-time function (the provider of
 * AwsCustomResource calls, which ships CDK's code, not ours) is left out.
 */
export function bundleSizes(outdir: string): BundleSize[] {
  const sizes: BundleSize[] = [];
  for (const templateFile of readdirSync(outdir).filter((name) => name.endsWith(".template.json"))) {
    const template = JSON.parse(readFileSync(join(outdir, templateFile), "utf8")) as {
      Resources?: Record<string, TemplateResource>;
    };
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      const assetPath = resource.Metadata?.["aws:asset:path"];
      if (resource.Type !== "AWS::Lambda::Function" || typeof assetPath !== "string") continue;
      const assetDir = join(outdir, assetPath);
      if (!statSync(assetDir, { throwIfNoEntry: false })?.isDirectory()) continue;
      const files = filesUnder(assetDir);
      const cdkPath = resource.Metadata?.["aws:cdk:path"];
      if (typeof cdkPath === "string" && cdkPath.split("/")[1] === AWS_CUSTOM_RESOURCE_PROVIDER) continue;
      sizes.push({
        functionPath: typeof cdkPath === "string" ? cdkPath.replace(/\/Resource$/, "") : logicalId,
        assetDir: relative(outdir, assetDir),
        files: files.length,
        codeBytes: statSync(join(assetDir, "index.mjs"), { throwIfNoEntry: false })?.size ?? 0,
        totalBytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
        zippedBytes: files.reduce((sum, file) => sum + deflateRawSync(readFileSync(file)).length, 0),
      });
    }
  }
  return sizes.sort((a, b) => a.functionPath.localeCompare(b.functionPath));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const mebibytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(2)} MiB`;

/** The sizes as a table, one function per line. */
export function formatBundleSizes(sizes: readonly BundleSize[]): string {
  const rows = sizes.map((size) => [
    size.functionPath,
    mebibytes(size.codeBytes),
    mebibytes(size.totalBytes),
    mebibytes(size.zippedBytes),
    String(size.files),
  ]);
  const header = ["Lambda function", "index.mjs", "bundle", "zipped (est.)", "files"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
