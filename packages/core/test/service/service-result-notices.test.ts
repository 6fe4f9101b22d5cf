import { describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import type { Actor } from '@pccovid-inspect/core';
import { A, createHarness, snapshotStorage, writeDirect } from './harness.js';

type Harness = ReturnType<typeof createHarness>;
type Json = Record<string, unknown>;

const stored = (h: Harness, collection: string, id: string) => inspectMemoryStorage(h.storage).record(collection, '42', id)!;
const campaignData = (h: Harness) => stored(h, 'campaigns', h.campaignId).data as Json;
const visitData = (h: Harness, id: string) => stored(h, 'visits', id).data as Json;

/** Starts, answers, drafts, signs and reviews a visit: it is inspected. */
async function inspected(h: Harness, visitId: string, actor: Actor = A.lead, compliant = true) {
  await h.service.startVisit(actor, { visitId });
  await h.service.recordAnswers(actor, { visitId, answers: pcCovidAnswers(compliant ? 'compliant' : 'legacyQrPosted', '2021-12-07'), complete: true });
  await h.service.draftMinutes(A.lead, {
    visitId,
    endedAt: '2021-12-07T03:00:00.000Z',
    place: 'Tại đơn vị',
    representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Thủ trưởng đơn vị' }],
    assessment: compliant ? 'Đạt' : 'Chưa đạt',
    requests: compliant ? [] : [{ text: 'Niêm yết mã QR PC-Covid', dueOn: '2021-12-20' }],
  });
  await h.service.signMinutes(A.lead, { visitId, signedAt: '2021-12-07T03:05:00.000Z' });
  await h.service.reviewVisit(A.director, { visitId });
}

const report = (h: Harness) =>
  h.service.beginReporting(A.director, { campaignId: h.campaignId, issuedOn: '2022-01-05', addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Báo cáo' });

/** The seed's three visits plus `extra` more (on copies of the seed's targets), every one inspected and reported. */
async function reportedWith(extra: number): Promise<{ h: Harness; visitIds: string[] }> {
  const h = createHarness();
  await h.steps.scheduled();
  const visitIds = ['v-market', 'v-hospital', 'v-school'];
  for (let i = 0; i < extra; i++) {
    const base = h.seed.targets[i % h.seed.targets.length]!;
    const id = `tg-extra-${String(i).padStart(2, '0')}`;
    await h.service.registerTarget(A.lead, { target: { ...base, id, name: `${base.name} (${i})`, representativePersonId: `rep-${id}` } });
    const visitId = `v-extra-${String(i).padStart(2, '0')}`;
    await h.service.scheduleVisit(A.lead, { visitId, campaignId: h.campaignId, targetId: id, scheduledOn: '2021-12-10', memberIds: ['p-lead', 'p-vhtt-436', 'p-vhtt-443'] });
    visitIds.push(visitId);
  }
  h.clock.set('2021-12-07T01:30:00.000Z');
  for (const [i, visitId] of visitIds.entries()) await inspected(h, visitId, A.lead, i % 4 !== 1);
  expect(await report(h)).toMatchObject({ state: 'reporting', notices: visitIds.length });
  return { h, visitIds };
}

/** Rewrites what the service stored the way the previous version stored it: every notice on the campaign record, none on the visits. */
async function storeAsPreviousVersion(h: Harness, visitIds: readonly string[]) {
  const notices: unknown[] = [];
  for (const id of [...visitIds].sort()) {
    const v = stored(h, 'visits', id);
    const { notice, ...old } = v.data as Json;
    notices.push(notice);
    await writeDirect(h.storage, [{ collection: 'visits', tenantId: '42', id, data: old, indexes: v.indexes, updatedAt: v.updatedAt, expectedVersion: v.version }]);
  }
  const c = stored(h, 'campaigns', h.campaignId);
  await writeDirect(h.storage, [
    {
      collection: 'campaigns',
      tenantId: '42',
      id: h.campaignId,
      data: { ...(c.data as Json), notices },
      indexes: c.indexes,
      updatedAt: c.updatedAt,
      expectedVersion: c.version,
    },
  ]);
}

/** Makes the adapter's next commit fail (an unreachable database, a dropped connection): it writes nothing. */
function failNextCommit(h: Harness) {
  const commit = h.storage.commit.bind(h.storage);
  let armed = true;
  h.storage.commit = (batch) => {
    if (!armed) return commit(batch);
    armed = false;
    return Promise.reject(new Error(`injected failure committing ${batch.puts.length} records`));
  };
}

describe('results notices are stored with each visit', () => {
  it('the campaign record is the same size after reporting 3 or 30 inspected units; each visit holds its own notice', async () => {
    const small = await reportedWith(0);
    const large = await reportedWith(27);
    const sizeOf = (h: Harness) => JSON.stringify(campaignData(h)).length;
    // Only counts differ (3 → 30 visits in the lifecycle, units inspected and compliant in the report): one byte each.
    expect(Math.abs(sizeOf(large.h) - sizeOf(small.h))).toBeLessThanOrEqual(3);
    for (const { h, visitIds } of [small, large]) {
      expect(campaignData(h).notices ?? []).toEqual([]);
      expect(campaignData(h).report).toMatchObject({ unitsInspected: visitIds.length });
      for (const id of visitIds) expect(visitData(h, id).notice).toMatchObject({ id: `${id}.notice`, campaignId: h.campaignId, issuedOn: '2022-01-05' });
    }

    // A later campaign write (follow-up, close) rewrites only the small record.
    const h = large.h;
    const before = sizeOf(h);
    await h.service.beginFollowUp(A.lead, { campaignId: h.campaignId });
    expect(sizeOf(h)).toBe(before + 'followingUp'.length - 'reporting'.length);

    // Every notice is listed once, in the order it was numbered; each builds.
    const listing = await h.service.listDocuments(A.director, { campaignId: h.campaignId });
    const notices = listing.filter((d) => d.ref.kind === 'notice');
    expect(notices.map((d) => d.fileStem)).toEqual([...large.visitIds].sort().map((id) => `TB-${id}`));
    const numbers = await Promise.all(notices.map(async (d) => (await h.service.getDocument(A.director, d.ref)).header.number));
    expect(numbers.map((n) => n?.number)).toEqual(notices.map((_, i) => i + 1));
  });

  it('a unit’s representative sees only the notice of its own unit', async () => {
    const { h } = await reportedWith(0);
    const market = await h.service.listDocuments(A.market, { campaignId: h.campaignId });
    expect(market.filter((d) => d.ref.kind === 'notice').map((d) => d.fileStem)).toEqual(['TB-v-market']);
    await expect(h.service.getDocument(A.market, { kind: 'notice', visitId: 'v-hospital' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await h.service.getDocument(A.market, { kind: 'notice', visitId: 'v-market' })).header.number).toEqual({ number: 2, symbol: 'TB-STTTT' });
  });

  it('a notice not yet issued is refused as not existing yet', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    h.clock.set('2021-12-07T01:30:00.000Z');
    await inspected(h, 'v-market');
    await expect(h.service.getDocument(A.director, { kind: 'notice', visitId: 'v-market' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const listing = await h.service.listDocuments(A.director, { campaignId: h.campaignId });
    expect(listing.filter((d) => d.ref.kind === 'notice')).toEqual([]);
  });

  it('beginReporting is one batch: a failed commit writes nothing, and a retry issues the same numbers', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    h.clock.set('2021-12-07T01:30:00.000Z');
    for (const id of ['v-market', 'v-hospital', 'v-school']) await inspected(h, id);
    const before = await snapshotStorage(h.storage);

    failNextCommit(h);
    await expect(report(h)).rejects.toMatchObject({ code: 'STORAGE_FAILED', operation: 'commit' });
    expect(await snapshotStorage(h.storage)).toBe(before);

    expect(await report(h)).toMatchObject({ state: 'reporting', reportNumberSymbol: '01/BC-STTTT', notices: 3 });
    expect(['v-hospital', 'v-market', 'v-school'].map((id) => (visitData(h, id).notice as Json).numberSymbol)).toEqual(['01/TB-STTTT', '02/TB-STTTT', '03/TB-STTTT']);
    expect(
      inspectMemoryStorage(h.storage)
        .outbox('42')
        .filter((m) => m.topic === 'result.noticed'),
    ).toHaveLength(3);
  });

  it('a visit written between reading it and committing makes beginReporting a CONFLICT that writes nothing (no notice from a stale visit)', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    h.clock.set('2021-12-07T01:30:00.000Z');
    for (const id of ['v-market', 'v-hospital', 'v-school']) await inspected(h, id);
    const commit = h.storage.commit.bind(h.storage);
    let armed = true;
    h.storage.commit = async (batch) => {
      if (armed) {
        armed = false;
        await h.service.closeVisit(A.director, { visitId: 'v-school' }); // after reporting read the visits
      }
      return commit(batch);
    };
    const before = await snapshotStorage(h.storage);
    await expect(report(h)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await snapshotStorage(h.storage)).not.toBe(before); // the close went through…
    expect(visitData(h, 'v-school')).not.toHaveProperty('notice'); // …and reporting wrote nothing
    expect(campaignData(h).report).toBeNull();
    expect(await report(h)).toMatchObject({ state: 'reporting', reportNumberSymbol: '01/BC-STTTT', notices: 3 }); // no number was taken
  });

  it('a campaign record stored by the previous version (notices on the campaign) still produces the same notices, and keeps working', async () => {
    const { h, visitIds } = await reportedWith(2);
    const listingNow = await h.service.listDocuments(A.director, { campaignId: h.campaignId });
    const documentsNow = await Promise.all(visitIds.map((visitId) => h.service.getDocument(A.director, { kind: 'notice', visitId })));
    const marketNow = await h.service.listDocuments(A.market, { campaignId: h.campaignId });

    await storeAsPreviousVersion(h, visitIds);
    expect(campaignData(h).notices).toHaveLength(visitIds.length);
    for (const id of visitIds) expect(visitData(h, id)).not.toHaveProperty('notice');

    expect(await h.service.listDocuments(A.director, { campaignId: h.campaignId })).toEqual(listingNow);
    expect(await Promise.all(visitIds.map((visitId) => h.service.getDocument(A.director, { kind: 'notice', visitId })))).toEqual(documentsNow);
    expect(await h.service.listDocuments(A.market, { campaignId: h.campaignId })).toEqual(marketNow);
    await expect(h.service.getDocument(A.market, { kind: 'notice', visitId: 'v-hospital' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Later writes of the old-shaped records keep their notices readable.
    await h.service.closeVisit(A.director, { visitId: 'v-market' });
    await h.service.beginFollowUp(A.lead, { campaignId: h.campaignId });
    expect(await h.service.getDocument(A.director, { kind: 'notice', visitId: 'v-market' })).toEqual(documentsNow[0]);
    expect(await h.service.listDocuments(A.director, { campaignId: h.campaignId })).toEqual(listingNow);
  });
});
