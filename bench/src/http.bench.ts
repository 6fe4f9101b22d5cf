/**
 * HTTP API vs the service in-process, at 50 concurrent connections (issue 15's goal: overhead ≤ 2×).
 *
 * ours: `@pccovid-inspect/server` in its own process (the service on a SQLite file), driven by
 * autocannon 9.0.0 with 50 connections (keep-alive) for a fixed number of requests; each
 * request carries a verified HS256 JWT, a write also a fresh `Idempotency-Key`.
 * raw: the same service method called in the bench process by 50 concurrent async loops, the
 * same number of calls. Both on a copy of the same seeded file (the seed campaign, nominations
 * requested).
 *
 * Two endpoints, each its own bench: `campaignOverview.get` (a read) and `deadlines.advance` (a
 * command: one lifecycle sweep over every campaign, visit and remediation; with the fixed clock it
 * changes nothing, so it repeats). Untimed: seeding (prepare), copying the file, starting the
 * server process, signing the token and 500 warm-up requests per side at the same concurrency
 * (both sides measured as a running server, JIT warm). Each run prints its
 * requests/s and p99 latency (client side) on a `[ours]`/`[raw]` line.
 *
 * The floor: with `PCCI_BENCH_HTTP_SERVER=bare`, ours is `http-bare-server.ts` instead — the same
 * service behind a bare `node:http` server (no framework, no token, no Idempotency-Key, no limits),
 * the same requests; what any Node HTTP endpoint over the service costs in this bench.
 *
 * Run: pnpm exec tsx bench/src/http.bench.ts   (or `pnpm bench http`)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createFixedClock, createInspectionService, createSequentialIds, type InspectionService } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { runBench } from './harness.js';
import { directorToken } from './http-tokens.js';
import { at, campaignAskingNominations, director } from './seed-campaign.js';

const CONNECTIONS = 50;
/** Untimed requests (at the same concurrency) before the timed ones: both sides measured as a running server. */
const WARMUP = 500;
const ENV = 'PCCI_BENCH_HTTP_ENDPOINT';
/** `bare`: the floor (a bare `node:http` server over the service) instead of `@pccovid-inspect/server`. */
const BARE = process.env.PCCI_BENCH_HTTP_SERVER === 'bare';

interface Endpoint {
  key: string;
  path: string;
  write: boolean;
  call(service: InspectionService, campaignId: string): Promise<unknown>;
}
const ENDPOINTS: Endpoint[] = [
  { key: 'read', path: '/v1/queries/campaignOverview.get', write: false, call: (s, campaignId) => s.getCampaignOverview(director, { campaignId }) },
  { key: 'write', path: '/v1/commands/deadlines.advance', write: true, call: (s) => s.advanceDeadlines(director, {}) },
];

interface Shared {
  file: string;
  campaignId: string;
}

const p99 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)]!;
};

function startServer(file: string): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL(BARE ? './http-bare-server.ts' : './http-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, file], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  process.on('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const m = /listening (\S+)/.exec(out);
      if (m) {
        // Let the bench process exit after its run: the server dies with it (the 'exit' handler).
        child.unref();
        (child.stdout as unknown as { unref(): void }).unref();
        resolve({ url: m[1]!, child });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

function bench(e: Endpoint) {
  /**
   * `amount` requests at 50 connections; resolves at the last response (autocannon's own result
   * waits for its next one-second tick, which would round every run up to whole seconds).
   * Returns each request's latency in ms.
   */
  const load = (url: string, headers: Record<string, string>, body: string, amount: number) =>
    new Promise<number[]>((resolve, reject) => {
      const latencies: number[] = [];
      let bad = 0;
      const instance = autocannon(
        {
          url: `${url}${e.path}`,
          connections: CONNECTIONS,
          amount,
          method: 'POST',
          // A write gets a fresh Idempotency-Key per request: autocannon replaces `[<id>]` with a unique id.
          headers: e.write ? { ...headers, 'idempotency-key': 'k-[<id>]' } : headers,
          idReplacement: e.write,
          body,
        },
        (err: unknown) => {
          if (err) reject(err instanceof Error ? err : new Error('autocannon failed'));
        },
      );
      instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
        if (status !== 200) bad++;
        latencies.push(ms);
        if (latencies.length === amount) {
          instance.stop();
          if (bad > 0) reject(new Error(`${bad} answers were not 200`));
          else resolve(latencies);
        }
      });
      instance.on('reqError', (err: Error) => reject(err));
    });
  const inProcess = async (service: InspectionService, campaignId: string, amount: number) => {
    const latencies: number[] = [];
    let started = 0;
    const loop = async () => {
      while (started < amount) {
        started++;
        const t = performance.now();
        await e.call(service, campaignId);
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, loop));
    return latencies;
  };
  return {
    name: `http ${e.key === 'read' ? 'campaignOverview.get' : 'deadlines.advance'}${BARE ? ' (floor: bare node:http)' : ''}`,
    work: (n: number) =>
      `${BARE ? '[bare node:http server, no token/idempotency/limits] ' : ''}${n.toLocaleString('en')} ${e.write ? 'POST command (JWT + Idempotency-Key)' : 'POST query (JWT)'} ${e.path} at ${CONNECTIONS} connections vs the same service call in-process at ${CONNECTIONS} concurrent loops`,
    sizes: [3_000],
    quickSizes: [500],
    opsPerRun: (n: number) => n,
    opLabel: 'request',
    goalRatio: 2,
    prepare: async (_size: number, dir: string): Promise<Shared> => {
      const file = join(dir, 'seed.db');
      const { storage, campaignId } = await campaignAskingNominations(file);
      await storage.dispose();
      return { file, campaignId };
    },
    ours: {
      setup: async (ctx: { shared: unknown; runDir: string }) => {
        const shared = ctx.shared as Shared;
        const file = join(ctx.runDir, 'run.db');
        copyFileSync(shared.file, file);
        const { url } = await startServer(file);
        const token = await directorToken();
        const body = e.write ? '{}' : JSON.stringify({ campaignId: shared.campaignId });
        const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
        const warm = await fetch(`${url}${e.path}`, { method: 'POST', headers: { ...headers, 'idempotency-key': 'warm-up' }, body });
        if (warm.status !== 200) throw new Error(`warm-up: ${warm.status} ${await warm.text()}`);
        await load(url, headers, body, WARMUP);
        return { url, body, headers };
      },
      run: async (prepared: unknown, ctx: { size: number }) => {
        const { url, body, headers } = prepared as { url: string; body: string; headers: Record<string, string> };
        const t0 = performance.now();
        const latencies = await load(url, headers, body, ctx.size);
        const s = (performance.now() - t0) / 1000;
        console.log(`http: ${(ctx.size / s).toFixed(0)} req/s, p99 ${p99(latencies).toFixed(1)} ms`);
      },
    },
    raw: {
      setup: async (ctx: { shared: unknown; runDir: string }) => {
        const shared = ctx.shared as Shared;
        const file = join(ctx.runDir, 'run.db');
        copyFileSync(shared.file, file);
        const seed = haTinh2021Seed();
        const service = createInspectionService({
          storage: createSqliteStorage({ filename: file }),
          tenant: seed.tenant,
          adminUnits: HA_TINH_2021_DISTRICTS,
          clock: createFixedClock(at('2021-11-26', '09:00')),
          ids: createSequentialIds(),
        });
        await inProcess(service, shared.campaignId, WARMUP);
        return { service, campaignId: shared.campaignId };
      },
      run: async (prepared: unknown, ctx: { size: number }) => {
        const { service, campaignId } = prepared as { service: InspectionService; campaignId: string };
        const t0 = performance.now();
        const latencies = await inProcess(service, campaignId, ctx.size);
        const s = (performance.now() - t0) / 1000;
        console.log(`in-process: ${(ctx.size / s).toFixed(0)} calls/s, p99 ${p99(latencies).toFixed(1)} ms`);
      },
    },
  };
}

for (const e of ENDPOINTS) {
  if (process.env.PCCI_BENCH_CHILD === '1' && process.env[ENV] !== e.key) continue;
  process.env[ENV] = e.key;
  await runBench(bench(e), import.meta.url);
}
