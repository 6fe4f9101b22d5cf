/**
 * A short round with the plugin: a campaign pinned to the derived template, one visit to the
 * Hà Tĩnh city market (Chợ thành phố Hà Tĩnh) that answers every item of the shipped checklist
 * and the plugin's `d1`, its minutes signed. Uses only the public API.
 */
import {
  CHECKLIST_ANSWER_LABELS,
  createFixedClock,
  createInspectionService,
  createSequentialIds,
  validateChecklistResponse,
  type Actor,
  type ChecklistEvaluation,
  type ChecklistItemResponse,
  type ChecklistItemVerdict,
  type ChecklistTemplate,
  type ChecklistVerdict,
  type InspectionService,
  type StorageAdapter,
} from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed, pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { haTinhMarketsPlugin, MARKETS_TEMPLATE, MARKET_GUIDE_ITEM } from './market-guide-plugin.js';

export const ACTORS = {
  director: { role: 'director', id: 'p-dau-tung-lam' },
  lead: { role: 'inspectorateLead', id: 'p-lead' },
  secretary: { role: 'secretary', id: 'p-secretary' },
  viewer: { role: 'provincialViewer', id: 'p-ubnd-viewer' },
} satisfies Record<string, Actor>;

const MARKET_ID = 'tg-cho-ht';
const VISIT_ID = 'visit-cho-ht';
const DAY = '2021-12-07';

/** What the team finds at the market about the plugin's item. */
export const D1_ANSWERS = {
  /** A staff member stands at each entrance. */
  met: { answer: 'met', fields: {}, evidence: [] },
  /**
   * Nobody guides visitors; the team photographs the entrance and writes what it saw. (The rule
   * would accept the photo alone, but the minutes — biên bản — need a note on every Chưa đạt.)
   */
  notMet: {
    answer: 'not_met',
    note: 'Lối vào chợ có niêm yết mã QR nhưng không có nhân viên hướng dẫn người dân quét mã.',
    fields: {},
    evidence: [
      { kind: 'photo', id: 'ev-d1-1', uri: 'evidence/cho-ht-loi-vao.jpg', caption: 'Lối vào chợ: có mã QR, không có người hướng dẫn quét mã', takenAt: `${DAY}T02:10:00.000Z` },
    ],
  },
  /** Not met, but with neither a photo nor a note: the plugin's rule refuses it. */
  notMetBare: { answer: 'not_met', fields: {}, evidence: [] },
} satisfies Record<string, ChecklistItemResponse>;

/** The result of the round. */
export interface MarketRound {
  service: InspectionService;
  campaignId: string;
  visitId: string;
  /** The template the campaign is pinned to, as the service holds it. */
  template: ChecklistTemplate;
  /** The unit verdict the service recorded. */
  verdict: ChecklistVerdict | null;
  /** Item by item, as the service evaluated the answers. */
  evaluation: ChecklistEvaluation;
}

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).toISOString();

/**
 * Runs the round on `storage` with `d1` as the answer to the plugin's item. Deterministic (fixed
 * clock, sequential ids). Throws the service's `ValidationError` when an answer breaks a rule.
 */
export async function runMarketRound(storage: StorageAdapter, d1: ChecklistItemResponse): Promise<MarketRound> {
  const seed = haTinh2021Seed();
  const clock = createFixedClock(at('2021-11-26', '08:00'));
  // The plugin is passed to the service: it keeps `pc-covid-ii1@1` and adds the derived version.
  const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, ids: createSequentialIds(), plugins: [haTinhMarketsPlugin] });
  const template = service.templates.find((t) => t.id === MARKETS_TEMPLATE.id && t.version === MARKETS_TEMPLATE.version);
  if (template === undefined) throw new Error(`the service has no template ${MARKETS_TEMPLATE.id}@${MARKETS_TEMPLATE.version}`);

  const { director, lead, secretary } = ACTORS;
  const campaign = { ...seed.campaign, checklist: { templateId: template.id, version: template.version } };
  const campaignId = campaign.id;
  await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
  await service.createCampaign(director, { campaign });
  await service.issuePlan(director, { campaignId, issuedOn: '2021-11-26' });
  await service.requestNominations(lead, { campaignId, sentOn: '2021-11-26' });
  clock.set(at('2021-11-27', '09:00'));
  await service.recordNomination(lead, { campaignId, organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-27', districtCode: '436' });
  clock.set(at('2021-11-30', '08:00'));
  await service.formTeam(director, {
    campaignId,
    name: 'Tổ Kiểm tra PC-Covid',
    decidedOn: '2021-11-30',
    members: [
      { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
      { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
      { personId: 'p-vhtt-436', role: 'member', organizationId: 'org-vhtt-436', source: 'district_culture_info', districtCode: '436' },
    ],
  });
  const market = seed.targets.find((t) => t.id === MARKET_ID)!;
  await service.registerTarget(lead, { target: market });
  await service.scheduleVisit(lead, { visitId: VISIT_ID, campaignId, targetId: MARKET_ID, scheduledOn: DAY, memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'] });
  await service.fixSchedule(lead, { campaignId });

  clock.set(at(DAY, '08:00'));
  await service.startVisit(lead, { visitId: VISIT_ID });
  const answers = { ...pcCovidAnswers('compliant', DAY), [MARKET_GUIDE_ITEM]: d1 };
  const { verdict } = await service.recordAnswers(secretary, { visitId: VISIT_ID, answers, complete: true });
  // The same check the service ran, item by item (the service returns only the unit verdict).
  const { evaluation } = validateChecklistResponse(
    template,
    { templateId: template.id, templateVersion: template.version, targetId: MARKET_ID, visitId: VISIT_ID, answers },
    { plugins: [haTinhMarketsPlugin] },
  );

  const failing = verdict !== 'compliant';
  await service.draftMinutes(secretary, {
    visitId: VISIT_ID,
    endedAt: at(DAY, '10:00'),
    place: market.name,
    representatives: [{ fullName: 'Phạm Thị Lựu', position: 'Trưởng Ban quản lý chợ' }],
    assessment: failing ? 'Đơn vị chưa bố trí người hướng dẫn quét mã QR tại lối vào chợ.' : 'Đơn vị đã triển khai đầy đủ các nội dung kiểm tra.',
    requests: failing ? [{ text: 'Bố trí nhân viên hướng dẫn người dân quét mã QR tại các lối vào chợ', dueOn: '2021-12-20' }] : [],
  });
  await service.signMinutes(lead, { visitId: VISIT_ID, signedAt: at(DAY, '10:05') });
  return { service, campaignId, visitId: VISIT_ID, template, verdict, evaluation };
}

const ITEM_VERDICT_LABELS: Record<ChecklistItemVerdict, { vi: string; en: string }> = {
  ...CHECKLIST_ANSWER_LABELS,
  unanswered: { vi: 'Chưa đánh giá', en: 'Not answered' },
  invalid: { vi: 'Không hợp lệ', en: 'Invalid' },
};

const UNIT_VERDICT_LABELS: Record<ChecklistVerdict, { vi: string; en: string }> = {
  compliant: { vi: 'Đạt yêu cầu', en: 'Compliant' },
  non_compliant: { vi: 'Chưa đạt yêu cầu', en: 'Non-compliant' },
  incomplete: { vi: 'Chưa đủ thông tin', en: 'Incomplete' },
};

/** The verdict of every item, section by section, Vietnamese with English beside; then the unit's. */
export function verdictLines(template: ChecklistTemplate, evaluation: ChecklistEvaluation): string[] {
  const lines: string[] = [];
  for (const section of template.sections) {
    lines.push(`${section.id}) ${section.title.vi} / ${section.title.en}`);
    for (const item of section.items) {
      const result = evaluation.items.find((i) => i.itemId === item.id)!;
      const label = ITEM_VERDICT_LABELS[result.verdict];
      lines.push(`   ${item.id}  ${label.vi} / ${label.en}${item.critical ? ' (trọng yếu / critical)' : ''}  — ${item.label.vi}`);
      lines.push(`       ${item.label.en}`);
      for (const v of result.violations) lines.push(`       ! ${v.messageVi} / ${v.messageEn}`);
    }
  }
  const unit = UNIT_VERDICT_LABELS[evaluation.unit.verdict];
  lines.push(`Kết luận / Verdict: ${unit.vi} / ${unit.en}`);
  for (const reason of evaluation.unit.reasons) lines.push(`   - ${reason.messageVi} / ${reason.messageEn}`);
  return lines;
}
