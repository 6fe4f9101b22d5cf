/**
 * vitest globalSetup of the package: finds the PostgreSQL server the tests run against and hands
 * its URL to every test file (`inject('postgresUrl')`).
 *
 * - `TEST_POSTGRES_URL` set: that server (it must answer, else the run fails).
 * - not set, `CI` set: the run FAILS — CI must provide a server (`.ci/run` starts one).
 * - not set, not CI: starts a throwaway server in `packages/storage-postgres/.pg/` with the
 *   recipe of TOOLCHAIN.md §8 (initdb + pg_ctl, as the `postgres` user when run as root), on
 *   127.0.0.1 port `PCCOVID_PG_PORT` (default 55439), or reuses the one found there; stops it at
 *   the end if it started it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pgCtl, serverCommand } from './postgres-control.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL (a superuser of the test server, database `postgres`). */
    postgresUrl: string;
  }
}

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

async function answers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_POSTGRES_URL;
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  if (given) {
    const problem = await answers(given);
    if (problem !== null) throw new Error(`TEST_POSTGRES_URL does not answer (${problem}); start the server (README "PostgreSQL") or unset it`);
    project.provide('postgresUrl', given);
    return undefined;
  }
  if (ci) throw new Error('CI is set but TEST_POSTGRES_URL is not: the PostgreSQL tests need a server (.ci/run starts one); refusing to skip them');

  const root = join(packageDir, '.pg');
  const data = join(root, 'data');
  const port = Number(process.env.PCCOVID_PG_PORT ?? 55439);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let started = false;
  if ((await answers(url)) !== null) {
    const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    mkdirSync(root, { recursive: true });
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', root]);
    if (!existsSync(join(data, 'PG_VERSION'))) {
      execFileSync(...serverCommand(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']), { stdio: 'pipe' });
    }
    pgCtl(bin, data, port, 'start');
    started = true;
    const problem = await answers(url);
    if (problem !== null) throw new Error(`started a PostgreSQL server in ${root} but it does not answer: ${problem}`);
  }
  project.provide('postgresUrl', url);
  return started
    ? async () => {
        pgCtl(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim(), data, port, 'stop');
      }
    : undefined;
}
