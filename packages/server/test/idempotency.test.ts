import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, call, command, newKey, query, startServer, tokenFor, type TestServer } from './server-harness.js';

describe('Idempotency-Key', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
    await command(s.url, ACTORS.director, 'directory.register', { organizations: s.seed.bodies, people: s.seed.people });
    await command(s.url, ACTORS.director, 'campaign.create', { campaign: s.seed.campaign });
  }, 60_000);
  afterAll(() => s?.close());

  const snapshot = async () =>
    JSON.stringify([await query(s.url, ACTORS.director, 'campaignOverview.get', { campaignId: s.seed.campaign.id }), await query(s.url, ACTORS.director, 'audit.verify', {})]);

  it('a replayed write with the same key and body changes nothing and returns the first answer', async () => {
    const token = await tokenFor(ACTORS.director);
    const key = newKey();
    const body = { campaignId: s.seed.campaign.id, issuedOn: '2021-11-26' };
    const first = await call(s.url, '/v1/commands/plan.issue', { token, key, body });
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('issued');
    const after = await snapshot();
    // A new token of the same person (a retry after a refresh) replays too.
    const again = await call(s.url, '/v1/commands/plan.issue', { token: await tokenFor(ACTORS.director, { expiresIn: 900 }), key, body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await snapshot()).toBe(after);
    // Without the key, the same write is a second command: the plan is already issued.
    const fresh = await call(s.url, '/v1/commands/plan.issue', { token, key: newKey(), body });
    expect(fresh).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
  });

  it('the same key with another body is IDEMPOTENCY_KEY_REUSED (422) and changes nothing', async () => {
    const token = await tokenFor(ACTORS.lead);
    const key = newKey();
    const first = await call(s.url, '/v1/commands/nominations.request', { token, key, body: { campaignId: s.seed.campaign.id, sentOn: '2021-11-26' } });
    expect(first.status).toBe(200);
    const before = await snapshot();
    const other = await call(s.url, '/v1/commands/nominations.request', { token, key, body: { campaignId: s.seed.campaign.id, sentOn: '2021-11-27' } });
    expect(other).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await snapshot()).toBe(before);
  });

  it('replays a refusal as it was first answered', async () => {
    const token = await tokenFor(ACTORS.lead);
    const key = newKey();
    const body = { campaignId: s.seed.campaign.id, issuedOn: '2021-11-26' };
    const first = await call(s.url, '/v1/commands/plan.issue', { token, key, body });
    expect(first).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const again = await call(s.url, '/v1/commands/plan.issue', { token, key, body });
    expect(again.status).toBe(403);
    expect(again.body).toEqual(first.body);
  });

  it('keys are per person: another person with the same key runs their own write', async () => {
    const key = newKey();
    const a = await call(s.url, '/v1/commands/deadlines.advance', { token: await tokenFor(ACTORS.director), key, body: {} });
    const b = await call(s.url, '/v1/commands/deadlines.advance', { token: await tokenFor(ACTORS.lead), key, body: {} });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
  });
});
