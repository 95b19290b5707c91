#!/usr/bin/env node
// The `observatory` command: loads the TypeScript CLI through tsx, so a fresh `npm ci` needs no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../functions/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
