import { parseArgs } from "node:util";
import { readManifest, withStatus } from "../../core/lake/manifest.js";
import { existingLake } from "../lake-folder.js";
import { terminalJson, visible } from "../terminal-text.js";
import { required } from "../usage-error.js";

/**
 * `observatory reports`: the lake's manifest, with each report's status (and each scenario's id, in a column of
 * its own when the lake holds scenarios). Every cell is escaped (see `visible`):
 * a manifest edited by hand cannot steer the terminal.
 */
export async function reportsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { lake: { type: "string" }, json: { type: "boolean", default: false } },
  });
  const records = withStatus(await readManifest(await existingLake(required(values.lake, "--lake"))));
  if (values.json) {
    console.log(terminalJson(records));
    return 0;
  }
  const withScenarios = records.some((r) => r.scenario_id !== undefined);
  const header = [
    "seq",
    "report_id",
    "kind",
    "hub_id",
    "period",
    ...(withScenarios ? ["scenario_id"] : []),
    "status",
    "rows",
    "uploaded_at",
    "uploader",
    "sha256",
  ];
  const lines = records.map((r) =>
    [
      String(r.seq),
      r.report_id,
      r.kind,
      r.hub_id ?? "-",
      r.period ?? "-",
      ...(withScenarios ? [r.scenario_id ?? "-"] : []),
      r.superseded_by ? `superseded by ${r.superseded_by}` : r.status,
      String(r.row_count),
      r.uploaded_at,
      r.uploader,
      r.sha256,
    ].map(visible),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  for (const line of [header, ...lines])
    console.log(
      line
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    );
  return 0;
}
