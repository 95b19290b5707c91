import { HELP } from "./help.js";
import { UsageError } from "./usage-error.js";

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: async () => (await import("./commands/ingest.js")).ingestCommand,
  compute: async () => (await import("./commands/compute.js")).computeCommand,
  build: async () => (await import("./commands/build.js")).buildCommand,
  serve: async () => (await import("./commands/serve.js")).serveCommand,
  reports: async () => (await import("./commands/reports.js")).reportsCommand,
  demo: async () => (await import("./commands/demo.js")).demoCommand,
  upload: async () => (await import("./commands/upload.js")).uploadCommand,
};

/** Runs the `observatory` command line; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP.main);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`observatory: unknown command '${name}'\n\n${HELP.main}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(HELP[name]);
    return 0;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(
        `observatory ${name}: ${error.message}\nRun 'observatory ${name} --help' for its options.`,
      );
      return 2;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      console.error(
        `observatory ${name}: ${error.message}\nRun 'observatory ${name} --help' for its options.`,
      );
      return 2;
    }
    console.error(`observatory ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
