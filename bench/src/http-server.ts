/**
 * The HTTP side of `http.bench.ts`, in its own process (as a deployed server is): the service on
 * a SQLite file behind `createInspectionServer`, on 127.0.0.1. Prints `listening <url>` once ready.
 * Usage: node --import tsx bench/src/http-server.ts <db file>
 */
import { createFixedClock, createInspectionService, createSequentialIds } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createInspectionServer, listen } from '@pccovid-inspect/server';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { BENCH_AUDIENCE, BENCH_ISSUER, BENCH_SECRET } from './http-tokens.js';
import { at } from './seed-campaign.js';

const file = process.argv[2];
if (!file) throw new Error('usage: http-server.ts <db file>');
const seed = haTinh2021Seed();
const service = createInspectionService({
  storage: createSqliteStorage({ filename: file }),
  tenant: seed.tenant,
  adminUnits: HA_TINH_2021_DISTRICTS,
  clock: createFixedClock(at('2021-11-26', '09:00')),
  ids: createSequentialIds(),
});
// No rate limit: the bench measures throughput, not the limiter (50 connections share one subject).
const app = createInspectionServer({ service, jwt: { key: BENCH_SECRET, issuer: BENCH_ISSUER, audience: BENCH_AUDIENCE }, limits: { rateLimit: false } });
const server = await listen(app);
process.stdout.write(`listening ${server.url}\n`);
