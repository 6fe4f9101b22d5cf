/**
 * A tiny node:http server for the offline visit page (the example and its test): the bundled page,
 * `GET /packet/:visitId` (`exportVisitPacket`) and `POST /sync` (`mergeVisitPacket`), both for one
 * fixed team member, over a service on SQLite in a temporary file with the seed round driven to a
 * started visit (the provincial hospital, two items already answered by the team lead).
 *
 * A real deployment authenticates the inspector and derives the actor from a verified identity
 * (see `@pccovid-inspect/server`); here the actor is fixed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFixedClock, createInspectionService, createSequentialIds, InspectError, type Actor, type InspectionService, type TeamMember } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed, pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { buildPage } from './build-page.js';

/** The people of the example (ids of the seed's people). */
export const ACTORS = {
  director: { role: 'director', id: 'p-dau-tung-lam' },
  lead: { role: 'inspectorateLead', id: 'p-lead' },
  /** The inspector with the device: on the hospital visit's team. */
  inspector: { role: 'teamMember', id: 'p-health' },
} satisfies Record<string, Actor>;

/** The visit the example works on. */
export const VISIT_ID = 'v-hospital';

const TEAM: TeamMember[] = [
  { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
  { personId: 'p-vhtt-436', role: 'member', organizationId: 'org-vhtt-436', source: 'district_culture_info', districtCode: '436' },
];

/** The seed round up to a started visit of the hospital, with a1 and a2 answered on the server. */
async function seedStartedVisit(service: InspectionService): Promise<void> {
  const seed = haTinh2021Seed();
  const { director, lead } = ACTORS;
  const campaignId = seed.campaign.id;
  await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
  await service.createCampaign(director, { campaign: seed.campaign });
  await service.issuePlan(director, { campaignId, issuedOn: '2021-11-26' });
  await service.requestNominations(lead, { campaignId, sentOn: '2021-11-26' });
  await service.recordNomination(lead, { campaignId, organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27' });
  await service.recordNomination(lead, { campaignId, organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-28', districtCode: '436' });
  await service.formTeam(director, { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: TEAM, decidedOn: '2021-11-30' });
  const hospital = seed.targets.find((t) => t.id === 'tg-bv-tinh')!;
  hospital.representativePersonId = 'rep-tg-bv-tinh';
  await service.registerTarget(lead, { target: hospital });
  await service.scheduleVisit(lead, { visitId: VISIT_ID, campaignId, targetId: hospital.id, scheduledOn: '2021-12-08', memberIds: ['p-lead', 'p-health', 'p-vhtt-436'] });
  await service.fixSchedule(lead, { campaignId });
  await service.startVisit(lead, { visitId: VISIT_ID });
  const all = pcCovidAnswers('compliant', '2021-12-08');
  await service.recordAnswers(lead, { visitId: VISIT_ID, answers: { a1: all.a1!, a2: all.a2! } });
}

/** A running example server. */
export interface OfflineVisitServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The page's address, with its packet and sync URLs. */
  pageUrl: string;
  /** The service behind the server (for a test: change the visit meanwhile, read what was merged). */
  service: InspectionService;
  close(): Promise<void>;
}

const HTTP_STATUS: Record<string, number> = { VALIDATION_FAILED: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
}

async function readJson(req: IncomingMessage, limit = 1_000_000): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the example server on 127.0.0.1 (`port` 0: any free port). */
export async function startOfflineVisitServer(options: { port?: number } = {}): Promise<OfflineVisitServer> {
  const dir = mkdtempSync(join(tmpdir(), 'offline-visit-'));
  const storage = createSqliteStorage({ filename: join(dir, 'inspect.db') });
  const seed = haTinh2021Seed();
  const service = createInspectionService({
    storage,
    tenant: seed.tenant,
    adminUnits: HA_TINH_2021_DISTRICTS,
    clock: createFixedClock('2021-12-08T01:00:00.000Z'),
    ids: createSequentialIds(),
  });
  await seedStartedVisit(service);
  const page = await buildPage();
  const json = (res: ServerResponse, status: number, value: unknown): void =>
    send(res, status, JSON.stringify(value), status < 400 ? 'application/json' : 'application/problem+json');

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async (): Promise<void> => {
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, page.html, 'text/html; charset=utf-8');
      if (req.method === 'GET' && url.pathname === '/app.js') return send(res, 200, page.app, 'text/javascript; charset=utf-8');
      if (req.method === 'GET' && url.pathname === '/sw.js') return send(res, 200, page.sw, 'text/javascript; charset=utf-8');
      const packet = /^\/packet\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && packet) return json(res, 200, await service.exportVisitPacket(ACTORS.inspector, { visitId: decodeURIComponent(packet[1]!) }));
      if (req.method === 'POST' && url.pathname === '/sync')
        return json(res, 200, await service.mergeVisitPacket(ACTORS.inspector, (await readJson(req)) as Parameters<InspectionService['mergeVisitPacket']>[1]));
      json(res, 404, { type: 'about:blank', title: 'Không tìm thấy / Not found', status: 404, code: 'NOT_FOUND' });
    };
    handle().catch((error: unknown) => {
      if (InspectError.isInstance(error)) {
        const status = HTTP_STATUS[error.code] ?? 422;
        json(res, status, { type: 'about:blank', title: error.messageEn, status, code: error.code, detail: error.messageVi, hint: error.hint });
      } else {
        json(res, 400, {
          type: 'about:blank',
          title: 'Yêu cầu không hợp lệ / Bad request',
          status: 400,
          code: 'BAD_REQUEST',
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    });
  });
  await new Promise<void>((ready) => server.listen(options.port ?? 0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: `${origin}/?packet=${encodeURIComponent(`/packet/${VISIT_ID}`)}&sync=${encodeURIComponent('/sync')}`,
    service,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await storage.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8080);
  const running = await startOfflineVisitServer({ port });
  console.log(`Trang kiểm tra không cần mạng / Offline visit page: ${running.pageUrl}`);
  console.log('Dừng bằng Ctrl+C / Stop with Ctrl+C');
  process.on('SIGINT', () => void running.close().then(() => process.exit(0)));
}
