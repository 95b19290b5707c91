import { randomBytes } from "node:crypto";
import {
  type FileHandle,
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
} from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import {
  isValidObjectKey,
  type ListOptions,
  type ObjectBody,
  ObjectExistsError,
  type ObjectStore,
  type PutOptions,
} from "../../ports/object-store.js";

const TEMP_PREFIX = ".tmp-";
/** How much of a file `getStream` reads at a time. */
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * How old (by modification time) a temporary file must be before it counts as abandoned. A writer's temporary
 * file lives only while its bytes are written and flushed (every write moves its modification time) and is
 * renamed or removed at once after the flush, so one untouched for ten minutes belongs to no live writer.
 */
export const ABANDONED_WRITE_AGE_MS = 10 * 60_000;

/**
 * The object store of the embedded default: a folder on disk. Writes go to a temporary file first and are then
 * renamed into place (or hard-linked, which fails if the name is taken, for `ifAbsent`), so readers — and other
 * processes — never see half an object. A process killed mid-write leaves its temporary file behind (invisible
 * to `get` and `list`); before its first write, each store removes those older than `ABANDONED_WRITE_AGE_MS`.
 */
export class FolderStore implements ObjectStore {
  readonly root: string;
  private sweep: Promise<unknown> | undefined;

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

  async getStream(key: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    let handle: FileHandle;
    try {
      handle = await open(this.pathOf(key), "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    return readChunks(handle);
  }

  /**
   * Writes the body to a temporary file, flushed to disk, then puts it in place; a stream that throws leaves nothing
   * (its temporary file is removed).
   */
  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<void> {
    const path = this.pathOf(key);
    this.sweep ??= this.removeAbandonedWrites();
    await this.sweep;
    const temporary = join(dirname(path), `${TEMP_PREFIX}${randomBytes(8).toString("hex")}`);
    await mkdir(dirname(path), { recursive: true });
    try {
      await writeFlushed(temporary, body);
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

  async list(prefix: string, options: ListOptions = {}): Promise<string[]> {
    const directory = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
    const { startAfter } = options;
    const after = (key: string) => startAfter === undefined || key > startAfter;
    const holdsKeysAfter = (folder: string) =>
      startAfter === undefined || startAfter.startsWith(`${folder}/`) || `${folder}/` > startAfter;
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
          if ((key.startsWith(prefix) || prefix.startsWith(`${key}/`)) && holdsKeysAfter(key))
            await walk(key);
        } else if (key.startsWith(prefix) && after(key)) {
          keys.push(key);
        }
      }
    };
    await walk(directory);
    return keys.sort();
  }

  /**
   * Removes the object's file, and the folders it leaves empty (up to the root), so that a compacted lake lists
   * as fast as a small one; removing a key that holds nothing succeeds. A writer whose folder vanishes between
   * creating it and writing into it creates it again (see `put`).
   */
  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true });
    for (let folder = dirname(path); folder.startsWith(this.root + sep); folder = dirname(folder)) {
      const removed = await rmdir(folder).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === "ENOTEMPTY" || error.code === "EEXIST" || error.code === "ENOENT") return false;
          throw error;
        },
      );
      if (!removed) break;
    }
  }

  /**
   * Removes the temporary files of writes that never finished (a process killed mid-write) anywhere under the
   * root, when untouched for at least `olderThanMs`: younger ones may belong to a writer still at work, in this
   * process or another. Returns the paths removed, relative to the root.
   */
  async removeAbandonedWrites(olderThanMs = ABANDONED_WRITE_AGE_MS): Promise<string[]> {
    const cutoff = Date.now() - olderThanMs;
    const removed: string[] = [];
    const ignoreVanished = (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
      return undefined;
    };
    const walk = async (relative: string): Promise<void> => {
      const entries = await readdir(join(this.root, relative), { withFileTypes: true }).catch(ignoreVanished);
      for (const entry of entries ?? []) {
        const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile() && entry.name.startsWith(TEMP_PREFIX)) {
          const info = await stat(join(this.root, path)).catch(ignoreVanished);
          if (!info || info.mtimeMs > cutoff) continue;
          await rm(join(this.root, path), { force: true });
          removed.push(path);
        }
      }
    };
    await walk("");
    return removed.sort();
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

/** Writes a file and flushes it to disk before closing it. */
async function writeFlushed(path: string, body: ObjectBody): Promise<void> {
  const handle = await createFile(path);
  try {
    if (body instanceof Uint8Array) await handle.writeFile(body);
    else for await (const chunk of body) await handle.write(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Opens a new file for writing, creating its folder again when a `delete` removed it (emptied) after the writer
 * created it; nothing of the body is consumed before the file is open.
 */
async function createFile(path: string): Promise<FileHandle> {
  return open(path, "w").catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
    await mkdir(dirname(path), { recursive: true });
    return open(path, "w");
  });
}

/** A file's bytes in chunks, read as they are consumed; the file is closed when the reading ends or stops. */
async function* readChunks(handle: FileHandle): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
