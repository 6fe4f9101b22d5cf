import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { COMMANDS, maskContact, type Actor } from '@pccovid-inspect/core';
import { decodeJwt, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier, resolveActorFromClaims, type ActorResolver, type TokenVerifier } from '../src/index.js';
import { ACTORS, AUDIENCE, ISSUER, call, command, newKey, query, startServer, tokenFor, type TestServer } from './server-harness.js';

/**
 * The actor remembered per verified token (commit 5766b48) and the body-size check moved into
 * each route: whatever is remembered, every answer is its own token's; an expired token is refused
 * even when remembered; a host's own verifier and resolver run on every request; every route refuses
 * a body over the limit, counted on the header or while a chunked body streams, before anything
 * is read or written.
 */

/** The limit of the server under test (small, so that bodies over it stay cheap). */
const MAX = 16 * 1024;
const SECRET = new TextEncoder().encode('a-test-secret-of-the-province-idp-32b');
const CONTACT = { phone: '0912345678', email: 'hung@stttt.hatinh.gov.vn' };
const REP: Actor = { role: 'targetRepresentative', id: 'rep-tg-bv-tinh', targetId: 'tg-bv-tinh' };
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).toISOString();

/** A distinct token each time (a `jti`), even for the same actor in the same second. */
const freshToken = (actor: Actor, options: Parameters<typeof tokenFor>[1] = {}) => tokenFor(actor, { ...options, claims: { jti: randomUUID(), ...options.claims } });

/** `json` followed by spaces up to `size` bytes: still the same JSON, only longer. */
const padded = (json: unknown, size: number): Uint8Array<ArrayBuffer> => {
  const text = JSON.stringify(json);
  const bytes = Buffer.byteLength(text);
  if (bytes > size) throw new Error(`body of ${bytes} bytes does not fit in ${size}`);
  return new TextEncoder().encode(text + ' '.repeat(size - bytes));
};

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/**
 * One HTTP/1.1 request on a raw socket: the head, then `parts` of the body, and nothing more (the
 * body is never ended). Resolves with the first answer; a server that waits for the rest of the
 * body never answers, and the guard rejects instead of letting the test hang.
 */
function rawRequest(base: string, head: string, parts: readonly Uint8Array[] = []): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let data = Buffer.alloc(0);
    const done = (err: Error | null, answer?: RawAnswer) => {
      clearTimeout(guard);
      socket.destroy();
      if (err) reject(err);
      else resolve(answer!);
    };
    const guard = setTimeout(() => done(new Error('no answer before the body ended / không có trả lời khi nội dung chưa gửi hết')), 30_000);
    socket.on('error', (e) => done(e));
    socket.on('close', () => done(new Error(`socket closed before an answer: ${data.toString('latin1').slice(0, 200)}`)));
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      let body = data.subarray(end + 4);
      if (headers['transfer-encoding']?.includes('chunked')) {
        const decoded: Buffer[] = [];
        let rest = body;
        for (;;) {
          const lineEnd = rest.indexOf('\r\n');
          if (lineEnd < 0) return;
          const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
          if (rest.length < lineEnd + 2 + size + 2) return;
          if (size === 0) break;
          decoded.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
          rest = rest.subarray(lineEnd + 2 + size + 2);
        }
        body = Buffer.concat(decoded);
      } else {
        const length = Number(headers['content-length'] ?? 0);
        if (body.length < length) return;
        body = body.subarray(0, length);
      }
      const text = body.toString('utf8');
      done(null, { status: Number(statusLine!.split(' ')[1]), headers, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> });
    });
    socket.on('connect', () => {
      socket.write(head);
      for (const p of parts) socket.write(p);
    });
  });
}

const headOf = (base: string, path: string, headers: Record<string, string>) =>
  `POST ${path} HTTP/1.1\r\nhost: ${new URL(base).host}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;

/** A body sent by fetch as a stream: `Transfer-Encoding: chunked`, no `Content-Length`. */
async function chunked(base: string, path: string, token: string, body: Uint8Array, key?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (key) headers['idempotency-key'] = key;
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers,
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += 1000) controller.enqueue(body.subarray(i, i + 1000));
        controller.close();
      },
    }),
    duplex: 'half',
  } as RequestInit);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** The same body with its `Content-Length` (fetch's default for bytes). */
async function sized(base: string, path: string, token: string, body: Uint8Array<ArrayBuffer>, key?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (key) headers['idempotency-key'] = key;
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** Runs `tasks` with at most `width` at once. */
async function pool<T>(tasks: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]!();
      }
    }),
  );
  return out;
}

describe('the actor remembered per token, and the body limit in every route', () => {
  let s: TestServer;
  const campaignId = () => s.seed.campaign.id;
  /** What a refused write must leave as it was: the audit chain's head and the campaign as the director reads it. */
  const state = async () =>
    JSON.stringify({
      head: await query(s.url, ACTORS.director, 'audit.checkpoint', {}),
      overview: await query(s.url, ACTORS.director, 'campaignOverview.get', { campaignId: campaignId() }),
    });

  beforeAll(async () => {
    s = await startServer({ limits: { rateLimit: false, maxBodyBytes: MAX } });
    const { director, lead } = ACTORS;
    const { seed } = s;
    const people = seed.people.map((p) => ({ ...p, contact: CONTACT }));
    await command(s.url, director, 'directory.register', { organizations: seed.bodies, people });
    await command(s.url, director, 'campaign.create', { campaign: seed.campaign });
    await command(s.url, director, 'plan.issue', { campaignId: campaignId(), issuedOn: '2021-11-26' });
    await command(s.url, lead, 'nominations.request', { campaignId: campaignId(), sentOn: '2021-11-26' });
    s.clock.set(at('2021-11-27', '09:00'));
    await command(s.url, lead, 'nomination.record', { campaignId: campaignId(), organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null });
    s.clock.set(at('2021-11-30', '08:00'));
    const members = [
      { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
      { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
      { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
    ];
    await command(s.url, director, 'team.form', { campaignId: campaignId(), name: 'Tổ Kiểm tra PC-Covid', members, decidedOn: '2021-11-30' });
  }, 120_000);
  afterAll(() => s?.close());

  describe('tokens of different people, roles and provinces, interleaved', () => {
    /** Four tokens; the other province's director has the same `sub` as ours. */
    const WHO = [
      { name: 'director', actor: ACTORS.director, tenant: '42' },
      { name: 'viewer', actor: ACTORS.viewer, tenant: '42' },
      { name: 'targetRepresentative', actor: REP, tenant: '42' },
      { name: 'director of another province', actor: ACTORS.director, tenant: '40' },
    ] as const;
    type Who = (typeof WHO)[number]['name'];
    const PATHS = ['/v1/queries/campaignOverview.get', '/v1/queries/audit.checkpoint'] as const;
    const bodyOf = (path: string) => (path.endsWith('campaignOverview.get') ? { campaignId: campaignId() } : {});

    /** What each token must get from each query: checked on its own, then compared whole. */
    const expectOwn = (who: Who, path: string, res: { status: number; body: Record<string, unknown> }) => {
      const where = { who, path };
      if (who === 'director of another province') {
        expect({ ...where, status: res.status, code: res.body.code }).toEqual({ ...where, status: 403, code: 'FORBIDDEN' });
        expect(res.body.messageEn).toContain("another province's");
        return;
      }
      if (path.endsWith('audit.checkpoint')) {
        if (who === 'targetRepresentative') expect({ ...where, status: res.status, code: res.body.code }).toEqual({ ...where, status: 403, code: 'FORBIDDEN' });
        else expect({ ...where, status: res.status, tenantId: res.body.tenantId }).toEqual({ ...where, status: 200, tenantId: '42' });
        return;
      }
      expect({ ...where, status: res.status }).toEqual({ ...where, status: 200 });
      const team = res.body.team as { personId: string; contact: unknown }[];
      if (who === 'targetRepresentative') expect(team, `${who}: no team`).toEqual([]);
      else {
        expect(team.map((m) => m.personId)).toEqual(['p-lead', 'p-secretary', 'p-health']);
        const contact = who === 'director' ? CONTACT : maskContact(CONTACT, 'provincialViewer');
        for (const m of team) expect({ ...where, person: m.personId, contact: m.contact }).toEqual({ ...where, person: m.personId, contact });
      }
    };

    it('answers each of 200 concurrent requests, round-robin over 4 tokens, for its own token', async () => {
      expect(maskContact(CONTACT, 'provincialViewer')).not.toEqual(CONTACT);
      // What each actor gets, asked alone with tokens of its own (not those used below).
      const alone = new Map<string, { status: number; body: Record<string, unknown> }>();
      for (const w of WHO) {
        const token = await freshToken(w.actor, { tenant: w.tenant });
        for (const path of PATHS) {
          const res = await call(s.url, path, { token, body: bodyOf(path) });
          expectOwn(w.name, path, res);
          alone.set(`${w.name} ${path}`, { status: res.status, body: res.body });
        }
      }
      const tokens = await Promise.all(WHO.map((w) => freshToken(w.actor, { tenant: w.tenant })));
      expect(new Set(tokens).size).toBe(WHO.length);
      const tasks = Array.from({ length: 200 }, (_, i) => {
        const w = WHO[i % WHO.length]!;
        const path = PATHS[Math.floor(i / WHO.length) % PATHS.length]!;
        return async () => ({ who: w.name, path, res: await call(s.url, path, { token: tokens[i % WHO.length]!, body: bodyOf(path) }) });
      });
      const answers = await pool(tasks, 25);
      const seen = new Map<string, number>();
      for (const { who, path, res } of answers) {
        expectOwn(who, path, res);
        const own = alone.get(`${who} ${path}`)!;
        // problem `instance` and messages are the same for the same token and path; `at` is the fixed clock.
        expect({ who, path, status: res.status, body: res.body }).toEqual({ who, path, status: own.status, body: own.body });
        seen.set(`${who} ${path}`, (seen.get(`${who} ${path}`) ?? 0) + 1);
      }
      expect([...seen.values()]).toEqual(Array.from({ length: WHO.length * PATHS.length }, () => 200 / (WHO.length * PATHS.length)));
    }, 120_000);

    it('keeps two tokens of the same person apart when they carry different roles', async () => {
      // Same `sub`, different role: a cache keyed by the person would mix them up.
      const asDirector = await freshToken(ACTORS.viewer, { claims: { pcci_role: 'director' } });
      const asViewer = await freshToken(ACTORS.viewer);
      const body = { campaignId: campaignId() };
      for (let i = 0; i < 10; i++) {
        const [d, v] = await Promise.all([
          call(s.url, '/v1/queries/campaignOverview.get', { token: asDirector, body }),
          call(s.url, '/v1/queries/campaignOverview.get', { token: asViewer, body }),
        ]);
        expect((d.body.team as { contact: unknown }[])[0]!.contact).toEqual(CONTACT);
        expect((v.body.team as { contact: unknown }[])[0]!.contact).toEqual(maskContact(CONTACT, 'provincialViewer'));
      }
    }, 60_000);
  });

  it('refuses a remembered token once its exp has passed: 401 UNAUTHENTICATED (expired), then a new token goes through', async () => {
    const token = await freshToken(ACTORS.director, { expiresIn: 4 });
    const exp = decodeJwt(token).exp!;
    const path = '/v1/queries/audit.checkpoint';
    // Sent three times while valid: verified once, then remembered (claims and actor).
    for (let i = 0; i < 3; i++) {
      const res = await call(s.url, path, { token });
      expect({ i, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ i, status: 200, body: null });
    }
    // Wait on the test's clock (not on the server) until exp is behind us.
    while (Date.now() <= exp * 1000 + 100) await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 3; i++) {
      const res = await call(s.url, path, { token });
      expect({ i, status: res.status, code: res.body.code }).toEqual({ i, status: 401, code: 'UNAUTHENTICATED' });
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="the token has expired"');
      expect(res.body.messageEn).toContain('the token has expired');
      expect(res.body.messageVi).toContain('mã truy cập đã hết hạn');
    }
    const renewed = await call(s.url, path, { token: await freshToken(ACTORS.director) });
    expect(renewed.status).toBe(200);
  }, 60_000);

  describe("a host's own verifier and resolver run on every request", () => {
    const others: TestServer[] = [];
    afterAll(async () => {
      for (const o of others) await o.close();
    });
    const N = 12;
    const jwt = createJwtVerifier({ key: SECRET, issuer: ISSUER, audience: AUDIENCE });

    it('calls its own verifyToken on every request, even one handing back the same claims object (changed by the host)', async () => {
      // A host verifier that keeps the claims per token and changes them (the person's role was withdrawn).
      const kept = new Map<string, JWTPayload>();
      let calls = 0;
      const verifyToken: TokenVerifier = async (token) => {
        calls++;
        const claims = kept.get(token) ?? (await jwt(token));
        kept.set(token, claims);
        return claims;
      };
      const o = await startServer({ jwt: undefined, verifyToken });
      others.push(o);
      const token = await freshToken(ACTORS.director);
      for (let i = 0; i < N; i++) expect((await call(o.url, '/v1/queries/audit.checkpoint', { token })).status).toBe(200);
      expect(calls).toBe(N);
      kept.get(token)!.pcci_role = 'teamMember';
      const after = await call(o.url, '/v1/queries/audit.checkpoint', { token });
      expect({ status: after.status, code: after.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(calls).toBe(N + 1);
    }, 60_000);

    it('calls its own resolveActor on every request with the same token (it may read more than the claims)', async () => {
      // A directory the resolver reads: the role changes without a new token.
      const directory = new Map<string, Actor['role']>([['p-dau-tung-lam', 'director']]);
      const seen: string[] = [];
      const resolveActor: ActorResolver = async (claims, context) => {
        seen.push(context.action);
        const actor = await resolveActorFromClaims(claims, context);
        return { ...actor, role: directory.get(actor.id) ?? actor.role };
      };
      const o = await startServer({ resolveActor });
      others.push(o);
      const token = await freshToken(ACTORS.director);
      for (let i = 0; i < N; i++) expect((await call(o.url, '/v1/queries/audit.checkpoint', { token })).status).toBe(200);
      expect(seen).toEqual(Array.from({ length: N }, () => 'audit.checkpoint'));
      directory.set('p-dau-tung-lam', 'teamMember');
      const after = await call(o.url, '/v1/queries/audit.checkpoint', { token });
      expect({ status: after.status, code: after.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(seen).toHaveLength(N + 1);
    }, 60_000);
  });

  describe('body limits', () => {
    /** A write whose effect the director can read back: a team member's new position. */
    const update = (position: string) => ({ people: [{ ...s.seed.people.find((p) => p.id === 'p-health')!, contact: CONTACT, position }] });
    const positionOfHealth = async () =>
      ((await query(s.url, ACTORS.director, 'campaignOverview.get', { campaignId: campaignId() })).team as { personId: string; position: string }[]).find(
        (m) => m.personId === 'p-health',
      )!.position;

    it('answers a chunked body under (and at) the limit normally, and refuses one over it with 413, the state unchanged', async () => {
      const token = await freshToken(ACTORS.director);
      const path = '/v1/commands/directory.register';
      const under = await chunked(s.url, path, token, padded(update('Chuyên viên 1'), MAX - 100), newKey());
      expect({ status: under.status, body: under.body }).toEqual({ status: 200, body: { organizations: 0, people: 1 } });
      expect(await positionOfHealth()).toBe('Chuyên viên 1');
      const atLimit = await chunked(s.url, path, token, padded(update('Chuyên viên 2'), MAX), newKey());
      expect({ status: atLimit.status, body: atLimit.body }).toEqual({ status: 200, body: { organizations: 0, people: 1 } });
      expect(await positionOfHealth()).toBe('Chuyên viên 2');

      const before = await state();
      const key = newKey();
      const over = await chunked(s.url, path, token, padded(update('Chuyên viên 3'), MAX + 1), key);
      expect({ status: over.status, code: over.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      expect(over.headers.get('content-type')).toBe('application/problem+json');
      expect(over.body).toMatchObject({ status: 413, instance: path });
      expect(await state()).toBe(before);
      expect(await positionOfHealth()).toBe('Chuyên viên 2');
      // The refused body claimed nothing: the same key with a body under the limit goes through.
      const retry = await chunked(s.url, path, token, padded(update('Chuyên viên 3'), 400), key);
      expect({ status: retry.status, replayed: retry.headers.get('idempotent-replayed') }).toEqual({ status: 200, replayed: null });
      expect(await positionOfHealth()).toBe('Chuyên viên 3');
    }, 60_000);

    it('answers 413 to a chunked body as soon as it streams past the limit, before the body ends', async () => {
      const token = await freshToken(ACTORS.director);
      const before = await state();
      const body = padded(update('Chuyên viên 4'), MAX + 1);
      const head = headOf(s.url, '/v1/commands/directory.register', {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': newKey(),
        'transfer-encoding': 'chunked',
      });
      const chunk = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]);
      // No last chunk: the body never ends.
      const res = await rawRequest(s.url, head, [chunk]);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(await state()).toBe(before);
    }, 60_000);

    it('answers 413 to a Content-Length over the limit without reading the body (none is sent)', async () => {
      const token = await freshToken(ACTORS.director);
      const before = await state();
      const res = await rawRequest(
        s.url,
        headOf(s.url, '/v1/commands/directory.register', {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': newKey(),
          'content-length': String(MAX + 1),
        }),
      );
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      expect(res.body.messageEn).toContain(`${MAX} bytes`);
      expect(await state()).toBe(before);
      // And at the limit exactly, the body is read and the write done.
      const exact = await sized(s.url, '/v1/commands/directory.register', token, padded(update('Chuyên viên 5'), MAX), newKey());
      expect({ status: exact.status, body: exact.body }).toEqual({ status: 200, body: { organizations: 0, people: 1 } });
      expect(await positionOfHealth()).toBe('Chuyên viên 5');
    }, 60_000);

    it('refuses a body over the limit on EVERY route of the table, by header and while streaming, with 413 and nothing written', async () => {
      const doc = (await (await fetch(`${s.url}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
      const posts = Object.keys(doc.paths).filter((p) => 'post' in doc.paths[p]!);
      const writes = posts.filter((p) => p.startsWith('/v1/commands/'));
      const fromTable = Object.values(COMMANDS).map((c) => `/v1/${c.kind === 'command' ? 'commands' : 'queries'}/${c.name}`);
      // The server's route table is the command table's, and there are writes to check.
      expect(writes.length, 'no write route found').toBeGreaterThan(0);
      expect([...posts].sort()).toEqual([...fromTable].sort());
      expect(writes.length).toBe(Object.values(COMMANDS).filter((c) => c.kind === 'command').length);

      const token = await freshToken(ACTORS.director);
      const refused: string[] = [];
      for (const path of posts) {
        const before = await state();
        const key = path.startsWith('/v1/commands/') ? newKey() : undefined;
        const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(MAX + 1) };
        if (key) headers['idempotency-key'] = key;
        const byHeader = await rawRequest(s.url, headOf(s.url, path, headers));
        expect({ path, how: 'content-length', status: byHeader.status, code: byHeader.body.code, instance: byHeader.body.instance }).toEqual({
          path,
          how: 'content-length',
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
          instance: path,
        });
        const streamed = await chunked(s.url, path, token, padded({}, MAX + 1), key && newKey());
        expect({ path, how: 'chunked', status: streamed.status, code: streamed.body.code, instance: streamed.body.instance }).toEqual({
          path,
          how: 'chunked',
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
          instance: path,
        });
        expect(await state(), `${path}: a refused body changed the state`).toBe(before);
        // The same `{}` under the limit, chunked, gets past the check to the route's own answer
        // (200 or the command's own problem — `outbox.deliver` here has no notifier), never a 413
        // nor a crash of the server.
        const small = await chunked(s.url, path, token, padded({}, 64), key && newKey());
        expect({ path, status: small.status }).not.toEqual({ path, status: 413 });
        if (small.status !== 200) {
          expect(small.headers.get('content-type'), path).toBe('application/problem+json');
          expect(small.body.code, `${path}: ${JSON.stringify(small.body)}`).not.toBe('INTERNAL');
        }
        refused.push(path);
      }
      console.log(`413 on ${refused.length} routes (${writes.length} writes), by Content-Length and chunked`);
      expect(refused).toHaveLength(posts.length);
    }, 180_000);

    it('answers a chunked body under the limit with the route’s own refusals (no token: 401; no key: 428)', async () => {
      const body = padded({}, 1000);
      const noToken = await chunked(s.url, '/v1/queries/audit.checkpoint', '', body);
      expect({ status: noToken.status, code: noToken.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      const noKey = await chunked(s.url, '/v1/commands/directory.register', await freshToken(ACTORS.director), body);
      expect({ status: noKey.status, code: noKey.body.code }).toEqual({ status: 428, code: 'IDEMPOTENCY_KEY_REQUIRED' });
    }, 60_000);
  });
});
