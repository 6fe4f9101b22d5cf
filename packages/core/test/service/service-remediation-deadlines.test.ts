import { beforeEach, describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { officialDocumentPlainText } from '../../src/documents/model/document-plain-text.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { A, createHarness, snapshotStorage } from './harness.js';

type Harness = ReturnType<typeof createHarness>;

/** The market fails (legacy QR), the minutes set no request (so they are drawn from its answers), the notice is issued. */
async function openedForMarket(h: Harness, noticeOn: string) {
  await h.steps.scheduled();
  h.clock.set('2021-12-07T01:30:00.000Z');
  await h.service.startVisit(A.lead, { visitId: 'v-market' });
  await h.service.recordAnswers(A.lead, { visitId: 'v-market', answers: pcCovidAnswers('legacyQrPosted'), complete: true });
  await h.service.draftMinutes(A.lead, {
    visitId: 'v-market',
    endedAt: '2021-12-07T03:00:00.000Z',
    place: 'Chợ thành phố Hà Tĩnh',
    representatives: [{ fullName: 'Phạm Thị Lựu', position: 'Trưởng Ban quản lý chợ' }],
    assessment: 'Chợ còn niêm yết mã Bluezone cũ',
  });
  await h.service.signMinutes(A.lead, { visitId: 'v-market', signedAt: '2021-12-07T03:05:00.000Z' });
  await h.service.reviewVisit(A.director, { visitId: 'v-market' });
  for (const v of ['v-hospital', 'v-school']) await h.service.cancelVisit(A.lead, { visitId: v, reason: 'Hoãn' });
  await h.service.beginReporting(A.director, { campaignId: h.campaignId, issuedOn: noticeOn, addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Báo cáo' });
  await h.service.openRemediation(A.lead, { remediationId: 'rm-1', visitId: 'v-market' });
  await h.service.beginFollowUp(A.lead, { campaignId: h.campaignId });
}

const rejection = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(ValidationError.isInstance(error)).toBe(true);
  return error as ValidationError;
};

describe('follow-up steps wait for the deadline before them', () => {
  let h: Harness;
  beforeEach(async () => {
    h = createHarness();
    await openedForMarket(h, '2021-12-17');
  }, 60_000);

  it('draws the remediation’s requests from the unit’s answers when the minutes set none, due 14 days after the visit', async () => {
    const minutes = officialDocumentPlainText(await h.service.getDocument(A.director, { kind: 'minutes', visitId: 'v-market' })).join('\n');
    expect(minutes).toContain('Gỡ bỏ mã QR cũ đang niêm yết; in và niêm yết đúng mã QR địa điểm PC-Covid tại đủ 3 điểm đã tạo mã');
    expect(minutes).toContain('(thời hạn: trước ngày 21/12/2021)');
  });

  it('rejects a reminder sent on or before the minutes’ deadline with a stable code, and writes nothing', async () => {
    const before = await snapshotStorage(h.storage);
    const error = await rejection(h.service.sendReminder(A.secretary, { remediationId: 'rm-1', sentOn: '2021-12-21' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues[0]).toMatchObject({ path: ['sentOn'], code: 'reminder_before_deadline' });
    expect(error.messageVi).toContain('21/12/2021');
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('gives each reminder its own deadline by stage and rejects the next one before it has passed', async () => {
    const first = await h.service.sendReminder(A.secretary, { remediationId: 'rm-1', sentOn: '2021-12-22' });
    expect(first).toMatchObject({ numberSymbol: '01/STTTT-TTr', dueOn: '2021-12-29' });
    const before = await snapshotStorage(h.storage);
    const error = await rejection(h.service.sendReminder(A.secretary, { remediationId: 'rm-1', sentOn: '2021-12-29' }));
    expect(error.issues[0]?.code).toBe('reminder_before_deadline');
    expect(await snapshotStorage(h.storage)).toBe(before);
    await h.service.sendReminder(A.secretary, { remediationId: 'rm-1', sentOn: '2021-12-30' });
    const third = await h.service.sendReminder(A.secretary, { remediationId: 'rm-1', sentOn: '2022-01-07' });
    expect(third.dueOn).toBe('2022-01-12');
    await h.service.sendReminder(A.secretary, { remediationId: 'rm-1', sentOn: '2022-01-13' });
    const early = await rejection(
      h.service.proposeSanction(A.director, {
        remediationId: 'rm-1',
        basis: 'Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP',
        proposedTo: 'Chủ tịch UBND thành phố Hà Tĩnh',
        on: '2022-01-18',
      }),
    );
    expect(early.issues[0]).toMatchObject({ path: ['on'], code: 'sanction_before_deadline' });
    const proposed = await h.service.proposeSanction(A.director, {
      remediationId: 'rm-1',
      basis: 'Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP',
      proposedTo: 'Chủ tịch UBND thành phố Hà Tĩnh',
      on: '2022-01-19',
    });
    expect(proposed).toMatchObject({ state: 'sanctionProposed', numberSymbol: '03/STTTT-TTr' });
    const listing = await h.service.listDocuments(A.director, { campaignId: h.campaignId });
    expect(listing.filter((l) => l.ref.kind === 'reminder')).toHaveLength(4);
    expect(listing.some((l) => l.ref.kind === 'sanctionProposal')).toBe(true);
    const letter = officialDocumentPlainText(await h.service.getDocument(A.director, { kind: 'sanctionProposal', remediationId: 'rm-1' })).join('\n');
    expect(letter).toContain('Số: 03/STTTT-TTr');
    expect(letter).toContain('Kính gửi: Chủ tịch UBND thành phố Hà Tĩnh.');
    expect(letter).toContain('Căn cứ quy định tại Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP');
    expect(letter).toContain('Công văn số 02/STTTT-TTr ngày 13/01/2022 của Sở Thông tin và Truyền thông, thời hạn khắc phục trước ngày 18/01/2022.');
  });

  it('refuses a reminder deadline on or before the letter date', async () => {
    const error = await rejection(h.service.sendReminder(A.secretary, { remediationId: 'rm-1', sentOn: '2021-12-22', dueOn: '2021-12-22' }));
    expect(error.issues[0]).toMatchObject({ path: ['dueOn'], code: 'deadline_not_after_letter' });
  });
});

describe('a results notice dated after the deadline the minutes set', () => {
  it('requires the remedy by a date after its own, never one it has already passed', async () => {
    const h = createHarness();
    await openedForMarket(h, '2022-01-05');
    const notice = officialDocumentPlainText(await h.service.getDocument(A.director, { kind: 'notice', visitId: 'v-market' })).join('\n');
    expect(notice).toContain('(thời hạn: trước ngày 15/01/2022)');
    expect(notice).toContain('Báo cáo kết quả khắc phục về Sở Thông tin và Truyền thông trước ngày 15/01/2022.');
    expect(notice).not.toContain('21/12/2021');
  }, 60_000);
});
