import { describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import { A, createHarness } from './harness.js';

describe('concurrent commands', () => {
  it('two concurrent starts of the same visit: exactly one wins, the other gets CONFLICT, nothing lost', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const auditBefore = inspectMemoryStorage(h.storage).audit('42').length;
    const results = await Promise.allSettled([h.service.startVisit(A.lead, { visitId: 'v-market' }), h.service.startVisit(A.member, { visitId: 'v-market' })]);
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

  it('concurrent document numbers never repeat', async () => {
    const h = createHarness();
    await h.steps.created();
    const ids = ['c-a', 'c-b', 'c-c', 'c-d'];
    for (const id of ids) await h.service.createCampaign(A.director, { campaign: { ...h.seed.campaign, id } });
    const settled = await Promise.allSettled(ids.map((campaignId) => h.service.issuePlan(A.director, { campaignId, issuedOn: '2021-11-26' })));
    const numbers = settled.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ numberSymbol: string }>).value.numberSymbol);
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const r of settled) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
  });
});
