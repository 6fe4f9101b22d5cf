import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, InspectError } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { exitOf, spawnFixture } from './child-process.js';
import { commitPuts, visitPut } from './commit-batch.js';

/** The error `fn` throws, which must be a typed one of this library. */
function thrownBy(fn: () => unknown): InspectError {
  try {
    fn();
  } catch (error) {
    expect(InspectError.isInstance(error), `a raw error escaped: ${String(error)}`).toBe(true);
    return error as InspectError;
  }
  throw new Error('nothing was thrown');
}

/** A file the adapter created and closed (schema at the latest version, one visit). */
async function createdFile(filename: string): Promise<string> {
  const storage = createSqliteStorage({ filename });
  await commitPuts(storage, [visitPut('v-1', 0)]);
  await storage.dispose();
  return filename;
}

/** Changes a file behind the adapter's back. */
function alter(filename: string, sql: string): void {
  const db = new Database(filename);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

describe('createSqliteStorage on a file it cannot use: a typed error with a hint, never a raw driver error', () => {
  let directory = '';
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-open-errors-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('refuses a filename with a NUL byte instead of opening the file named by the part before it', () => {
    const error = thrownBy(() => createSqliteStorage({ filename: join(directory, 'nul.db\0.bak') }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe('CONFIGURATION_INVALID');
    expect(error.message).toContain('NUL');
    expect(error.hint).toMatch(/Remove the NUL/);
    expect(() => readFileSync(join(directory, 'nul.db'))).toThrow(/ENOENT/); // nothing was created
  });

  it('refuses options that are not an object (a JavaScript caller) instead of a TypeError', () => {
    for (const options of [null, 'store.db', 42]) expect(thrownBy(() => createSqliteStorage(options as never)).code).toBe('CONFIGURATION_INVALID');
  });

  it('refuses a file whose migration table says version 4 but misses a table, naming the table', async () => {
    const filename = await createdFile(join(directory, 'missing-table.db'));
    alter(filename, 'DROP TABLE audit_log');
    const error = thrownBy(() => createSqliteStorage({ filename }));
    expect(error.code).toBe('CONFIGURATION_INVALID');
    expect(error.message).toContain('version 4');
    expect(error.message).toContain('audit_log');
    expect(error.hint).toMatch(/backup/);
  });

  it('refuses a file that says version 2 but misses a table and already has those of versions 3 and 4', async () => {
    const filename = await createdFile(join(directory, 'v2-inconsistent.db'));
    alter(filename, 'DELETE FROM schema_migrations WHERE version >= 3; DROP TABLE portal_statistics');
    const error = thrownBy(() => createSqliteStorage({ filename }));
    expect(error.code).toBe('CONFIGURATION_INVALID');
    expect(error.message).toMatch(/version 2 .*lacks portal_statistics.*already has record_counts.*outbox_by_due/);
    // The outbox and its two first indexes are of version 1 (version 4 rebuilds them): not named as early.
    expect(error.message).not.toMatch(/outbox,|outbox_by_age|outbox_by_status/);
  });

  it('refuses a SQLite file of another program (tables, no migration table) instead of failing on "table exists"', () => {
    const filename = join(directory, 'foreign.db');
    alter(filename, 'CREATE TABLE records (x)');
    const error = thrownBy(() => createSqliteStorage({ filename }));
    expect(error.code).toBe('CONFIGURATION_INVALID');
    expect(error.message).toMatch(/version 0 .*already has records/);
    expect(error.hint).toMatch(/new path/);
  });

  it('refuses a file that is not a database', () => {
    const filename = join(directory, 'notes.db');
    writeFileSync(filename, 'Biên bản kiểm tra — not a database. '.repeat(200));
    const error = thrownBy(() => createSqliteStorage({ filename }));
    expect(error.code).toBe('CONFIGURATION_INVALID');
    expect(error.message).toContain('is not a SQLite database');
    expect(error.hint).toMatch(/Do not delete the file/);
    expect(readFileSync(filename, 'utf8')).toMatch(/^Biên bản/); // left as it was
  });

  it('refuses a damaged database (a valid header, garbage pages)', async () => {
    const filename = await createdFile(join(directory, 'damaged.db'));
    const header = readFileSync(filename).subarray(0, 100);
    writeFileSync(filename, Buffer.concat([header, Buffer.alloc(3 * 4096 - 100, 0xab)]));
    const error = thrownBy(() => createSqliteStorage({ filename }));
    expect(error.code).toBe('CONFIGURATION_INVALID');
    expect(error.message).toContain('is damaged');
    expect(error.hint).toMatch(/restore it from a backup/);
  });

  it('refuses a directory given as the filename, and a file in a directory that does not exist', () => {
    const folder = thrownBy(() => createSqliteStorage({ filename: directory }));
    expect(folder.code).toBe('CONFIGURATION_INVALID');
    expect(folder.message).toContain('is a directory');
    const missing = thrownBy(() => createSqliteStorage({ filename: join(directory, 'no-such-dir', 'x.db') }));
    expect(missing.code).toBe('CONFIGURATION_INVALID');
    expect(missing.hint).toMatch(/directory that exists/);
  });

  it('refuses a read-only file and a new file in a read-only directory (as a user who may not write them)', async () => {
    // root may write any file, so the child runs as "nobody" when these tests run as root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const writable = join(directory, 'writable');
    const readOnly = join(directory, 'read-only');
    mkdirSync(writable);
    mkdirSync(readOnly);
    const files = [await createdFile(join(writable, 'store.db')), await createdFile(join(readOnly, 'store.db'))];
    for (const file of files) {
      chmodSync(file, 0o444);
      for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
    chmodSync(directory, 0o755);
    chmodSync(writable, 0o777);
    chmodSync(readOnly, 0o555);
    const outcome = async (filename: string) => {
      const child = spawnFixture('open-storage.ts', [filename], asUser);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      expect(await exitOf(child), stderr).toBe(0);
      return JSON.parse(stdout.trim()) as { ok: boolean; name?: string; code?: string; hint?: string };
    };
    // A read-only file in a writable directory; the same in a read-only one; a new file in a read-only directory.
    for (const filename of [...files, join(readOnly, 'new.db')]) {
      const result = await outcome(filename);
      expect(result, filename).toMatchObject({ ok: false, name: 'ConfigurationError', code: 'CONFIGURATION_INVALID' });
      expect(result.hint, filename).toMatch(/writ/);
    }
  }, 120_000);
});
