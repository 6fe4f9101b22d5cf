import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixedClock, createInspectionService, createSequentialIds, type Actor, type InspectionService } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createDocxRenderer } from '@pccovid-inspect/render-docx';
import { createPdfRenderer } from '@pccovid-inspect/render-pdf';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { SignJWT } from 'jose';
import { createInspectionServer, listen, type InspectionServerOptions, type ListeningServer } from '../src/index.js';

export const ISSUER = 'https://sso.test.hatinh.gov.vn';
export const AUDIENCE = 'pccovid-inspect';
const SECRET = new TextEncoder().encode('a-test-secret-of-the-province-idp-32b');
const FORGED_SECRET = new TextEncoder().encode('not-the-secret-of-the-province-idp-32');

/** The actors of the round (the fixture's people). */
export const ACTORS = {
  director: { role: 'director', id: 'p-dau-tung-lam' },
  lead: { role: 'inspectorateLead', id: 'p-lead' },
  secretary: { role: 'secretary', id: 'p-secretary' },
  member: { role: 'teamMember', id: 'p-it' },
  viewer: { role: 'provincialViewer', id: 'p-ubnd-viewer' },
} satisfies Record<string, Actor>;

export interface TokenOptions {
  /** Sign with a key the server does not know. */
  forged?: boolean;
  /** Seconds from now (negative: already expired). @default 600 */
  expiresIn?: number;
  audience?: string;
  tenant?: string;
  /** Extra claims. */
  claims?: Record<string, unknown>;
}

/** A JWT for an actor, as the province's identity provider would issue it. */
export async function tokenFor(actor: Actor, options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { pcci_role: actor.role, pcci_tenant: options.tenant ?? '42', ...options.claims };
  if (actor.districtCode) claims.pcci_district = actor.districtCode;
  if (actor.targetId) claims.pcci_target = actor.targetId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(options.forged ? FORGED_SECRET : SECRET);
}

export interface TestServer {
  url: string;
  service: InspectionService;
  clock: ReturnType<typeof createFixedClock>;
  seed: ReturnType<typeof haTinh2021Seed>;
  close(): Promise<void>;
}

/** The service on SQLite in a temp dir, behind the HTTP API on 127.0.0.1 (random port). */
export async function startServer(extra: Partial<InspectionServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pcci-server-'));
  const storage = createSqliteStorage({ filename: join(dir, 'inspect.db') });
  const seed = haTinh2021Seed();
  for (const t of seed.targets) t.representativePersonId = `rep-${t.id}`;
  const clock = createFixedClock('2021-11-26T01:00:00.000Z');
  const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, ids: createSequentialIds() });
  const app = createInspectionServer({
    service,
    jwt: { key: SECRET, issuer: ISSUER, audience: AUDIENCE },
    renderers: [createPdfRenderer(), createDocxRenderer()],
    limits: { rateLimit: false },
    ...extra,
  });
  const server: ListeningServer = await listen(app);
  return {
    url: server.url,
    service,
    clock,
    seed,
    async close() {
      await server.close();
      await storage.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A JSON call as any non-TypeScript client would make it. */
export async function call(
  base: string,
  path: string,
  options: { token?: string; body?: unknown; key?: string | null; method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.key) headers['idempotency-key'] = options.key;
  const res = await fetch(`${base}${path}`, {
    method: options.method ?? 'POST',
    headers,
    body: options.method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown>, headers: res.headers };
}

let n = 0;
/** A fresh Idempotency-Key. */
export const newKey = (): string => `k-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`;

/** Runs one command over HTTP and returns its JSON; fails the test with the problem otherwise. */
export async function command(base: string, actor: Actor, name: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await call(base, `/v1/commands/${name}`, { token: await tokenFor(actor), body, key: newKey() });
  if (res.status !== 200) throw new Error(`${name} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Runs one query over HTTP. */
export async function query(base: string, actor: Actor, name: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await call(base, `/v1/queries/${name}`, { token: await tokenFor(actor), body });
  if (res.status !== 200) throw new Error(`${name} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
