import { rm } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateSample } from "../../sample/generate.js";
import { ingestExampleScenarios, ingestSamplePlan } from "../../sample/ingest-plan.js";
import { wholeNumber } from "../usage-error.js";
import { buildSiteFromPublished } from "./build.js";
import { computeFromLake } from "./compute.js";
import { describeOutcome } from "./ingest.js";
import { serveUntilInterrupted } from "./serve.js";
import { describeYear } from "./simulate.js";

/** The folders the demo owns inside its working folder; only these are removed when it starts again. */
const DEMO_FOLDERS = ["samples", "lake", "out", "site"] as const;

/** `observatory demo`: sample movement → ingest → compute → build → serve, with no network and no cloud. */
export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      dir: { type: "string", default: join(".observatory", "demo") },
      port: { type: "string" },
      seed: { type: "string" },
      lines: { type: "string" },
      "no-serve": { type: "boolean", default: false },
    },
  });
  const dir = values.dir;
  const port = wholeNumber(values.port, "--port", 8080, 0, 65535);
  const seed = wholeNumber(values.seed, "--seed", 2026);
  const financialLines = wholeNumber(values.lines, "--lines", 20_000, 1_000);
  const [samples, lakeDir, out, site] = DEMO_FOLDERS.map((name) => join(dir, name)) as [
    string,
    string,
    string,
    string,
  ];
  for (const folder of [samples, lakeDir, out, site]) await rm(folder, { recursive: true, force: true });

  console.log(`1/4 generating a sample movement (seed ${seed}) in ${samples}`);
  const sample = await generateSample({ outDir: samples, seed, financialLines });
  console.log(
    `    ${sample.hubs} hubs, ${sample.uploads.length} files, ${sample.financialLines.toLocaleString("en")} financial lines, ${sample.impactLines.toLocaleString("en")} impact lines`,
  );

  console.log(`2/4 ingesting into ${lakeDir}`);
  const tally = { accepted: 0, duplicate: 0, rejected: 0 };
  const surprises: string[] = [];
  for await (const { upload, outcome } of ingestSamplePlan(samples, sample.uploads, lakeDir)) {
    tally[outcome.status]++;
    if (outcome.status !== upload.expect)
      surprises.push(
        `${upload.file}: expected ${upload.expect}, got ${outcome.status}\n${describeOutcome(outcome)}`,
      );
    else if (outcome.status !== "accepted" || outcome.supersedes)
      console.log(`    ${upload.why}\n${indent(describeOutcome(outcome))}`);
  }
  console.log(
    `    ${tally.accepted} accepted, ${tally.duplicate} duplicate, ${tally.rejected} rejected (as planned)`,
  );
  for await (const { file, outcome } of ingestExampleScenarios(lakeDir)) {
    console.log(
      `    the Global Council uploads a redistribution scenario to test\n${indent(describeOutcome(outcome))}`,
    );
    if (outcome.status !== "accepted") surprises.push(`${file}: expected accepted, got ${outcome.status}`);
  }
  if (surprises.length > 0) {
    console.error(`the sample did not ingest as planned:\n${surprises.join("\n")}`);
    return 1;
  }

  console.log(`3/4 computing indicators → ${out}`);
  const published = await computeFromLake({ lake: lakeDir, out, k: 10 });
  console.log(`    ${published.rows.length} indicator rows in ${join(out, "indicators.csv")}`);
  for (const scenario of published.scenarios.index.scenarios) {
    console.log(`    scenario ${scenario.id} → ${join(out, scenario.files.figures)}`);
    for (const year of scenario.summary) console.log(`    ${describeYear(year)}`);
  }

  console.log(`4/4 building the dashboards → ${site}`);
  const built = await buildSiteFromPublished(published, site);
  console.log(`    ${built.pages.length} pages, ${built.specs} charts`);

  if (values["no-serve"]) return 0;
  await serveUntilInterrupted(site, port);
  return 0;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n");
}
