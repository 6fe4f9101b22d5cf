import { describe, expect, it, vi } from 'vitest';
import { canSeeVisit, createInspectionService, type Actor, type StorageAdapter } from '@pccovid-inspect/core';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSequentialIds } from '@pccovid-inspect/core';
import { COLLECTIONS, VisitRecordSchema, stateOf, visitVisibilityFacts } from '../../src/service/records.js';
import { guardStorage } from '../../src/service/guarded-storage.js';
import { A, createHarness, writeDirect } from './harness.js';

/** The same store without the capability: core must count by paging through `query`. */
function withoutGroupedCounts(storage: StorageAdapter): StorageAdapter {
  return { ...storage, capabilities: { ...storage.capabilities, groupedCounts: false }, countBy: undefined };
}

/** More actors than the seed round has: a district and a target with no visit. */
const ACTORS: Record<string, Actor> = {
  ...A,
  rep440: { role: 'districtRepresentative', id: 'p-vhtt-440', districtCode: '440' },
  school: { role: 'targetRepresentative', id: 'rep-tg-school', targetId: 'tg-thpt-phan-dinh-phung' },
  stranger: { role: 'targetRepresentative', id: 'rep-nowhere', targetId: 'tg-nowhere' },
};

const tally = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

/** What the overview counted before `countBy`: load every visit, check it, keep what the actor may see. */
async function bruteForceVisits(storage: StorageAdapter, campaignId: string, actor: Actor) {
  const visits = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<StorageAdapter['query']>> = await storage.query({ collection: COLLECTIONS.visits, tenantId: '42', where: { campaignId }, cursor, limit: 1000 });
    for (const r of page.items) visits.push(VisitRecordSchema.parse(r.data));
    cursor = page.nextCursor;
  } while (cursor);
  const seen = visits.filter((v) => canSeeVisit(actor, visitVisibilityFacts(v)));
  return { total: seen.length, byState: tally(seen.map((v) => stateOf(v.lifecycle))), byDistrict: tally(seen.map((v) => v.visit.districtCode)) };
}

async function expectCountsAsBefore(h: ReturnType<typeof createHarness>): Promise<void> {
  const fallback = createInspectionService({
    storage: withoutGroupedCounts(h.storage),
    tenant: h.seed.tenant,
    adminUnits: HA_TINH_2021_DISTRICTS,
    clock: h.clock,
    ids: createSequentialIds(),
  });
  for (const [name, actor] of Object.entries(ACTORS)) {
    const expected = await bruteForceVisits(h.storage, h.campaignId, actor);
    const native = await h.service.getCampaignOverview(actor, { campaignId: h.campaignId });
    const paged = await fallback.getCampaignOverview(actor, { campaignId: h.campaignId });
    expect(native.visits, `${name} (countBy in storage)`).toEqual(expected);
    expect(paged.visits, `${name} (core's paging fallback)`).toEqual(expected);
    expect(paged.remediation, name).toEqual(native.remediation);
  }
}

describe('campaign overview counts come from storage', () => {
  it('equal what loading every visit gave, for every role, through the embargo', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    await expectCountsAsBefore(h);
    h.clock.set('2021-12-07T01:30:00.000Z');
    await h.service.startVisit(A.lead, { visitId: 'v-market' });
    await h.service.cancelVisit(A.lead, { visitId: 'v-school', reason: 'Đơn vị tạm dừng hoạt động' });
    await expectCountsAsBefore(h);
    const market = await h.service.getCampaignOverview(A.market, { campaignId: h.campaignId });
    expect(market.visits).toEqual({ total: 1, byState: { underway: 1 }, byDistrict: { '436': 1 } });
    const hospital = await h.service.getCampaignOverview(A.hospital, { campaignId: h.campaignId });
    expect(hospital.visits).toEqual({ total: 0, byState: {}, byDistrict: {} });
  });

  it('show a target its visits before they start when the campaign is announced', async () => {
    const h = createHarness();
    h.seed.campaign.form = 'announced';
    await h.steps.scheduled();
    await expectCountsAsBefore(h);
    expect((await h.service.getCampaignOverview(A.market, { campaignId: h.campaignId })).visits).toEqual({ total: 1, byState: { planned: 1 }, byDistrict: { '436': 1 } });
  });

  it('read no visit record when the adapter counts in storage', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const query = vi.spyOn(h.storage, 'query');
    const countBy = vi.spyOn(h.storage, 'countBy');
    const overview = await h.service.getCampaignOverview(A.director, { campaignId: h.campaignId });
    expect(overview.visits).toEqual({ total: 3, byState: { planned: 3 }, byDistrict: { '436': 2, '443': 1 } });
    expect(query.mock.calls.filter(([request]) => request.collection === COLLECTIONS.visits)).toEqual([]);
    expect(countBy).toHaveBeenCalledWith({ collection: 'visits', tenantId: '42', where: { campaignId: h.campaignId }, groupBy: ['state', 'districtCode'] });
  });
});

describe("core's countBy", () => {
  const seed = async (storage: StorageAdapter, n: number) => {
    await writeDirect(
      storage,
      Array.from({ length: n }, (_, i) => ({
        collection: 'visits',
        tenantId: '42',
        id: `v-${String(i).padStart(4, '0')}`,
        data: { i },
        indexes: { campaignId: i % 2 === 0 ? 'c-1' : 'c-2', state: ['planned', 'underway', 'reviewed'][i % 3] ?? null, started: i % 5 === 0 },
        updatedAt: '2021-12-06T01:30:00.000Z',
        expectedVersion: 0,
      })),
    );
  };

  it('falls back to paging through query, 1000 records a page, with the same result as the adapter', async () => {
    const memory = createMemoryStorage();
    await seed(memory, 2500);
    const plain = withoutGroupedCounts(memory);
    const query = vi.spyOn(plain, 'query');
    const request = { collection: 'visits', tenantId: '42', where: { started: false }, groupBy: ['campaignId', 'state'] };
    const paged = await guardStorage(plain).countBy(request);
    expect(paged).toEqual(await guardStorage(memory).countBy(request));
    expect(paged.groups.reduce((n, g) => n + g.count, 0)).toBe(2000);
    expect(query).toHaveBeenCalledTimes(2);
    expect(query.mock.calls.every(([r]) => r.limit === 1000 && r.orderBy === undefined)).toBe(true);
  });

  it('checks the request once, before choosing a path', async () => {
    for (const storage of [createMemoryStorage(), withoutGroupedCounts(createMemoryStorage())]) {
      const guarded = guardStorage(storage);
      await expect(guarded.countBy({ collection: 'visits', tenantId: '42', groupBy: [] })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: ['groupBy'] }],
      });
      await expect(guarded.countBy({ collection: 'visits', tenantId: '42', groupBy: ['state', 'state'] })).rejects.toMatchObject({ issues: [{ path: ['groupBy', 1] }] });
      await expect(guarded.countBy({ collection: 'visits', tenantId: '42', where: { state: { eq: 1 } } as never, groupBy: ['state'] })).rejects.toMatchObject({
        issues: [{ path: ['where', 'state'] }],
      });
    }
  });

  it('refuses a malformed result of an adapter as STORAGE_FAILED', async () => {
    const request = { collection: 'visits', tenantId: '42', where: { state: 'planned' }, groupBy: ['state'] };
    const lying = (groups: unknown) => guardStorage({ ...createMemoryStorage(), countBy: () => Promise.resolve({ groups } as never) });
    const bad = [
      null,
      [{ key: { state: 'planned' }, count: 0 }],
      [{ key: { state: 'planned' }, count: 1.5 }],
      [{ key: {}, count: 1 }],
      [{ key: { state: 'planned', other: 1 }, count: 1 }],
      [{ key: { state: 'underway' }, count: 1 }],
      [
        { key: { state: 'planned' }, count: 1 },
        { key: { state: 'planned' }, count: 2 },
      ],
    ];
    for (const groups of bad) await expect(lying(groups).countBy(request), JSON.stringify(groups)).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    await expect(lying([{ key: { state: 'planned' }, count: 3 }]).countBy(request)).resolves.toEqual({ groups: [{ key: { state: 'planned' }, count: 3 }] });
    const unordered = guardStorage({
      ...createMemoryStorage(),
      countBy: () =>
        Promise.resolve({
          groups: [
            { key: { state: 'underway' }, count: 1 },
            { key: { state: 'planned' }, count: 1 },
          ],
        }),
    });
    await expect(unordered.countBy({ collection: 'visits', tenantId: '42', groupBy: ['state'] })).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
  });

  it('refuses an adapter that declares groupedCounts without countBy', () => {
    const storage = { ...createMemoryStorage(), countBy: undefined };
    expect(() => guardStorage(storage)).toThrow(/groupedCounts/);
  });
});
