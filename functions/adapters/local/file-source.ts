import { type FileHandle, open } from "node:fs/promises";
import { type ByteSource, DEFAULT_CHUNK_BYTES, SourceReadError } from "../../ports/byte-source.js";

/** A local file opened for ingest; close it when done. */
export interface OpenedFile {
  readonly source: ByteSource;
  close(): Promise<void>;
}

/**
 * Opens a local file as a source: each read starts at its first byte, in chunks of 1 MiB, through the same open
 * file (so it can be read again even if it is renamed or deleted meanwhile). Opening throws the system's error;
 * a failed read throws {@link SourceReadError} with the system's error as its cause.
 */
export async function openFileSource(path: string): Promise<OpenedFile> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    return { source: { size, chunks: () => readChunks(handle, path) }, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function* readChunks(handle: FileHandle, path: string): AsyncGenerator<Uint8Array> {
  for (let position = 0; ; ) {
    const buffer = Buffer.allocUnsafe(DEFAULT_CHUNK_BYTES);
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(buffer, 0, buffer.byteLength, position));
    } catch (error) {
      throw new SourceReadError(path, error);
    }
    if (bytesRead === 0) return;
    position += bytesRead;
    yield new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  }
}
