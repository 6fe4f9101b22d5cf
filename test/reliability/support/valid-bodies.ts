import { HA_TINH_2021_UNIT_PROFILES, unitAnswers } from '@pccovid-inspect/testkit/fixtures';
import { NOMINATIONS, TEAM, type Round } from './round.js';

/**
 * A valid body for every command and query, naming what exists in the round (a visit, a
 * remediation, the campaign). At a stage where a command does not apply it is refused with a
 * typed error; mutations start from it, so the fuzzers get past the schema at every stage.
 */
export function validBodies(r: Round): Record<string, unknown> {
  const campaignId = r.campaignId;
  const remediationId = r.remediationIds.at(-1) ?? 'remediation-visit-03';
  return {
    'directory.register': { people: [r.seed.people[1]], organizations: [r.seed.bodies[0]] },
    'campaign.create': { campaign: { ...r.seed.campaign, id: 'campaign-fuzz' } },
    'plan.issue': { campaignId, issuedOn: '2021-11-26' },
    'nominations.request': { campaignId, sentOn: '2021-11-26' },
    'nomination.record': { campaignId, ...NOMINATIONS[0], note: 'Cử bổ sung' },
    'team.form': { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: TEAM, decidedOn: '2021-11-30' },
    'target.register': { target: r.targets[1] },
    'targets.register': { campaignId, targets: [r.targets[1], r.targets[2]] },
    'targets.search': { campaignId, text: 'ky anh', limit: 10 },
    // Nothing changed offline: a merge that applies nothing (or INVALID_TRANSITION before the start).
    'visitPacket.merge': { visitId: 'visit-03', baseVersion: 1, base: {}, answers: {} },
    'visit.schedule': {
      visitId: 'visit-fuzz',
      campaignId,
      targetId: 'tg-kbnn',
      scheduledOn: '2021-12-10',
      memberIds: ['p-lead', 'p-secretary'],
      vehicle: { description: 'Xe ô tô 7 chỗ', providedByOrganizationId: 'org-stttt-vp' },
    },
    'schedule.fix': { campaignId },
    'visit.start': { visitId: 'visit-01', at: '2021-12-06T01:00:00.000Z' },
    'answers.record': { visitId: 'visit-03', answers: unitAnswers(HA_TINH_2021_UNIT_PROFILES['tg-cho-ht']!, '2021-12-07', 'tg-cho-ht'), complete: true },
    'minutes.draft': {
      visitId: 'visit-03',
      endedAt: '2021-12-07T03:00:00.000Z',
      place: 'Chợ thành phố Hà Tĩnh',
      representatives: [{ fullName: 'Phạm Thị Lựu', position: 'Trưởng Ban quản lý chợ' }],
      explanation: 'Tiểu thương chưa quen quét mã',
      assessment: 'Chưa đạt',
      requests: [{ text: 'Bố trí người nhắc nhở quét mã', dueOn: '2021-12-21' }],
    },
    'minutes.sign': { visitId: 'visit-01', signedAt: '2021-12-06T03:05:00.000Z' },
    'signature.refuse': { visitId: 'visit-02', reason: 'Không đồng ý', recordedAt: '2021-12-07T03:05:00.000Z' },
    'visit.review': { visitId: 'visit-01' },
    'visit.close': { visitId: 'visit-01' },
    'visit.cancel': { visitId: 'visit-04', reason: 'Đơn vị tạm dừng hoạt động' },
    'reporting.begin': { campaignId, issuedOn: '2021-12-17', addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Kết quả kiểm tra' },
    'followUp.begin': { campaignId },
    'remediation.open': { remediationId: 'remediation-fuzz', visitId: 'visit-03', requests: [{ text: 'Niêm yết mã QR', dueOn: '2021-12-28' }] },
    'reminder.send': { remediationId, sentOn: '2021-12-22', dueOn: '2021-12-29' },
    'remediationDeadline.set': { remediationId, dueOn: '2021-12-31' },
    'recheck.record': { remediationId, on: '2021-12-30', complied: false, note: 'Chưa khắc phục' },
    'sanction.propose': { remediationId, basis: 'Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP', proposedTo: 'Chủ tịch UBND thành phố Hà Tĩnh', on: '2022-01-19' },
    'campaign.close': { campaignId },
    'deadlines.advance': {},
    'outbox.deliver': { limit: 5 },
    // A coordinating body's letter: the fuzzers' notifier refuses those for good, so it is dead once delivered.
    'messages.requeue': { messageIds: [`${campaignId}.nomination-request.org-syt`], channel: 'manual' },
    // A message on the call sheet once delivered to the manual channel (or NOT_FOUND before: a typed refusal).
    'message.acknowledge': { messageId: `${campaignId}.nomination-request.org-syt`, answeredBy: 'Văn phòng Sở Y tế', answeredAt: '2022-01-31T02:00:00.000Z', means: 'phone' },
    'campaignOverview.get': { campaignId },
    'visits.list': { campaignId, state: 'closed', districtCode: '436' },
    'visitPage.get': { campaignId, limit: 2, cursor: null },
    'visit.get': { visitId: 'visit-03' },
    'visitPacket.export': { visitId: 'visit-03' },
    'messages.list': {},
    'audit.verify': {},
    'audit.checkpoint': {},
    'documents.list': { campaignId },
    'document.get': { kind: 'minutes', visitId: 'visit-03' },
  };
}
