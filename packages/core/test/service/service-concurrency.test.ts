import { describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import { A, createHarness } from './harness.js';

describe('concurrent commands', () => {
  it('two concurrent starts of the same visit: exactly one wins, the other gets CONFLICT, nothing lost', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const auditBefore = inspectMemoryStorage(h.storage).audit('42').length;
    const results = await Promise.allSettled([h.service.startVisit(A.lead, { visitId: 'v-market' }), h.service.startVisit(A.secretary, { visitId: 'v-market' })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'CONFLICT' });
    const view = inspectMemoryStorage(h.storage);
    expect(view.record('visits', '42', 'v-market')?.version).toBe(2);
    expect(view.audit('42').length).toBe(auditBefore + 1);
  });

  it('two concurrent answer recordings on the same visit: one wins, the loser retries and both answers are kept', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    await h.service.startVisit(A.lead, { visitId: 'v-market' });
    const all = pcCovidAnswers('compliant');
    const first = { a1: all.a1!, a2: all.a2! };
    const second = { b1: all.b1!, b2: all.b2! };
    const results = await Promise.allSettled([
      h.service.recordAnswers(A.lead, { visitId: 'v-market', answers: first }),
      h.service.recordAnswers(A.secretary, { visitId: 'v-market', answers: second }),
    ]);
    const lost = results.findIndex((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results[lost] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    // The loser reloads (the service does on each call) and applies its change again.
    await h.service.recordAnswers(lost === 0 ? A.lead : A.secretary, { visitId: 'v-market', answers: lost === 0 ? first : second });
    const stored = inspectMemoryStorage(h.storage).record('visits', '42', 'v-market')?.data as { response: { answers: Record<string, unknown> } };
    expect(Object.keys(stored.response.answers).sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('concurrent plans of one issuing body each get their own number: all succeed, numbers 1…n without a gap', async () => {
    const h = createHarness();
    await h.steps.created();
    const ids = ['c-a', 'c-b', 'c-c', 'c-d', 'c-e', 'c-f'];
    for (const id of ids) await h.service.createCampaign(A.director, { campaign: { ...h.seed.campaign, id } });
    const results = await Promise.all(ids.map((campaignId) => h.service.issuePlan(A.director, { campaignId, issuedOn: '2021-11-26' })));
    expect(results.map((r) => r.numberSymbol).sort()).toEqual(['01/KH-STTTT', '02/KH-STTTT', '03/KH-STTTT', '04/KH-STTTT', '05/KH-STTTT', '06/KH-STTTT']);
    expect(await h.service.verifyAudit(A.director, {})).toMatchObject({ ok: true });
  });

  describe('8 commands at once in one province', () => {
    /**
     * The seed's three visits and six more, scheduled, the first one started (which moves the
     * campaign to inspecting — a write of the campaign that concurrent first starts would
     * contend for); returns the harness and the eight visits not started.
     */
    async function eightVisits() {
      const h = createHarness();
      await h.steps.scheduled();
      const visitIds = ['v-market', 'v-hospital', 'v-school'];
      for (let i = 0; i < 6; i++) {
        const base = h.seed.targets[i % h.seed.targets.length]!;
        const targetId = `tg-more-${i}`;
        await h.service.registerTarget(A.lead, { target: { ...base, id: targetId, name: `${base.name} (${i})`, representativePersonId: `rep-${targetId}` } });
        const visitId = `v-more-${i}`;
        await h.service.scheduleVisit(A.lead, { visitId, campaignId: h.campaignId, targetId, scheduledOn: '2021-12-10', memberIds: ['p-lead', 'p-vhtt-436', 'p-vhtt-443'] });
        visitIds.push(visitId);
      }
      h.clock.set('2021-12-07T01:30:00.000Z');
      await h.service.startVisit(A.lead, { visitId: 'v-market' });
      return { h, visitIds: visitIds.filter((id) => id !== 'v-market') };
    }

    it('on 8 different visits: all 8 succeed (no CONFLICT for audit contention) and the chain verifies', async () => {
      const { h, visitIds } = await eightVisits();
      const before = inspectMemoryStorage(h.storage).audit('42').length;
      const results = await Promise.allSettled(visitIds.map((visitId) => h.service.startVisit(A.lead, { visitId })));
      expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code))).toEqual(Array(8).fill('ok'));
      const chain = inspectMemoryStorage(h.storage).audit('42');
      expect(chain.length).toBe(before + 8);
      expect(chain.map((a) => a.seq)).toEqual(chain.map((_, i) => i + 1));
      expect(await h.service.verifyAudit(A.director, {})).toMatchObject({ ok: true });
    }, 30_000);

    it('on one visit: exactly 1 succeeds, 7 get CONFLICT, and the chain verifies', async () => {
      const { h } = await eightVisits();
      const before = inspectMemoryStorage(h.storage).audit('42').length;
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => h.service.startVisit(A.lead, { visitId: 'v-hospital' })));
      const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code)).sort();
      expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
      expect(inspectMemoryStorage(h.storage).audit('42').length).toBe(before + 1);
      expect(inspectMemoryStorage(h.storage).record('visits', '42', 'v-hospital')?.version).toBe(2);
      expect(await h.service.verifyAudit(A.director, {})).toMatchObject({ ok: true });
    }, 30_000);
  });
});
