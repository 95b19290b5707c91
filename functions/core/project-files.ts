import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the project's own files (the SQL and framework in `queries/`, the country table in `data/`, the
 * dashboards' stylesheet in `site/assets/`) are read from: the repository, or the folder named by
 * `OBSERVATORY_HOME` — a Lambda bundle sets it to the folder its copies sit in.
 */
export function projectPath(relativePath: string): string {
  const home = process.env.OBSERVATORY_HOME;
  return home ? join(home, relativePath) : fileURLToPath(new URL(`../../${relativePath}`, import.meta.url));
}
