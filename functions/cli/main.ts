import { readFile } from "node:fs/promises";
import { FileAccessError, fileErrorReason, isFileSystemError } from "./file-errors.js";
import { HELP } from "./help.js";
import { visible } from "./terminal-text.js";
import { UsageError } from "./usage-error.js";

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: async () => (await import("./commands/ingest.js")).ingestCommand,
  compute: async () => (await import("./commands/compute.js")).computeCommand,
  simulate: async () => (await import("./commands/simulate.js")).simulateCommand,
  build: async () => (await import("./commands/build.js")).buildCommand,
  serve: async () => (await import("./commands/serve.js")).serveCommand,
  reports: async () => (await import("./commands/reports.js")).reportsCommand,
  compact: async () => (await import("./commands/compact.js")).compactCommand,
  demo: async () => (await import("./commands/demo.js")).demoCommand,
  upload: async () => (await import("./commands/upload.js")).uploadCommand,
};

/** The version of the package, as `package.json` states it. */
export async function packageVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

/** What went wrong, for the terminal: a file-system error names its file and what to do. */
function describeFailure(error: unknown): string {
  if (error instanceof FileAccessError) return error.message;
  if (isFileSystemError(error) && typeof error.path === "string")
    return `${error.path}: ${fileErrorReason(error)}`;
  return error instanceof Error ? error.message : String(error);
}

/** Runs the `observatory` command line; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP.main);
    return 0;
  }
  if (name === "--version" || name === "-V") {
    console.log(await packageVersion());
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`observatory: unknown command '${visible(name)}'\n\n${HELP.main}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(HELP[name]);
    return 0;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"));
    console.error(`observatory ${name}: ${visible(describeFailure(error))}`);
    if (usage) {
      console.error(`Run 'observatory ${name} --help' for its options.`);
      return 2;
    }
    return 1;
  }
}
