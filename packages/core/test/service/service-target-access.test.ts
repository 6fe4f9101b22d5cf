import { describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import type { Actor } from '@pccovid-inspect/core';
import { A, createHarness, snapshotStorage } from './harness.js';

type Harness = ReturnType<typeof createHarness>;

/** Starts, answers, drafts, signs and reviews a visit. */
async function inspected(h: Harness, visitId: string, compliant: boolean) {
  await h.service.startVisit(A.lead, { visitId });
  await h.service.recordAnswers(A.lead, { visitId, answers: pcCovidAnswers(compliant ? 'compliant' : 'legacyQrPosted', '2021-12-07'), complete: true });
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

/**
 * The round after the visits: the market found non-compliant (a remediation, a reminder), the
 * hospital compliant, the school cancelled; the report issued (it names both units).
 */
async function followedUp(): Promise<Harness> {
  const h = createHarness();
  await h.steps.scheduled();
  h.clock.set('2021-12-07T01:30:00.000Z');
  await inspected(h, 'v-market', false);
  await inspected(h, 'v-hospital', true);
  await h.service.cancelVisit(A.lead, { visitId: 'v-school', reason: 'Hoãn' });
  await h.service.beginReporting(A.director, { campaignId: h.campaignId, issuedOn: '2022-01-05', addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Báo cáo' });
  await h.service.openRemediation(A.lead, { remediationId: 'rm-market', visitId: 'v-market' });
  await h.service.sendReminder(A.secretary, { remediationId: 'rm-market', sentOn: '2022-01-06' });
  return h;
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: { code: string }) => e.code,
  );

describe("a target's representative sees only their own unit's documents", () => {
  it('is refused the results report, the plan and the team decision with NOT_FOUND (as a visit they may not see), and nothing changes', async () => {
    const h = await followedUp();
    const hospitalName = h.seed.targets.find((t) => t.id === 'tg-bv-tinh')!.name;
    // The report names the other unit and its result: the director reads it…
    expect(JSON.stringify(await h.service.getDocument(A.director, { kind: 'report', campaignId: h.campaignId }))).toContain(hospitalName);
    const before = await snapshotStorage(h.storage);
    for (const kind of ['report', 'plan', 'teamDecision'] as const) {
      await expect(h.service.getDocument(A.market, { kind, campaignId: h.campaignId })).rejects.toMatchObject({ code: 'NOT_FOUND', collection: 'documents' });
    }
    // …the same refusal as for another unit's minutes.
    await expect(h.service.getDocument(A.market, { kind: 'minutes', visitId: 'v-hospital' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('refuses before looking, so the refusal does not tell whether the report exists yet', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    await expect(h.service.getDocument(A.director, { kind: 'report', campaignId: h.campaignId })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(h.service.getDocument(A.market, { kind: 'report', campaignId: h.campaignId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("lists the unit's minutes, notice and reminder — and builds each — but nothing of the campaign or of another unit", async () => {
    const h = await followedUp();
    const listing = await h.service.listDocuments(A.market, { campaignId: h.campaignId });
    expect(listing.map((d) => d.fileStem)).toEqual(['BB-v-market', 'TB-v-market', 'CV-nhac-nho-rm-market-1']);
    for (const d of listing) await expect(h.service.getDocument(A.market, d.ref)).resolves.toMatchObject({ header: expect.any(Object) as unknown });
    const hospital = await h.service.listDocuments(A.hospital, { campaignId: h.campaignId });
    expect(hospital.map((d) => d.fileStem)).toEqual(['BB-v-hospital', 'TB-v-hospital']);
    await expect(h.service.getDocument(A.hospital, { kind: 'reminder', remediationId: 'rm-market', index: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Whether another unit's follow-up has a sanction proposal is not told either: the visit is checked first.
    await expect(h.service.getDocument(A.hospital, { kind: 'sanctionProposal', remediationId: 'rm-market' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.service.getDocument(A.hospital, { kind: 'reminder', remediationId: 'rm-market', index: 7 })).rejects.toMatchObject({ code: 'NOT_FOUND', collection: 'visits' });
  });

  it('every other reader still gets the campaign-wide documents; a district representative the letters of their district only', async () => {
    const h = await followedUp();
    const all = ['KH-ke-hoach', 'QD-thanh-lap-to-kiem-tra', 'BB-v-market', 'BB-v-hospital', 'BC-bao-cao-ket-qua', 'TB-v-hospital', 'TB-v-market', 'CV-nhac-nho-rm-market-1'];
    for (const actor of [A.director, A.lead, A.member, A.secretary, A.health, A.viewer, A.rep436] as Actor[]) {
      expect((await h.service.listDocuments(actor, { campaignId: h.campaignId })).map((d) => d.fileStem).sort()).toEqual([...all].sort());
      expect(await codeOf(h.service.getDocument(actor, { kind: 'report', campaignId: h.campaignId }))).toBe('OK');
    }
    // The school (443) was cancelled: its district's representative sees the campaign's documents and no unit's.
    expect((await h.service.listDocuments(A.rep443, { campaignId: h.campaignId })).map((d) => d.fileStem)).toEqual([
      'KH-ke-hoach',
      'QD-thanh-lap-to-kiem-tra',
      'BC-bao-cao-ket-qua',
    ]);
  });
});

describe('the campaign overview and the team', () => {
  it("gives a target's representative an empty team, and every other role the team with contacts masked by policy", async () => {
    const h = createHarness();
    h.seed.people.find((p) => p.id === 'p-lead')!.contact = { phone: '0912345678', email: 'hung@stttt.hatinh.gov.vn' };
    await h.steps.scheduled();
    h.clock.set('2021-12-07T01:30:00.000Z');
    await h.service.startVisit(A.lead, { visitId: 'v-market' });

    const market = await h.service.getCampaignOverview(A.market, { campaignId: h.campaignId });
    expect(market.team).toEqual([]);
    const leadName = h.seed.people.find((p) => p.id === 'p-lead')!.fullName;
    expect(JSON.stringify(market)).not.toContain(leadName);
    expect(JSON.stringify(market)).not.toContain('p-lead');

    const full = { phone: '0912345678', email: 'hung@stttt.hatinh.gov.vn' };
    const masked = { phone: '09******78', email: 'h***@stttt.hatinh.gov.vn' };
    const expected: [Actor, typeof full][] = [
      [A.director, full],
      [A.lead, full],
      [A.secretary, full],
      [A.member, masked],
      [A.health, masked],
      [A.rep436, masked],
      [A.viewer, masked],
    ];
    for (const [actor, contact] of expected) {
      const overview = await h.service.getCampaignOverview(actor, { campaignId: h.campaignId });
      expect(overview.team.length).toBeGreaterThan(1);
      expect(overview.team.find((m) => m.personId === 'p-lead')).toMatchObject({ fullName: leadName, contact });
    }
  });
});
