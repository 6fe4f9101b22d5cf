import { COMMANDS } from '@pccovid-inspect/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, call, newKey, query, startServer, tokenFor, type TestServer } from './server-harness.js';

const ENDPOINTS = Object.values(COMMANDS).map((c) => ({ name: c.name, path: `/v1/${c.kind === 'command' ? 'commands' : 'queries'}/${c.name}`, write: c.kind === 'command' }));

describe('refusals, for every endpoint of the command table', () => {
  let s: TestServer;
  let before: string;
  beforeAll(async () => {
    s = await startServer();
    before = JSON.stringify(await query(s.url, ACTORS.director, 'audit.verify', {}));
  }, 60_000);
  afterAll(() => s?.close());

  const cases: { why: string; token: () => Promise<string | undefined>; body?: unknown; status: number; code: string }[] = [
    { why: 'no token', token: () => Promise.resolve(undefined), status: 401, code: 'UNAUTHENTICATED' },
    { why: 'a forged token', token: () => tokenFor(ACTORS.director, { forged: true }), status: 401, code: 'UNAUTHENTICATED' },
    { why: 'an expired token', token: () => tokenFor(ACTORS.director, { expiresIn: -60 }), status: 401, code: 'UNAUTHENTICATED' },
    { why: 'a token for another audience', token: () => tokenFor(ACTORS.director, { audience: 'another-app' }), status: 401, code: 'UNAUTHENTICATED' },
    { why: "another province's token", token: () => tokenFor(ACTORS.director, { tenant: '40' }), status: 403, code: 'FORBIDDEN' },
    { why: 'a token without a valid role', token: () => tokenFor(ACTORS.director, { claims: { pcci_role: 'governor' } }), status: 403, code: 'FORBIDDEN' },
    {
      why: 'a body claiming a role',
      token: () => tokenFor(ACTORS.viewer),
      body: { actor: { role: 'director', id: 'p-dau-tung-lam' } },
      status: 422,
      code: 'VALIDATION_FAILED',
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.why} on all ${ENDPOINTS.length} endpoints with ${c.code}`, async () => {
      const token = await c.token();
      for (const e of ENDPOINTS) {
        const res = await call(s.url, e.path, { token, body: c.body ?? {}, key: e.write ? newKey() : null });
        expect({ endpoint: e.name, status: res.status, code: res.body.code }).toEqual({ endpoint: e.name, status: c.status, code: c.code });
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(res.body).toMatchObject({ status: c.status, instance: e.path });
        expect(res.body.type).toMatch(/^urn:pccovid-inspect:problem:/);
        expect(res.body.messageVi).toBeTypeOf('string');
        expect(res.body.messageEn).toBeTypeOf('string');
        if (c.status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
        if (c.code === 'VALIDATION_FAILED') expect(res.body.issues).toEqual([expect.objectContaining({ path: ['actor'], code: 'actor_in_body' })]);
      }
    }, 60_000);
  }

  it('refuses a write without an Idempotency-Key (428) on every command', async () => {
    const token = await tokenFor(ACTORS.director);
    for (const e of ENDPOINTS.filter((x) => x.write)) {
      const res = await call(s.url, e.path, { token, body: {} });
      expect({ endpoint: e.name, status: res.status, code: res.body.code }).toEqual({ endpoint: e.name, status: 428, code: 'IDEMPOTENCY_KEY_REQUIRED' });
    }
  }, 60_000);

  it('refuses a document to a forged token and a role from the query string alike', async () => {
    const forged = await fetch(`${s.url}/v1/documents/plan/c1?role=director`, { headers: { authorization: `Bearer ${await tokenFor(ACTORS.director, { forged: true })}` } });
    expect(forged.status).toBe(401);
  });

  it('answers an unknown route with a problem, not HTML', async () => {
    const res = await call(s.url, '/v1/commands/visit.teleport', { token: await tokenFor(ACTORS.director), key: newKey() });
    expect(res).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('changed nothing', async () => {
    expect(JSON.stringify(await query(s.url, ACTORS.director, 'audit.verify', {}))).toBe(before);
  });
});
