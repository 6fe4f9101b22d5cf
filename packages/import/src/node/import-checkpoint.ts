import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';

/**
 * What a resumable import has durably done, written after every batch (write to a temp file,
 * then rename). A rerun of the same file (same SHA-256) into the same store skips the first
 * `rowsDone` data rows: same `scope`, and the store holds the row `lastWritten` names. Into another
 * store (a new database, another tenant or campaign) the rerun starts over from the first row.
 */
export interface ImportCheckpoint {
  version: 2;
  kind: 'targets' | 'portalStatistics';
  /** SHA-256 of the whole source file, hex. */
  digest: string;
  /**
   * Where the rows went: `tenant=<id>` (statistics) or `tenant=<id>;campaign=<id>` (targets).
   * `null` in a checkpoint of an earlier version, which is never trusted.
   */
  scope: string | null;
  /**
   * Key of the last row written to the store (targets: its id; statistics: `[targetId, date]` as
   * JSON), or null while none is. A rerun looks it up in the store before trusting `rowsDone`.
   */
  lastWritten: string | null;
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

/**
 * The checkpoint in `file`, or null when there is none. A version-1 checkpoint (before scopes)
 * comes back with `scope` and `lastWritten` null, so it is not trusted to resume.
 */
export async function readCheckpoint(file: string): Promise<ImportCheckpoint | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Omit<ImportCheckpoint, 'version'> & { version: number };
    if (parsed.version === 2) return parsed as ImportCheckpoint;
    return { ...parsed, version: 2, scope: null, lastWritten: null };
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
