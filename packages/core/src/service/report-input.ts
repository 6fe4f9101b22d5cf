import type { ChecklistTemplate } from '../entities/checklist-template.js';
import { TARGET_TYPE_LABELS, isBuiltInTargetType } from '../entities/target-type.js';
import type { Target } from '../entities/target.js';
import type { ResultsReportDocumentInput } from '../documents/builders/results-report-document-input.js';
import type { AdminUnit } from '../entities/admin-unit.js';
import { civilDateOf } from '../text/civil-date.js';
import { issuerInput, legalReference, numberOf, planReference, signerInput, type CampaignDocumentContext } from './document-inputs.js';
import type { CampaignRecord, VisitRecord } from './records.js';

/** A district's name from the province's reference units (a province pack), else its code. */
function districtName(units: readonly AdminUnit[], code: string): string {
  return units.find((u) => u.code === code)?.name ?? code;
}

const typeLabel = (type: string) => (isBuiltInTargetType(type) ? TARGET_TYPE_LABELS[type].vi : type);

/**
 * The results report (BC) to the Provincial People's Committee, computed from the inspected
 * visits: units by district × type, compliance per checklist item, non-compliant units with the
 * proposed action, and an annex listing every unit.
 */
export function reportInput(
  c: CampaignDocumentContext,
  campaign: CampaignRecord,
  visits: readonly VisitRecord[],
  targets: ReadonlyMap<string, Target>,
  template: ChecklistTemplate,
  adminUnits: readonly AdminUnit[],
  provincialCommitteeName: string,
): ResultsReportDocumentInput {
  const report = campaign.report!;
  const districtCodes = [...new Set(visits.map((v) => v.visit.districtCode))].sort();
  const counts = new Map<string, number>();
  for (const v of visits) {
    const key = `${v.visit.districtCode}|${targets.get(v.visit.targetId)?.type ?? 'other'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const itemCompliance = template.sections.flatMap((s) =>
    s.items.map((i) => {
      const answers = visits.map((v) => v.response?.answers[i.id]?.answer ?? null);
      return {
        itemCode: i.id,
        label: i.label.vi,
        met: answers.filter((a) => a === 'met').length,
        notMet: answers.filter((a) => a === 'not_met').length,
        notApplicable: answers.filter((a) => a === 'not_applicable').length,
      };
    }),
  );
  const failing = visits.filter((v) => v.verdict === 'non_compliant');
  const compliant = visits.filter((v) => v.verdict === 'compliant').length;
  const percent = visits.length === 0 ? 0 : Math.round((compliant / visits.length) * 1000) / 10;
  const usedTypes = [...new Set([...campaign.campaign.targetTypes, ...visits.map((v) => targets.get(v.visit.targetId)?.type ?? 'other')])];
  return {
    issuer: issuerInput(c),
    number: numberOf(report.numberSymbol),
    date: report.issuedOn,
    summary: report.summary,
    addressees: [provincialCommitteeName],
    implementing: [...campaign.campaign.legalBasis.map(legalReference), planReference(c)],
    period: campaign.campaign.period,
    form: campaign.campaign.form,
    districts: districtCodes.map((code) => ({ code, name: districtName(adminUnits, code) })),
    targetTypes: usedTypes.slice(0, 12).map((code) => ({ code, label: typeLabel(code) })),
    inspectedCounts: [...counts].map(([key, count]) => {
      const [districtCode, targetType] = key.split('|') as [string, string];
      return { districtCode, targetType, count };
    }),
    itemCompliance,
    nonCompliantUnits: failing.map((v) => {
      const t = targets.get(v.visit.targetId);
      const issues = (v.minutes?.findings ?? []).filter((f) => f.verdict === 'not_met').map((f) => f.note ?? f.itemId);
      return {
        name: t?.name ?? v.visit.targetId,
        district: districtName(adminUnits, v.visit.districtCode),
        issues: issues.join('; ') || 'Chưa đạt',
        proposedAction: v.minutes?.requests.map((r) => r.text).join('; ') || 'Nhắc nhở, yêu cầu khắc phục và kiểm tra lại',
      };
    }),
    assessments: [
      `Tổ kiểm tra đã kiểm tra ${visits.length} đơn vị; ${compliant} đơn vị đạt yêu cầu (${String(percent).replace('.', ',')}%), ${failing.length} đơn vị chưa đạt.`,
      failing.length > 0
        ? 'Một số đơn vị chưa niêm yết đúng mã QR địa điểm PC-Covid hoặc chưa duy trì việc quét mã hằng ngày.'
        : 'Các đơn vị được kiểm tra đã triển khai đầy đủ việc tạo, niêm yết và quét mã QR địa điểm.',
    ],
    recommendations: failing.length > 0 ? ['Đề nghị UBND tỉnh chỉ đạo các đơn vị chưa đạt khẩn trương khắc phục; Sở tiếp tục đôn đốc, kiểm tra lại.'] : [],
    annex: {
      units: visits.map((v) => {
        const t = targets.get(v.visit.targetId);
        return {
          id: v.visit.id,
          name: t?.name ?? v.visit.targetId,
          targetType: typeLabel(t?.type ?? 'other'),
          district: districtName(adminUnits, v.visit.districtCode),
          inspectedOn: civilDateOf(v.visit.startedAt ?? report.issuedOn),
          result: v.verdict === 'compliant' ? ('met' as const) : ('not_met' as const),
          note: v.minutes?.refusal ? 'Đơn vị từ chối ký biên bản' : '',
        };
      }),
    },
    recipients: { entries: ['Như trên', 'Giám đốc, các PGĐ Sở', 'Sở Y tế'], archive: ['VT', c.campaign.archiveCode] },
    signer: signerInput(c.campaign),
  };
}
