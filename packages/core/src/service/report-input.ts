import type { ChecklistTemplate } from '../entities/checklist-template.js';
import { TARGET_TYPE_LABELS, isBuiltInTargetType } from '../entities/target-type.js';
import type { Target } from '../entities/target.js';
import type { ResultsReportDocumentInput } from '../documents/builders/results-report-document-input.js';
import type { AdminUnit } from '../entities/admin-unit.js';
import { civilDateOf } from '../text/civil-date.js';
import { formatShortDate } from '../text/decree30-date.js';
import { formatFigure, noticeDeadline, remedyText } from '../documents/internal/visit-facts.js';
import { stripEnd } from '../documents/internal/vietnamese.js';
import { INSPECTORATE_DRAFTING_UNIT, itemIndex, visitIssues, visitRequests } from './visit-document-inputs.js';
import { issuerInput, legalReference, numberOf, planReference, signerInput, type CampaignDocumentContext } from './document-inputs.js';
import type { CampaignRecord, VisitRecord } from './records.js';
import type { PortalFigures, PortalFiguresUnit } from './portal-figures.js';

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
  portal: PortalFigures | null = null,
): ResultsReportDocumentInput {
  const report = campaign.report!;
  const districtCodes = [...new Set(visits.map((v) => v.visit.districtCode))].sort();
  const counts = new Map<string, number>();
  for (const v of visits) {
    const key = `${v.visit.districtCode}|${targets.get(v.visit.targetId)?.type ?? 'other'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const items = itemIndex(template);
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
  const nameOf = (v: VisitRecord) => targets.get(v.visit.targetId)?.name ?? v.visit.targetId;
  // The report's period is the days the team actually visited, not the plan's window.
  const days = [...new Set(visits.map((v) => civilDateOf(v.visit.startedAt ?? v.visit.scheduledOn)))].sort();
  const period = days.length > 0 ? { from: days[0]!, to: days.at(-1)! } : campaign.campaign.period;
  const num = (v: VisitRecord, item: string, field: string): number | null => {
    const x = v.response?.answers[item]?.fields[field];
    return typeof x === 'number' ? x : null;
  };
  // Shortcomings item by item, with the units' own explanations as their causes.
  const failedItems = itemCompliance.filter((i) => i.notMet > 0);
  const shortcomings = failedItems.map((i) => {
    const units = failing.filter((v) => v.minutes?.findings.some((f) => f.itemId === i.itemCode && f.verdict === 'not_met'));
    const detail = units.map((v) => `${nameOf(v)}: ${stripEnd(v.minutes?.findings.find((f) => f.itemId === i.itemCode)?.note ?? 'chưa đạt')}`).join('; ');
    const causes = units.map((v) => (v.minutes?.explanation ? `${nameOf(v)} giải trình: ${stripEnd(v.minutes.explanation)}` : null)).filter((x): x is string => x !== null);
    return {
      text: `Nội dung ${i.itemCode} (${stripEnd(i.label)}): ${i.notMet}/${i.met + i.notMet} đơn vị chưa đạt — ${detail}`,
      cause: causes.length > 0 ? causes.join('; ') : null,
    };
  });
  const recommendations = failedItems.map((i) => {
    const units = failing.filter((v) => v.minutes?.findings.some((f) => f.itemId === i.itemCode && f.verdict === 'not_met'));
    const f = units[0]?.minutes?.findings.find((x) => x.itemId === i.itemCode);
    const remedy = remedyText(i.itemCode, items.get(i.itemCode)?.label ?? i.itemCode, f?.note ?? null, units[0]?.response?.answers ?? {});
    return `Đề nghị UBND tỉnh chỉ đạo ${units.map(nameOf).join(', ')}: ${remedy.charAt(0).toLowerCase()}${remedy.slice(1)}.`;
  });
  if (failing.length > 0)
    recommendations.push(
      `${c.issuingBody.name} tiếp tục đôn đốc, nhắc nhở và kiểm tra lại ${failing.length} đơn vị chưa đạt; đề xuất xử lý theo quy định đối với đơn vị không khắc phục.`,
    );
  const scans = visits.map((v) => num(v, 'b4', 'scansPerDay')).filter((n): n is number => n !== null);
  const qr = visits.map((v) => num(v, 'b1', 'pointsCount')).filter((n): n is number => n !== null);
  return {
    issuer: issuerInput(c),
    number: numberOf(report.numberSymbol),
    date: report.issuedOn,
    summary: report.summary,
    addressees: [provincialCommitteeName],
    implementing: [...campaign.campaign.legalBasis.map(legalReference), planReference(c)],
    period,
    inspectionDays: days,
    purposes: campaign.campaign.purposes,
    form: campaign.campaign.form,
    districts: districtCodes.map((code) => ({ code, name: districtName(adminUnits, code) })),
    targetTypes: usedTypes.slice(0, 12).map((code) => ({ code, label: typeLabel(code) })),
    inspectedCounts: [...counts].map(([key, count]) => {
      const [districtCode, targetType] = key.split('|') as [string, string];
      return { districtCode, targetType, count };
    }),
    itemCompliance,
    nonCompliantUnits: failing.map((v) => {
      const issues = visitIssues(v, template);
      return {
        name: nameOf(v),
        district: districtName(adminUnits, v.visit.districtCode),
        issues: issues.join('; ') || 'Chưa đạt',
        proposedAction: `${visitRequests(v, template)
          .map((r) => `${stripEnd(r.text)} (thời hạn: trước ngày ${formatShortDate(noticeDeadline(report.issuedOn, r.dueOn))})`)
          .join('; ')}; nhắc nhở, kiểm tra lại`,
      };
    }),
    assessments: [
      `Tổ kiểm tra đã kiểm tra ${visits.length} đơn vị; ${compliant} đơn vị đạt yêu cầu (${String(percent).replace('.', ',')}%), ${failing.length} đơn vị chưa đạt.`,
      qr.length > 0
        ? `Các đơn vị đã tạo tổng cộng ${formatFigure(qr.reduce((a, b) => a + b, 0))} điểm mã QR địa điểm, với tổng số lượt quét bình quân ${formatFigure(scans.reduce((a, b) => a + b, 0))} lượt/ngày.`
        : 'Chưa có số liệu về điểm mã QR địa điểm và lượt quét của các đơn vị.',
    ],
    shortcomings,
    recommendations,
    annex: {
      units: visits.map((v) => {
        const t = targets.get(v.visit.targetId);
        const staffTotal = num(v, 'a1', 'staffTotal');
        const staffInstalled = num(v, 'a1', 'staffInstalled');
        const notMet = (v.minutes?.findings ?? []).filter((f) => f.verdict === 'not_met').map((f) => f.itemId);
        const notes = [...(notMet.length > 0 ? [`Chưa đạt: ${notMet.join(', ')}`] : []), ...(v.minutes?.refusal ? ['Đơn vị từ chối ký biên bản'] : [])];
        return {
          id: v.visit.id,
          name: t?.name ?? v.visit.targetId,
          targetType: typeLabel(t?.type ?? 'other'),
          district: districtName(adminUnits, v.visit.districtCode),
          inspectedOn: civilDateOf(v.visit.startedAt ?? report.issuedOn),
          result: v.verdict === 'compliant' ? ('met' as const) : ('not_met' as const),
          note: notes.join('; '),
          qrPoints: num(v, 'b1', 'pointsCount'),
          scansPerDay: num(v, 'b4', 'scansPerDay'),
          observedDays: num(v, 'b4', 'observedDays'),
          zeroScanDays: num(v, 'b4', 'zeroScanDays'),
          staff: staffTotal !== null && staffInstalled !== null ? { installed: staffInstalled, total: staffTotal } : null,
          portal: portal?.units.get(v.visit.targetId) ?? null,
        };
      }),
    },
    portal:
      portal === null
        ? null
        : {
            period: portal.period,
            districts: [...portal.districts]
              .sort((a, b) => (a.districtCode < b.districtCode ? -1 : a.districtCode > b.districtCode ? 1 : 0))
              .map(({ districtCode, ...figures }) => ({ ...figures, name: districtName(adminUnits, districtCode) })),
          },
    recipients: { entries: ['Như trên', 'Giám đốc, các PGĐ Sở', ...(healthName(campaign, c) ? [healthName(campaign, c)!] : [])], archive: ['VT', INSPECTORATE_DRAFTING_UNIT] },
    signer: signerInput(c.campaign),
  };
}

/** The Department of Health of the team, by its member's body id (the report is copied to it). */
function healthName(campaign: CampaignRecord, c: CampaignDocumentContext): string | null {
  const m = campaign.team?.members.find((t) => t.source === 'health');
  return m ? (c.bodyNames?.get(m.organizationId) ?? null) : null;
}

/** The inspected units as the report's portal figures count them (`loadPortalFigures`). */
export function reportPortalUnits(visits: readonly VisitRecord[]): PortalFiguresUnit[] {
  return visits.map((v) => ({ targetId: v.visit.targetId, districtCode: v.visit.districtCode, compliant: v.verdict === 'compliant' }));
}
