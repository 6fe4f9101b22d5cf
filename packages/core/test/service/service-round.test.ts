import { describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import { A, createHarness } from './harness.js';

describe('a full inspection round through the service', () => {
  it('carries the seed campaign from draft to closed, numbering every document', async () => {
    const h = createHarness();
    const { service, campaignId } = h;
    expect((await h.steps.created()).state).toBe('draft');

    const issued = await service.issuePlan(A.director, { campaignId, issuedOn: '2021-11-26' });
    expect(issued).toMatchObject({ state: 'issued', numberSymbol: '01/KH-STTTT' });
    expect((await service.requestNominations(A.lead, { campaignId, sentOn: '2021-11-26' })).state).toBe('nominating');

    const onTime = await service.recordNomination(A.lead, { campaignId, organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-28' });
    const late = await service.recordNomination(A.lead, { campaignId, organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-29', districtCode: '436' });
    expect(onTime.late).toBe(false);
    expect(late.late).toBe(true);

    const team = await service.formTeam(A.director, { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: h.team.slice(0, 5), decidedOn: '2021-11-30' });
    expect(team).toMatchObject({ state: 'teamFormed', decisionNumberSymbol: '01/QĐ-STTTT' });

    for (const target of h.seed.targets) await service.registerTarget(A.lead, { target });
    await service.scheduleVisit(A.lead, { visitId: 'v-market', campaignId, targetId: 'tg-cho-ht', scheduledOn: '2021-12-07', memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'] });
    await service.scheduleVisit(A.lead, { visitId: 'v-hospital', campaignId, targetId: 'tg-bv-tinh', scheduledOn: '2021-12-08', memberIds: ['p-lead', 'p-health', 'p-vhtt-436'] });
    expect((await service.fixSchedule(A.lead, { campaignId })).state).toBe('scheduled');
    // A visit added after the schedule is fixed: campaign tracks it, partners are told.
    await service.scheduleVisit(A.lead, { visitId: 'v-kbnn', campaignId, targetId: 'tg-kbnn', scheduledOn: '2021-12-10', memberIds: ['p-lead', 'p-vhtt-436'] });

    // Market: compliant, signed.
    h.clock.set('2021-12-07T01:30:00.000Z');
    expect((await service.startVisit(A.lead, { visitId: 'v-market' })).state).toBe('underway');
    const answered = await service.recordAnswers(A.secretary, { visitId: 'v-market', answers: pcCovidAnswers('compliant'), complete: true });
    expect(answered).toMatchObject({ state: 'answered', verdict: 'compliant' });
    await service.draftMinutes(A.secretary, {
      visitId: 'v-market',
      endedAt: '2021-12-07T03:00:00.000Z',
      place: 'Chợ thành phố Hà Tĩnh',
      representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Trưởng Ban quản lý chợ' }],
      assessment: 'Đơn vị triển khai đầy đủ.',
    });
    expect((await service.signMinutes(A.lead, { visitId: 'v-market', signedAt: '2021-12-07T03:05:00.000Z' })).state).toBe('minutesSigned');
    expect((await service.reviewVisit(A.director, { visitId: 'v-market' })).state).toBe('reviewed');
    expect((await service.closeVisit(A.director, { visitId: 'v-market' })).state).toBe('closed');

    // Hospital: legacy code posted (critical not met), unit refuses to sign.
    h.clock.set('2021-12-08T01:30:00.000Z');
    // The Health Department's nominee on this visit's team records the answers, as a team member.
    const healthMember = { role: 'teamMember', id: 'p-health' } as const;
    await service.startVisit(healthMember, { visitId: 'v-hospital' });
    expect((await service.recordAnswers(healthMember, { visitId: 'v-hospital', answers: pcCovidAnswers('legacyQrPosted', '2021-12-08'), complete: true })).verdict).toBe(
      'non_compliant',
    );
    await service.draftMinutes(A.lead, {
      visitId: 'v-hospital',
      endedAt: '2021-12-08T03:00:00.000Z',
      place: 'Bệnh viện Đa khoa tỉnh Hà Tĩnh',
      representatives: [{ fullName: 'Trần Văn Bình', position: 'Phó Giám đốc' }],
      assessment: 'Chưa niêm yết mã QR PC-Covid.',
      requests: [{ text: 'Niêm yết mã QR địa điểm PC-Covid tại cổng và các khoa', dueOn: '2021-12-15' }],
    });
    expect((await service.refuseSignature(A.lead, { visitId: 'v-hospital', reason: 'Không đồng ý với kết luận', recordedAt: '2021-12-08T03:10:00.000Z' })).state).toBe(
      'signatureRefused',
    );
    await service.reviewVisit(A.lead, { visitId: 'v-hospital' });

    // Treasury: cancelled before it starts.
    await service.cancelVisit(A.lead, { visitId: 'v-kbnn', reason: 'Đơn vị đã được kiểm tra trong đợt khác' });

    const report = await service.beginReporting(A.director, {
      campaignId,
      issuedOn: '2022-01-05',
      addressedToOrganizationId: 'org-ubnd-tinh',
      summary: 'Kết quả kiểm tra việc triển khai PC-Covid',
    });
    expect(report).toMatchObject({ state: 'reporting', reportNumberSymbol: '01/BC-STTTT', notices: 2 });

    const opened = await service.openRemediation(A.lead, { remediationId: 'rm-hospital', visitId: 'v-hospital' });
    expect(opened.state).toBe('open');
    expect((await service.beginFollowUp(A.lead, { campaignId })).state).toBe('followingUp');
    expect((await service.sendReminder(A.secretary, { remediationId: 'rm-hospital', sentOn: '2022-01-06' })).numberSymbol).toBe('01/STTTT-TTr');
    await service.setRemediationDeadline(A.lead, { remediationId: 'rm-hospital', dueOn: '2022-01-15' });
    await expect(service.closeCampaign(A.director, { campaignId })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', guard: 'hasNoOpenRemediation' });
    expect((await service.recordRecheck(A.member, { remediationId: 'rm-hospital', on: '2022-01-16', complied: true })).state).toBe('resolved');
    expect((await service.closeCampaign(A.director, { campaignId })).state).toBe('closed');

    const overview = await service.getCampaignOverview(A.viewer, { campaignId });
    expect(overview).toMatchObject({ state: 'closed', planNumberSymbol: '01/KH-STTTT', reportNumberSymbol: '01/BC-STTTT', nominations: { total: 2, late: 1 } });
    expect(overview.visits.byState).toEqual({ closed: 1, reviewed: 1, cancelled: 1 });
    expect(overview.remediation.byState).toEqual({ resolved: 1 });

    const audit = await service.verifyAudit(A.director);
    expect(audit.ok).toBe(true);
    expect(audit.count).toBeGreaterThan(25);

    // Outbox: nomination requests to 14 bodies, partner notices, 2 results notices, 1 reminder.
    const topics = inspectMemoryStorage(h.storage)
      .outbox('42')
      .map((m) => m.topic);
    expect(topics.filter((t) => t === 'nomination.requested')).toHaveLength(14);
    expect(topics.filter((t) => t === 'result.noticed')).toHaveLength(2);
    expect(topics.filter((t) => t === 'remediation.reminded')).toHaveLength(1);
    expect(topics.filter((t) => t === 'visit.scheduled').length).toBeGreaterThanOrEqual(4);
  });

  it('numbers restart on 1 January and are unique per body, type and year', async () => {
    const h = createHarness();
    await h.steps.teamFormed();
    // The team decision of 2021 took 01/QĐ; a second campaign's plan issued in 2022 takes 01/KH again.
    const second = { ...h.seed.campaign, id: 'campaign-2022', issuedOn: '2022-01-03', period: { from: '2022-01-04', to: '2022-01-31' } };
    await h.service.createCampaign(A.director, { campaign: second });
    const r = await h.service.issuePlan(A.director, { campaignId: 'campaign-2022', issuedOn: '2022-01-03' });
    expect(r.numberSymbol).toBe('01/KH-STTTT');
    const third = { ...second, id: 'campaign-2022b' };
    await h.service.createCampaign(A.director, { campaign: third });
    expect((await h.service.issuePlan(A.director, { campaignId: 'campaign-2022b', issuedOn: '2022-02-01' })).numberSymbol).toBe('02/KH-STTTT');
  });

  it('ticks deadlines from the injected clock', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    h.clock.set('2021-12-20T01:00:00.000Z');
    const r = await h.service.advanceDeadlines(A.lead);
    expect(r.today).toBe('2021-12-20');
    expect(r.changed).toBeGreaterThanOrEqual(4); // campaign nomination window + three overdue visits
    expect((await h.service.advanceDeadlines(A.lead)).changed).toBe(0);
  });
});
