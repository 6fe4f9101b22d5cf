import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonFilesStorage } from '../src/json-files-storage.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('json-files: a writer killed with SIGKILL in the middle of a transaction', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-json-files-crash-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('is rolled back from its journal by the next writer, which also takes over the dead lock', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'crash-writer.ts'), directory], {
      cwd: resolve(here, '../../..'),
      env: { ...process.env, TSX_TSCONFIG_PATH: join(here, 'fixtures', 'tsconfig.json') },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((ready, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('IN_TRANSACTION') && ready());
      child.once('exit', (code) => reject(new Error(`writer exited ${code} early: ${stderr}`)));
    });
    const exited = new Promise((done) => child.once('exit', (_code, signal) => done(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(join(directory, '.lock'))).toBe(true);
    expect(existsSync(join(directory, '.journal'))).toBe(true);

    const storage = createJsonFilesStorage({ directory, lockTimeoutMs: 2000 });
    expect(await storage.get('visits', '42', 'committed')).toMatchObject({ version: 1, data: { step: 1 } });
    expect(await storage.get('visits', '42', 'uncommitted')).toBeNull();
    expect(await storage.readAudit('42')).toEqual([]);
    expect(existsSync(join(directory, '.journal'))).toBe(false);
    await storage.put({ collection: 'visits', tenantId: '42', id: 'committed', data: { step: 2 }, indexes: {}, updatedAt: 'x', expectedVersion: 1 });
    await storage.dispose();
  }, 60_000);
});
