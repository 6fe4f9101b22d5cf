/**
 * The Hà Tĩnh December 2021 PC-Covid / QR-code inspection, run end to end on the service:
 * plan → nominations → team → targets and an unannounced schedule → visits with answers and
 * minutes → report to the Provincial People's Committee and results notices → follow-up → close.
 *
 * Everything here is what a province's own code would write: it uses only the public API.
 */
import { createFixedClock, createInspectionService, createSequentialIds, type Actor, type InspectionService, type StorageAdapter, type TeamMember } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed, pcCovidAnswers, type SampleOutcome } from '@pccovid-inspect/testkit/fixtures';

/** The people who act in the round (ids of the seed's people; all but the signer are fictional). */
export const ACTORS = {
  director: { role: 'director', id: 'p-dau-tung-lam' },
  lead: { role: 'inspectorateLead', id: 'p-lead' },
  secretary: { role: 'secretary', id: 'p-secretary' },
  member: { role: 'teamMember', id: 'p-it' },
  viewer: { role: 'provincialViewer', id: 'p-ubnd-viewer' },
} satisfies Record<string, Actor>;

const TEAM: TeamMember[] = [
  { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-it', role: 'deputy', organizationId: 'org-stttt-cntt', source: 'it_division', districtCode: null },
  { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
  { personId: 'p-vhtt-436', role: 'member', organizationId: 'org-vhtt-436', source: 'district_culture_info', districtCode: '436' },
  { personId: 'p-vhtt-443', role: 'member', organizationId: 'org-vhtt-443', source: 'district_culture_info', districtCode: '443' },
  { personId: 'p-vhtt-449', role: 'member', organizationId: 'org-vhtt-449', source: 'district_culture_info', districtCode: '449' },
];

/** One visit of the round: the unit, the day, what the team finds, and whether the unit signs. */
interface PlannedVisit {
  targetId: string;
  day: string;
  outcome: SampleOutcome;
  refusesToSign?: boolean;
  representative: { fullName: string; position: string };
}

const VISITS: PlannedVisit[] = [
  { targetId: 'tg-so-gtvt', day: '2021-12-06', outcome: 'compliant', representative: { fullName: 'Lê Văn Thành', position: 'Chánh Văn phòng Sở' } },
  { targetId: 'tg-kbnn', day: '2021-12-06', outcome: 'compliant', representative: { fullName: 'Nguyễn Thị Hoa', position: 'Trưởng phòng Tổ chức – Hành chính' } },
  { targetId: 'tg-bv-tinh', day: '2021-12-07', outcome: 'legacyQrPosted', refusesToSign: true, representative: { fullName: 'Trần Văn Bình', position: 'Phó Giám đốc Bệnh viện' } },
  { targetId: 'tg-cho-ht', day: '2021-12-07', outcome: 'zeroScans', representative: { fullName: 'Phạm Thị Lựu', position: 'Trưởng Ban quản lý chợ' } },
  { targetId: 'tg-ubnd-canloc', day: '2021-12-09', outcome: 'compliant', representative: { fullName: 'Hoàng Văn Dũng', position: 'Chánh Văn phòng HĐND – UBND huyện' } },
  { targetId: 'tg-thpt-canloc', day: '2021-12-09', outcome: 'compliant', representative: { fullName: 'Ngô Thị Yến', position: 'Hiệu trưởng' } },
  { targetId: 'tg-formosa-dv', day: '2021-12-14', outcome: 'compliant', representative: { fullName: 'Đinh Quang Vũ', position: 'Giám đốc' } },
  { targetId: 'tg-ubnd-kyanh-tx', day: '2021-12-14', outcome: 'compliant', representative: { fullName: 'Võ Thị Ánh', position: 'Giám đốc Trung tâm' } },
];

/** What `runRound` reports after each step. */
export type StepLogger = (stepVi: string, stepEn: string, result: string) => void;

/** The result of a round: the service and the ids a caller needs to render documents. */
export interface RoundResult {
  service: InspectionService;
  campaignId: string;
  visitIds: string[];
  remediationIds: string[];
}

const at = (day: string, hhmm: string) => `${new Date(`${day}T${hhmm}:00+07:00`).toISOString()}`;

/**
 * Runs the whole round on `storage`. Deterministic: a fixed clock (set to each step's real date)
 * and sequential ids, so two runs on fresh stores write the same records.
 */
export async function runRound(storage: StorageAdapter, log: StepLogger): Promise<RoundResult> {
  const seed = haTinh2021Seed();
  for (const t of seed.targets) t.representativePersonId = `rep-${t.id}`;
  const clock = createFixedClock(at('2021-11-26', '08:00'));
  const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, ids: createSequentialIds() });
  const { director, lead, secretary, member } = ACTORS;
  const campaignId = seed.campaign.id;
  const show = (vi: string, en: string) => (r: { state: string } & Record<string, unknown>) => {
    const extra = Object.entries(r)
      .filter(([k]) => !['id', 'state', 'version'].includes(k))
      .map(([k, v]) => `${k}=${String(v)}`);
    log(vi, en, [r.state, ...extra].join(' '));
    return r;
  };

  await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
  show('Tạo dự thảo kế hoạch', 'Plan drafted')(await service.createCampaign(director, { campaign: seed.campaign }));
  show('Ban hành kế hoạch', 'Plan issued')(await service.issuePlan(director, { campaignId, issuedOn: '2021-11-26' }));
  show('Đề nghị cử cán bộ', 'Nominations requested')(await service.requestNominations(lead, { campaignId, sentOn: '2021-11-26' }));
  const nominations = [
    { organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null },
    { organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-28', districtCode: '436' },
    { organizationId: 'org-vhtt-443', personId: 'p-vhtt-443', receivedOn: '2021-11-29', districtCode: '443' },
    { organizationId: 'org-vhtt-449', personId: 'p-vhtt-449', receivedOn: '2021-11-28', districtCode: '449' },
  ];
  for (const n of nominations) {
    clock.set(at(n.receivedOn, '09:00'));
    show('Nhận văn bản cử cán bộ', `Nomination from ${n.organizationId}`)(await service.recordNomination(lead, { campaignId, ...n }));
  }
  clock.set(at('2021-11-30', '08:00'));
  show('Thành lập Tổ kiểm tra', 'Team formed')(await service.formTeam(director, { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: TEAM, decidedOn: '2021-11-30' }));

  for (const target of seed.targets) await service.registerTarget(lead, { target });
  log('Đăng ký đơn vị được kiểm tra', 'Targets registered', `${seed.targets.length}`);
  const visitIds: string[] = [];
  for (const [i, v] of VISITS.entries()) {
    const target = seed.targets.find((t) => t.id === v.targetId)!;
    const districtRep = TEAM.find((m) => m.districtCode === target.districtCode)?.personId;
    const visitId = `visit-${String(i + 1).padStart(2, '0')}`;
    visitIds.push(visitId);
    await service.scheduleVisit(lead, {
      visitId,
      campaignId,
      targetId: v.targetId,
      scheduledOn: v.day,
      memberIds: ['p-lead', 'p-secretary', ...(target.type === 'hospital' ? ['p-health'] : []), ...(districtRep ? [districtRep] : [])],
      vehicle: { description: 'Xe ô tô 7 chỗ của Văn phòng Sở', providedByOrganizationId: 'org-stttt-vp' },
    });
  }
  show('Chốt lịch kiểm tra (báo lịch cho Sở Y tế, phòng VHTT)', 'Schedule fixed; partners told')(await service.fixSchedule(lead, { campaignId }));

  for (const [i, v] of VISITS.entries()) {
    const visitId = visitIds[i]!;
    clock.set(at(v.day, i % 2 === 0 ? '08:00' : '14:00'));
    show(`Bắt đầu kiểm tra ${v.targetId}`, 'Visit started')(await service.startVisit(lead, { visitId }));
    show('Ghi nhận kết quả kiểm tra', 'Answers recorded')(await service.recordAnswers(secretary, { visitId, answers: pcCovidAnswers(v.outcome, v.day), complete: true }));
    const failing = v.outcome !== 'compliant';
    await service.draftMinutes(secretary, {
      visitId,
      endedAt: at(v.day, i % 2 === 0 ? '10:00' : '16:00'),
      place: seed.targets.find((t) => t.id === v.targetId)!.name,
      representatives: [v.representative],
      explanation: failing ? 'Đơn vị giải trình: đang in lại mã QR địa điểm PC-Covid; sẽ phân công người nhắc nhở quét mã.' : null,
      assessment: failing
        ? 'Đơn vị chưa thực hiện đầy đủ việc niêm yết và quét mã QR theo Văn bản số 7641/UBND-VX1.'
        : 'Đơn vị đã triển khai đầy đủ các nội dung theo Văn bản số 7641/UBND-VX1.',
      requests: failing ? [{ text: 'Niêm yết mã QR địa điểm PC-Covid đúng quy định và bố trí người hướng dẫn quét mã', dueOn: '2021-12-20' }] : [],
    });
    const signed = v.refusesToSign
      ? await service.refuseSignature(lead, { visitId, reason: 'Không đồng ý với nhận xét về mã QR niêm yết', recordedAt: at(v.day, '10:05') })
      : await service.signMinutes(lead, { visitId, signedAt: at(v.day, i % 2 === 0 ? '10:05' : '16:05') });
    show(v.refusesToSign ? 'Ghi nhận đơn vị từ chối ký biên bản' : 'Ký biên bản', v.refusesToSign ? 'Refusal to sign recorded' : 'Minutes signed')(signed);
    show('Xem xét biên bản', 'Visit reviewed')(await service.reviewVisit(director, { visitId }));
    show('Đóng hồ sơ lượt kiểm tra', 'Visit closed')(await service.closeVisit(lead, { visitId }));
  }

  clock.set(at('2022-01-05', '08:00'));
  show(
    'Báo cáo kết quả gửi UBND tỉnh',
    'Report to the Provincial People’s Committee',
  )(
    await service.beginReporting(director, {
      campaignId,
      issuedOn: '2022-01-05',
      addressedToOrganizationId: 'org-ubnd-tinh',
      summary: 'Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR trên địa bàn tỉnh',
    }),
  );
  const remediationIds: string[] = [];
  for (const [i, v] of VISITS.entries()) {
    if (v.outcome === 'compliant') continue;
    const remediationId = `remediation-${String(i + 1).padStart(2, '0')}`;
    remediationIds.push(remediationId);
    show(`Mở theo dõi khắc phục ${v.targetId}`, 'Remediation opened')(await service.openRemediation(lead, { remediationId, visitId: visitIds[i]! }));
  }
  show('Đôn đốc, nhắc nhở', 'Follow-up begins')(await service.beginFollowUp(lead, { campaignId }));
  // The hospital complies after one reminder; the market ignores four and is proposed for sanction.
  const [hospital, market] = remediationIds as [string, string];
  show('Nhắc nhở bệnh viện', 'Hospital reminded')(await service.sendReminder(secretary, { remediationId: hospital, sentOn: '2022-01-06' }));
  await service.setRemediationDeadline(lead, { remediationId: hospital, dueOn: '2022-01-14' });
  clock.set(at('2022-01-15', '09:00'));
  show('Kiểm tra lại bệnh viện', 'Hospital re-checked')(await service.recordRecheck(member, { remediationId: hospital, on: '2022-01-15', complied: true }));
  for (const day of ['2022-01-06', '2022-01-10', '2022-01-14', '2022-01-18']) {
    clock.set(at(day, '08:00'));
    show('Nhắc nhở chợ', 'Market reminded')(await service.sendReminder(secretary, { remediationId: market, sentOn: day }));
  }
  show(
    'Đề xuất xử phạt',
    'Sanction proposed',
  )(
    await service.proposeSanction(director, {
      remediationId: market,
      basis: 'Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP',
      proposedTo: 'Chủ tịch UBND thành phố Hà Tĩnh',
      on: '2022-01-19',
    }),
  );
  show('Kết thúc đợt kiểm tra', 'Campaign closed')(await service.closeCampaign(director, { campaignId }));
  return { service, campaignId, visitIds, remediationIds };
}
