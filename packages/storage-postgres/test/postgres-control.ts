import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A server command, run as the `postgres` user (runuser) when this process is root: the server refuses to run as root. */
export function serverCommand(file: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

/**
 * `pg_ctl start` (on 127.0.0.1:`port`, socket in the data dir's parent, fsync off: a throwaway test
 * server), `stop` (fast), or `kill` (`stop -m immediate`: no checkpoint, the next start recovers
 * from the WAL, as after a crash).
 */
export function pgCtl(bin: string, data: string, port: number, action: 'start' | 'stop' | 'kill'): void {
  const root = dirname(data);
  const args =
    action === 'start'
      ? ['-D', data, '-l', join(root, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off`, 'start']
      : ['-D', data, '-m', action === 'kill' ? 'immediate' : 'fast', '-w', 'stop'];
  execFileSync(...serverCommand(join(bin, 'pg_ctl'), args), { stdio: 'pipe' });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A server of a test's own (for a test that stops or restarts it), in a temporary directory. */
export interface OwnServer {
  /** Admin URL (database `postgres`). */
  url: string;
  /** `pg_ctl` on this server: start, stop (fast), kill (`stop -m immediate`). */
  ctl(action: 'start' | 'stop' | 'kill'): void;
  /** Stops it (when running) and removes its directory. */
  remove(): void;
}

/** initdb + pg_ctl start of a throwaway server on a free port (as the `postgres` user when root). */
export async function startOwnServer(prefix: string): Promise<OwnServer> {
  const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  const root = mkdtempSync(join(tmpdir(), `pccovid-pg-${prefix}-`));
  if (process.getuid?.() === 0)
    chownSync(root, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const data = join(root, 'data');
  execFileSync(...serverCommand(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']), { stdio: 'pipe' });
  const port = await freePort();
  pgCtl(bin, data, port, 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    ctl: (action) => pgCtl(bin, data, port, action),
    remove() {
      try {
        pgCtl(bin, data, port, 'stop');
      } catch {
        // already stopped
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
