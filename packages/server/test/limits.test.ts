import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, call, newKey, startServer, tokenFor, type TestServer } from './server-harness.js';

describe('request limits and CORS', () => {
  let s: TestServer;
  let limited: TestServer;
  let withCors: TestServer;
  beforeAll(async () => {
    s = await startServer();
    limited = await startServer({ limits: { rateLimit: { burst: 3, perSecond: 0.2 } } });
    withCors = await startServer({ cors: { origins: ['https://kiemtra.hatinh.gov.vn'] } });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await limited?.close();
    await withCors?.close();
  });

  it('refuses a body over 1 MiB with PAYLOAD_TOO_LARGE (413), before looking at it', async () => {
    const token = await tokenFor(ACTORS.director);
    const big = { organizations: [], people: [], padding: 'x'.repeat(1_100_000) };
    const res = await call(s.url, '/v1/commands/directory.register', { token, key: newKey(), body: big });
    expect(res).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    const streamed = await fetch(`${s.url}/v1/queries/visits.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const small = await call(s.url, '/v1/queries/visits.list', { token, body: { campaignId: 'c-none' } });
    expect(small.status).not.toBe(413);
  });

  it('refuses a non-JSON body with UNSUPPORTED_MEDIA_TYPE (415)', async () => {
    const res = await call(s.url, '/v1/queries/visits.list', { token: await tokenFor(ACTORS.director), body: {}, headers: { 'content-type': 'text/plain' } });
    expect(res).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('limits each subject with a token bucket: 429 with Retry-After, other subjects unaffected', async () => {
    const token = await tokenFor(ACTORS.viewer);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | null = null;
    for (let i = 0; i < 4; i++) {
      last = await call(limited.url, '/v1/queries/visits.list', { token, body: { campaignId: 'c-none' } });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
    expect(last!.body.code).toBe('RATE_LIMITED');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = await call(limited.url, '/v1/queries/visits.list', { token: await tokenFor(ACTORS.lead), body: { campaignId: 'c-none' } });
    expect(other.status).not.toBe(429);
  });

  it('sends no CORS headers by default; with an allow-list, only to the listed origin', async () => {
    const preflight = (base: string, origin: string) =>
      fetch(`${base}/v1/queries/visits.list`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    expect((await preflight(s.url, 'https://kiemtra.hatinh.gov.vn')).headers.get('access-control-allow-origin')).toBeNull();
    const ok = await preflight(withCors.url, 'https://kiemtra.hatinh.gov.vn');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://kiemtra.hatinh.gov.vn');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    expect((await preflight(withCors.url, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
