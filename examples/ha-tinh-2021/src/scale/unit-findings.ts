/**
 * What the team records at a synthetic unit: the answers to checklist II.1 a–c made from the
 * unit's {@link UnitTruth}, and the minutes' own words — who spoke for the unit, what it explained
 * and how the team assessed it — so each unit's minutes read like its own.
 */
import type { ChecklistItemResponse } from '@pccovid-inspect/core';
import { unitAnswers, type UnitProfile } from '@pccovid-inspect/testkit/fixtures';
import { prng } from './synthetic-province.js';
import type { SyntheticUnit } from './synthetic-province.js';

const REP_NAMES = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Đình Cường', 'Phạm Thị Dung', 'Hoàng Văn Giang', 'Võ Thị Hồng', 'Đặng Quốc Huy', 'Ngô Thị Kim'];
const REP_POSITIONS: Record<string, string> = {
  provincial_department: 'Chánh Văn phòng',
  central_agency: 'Trưởng phòng Tổ chức – Hành chính',
  district_peoples_committee: 'Chánh Văn phòng HĐND – UBND',
  hospital: 'Phó Giám đốc',
  market: 'Trưởng Ban quản lý chợ',
  school: 'Hiệu trưởng',
  office: 'Thủ trưởng đơn vị',
  business: 'Giám đốc',
};

/** Days without a scan the checklist still accepts as met (b4: more than 2 cannot be "Đạt"). */
const ZERO_SCAN_DAYS_MET = 2;

/** The defects a unit shows, in the order the minutes list them (Vietnamese). */
export function defectsOf(unit: SyntheticUnit): string[] {
  const t = unit.truth;
  const out: string[] = [];
  if (t.noQr) out.push('chưa tạo mã QR địa điểm trên PC-Covid');
  if (t.legacyBluezone) out.push('vẫn niêm yết mã Bluezone cũ');
  if (t.hiddenCode) out.push('niêm yết mã QR ở vị trí người đến không nhìn thấy');
  if (t.nobodyGuiding) out.push('không bố trí người hướng dẫn, nhắc nhở quét mã');
  if (!t.noQr && t.zeroScanDays > ZERO_SCAN_DAYS_MET) out.push(`${t.zeroScanDays} ngày không có lượt quét`);
  if (t.portalUnusedForTracing) out.push('chưa sử dụng quanly.pccovid.gov.vn để truy vết F1');
  return out;
}

/** The answers to every item of the checklist for `unit` visited on `day`. */
export function scaleAnswers(unit: SyntheticUnit, day: string): Record<string, ChecklistItemResponse> {
  const t = unit.truth;
  const name = unit.target.name;
  const profile: UnitProfile = {
    staff: t.staff,
    directives: [
      {
        numberSymbol: `${100 + (Number(unit.target.id.slice(3)) % 800)}/${unit.target.id.toUpperCase()}`,
        issuedOn: '2021-11-18',
        issuer: name,
        summary: 'về việc triển khai cài đặt PC-Covid và quét mã QR',
      },
    ],
    qrPoints: t.noQr ? { count: 0, where: '', missing: 'Đơn vị chưa tạo mã QR địa điểm trên PC-Covid' } : { count: 1 + (t.perDay > 200 ? 2 : 0), where: 'cổng chính' },
    posted: {
      sizeCm: 20,
      caption: `Mã QR niêm yết tại ${name}`,
      ...(t.legacyBluezone ? { legacy: 'Mã niêm yết là mã Bluezone cũ, không phải mã QR địa điểm PC-Covid' } : {}),
    },
    guidance: t.nobodyGuiding ? 'Không có người hướng dẫn, nhắc nhở người đến quét mã' : true,
    scans: {
      observedDays: 14,
      perDay: t.noQr ? 0 : t.perDay,
      zeroDays: Math.min(14, t.zeroScanDays),
      ...(t.noQr || t.zeroScanDays > ZERO_SCAN_DAYS_MET ? { defect: `${Math.min(14, t.zeroScanDays)}/14 ngày không có lượt quét trên quanly.pccovid.gov.vn` } : {}),
    },
    portal: { caption: `Thống kê lượt quét của ${name} trên quanly.pccovid.gov.vn` },
    tracing: { notApplicable: 'Trong kỳ không có ca F0 liên quan đến đơn vị' },
  };
  const answers = unitAnswers(profile, day, unit.target.id);
  if (t.hiddenCode && !t.legacyBluezone && !t.noQr) {
    answers.b2 = { ...answers.b2!, answer: 'not_met', note: 'Mã QR dán phía trong phòng bảo vệ, người đến không nhìn thấy để quét' };
  }
  if (t.portalUnusedForTracing) {
    answers.c2 = {
      answer: 'not_met',
      note: 'Có ca F0 liên quan nhưng đơn vị không dùng dữ liệu quét trên quanly.pccovid.gov.vn để truy vết F1',
      fields: { tracedCases: 0 },
      evidence: [],
    };
  }
  return answers;
}

/** The minutes' inputs for `unit`: who spoke for it, what it explained, the team's assessment. */
export function scaleMinutesText(unit: SyntheticUnit): { representatives: { fullName: string; position: string }[]; explanation: string | null; assessment: string } {
  const random = prng(Number(unit.target.id.slice(3)));
  const defects = defectsOf(unit);
  const rep = { fullName: REP_NAMES[Math.floor(random() * REP_NAMES.length)]!, position: REP_POSITIONS[unit.target.type] ?? 'Thủ trưởng đơn vị' };
  if (defects.length === 0) {
    return {
      representatives: [rep],
      explanation: null,
      assessment: `${unit.target.name} triển khai đầy đủ: niêm yết mã QR PC-Covid đúng vị trí, có người nhắc nhở, lượt quét ổn định khoảng ${unit.truth.perDay} lượt/ngày`,
    };
  }
  return {
    representatives: [rep],
    explanation: unit.truth.noQr
      ? 'Đơn vị chưa nắm được hướng dẫn tạo mã QR địa điểm; sẽ tạo và niêm yết ngay sau buổi kiểm tra'
      : 'Đơn vị đã quán triệt nhưng còn thiếu sót do thiếu nhân lực; cam kết khắc phục trong thời hạn',
    assessment: `${unit.target.name} còn tồn tại: ${defects.join('; ')}`,
  };
}
