import { execFileSync } from 'node:child_process';
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
