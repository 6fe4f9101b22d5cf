import { describe, expect, it, vi } from 'vitest';
import { A, createHarness } from './harness.js';

type Harness = ReturnType<typeof createHarness>;

/** The seed's three visits and `extra` more on copies of its targets, on dates across the campaign. */
async function withVisits(extra: number): Promise<Harness> {
  const h = createHarness();
  await h.steps.scheduled();
  for (let i = 0; i < extra; i++) {
    const base = h.seed.targets[i % h.seed.targets.length]!;
    const targetId = `tg-page-${String(i).padStart(3, '0')}`;
    await h.service.registerTarget(A.lead, { target: { ...base, id: targetId, name: `${base.name} (${i})`, representativePersonId: `rep-${targetId}` } });
    await h.service.scheduleVisit(A.lead, {
      visitId: `v-page-${String(i).padStart(3, '0')}`,
      campaignId: h.campaignId,
      targetId,
      scheduledOn: `2021-12-${String(6 + (i % 9)).padStart(2, '0')}`,
      memberIds: ['p-lead', 'p-vhtt-436', 'p-vhtt-443'],
    });
  }
  return h;
}

describe('getVisitPage', () => {
  it('pages through every visit listVisits returns, in the same order, each page one bounded storage query', async () => {
    const h = await withVisits(40);
    const all = await h.service.listVisits(A.director, { campaignId: h.campaignId });
    const query = vi.spyOn(h.storage, 'query');
    const seen = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<Harness['service']['getVisitPage']>> = await h.service.getVisitPage(A.director, { campaignId: h.campaignId, limit: 7, cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);
    const visitQueries = query.mock.calls.map(([request]) => request).filter((request) => request.collection === 'visits');
    expect(visitQueries).toHaveLength(Math.ceil(all.length / 7));
    for (const request of visitQueries) expect(request).toMatchObject({ limit: 7, orderBy: { field: 'scheduledOn' } });
  }, 60_000);

  it('keeps each role to what it may see: a district representative its district, a target representative nothing before its visit starts', async () => {
    const h = await withVisits(0);
    const district = await h.service.getVisitPage(A.rep436, { campaignId: h.campaignId });
    expect(district.items.map((v) => v.districtCode)).toEqual(district.items.map(() => '436'));
    expect(district.items.length).toBeGreaterThan(0);
    expect(await h.service.getVisitPage(A.market, { campaignId: h.campaignId })).toEqual({ items: [], nextCursor: null });
    await h.service.startVisit(A.lead, { visitId: 'v-market' });
    expect((await h.service.getVisitPage(A.market, { campaignId: h.campaignId })).items.map((v) => v.id)).toEqual(['v-market']);
  }, 60_000);

  it('refuses a limit out of range and a cursor that is not one, with VALIDATION_FAILED naming the field', async () => {
    const h = await withVisits(0);
    await expect(h.service.getVisitPage(A.director, { campaignId: h.campaignId, limit: 501 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ path: ['limit'] })],
    });
    await expect(h.service.getVisitPage(A.director, { campaignId: h.campaignId, cursor: 'không-phải-con-trỏ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  }, 60_000);
});
