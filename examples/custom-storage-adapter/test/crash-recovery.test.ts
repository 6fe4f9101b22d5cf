import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonFilesStorage } from '../src/json-files-storage.js';
import { inspectJsonFiles } from './json-files-inspector.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Runs the crash writer until it prints MID_COMMIT, then kills it with SIGKILL. */
async function killMidCommit(directory: string, crashPoint: 'before-journal' | 'after-journal' | 'mid-break'): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'crash-writer.ts'), directory, crashPoint], {
    cwd: resolve(here, '../../..'),
    env: { ...process.env, TSX_TSCONFIG_PATH: join(here, 'fixtures', 'tsconfig.json') },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
  await new Promise<void>((ready, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('MID_COMMIT') && ready());
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before MID_COMMIT: ${stderr}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.once('exit', done));
  return child.pid!;
}

const nextAudit = (seq: number) => ({
  tenantId: '42',
  seq,
  id: `a-${seq}`,
  at: '2021-12-06T02:00:00.000Z',
  actor: { role: 'team-lead', id: 'p-1' },
  action: 'visit.update',
  subject: { collection: 'visits', id: 'committed' },
  details: {},
  prevHash: `h${seq - 1}`,
  hash: `h${seq}`,
});

describe('json-files: a writer killed with SIGKILL in the middle of commit(batch)', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-json-files-crash-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('before the commit point: nothing of the batch is stored, and the dead lock is taken over', async () => {
    await killMidCommit(directory, 'before-journal');
    expect(existsSync(join(directory, '.lock'))).toBe(true);
    expect(existsSync(join(directory, '.journal'))).toBe(false);

    const storage = createJsonFilesStorage({ directory, lockTimeoutMs: 2000 });
    expect(await storage.get('visits', '42', 'committed')).toMatchObject({ version: 1, data: { step: 1 } });
    expect(await storage.get('visits', '42', 'created')).toBeNull();
    expect((await storage.readAudit('42')).map((a) => a.seq)).toEqual([1]);
    expect(await storage.readOutbox('42')).toEqual([]);
    const put = { collection: 'visits', tenantId: '42', id: 'committed', data: { step: 3 }, indexes: {}, updatedAt: 'x', expectedVersion: 1 };
    expect((await storage.commit({ tenantId: '42', puts: [put], audit: nextAudit(2), outbox: [], outboxUpdates: [] }))[0]).toMatchObject({ version: 2 });
    await storage.dispose();
  }, 60_000);

  it('after the commit point, between two files: the next call applies the whole batch from the journal', async () => {
    await killMidCommit(directory, 'after-journal');
    expect(existsSync(join(directory, '.lock'))).toBe(true);
    expect(existsSync(join(directory, '.journal'))).toBe(true);
    // The files on disk really are half a batch: the first record is written, the rest not.
    const disk = inspectJsonFiles(directory);
    expect(disk.record('visits', '42', 'committed')).toMatchObject({ version: 2 });
    expect(disk.record('visits', '42', 'created')).toBeNull();
    expect((disk.audit('42') as { seq: number }[]).map((a) => a.seq)).toEqual([1]);

    const storage = createJsonFilesStorage({ directory, lockTimeoutMs: 2000 });
    expect(await storage.get('visits', '42', 'committed')).toMatchObject({ version: 2, data: { step: 2 } });
    expect(await storage.get('visits', '42', 'created')).toMatchObject({ version: 1, data: { step: 2 } });
    expect((await storage.readAudit('42')).map((a) => a.seq)).toEqual([1, 2]);
    expect((await storage.readOutbox('42')).map((m) => m.id)).toEqual(['m-1']);
    expect(existsSync(join(directory, '.journal'))).toBe(false);
    const put = { collection: 'visits', tenantId: '42', id: 'committed', data: { step: 3 }, indexes: {}, updatedAt: 'x', expectedVersion: 2 };
    expect((await storage.commit({ tenantId: '42', puts: [put], audit: nextAudit(3), outbox: [], outboxUpdates: [] }))[0]).toMatchObject({ version: 3 });
    await storage.dispose();
  }, 60_000);
});

describe('json-files: a dead process’s lock', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-json-files-lock-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('is still broken when the process breaking it is killed after claiming the break, before removing it', async () => {
    writeFileSync(join(directory, '.lock'), `${await deadPid()} dead-token`);
    await killMidCommit(directory, 'mid-break');
    expect(readdirSync(directory).filter((name) => name.endsWith('.broken'))).toEqual(['.lock.dead-token.broken']); // claimed by a dead breaker
    expect(existsSync(join(directory, '.lock'))).toBe(true);

    const storage = createJsonFilesStorage({ directory, lockTimeoutMs: 2000 });
    const create = { collection: 'visits', tenantId: '42', id: 'v-1', data: {}, indexes: {}, updatedAt: 'x', expectedVersion: 0 };
    const outcome = await Promise.race([
      storage.commit({ tenantId: '42', puts: [create], audit: nextAudit(1), outbox: [], outboxUpdates: [] }).then(
        () => 'committed',
        (error: unknown) => `rejected: ${String(error)}`,
      ),
      new Promise((done) => setTimeout(() => done('still waiting after 20 s'), 20_000)),
    ]);
    expect(outcome).toBe('committed');
    expect(
      readdirSync(directory)
        .filter((name) => name.includes('.broken'))
        .sort(),
    ).toEqual(['.lock.dead-token.broken', '.lock.dead-token.broken.2']);
    await storage.dispose();
  }, 60_000);

  it('is broken when it holds no token or pid (a lock file left by another tool)', async () => {
    writeFileSync(join(directory, '.lock'), '');
    const storage = createJsonFilesStorage({ directory, lockTimeoutMs: 2000 });
    expect(await storage.get('visits', '42', 'v-1')).toBeNull();
    writeFileSync(join(directory, '.lock'), ''); // the same content again: a second claim, as the first claimant is gone
    expect(await storage.get('visits', '42', 'v-1')).toBeNull();
    await storage.dispose();
  }, 60_000);

  it('is broken exactly once when several adapters find it at the same time: one holder at a time', async () => {
    writeFileSync(join(directory, '.lock'), `${await deadPid()} dead-token`); // the lock of a process that has exited

    const adapters = Array.from({ length: 6 }, () => createJsonFilesStorage({ directory, lockTimeoutMs: 10_000 }));
    const create = { collection: 'visits', tenantId: '42', id: 'v-1', data: {}, indexes: {}, updatedAt: 'x', expectedVersion: 0 };
    const results = await Promise.allSettled(adapters.map((storage) => storage.commit({ tenantId: '42', puts: [create], audit: nextAudit(1), outbox: [], outboxUpdates: [] })));
    // Had two of them broken the lock (the second deleting the first one's new lock), both would hold it and both creates succeed.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codeOf = (reason: unknown) => (reason as { code?: string }).code ?? String(reason);
    expect(results.flatMap((r) => (r.status === 'rejected' ? [codeOf(r.reason)] : []))).toEqual(Array(5).fill('CONFLICT'));
    expect(readdirSync(directory).filter((name) => name.endsWith('.broken'))).toEqual(['.lock.dead-token.broken']);
    expect(existsSync(join(directory, '.lock'))).toBe(false);
    await Promise.all(adapters.map((storage) => storage.dispose()));
  }, 60_000);
});
