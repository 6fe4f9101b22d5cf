/**
 * The PostgreSQL server of the reliability suite's PostgreSQL attacks, found (or started) by each
 * test file in its `beforeAll`, as `packages/storage-postgres`'s globalSetup does for that package:
 *
 * - `TEST_POSTGRES_URL` set: that server (it must answer, else the file fails).
 * - not set, `CI` set: the file FAILS — CI must provide a server (`.ci/run` starts one); never skipped.
 * - not set, not CI: a throwaway server of the file's own (initdb + pg_ctl in a temporary folder,
 *   as the `postgres` user when run as root, 127.0.0.1, a free port ≥ 55440, fsync off), stopped
 *   and deleted by `stop()`.
 *
 * test/reliability is no workspace package: `pg` is loaded from `packages/storage-postgres`'s own
 * (pinned) dependency, with the few types used here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { REPO_ROOT } from './packages-root.js';

interface PgClient {
  connect(): Promise<void>;
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
  on(event: 'error', cb: (e: unknown) => void): void;
}
const requireFromPostgres = createRequire(join(REPO_ROOT, 'packages', 'storage-postgres', 'package.json'));
const { Client } = requireFromPostgres('pg') as { Client: new (config: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient };

/** Runs one statement on `url` on a connection of its own; returns the rows. */
export async function pgQuery(url: string, text: string, values?: unknown[]): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function problemOf(url: string): Promise<string | null> {
  try {
    await pgQuery(url, 'SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The server a test file attacks. */
export interface PostgresServer {
  /** A superuser URL, database `postgres`. */
  adminUrl: string;
  /** True when this file started the server (and `stop()` stops and deletes it). */
  own: boolean;
  stop(): Promise<void>;
}

const isCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function asPostgres(file: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

/** `TEST_POSTGRES_URL`, or (outside CI) a throwaway server of this file's own. */
export async function postgresServer(label: string): Promise<PostgresServer> {
  const given = process.env.TEST_POSTGRES_URL;
  if (given) {
    const problem = await problemOf(given);
    if (problem !== null) throw new Error(`TEST_POSTGRES_URL does not answer (${problem}); start the server or unset it`);
    return { adminUrl: given, own: false, stop: () => Promise.resolve() };
  }
  if (isCi()) throw new Error('CI is set but TEST_POSTGRES_URL is not: the PostgreSQL reliability tests need a server (.ci/run starts one); refusing to skip them');

  const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  const root = mkdtempSync(join(tmpdir(), `pcci-pg-${label}-`));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', root]);
  const data = join(root, 'data');
  execFileSync(...asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']), { stdio: 'pipe' });
  // Files run in parallel, each with its own server: start at a random port ≥ 55440 and move on when taken.
  let port = 55440 + Math.floor(Math.random() * 400);
  for (let attempt = 0; ; attempt++, port++) {
    if (await listening(port)) continue;
    try {
      execFileSync(
        ...asPostgres(join(bin, 'pg_ctl'), [
          '-D',
          data,
          '-l',
          join(root, 'server.log'),
          '-w',
          '-t',
          '120',
          '-o',
          `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c max_connections=200`,
          'start',
        ]),
        { stdio: 'pipe' },
      );
      break;
    } catch (error) {
      if (attempt >= 5) {
        rmSync(root, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async (): Promise<void> => {
    try {
      execFileSync(...asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']), { stdio: 'pipe' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    await Promise.resolve();
  };
  const problem = await problemOf(adminUrl);
  if (problem !== null) {
    await stop();
    throw new Error(`started a PostgreSQL server in ${root} but it does not answer: ${problem}`);
  }
  return { adminUrl, own: true, stop };
}

/** The URL of `database` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A database of the test's own on the server (`pcci_<prefix>_<random>`), a copy of `template` when given. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createDatabase(adminUrl: string, prefix: string, template?: string): Promise<TestDatabase> {
  const name = `pcci_${prefix}_${randomBytes(4).toString('hex')}`;
  await pgQuery(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: async () => {
      await pgQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Waits (at most 60 s) until no session of the adapter (`application_name` pccovid-inspect) is left
 * on `database` — after a SIGKILL, until the server has noticed the dead sockets and rolled their
 * transactions back. Returns how many are left.
 */
export async function sessionsGone(adminUrl: string, database: string): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await pgQuery(adminUrl, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'pccovid-inspect'`, [database]);
    const n = Number(rows[0]?.n ?? 0);
    if (n === 0 || Date.now() > deadline) return n;
    await new Promise((r) => setTimeout(r, 50));
  }
}
