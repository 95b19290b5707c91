import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import { indicatorsToCsv } from "../../../functions/core/indicators/indicators-file.js";
import { HANDCHECKED_FIXTURE, ingestHandchecked } from "../../helpers/handchecked.js";

/**
 * A published framework version never changes: `golden-2026.1-indicators.csv` is the `indicators.csv` that
 * framework 2026.1 made from the hand-checked fixture before 2026.2 was added. It was regenerated once, by hand,
 * when sums became exact decimals so that figures are byte-identical across runs and thread counts (issue #9): 18
 * of its 121 figures changed in the last digits (relative difference at most 5e-15), none otherwise. It is never
 * regenerated in CI, and DuckDB runs here on its default threads: the bytes no longer depend on them.
 */
describe("framework 2026.1 on the hand-checked fixture", () => {
  it("writes indicators.csv byte for byte as before 2026.2 existed", async () => {
    const { lake, outcomes } = await ingestHandchecked();
    expect(outcomes.filter(({ outcome }) => outcome.status !== "accepted")).toEqual([]);
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    const rows = await computeIndicators(engine, loadFramework("2026.1"), {
      countries: lake.dependencies.countries,
      k: 10,
    }).finally(() => engine.close());
    const golden = await readFile(join(HANDCHECKED_FIXTURE, "golden-2026.1-indicators.csv"), "utf8");
    expect(indicatorsToCsv(rows)).toBe(golden);
  });
});
