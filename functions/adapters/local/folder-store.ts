import { randomBytes } from "node:crypto";
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import {
  isValidObjectKey,
  ObjectExistsError,
  type ObjectStore,
  type PutOptions,
} from "../../ports/object-store.js";

const TEMP_PREFIX = ".tmp-";

/**
 * The object store of the embedded default: a folder on disk. Writes go to a temporary file first and are then
 * renamed into place (or hard-linked, which fails if the name is taken, for `ifAbsent`), so readers — and other
 * processes — never see half an object.
 */
export class FolderStore implements ObjectStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async put(key: string, body: Uint8Array, options: PutOptions = {}): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `${TEMP_PREFIX}${randomBytes(8).toString("hex")}`);
    await writeFile(temporary, body, { flush: true });
    try {
      if (options.ifAbsent) {
        await link(temporary, path).catch((error: NodeJS.ErrnoException) => {
          throw error.code === "EEXIST" ? new ObjectExistsError(key) : error;
        });
      } else {
        await rename(temporary, path);
      }
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async list(prefix: string): Promise<string[]> {
    const directory = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
    const keys: string[] = [];
    const walk = async (relative: string): Promise<void> => {
      let names: import("node:fs").Dirent[];
      try {
        names = await readdir(join(this.root, relative), { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for (const entry of names) {
        if (entry.name.startsWith(TEMP_PREFIX)) continue;
        const key = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory()) {
          if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) await walk(key);
        } else if (key.startsWith(prefix)) {
          keys.push(key);
        }
      }
    };
    await walk(directory);
    return keys.sort();
  }

  locate(key: string): string {
    return this.pathOf(key);
  }

  private pathOf(key: string): string {
    if (!isValidObjectKey(key)) throw new Error(`invalid object key: ${JSON.stringify(key)}`);
    const path = join(this.root, ...key.split("/"));
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid object key: ${JSON.stringify(key)}`);
    return path;
  }
}
