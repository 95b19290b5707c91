import { stat } from "node:fs/promises";
import { UsageError } from "./usage-error.js";

/** What the CLI was doing with a file when the system refused. */
export type FileAction = "read" | "write" | "open";

/** An error of the system (Node's `ErrnoException`): its code is an errno name such as `ENOENT`. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code);
}

const WRITING_CALLS = new Set(["mkdir", "rename", "link", "write", "unlink", "rm", "rmdir", "copyfile"]);

/** Whether the failed system call wrote (so the advice is about writing) or read. */
function actionOf(error: NodeJS.ErrnoException): FileAction {
  return WRITING_CALLS.has(error.syscall ?? "") ? "write" : "read";
}

/**
 * Why a file could not be used, and what to do about it, as a clause to follow the file's name: one per
 * failure a user can meet (no such file, permission, a folder, too many open files, a full or read-only disk).
 */
export function fileErrorReason(error: NodeJS.ErrnoException, action: FileAction = actionOf(error)): string {
  switch (error.code) {
    case "ENOENT":
      return action === "write"
        ? "its folder does not exist (it was moved or deleted while the command ran?): check the path and run again"
        : "it does not exist (any more: was it moved or deleted while the command ran?): check the path and run again";
    case "EACCES":
    case "EPERM":
      return `permission denied: you may not ${action} it; check its permissions and its folder's (ls -l), or run as a user who may`;
    case "EISDIR":
      return "it is a folder, not a file: name the files in it instead (e.g. FOLDER/*.csv)";
    case "EEXIST":
      return "a file is in the way of a folder needed there: move that file away, or choose another folder";
    case "ENOTDIR":
      return "a part of its path is a file, not a folder: check the path";
    case "EMFILE":
    case "ENFILE":
      return "too many files are open at once: close other programs or raise the limit (ulimit -n), then run again";
    case "ENOSPC":
    case "EDQUOT":
      return "no space is left on the disk (or in your quota): free some space, then run again";
    case "EROFS":
      return "it is on a read-only file system: choose a folder you can write to";
    case "ELOOP":
      return "its path is a loop of symbolic links: check the links";
    case "ENAMETOOLONG":
      return "its path is too long: use a shorter path";
    case "EIO":
      return "the disk reported an input/output error (EIO): copy the file to another disk and try again";
    case "EBUSY":
      return "it is busy (in use by another program): try again once that program is done";
    default:
      return `it could not be ${action === "write" ? "written" : "read"} (${error.code}: ${error.message}); check the file, then run again`;
  }
}

/** A file the CLI could not use, named, with what to do about it. */
export class FileAccessError extends Error {
  readonly code: string;
  /** Why, and what to do, without the file's name (see `fileErrorReason`). */
  readonly reason: string;

  constructor(
    readonly file: string,
    cause: NodeJS.ErrnoException & { code: string },
    action?: FileAction,
  ) {
    const reason = fileErrorReason(cause, action);
    super(`${file}: ${reason}`, { cause });
    this.name = "FileAccessError";
    this.code = cause.code;
    this.reason = reason;
  }
}

/** Before any file is used: each FILE named must exist and be a file, or the command is a usage error. */
export async function checkInputFile(file: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    if (error.code === "ENOENT") throw new UsageError(`${file} does not exist: check the path`);
    throw new UsageError(`${file}: ${fileErrorReason(error, "read")}`);
  }
  if (info.isDirectory())
    throw new UsageError(
      `${file} is a folder, not a file: name the files in it instead (e.g. ${file}/*.csv)`,
    );
  if (!info.isFile()) throw new UsageError(`${file} is not a regular file: name a CSV file`);
}
