import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { serveSite } from "../../../site/serve.js";
import { UsageError, wholeNumber } from "../usage-error.js";

/** `observatory serve`: serves a built site until interrupted. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: "string" }, host: { type: "string", default: "127.0.0.1" } },
  });
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) throw new UsageError("name exactly one DIR to serve");
  if (!(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new UsageError(`${dir} is not a folder`);
  await serveUntilInterrupted(dir, wholeNumber(values.port, "--port", 8080, 0, 65535), values.host);
  return 0;
}

/** Serves a folder, prints its URL, and resolves when the process is interrupted (Ctrl-C or SIGTERM). */
export async function serveUntilInterrupted(dir: string, port: number, host = "127.0.0.1"): Promise<void> {
  const site = await serveSite(dir, { port, host }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE")
      throw new UsageError(`port ${port} is already in use; choose another with --port`);
    throw error;
  });
  console.log(`serving ${dir} at ${site.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await site.close();
}
