#!/usr/bin/env node
// Runs a TypeScript entry point (benchmarks, scripts) through tsx: `node bin/run-ts.mjs FILE.ts [args...]`.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node bin/run-ts.mjs FILE.ts [args...]");
  process.exit(2);
}
register();
process.argv = [process.argv[0] ?? "node", entry, ...args];
await import(pathToFileURL(resolve(entry)).href);
