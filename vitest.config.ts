import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/bench/**", "node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default (one fewer than the cores) runs the suite in a single fork on a 2-core machine; most test
    // files wait on child processes, DuckDB or Chromium, so one fork per core keeps both busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
