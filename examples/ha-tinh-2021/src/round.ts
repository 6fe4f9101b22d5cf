/**
 * The Hà Tĩnh December 2021 PC-Covid / QR-code inspection, run end to end on the service:
 * plan → nominations → team → targets and an unannounced schedule → visits with answers and
 * minutes → report to the Provincial People's Committee and results notices → follow-up → close.
 *
 * Everything here is what a province's own code would write: it uses only the public API.
 */
import { createConsoleNotifier } from '@pccovid-inspect/notify-console';
import { createFixedClock, createInspectionService, createSequentialIds, type Actor, type InspectionService, type StorageAdapter, type TeamMember } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { HA_TINH_2021_UNIT_PROFILES, haTinh2021Seed, unitAnswers } from '@pccovid-inspect/testkit/fixtures';

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

/**
 * One visit of the round: the unit, the day, who speaks for it, what it explains and how the team
 * assesses it (what the team found comes from the unit's own answers, see
 * `HA_TINH_2021_UNIT_PROFILES`), and — for the hospital — a refusal to sign, witnessed.
 */
interface PlannedVisit {
  targetId: string;
  day: string;
  representatives: { fullName: string; position: string }[];
  explanation: string | null;
  assessment: string;
  refusal?: string;
}

const VISITS: PlannedVisit[] = [
  {
    targetId: 'tg-so-gtvt',
    day: '2021-12-06',
    representatives: [{ fullName: 'Lê Văn Thành', position: 'Chánh Văn phòng Sở' }],
    explanation: null,
    assessment: 'Sở Giao thông vận tải quán triệt kịp thời, niêm yết mã QR tại cả cổng chính và bộ phận một cửa, có cán bộ văn phòng nhắc nhở người đến giao dịch quét mã',
  },
  {
    targetId: 'tg-kbnn',
    day: '2021-12-06',
    representatives: [{ fullName: 'Nguyễn Thị Hoa', position: 'Trưởng phòng Tổ chức – Hành chính' }],
    explanation: null,
    assessment: 'Kho bạc Nhà nước Hà Tĩnh có 100% cán bộ cài đặt PC-Covid; lượt quét tại sảnh giao dịch ổn định hằng ngày',
  },
  {
    targetId: 'tg-bv-tinh',
    day: '2021-12-07',
    representatives: [
      { fullName: 'Trần Văn Bình', position: 'Phó Giám đốc Bệnh viện' },
      { fullName: 'Nguyễn Thị Mai', position: 'Trưởng phòng Hành chính quản trị' },
    ],
    explanation: 'Bệnh viện đã tạo 04 mã QR địa điểm PC-Covid từ ngày 25/11/2021 nhưng chưa in kịp; đã đặt in khổ 20×20 cm để thay mã Bluezone tại cổng chính và khoa Khám bệnh',
    assessment:
      'Bệnh viện đã ban hành văn bản chỉ đạo và bố trí bảo vệ quét mã QR cá nhân của người đến tại cổng; tuy nhiên mã niêm yết cho người đến tự quét vẫn là mã Bluezone cũ nên lượt quét không được ghi nhận theo địa điểm trên PC-Covid',
    refusal: 'Không đồng ý đánh giá Chưa đạt nội dung niêm yết mã QR vì bệnh viện đã tạo mã QR PC-Covid',
  },
  {
    targetId: 'tg-cho-ht',
    day: '2021-12-07',
    representatives: [{ fullName: 'Phạm Thị Lựu', position: 'Trưởng Ban quản lý chợ' }],
    explanation: 'Tiểu thương và người đi chợ chưa quen quét mã; Ban Quản lý chỉ có 02 bảo vệ, đang làm nhiệm vụ giữ trật tự nên chưa bố trí người nhắc nhở',
    assessment: 'Chợ đã tạo và niêm yết mã QR PC-Covid tại hai cổng nhưng hầu như không có người quét; Ban Quản lý chợ chưa tổ chức hướng dẫn, nhắc nhở người đến',
  },
  {
    targetId: 'tg-ubnd-canloc',
    day: '2021-12-09',
    representatives: [{ fullName: 'Hoàng Văn Dũng', position: 'Chánh Văn phòng HĐND – UBND huyện' }],
    explanation: null,
    assessment: 'UBND huyện Can Lộc tạo mã riêng cho từng khu vực làm việc và sử dụng quanly.pccovid.gov.vn để theo dõi lượt quét của các xã, thị trấn',
  },
  {
    targetId: 'tg-thpt-canloc',
    day: '2021-12-09',
    representatives: [{ fullName: 'Ngô Thị Yến', position: 'Hiệu trưởng' }],
    explanation: null,
    assessment: 'Trường THPT Can Lộc có 100% cán bộ, giáo viên cài đặt PC-Covid; cần duy trì quét mã vào các ngày cuối tuần',
  },
  {
    targetId: 'tg-formosa-dv',
    day: '2021-12-14',
    representatives: [{ fullName: 'Đinh Quang Vũ', position: 'Giám đốc' }],
    explanation: null,
    assessment: 'Công ty niêm yết mã QR khổ lớn tại cổng, nhà ăn và khối văn phòng; lực lượng bảo vệ kiểm soát việc quét mã khi người lao động vào ca',
  },
  {
    targetId: 'tg-ubnd-kyanh-tx',
    day: '2021-12-14',
    representatives: [{ fullName: 'Võ Thị Ánh', position: 'Giám đốc Trung tâm' }],
    explanation: null,
    assessment: 'Trung tâm Hành chính công thị xã Kỳ Anh bố trí nhân viên tại sảnh hướng dẫn người đến làm thủ tục quét mã QR',
  },
];

/** The day of the report to the Provincial People's Committee and of the results notices. */
export const REPORT_DAY = '2021-12-17';
/** The market's four reminders, each after the previous deadline (7, 7, 5 and 5 days). */
export const MARKET_REMINDERS = ['2021-12-22', '2021-12-30', '2022-01-07', '2022-01-13'] as const;
/** The day the market is proposed for sanction, after the last reminder's deadline (18/01/2022). */
export const SANCTION_DAY = '2022-01-19';

/** What `runRound` reports after each step. */
export type StepLogger = (stepVi: string, stepEn: string, result: string) => void;

/** The result of a round: the service and the ids a caller needs to render documents. */
export interface RoundResult {
  service: InspectionService;
  campaignId: string;
  visitIds: string[];
  remediationIds: string[];
  /** What the official-document channel sent (the host's e-office), as the console notifier prints it. */
  messages: string[];
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
  // Letters to bodies go out as official documents (here printed, as a province's e-office would
  // receive them); people in the seed have no e-mail, so their messages fall to the manual channel:
  // the built-in call sheet the clerks phone from ("by phone or by document").
  const messages: string[] = [];
  const service = createInspectionService({
    storage,
    tenant: seed.tenant,
    adminUnits: HA_TINH_2021_DISTRICTS,
    clock,
    ids: createSequentialIds(),
    notifier: [createConsoleNotifier({ channels: ['document', 'email'], write: (line) => messages.push(line) })],
  });
  const { director, lead, secretary, member } = ACTORS;
  const deliver = async () => {
    const r = await service.deliverOutbox(director);
    log('Gửi thông báo trong hộp thư đi', 'Outbox delivered', `sent=${r.sent} retrying=${r.retrying} held=${r.held} dead=${r.dead}`);
  };
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
  await deliver();

  const failingVisits = new Set<string>();
  for (const [i, v] of VISITS.entries()) {
    const visitId = visitIds[i]!;
    const start = i % 2 === 0 ? '08:00' : '14:00';
    const end = i % 2 === 0 ? '10:00' : '16:00';
    clock.set(at(v.day, start));
    show(`Bắt đầu kiểm tra ${v.targetId}`, 'Visit started')(await service.startVisit(lead, { visitId }));
    const answers = unitAnswers(HA_TINH_2021_UNIT_PROFILES[v.targetId]!, v.day, v.targetId);
    const answered = show('Ghi nhận kết quả kiểm tra', 'Answers recorded')(await service.recordAnswers(secretary, { visitId, answers, complete: true }));
    if (answered.verdict === 'non_compliant') failingVisits.add(visitId);
    // No requests here: the minutes ask for the remedy of each "Chưa đạt" item, with the unit's own figures.
    await service.draftMinutes(secretary, {
      visitId,
      endedAt: at(v.day, end),
      place: seed.targets.find((t) => t.id === v.targetId)!.name,
      representatives: v.representatives,
      explanation: v.explanation,
      assessment: v.assessment,
    });
    const signed = v.refusal
      ? await service.refuseSignature(lead, { visitId, reason: v.refusal, recordedAt: at(v.day, '10:05') })
      : await service.signMinutes(lead, { visitId, signedAt: at(v.day, i % 2 === 0 ? '10:05' : '16:05') });
    show(v.refusal ? 'Ghi nhận đơn vị từ chối ký biên bản' : 'Ký biên bản', v.refusal ? 'Refusal to sign recorded' : 'Minutes signed')(signed);
    show('Xem xét biên bản', 'Visit reviewed')(await service.reviewVisit(director, { visitId }));
    show('Đóng hồ sơ lượt kiểm tra', 'Visit closed')(await service.closeVisit(lead, { visitId }));
  }

  // The report and the results notices, three days after the last visit.
  clock.set(at(REPORT_DAY, '08:00'));
  show(
    'Báo cáo kết quả gửi UBND tỉnh',
    'Report to the Provincial People’s Committee',
  )(
    await service.beginReporting(director, {
      campaignId,
      issuedOn: REPORT_DAY,
      addressedToOrganizationId: 'org-ubnd-tinh',
      summary: 'Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR trên địa bàn tỉnh',
    }),
  );
  const remediationIds: string[] = [];
  for (const [i, v] of VISITS.entries()) {
    if (!failingVisits.has(visitIds[i]!)) continue;
    const remediationId = `remediation-${String(i + 1).padStart(2, '0')}`;
    remediationIds.push(remediationId);
    show(`Mở theo dõi khắc phục ${v.targetId}`, 'Remediation opened')(await service.openRemediation(lead, { remediationId, visitId: visitIds[i]! }));
  }
  show('Đôn đốc, nhắc nhở', 'Follow-up begins')(await service.beginFollowUp(lead, { campaignId }));
  await deliver();
  // Each step follows only once the deadline before it has passed (the notices' is 21/12/2021).
  // The hospital complies after one reminder; the market ignores four and is proposed for sanction.
  const [hospital, market] = remediationIds as [string, string];
  clock.set(at('2021-12-22', '08:00'));
  show('Nhắc nhở bệnh viện', 'Hospital reminded')(await service.sendReminder(secretary, { remediationId: hospital, sentOn: '2021-12-22' }));
  await service.setRemediationDeadline(lead, { remediationId: hospital, dueOn: '2021-12-29' });
  clock.set(at('2021-12-30', '09:00'));
  show(
    'Kiểm tra lại bệnh viện',
    'Hospital re-checked',
  )(await service.recordRecheck(member, { remediationId: hospital, on: '2021-12-30', complied: true, note: 'Đã thay mã Bluezone bằng mã QR địa điểm PC-Covid tại 04 điểm' }));
  for (const day of MARKET_REMINDERS) {
    clock.set(at(day, '08:00'));
    show('Nhắc nhở chợ', 'Market reminded')(await service.sendReminder(secretary, { remediationId: market, sentOn: day }));
  }
  clock.set(at(SANCTION_DAY, '08:00'));
  show(
    'Đề xuất xử phạt',
    'Sanction proposed',
  )(
    await service.proposeSanction(director, {
      remediationId: market,
      basis: 'Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP',
      proposedTo: 'Chủ tịch UBND thành phố Hà Tĩnh',
      on: SANCTION_DAY,
    }),
  );
  show('Kết thúc đợt kiểm tra', 'Campaign closed')(await service.closeCampaign(director, { campaignId }));
  await deliver();
  return { service, campaignId, visitIds, remediationIds, messages };
}
