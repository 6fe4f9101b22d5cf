/**
 * The floor of `http.bench.ts` (`PCCI_BENCH_HTTP_SERVER=bare`): the same service on a SQLite file
 * behind a bare `node:http` server — the body read and parsed as JSON, handed to the service with
 * the seed's director as actor, the answer stringified — with no framework, no token, no
 * Idempotency-Key, no limits and no problem documents. Not a server to deploy: it shows what any
 * Node HTTP endpoint over the service costs in this bench, before `@pccovid-inspect/server` adds
 * anything. Prints `listening <url>` once ready.
 * Usage: node --import tsx bench/src/http-bare-server.ts <db file>
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFixedClock, createInspectionService, createSequentialIds } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { at, director } from './seed-campaign.js';

const file = process.argv[2];
if (!file) throw new Error('usage: http-bare-server.ts <db file>');
const seed = haTinh2021Seed();
const service = createInspectionService({
  storage: createSqliteStorage({ filename: file }),
  tenant: seed.tenant,
  adminUnits: HA_TINH_2021_DISTRICTS,
  clock: createFixedClock(at('2021-11-26', '09:00')),
  ids: createSequentialIds(),
});
const calls: Record<string, (input: unknown) => Promise<unknown>> = {
  '/v1/queries/campaignOverview.get': (input) => service.getCampaignOverview(director, input as { campaignId: string }),
  '/v1/commands/deadlines.advance': (input) => service.advanceDeadlines(director, input as Record<string, never>),
};

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const call = calls[req.url ?? ''];
  if (!call) {
    res.writeHead(404).end();
    return;
  }
  const body = JSON.stringify(await call(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
}

const server = createServer((req, res) => {
  answer(req, res).catch((err: unknown) => {
    res.writeHead(500).end(String(err));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
