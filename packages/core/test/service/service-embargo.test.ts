import { describe, expect, it } from 'vitest';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import { A, createHarness } from './harness.js';

/** Everything the target representative can learn through the service, as one string. */
async function whatTheMarketSees(h: ReturnType<typeof createHarness>): Promise<string> {
  const overview = await h.service.getCampaignOverview(A.market, { campaignId: h.campaignId });
  const visits = await h.service.listVisits(A.market, { campaignId: h.campaignId });
  const byDistrict = await h.service.listVisits(A.market, { campaignId: h.campaignId, districtCode: '436' });
  const planned = await h.service.listVisits(A.market, { campaignId: h.campaignId, state: 'planned' });
  const messages = await h.service.listMessages(A.market);
  const direct = await h.service.getVisit(A.market, { visitId: 'v-market' }).catch((e: { code: string }) => e.code);
  return JSON.stringify({ overview, visits, byDistrict, planned, messages, direct });
}

/** The parts of `whatTheMarketSees` the assertions read. */
interface Seen {
  overview: { visits: { total: number; byState: Record<string, number>; byDistrict: Record<string, number> } };
  visits: { id: string }[];
  direct: unknown;
}

describe('the unannounced embargo', () => {
  it('hides the schedule from the target through every query until the visit starts', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const seen = await whatTheMarketSees(h);
    expect(seen).not.toContain('v-market');
    expect(seen).not.toContain('2021-12-07');
    expect(seen).not.toContain('tg-cho-ht');
    expect((JSON.parse(seen) as Seen).direct).toBe('NOT_FOUND');
    expect((JSON.parse(seen) as Seen).overview.visits).toEqual({ total: 0, byState: {}, byDistrict: {} });

    h.clock.set('2021-12-07T01:30:00.000Z');
    await h.service.startVisit(A.lead, { visitId: 'v-market' });
    const after = JSON.parse(await whatTheMarketSees(h)) as Seen;
    expect(after.visits.map((v) => v.id)).toEqual(['v-market']);
    expect(after.direct).toMatchObject({ id: 'v-market', state: 'underway' });
    // The overview's counts (counted in storage) show the started visit and nothing else.
    expect(after.overview.visits).toEqual({ total: 1, byState: { underway: 1 }, byDistrict: { '436': 1 } });
    // Still nothing about another unit's visit.
    expect(JSON.stringify(after)).not.toContain('v-hospital');
  });

  it('sends the schedule to the partners and never to a target', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const outbox = inspectMemoryStorage(h.storage).outbox('42');
    const schedule = outbox.filter((m) => m.topic === 'visit.scheduled');
    expect(schedule.some((m) => m.recipient.role === 'healthRepresentative')).toBe(true);
    expect(
      schedule
        .filter((m) => m.recipient.id === 'p-vhtt-436')
        .map((m) => m.refs.visitId)
        .sort(),
    ).toEqual(['v-hospital', 'v-market']);
    expect(schedule.filter((m) => m.recipient.id === 'p-vhtt-443').map((m) => m.refs.visitId)).toEqual(['v-school']);
    expect(outbox.filter((m) => m.recipient.role === 'targetRepresentative')).toEqual([]);
    // A district representative sees only visits in their district.
    expect((await h.service.listVisits(A.rep443, { campaignId: h.campaignId })).map((v) => v.id)).toEqual(['v-school']);
    expect((await h.service.listVisits(A.health, { campaignId: h.campaignId })).length).toBe(3);
    // …and counts only those in the overview; a district filter outside their district lists nothing.
    expect((await h.service.getCampaignOverview(A.rep443, { campaignId: h.campaignId })).visits).toEqual({ total: 1, byState: { planned: 1 }, byDistrict: { '443': 1 } });
    expect((await h.service.getCampaignOverview(A.rep436, { campaignId: h.campaignId })).visits).toEqual({ total: 2, byState: { planned: 2 }, byDistrict: { '436': 2 } });
    expect(await h.service.listVisits(A.rep443, { campaignId: h.campaignId, districtCode: '436' })).toEqual([]);
    expect((await h.service.listVisits(A.rep436, { campaignId: h.campaignId, districtCode: '436', state: 'planned' })).map((v) => v.id).sort()).toEqual(['v-hospital', 'v-market']);
  });

  it('masks contacts for roles that need not see them', async () => {
    const h = createHarness();
    h.seed.people.find((p) => p.id === 'p-lead')!.contact = { phone: '0912345678', email: 'hung@stttt.hatinh.gov.vn' };
    await h.steps.teamFormed();
    const lead = (await h.service.getCampaignOverview(A.director, { campaignId: h.campaignId })).team.find((m) => m.personId === 'p-lead');
    const viewer = (await h.service.getCampaignOverview(A.viewer, { campaignId: h.campaignId })).team.find((m) => m.personId === 'p-lead');
    expect(lead?.contact).toEqual({ phone: '0912345678', email: 'hung@stttt.hatinh.gov.vn' });
    expect(viewer?.contact).toEqual({ phone: '09******78', email: 'h***@stttt.hatinh.gov.vn' });
  });

  it('keeps no personal contact in the audit log or the outbox', async () => {
    const h = createHarness();
    h.seed.people.find((p) => p.id === 'p-lead')!.contact = { phone: '0912345678', email: 'hung@stttt.hatinh.gov.vn' };
    await h.steps.scheduled();
    const view = inspectMemoryStorage(h.storage);
    const text = JSON.stringify([view.audit('42'), view.outbox('42')]);
    expect(text).not.toContain('0912345678');
    expect(text).not.toContain('hung@');
  });
});

describe('the audit chain', () => {
  it('verifies, and a tampered event is detected at its sequence number', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    expect(await h.service.verifyAudit(A.viewer)).toMatchObject({ ok: true });
    const { verifyAuditChain } = await import('@pccovid-inspect/core/adapter-kit');
    const events = inspectMemoryStorage(h.storage).audit('42');
    const tampered = events.map((e) => (e.seq === 5 ? { ...e, actor: { ...e.actor, id: 'p-someone-else' } } : e));
    expect(await verifyAuditChain(tampered)).toMatchObject({ ok: false, brokenAtSeq: 5, reason: 'hash' });
    const dropped = events.filter((e) => e.seq !== 3);
    expect(await verifyAuditChain(dropped)).toMatchObject({ ok: false, brokenAtSeq: 4, reason: 'sequence' });
    await expect(h.service.verifyAudit(A.member)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
