import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';

/**
 * What a resumable import has durably done, written after every batch (write to a temp file,
 * then rename). A rerun of the same file (same SHA-256) skips the first `rowsDone` data rows.
 */
export interface ImportCheckpoint {
  version: 1;
  kind: 'targets' | 'portalStatistics';
  /** SHA-256 of the whole source file, hex. */
  digest: string;
  /** Data rows handled (written or quarantined), in file order. */
  rowsDone: number;
  written: number;
  quarantined: number;
  /** Length of the quarantine file when this checkpoint was written (a rerun truncates to it). */
  quarantineBytes: number;
  /** Bytes of the source read when the last batch was taken. */
  bytesRead: number;
  complete: boolean;
}

/** SHA-256 of a file, hex, read as a stream. */
export async function fileDigest(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The checkpoint in `file`, or null when there is none. */
export async function readCheckpoint(file: string): Promise<ImportCheckpoint | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ImportCheckpoint;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes a checkpoint atomically (temp file + rename). */
export async function writeCheckpoint(file: string, checkpoint: ImportCheckpoint): Promise<void> {
  const temp = `${file}.tmp`;
  await writeFile(temp, JSON.stringify(checkpoint));
  await rename(temp, file);
}
