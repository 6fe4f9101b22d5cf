/**
 * @internal Sentences drawn from the facts of one visit: each checklist item's figures (from the
 * typed fields of its answer), the request that remedies a "Chưa đạt" item (with the visit's own
 * figures), and the deadlines of the follow-up — all computed from a document's own date.
 * Pure: no clock, no I/O.
 */
import type { ChecklistTemplate } from '../../entities/checklist-template.js';
import type { ChecklistItemResponse } from '../../entities/checklist-response.js';
import type { Verdict } from '../../entities/finding.js';
import { addCivilDays } from '../../text/civil-date.js';
import { formatShortDate } from '../../text/decree30-date.js';
import { stripEnd } from './vietnamese.js';

/** Days a unit gets to remedy, counted from the minutes' closing date. */
export const MINUTES_REMEDY_DAYS = 14;
/** Days a results notice gives when the deadline set in the minutes has already passed on its date. */
export const NOTICE_REMEDY_DAYS = 10;

/** A number as Vietnamese documents print it: decimal comma, at most one decimal. */
export function formatFigure(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  if (!Number.isInteger(rounded)) return rounded.toFixed(1).replace('.', ',');
  return String(rounded).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

/**
 * The figures of one answer as printed ("Số điểm đã khai báo, tạo mã QR: 3 điểm"), in the order
 * the item's answer type declares its fields; booleans read "có" / "không", dates dd/mm/yyyy.
 */
export function answerFigures(template: ChecklistTemplate, itemId: string, answer: ChecklistItemResponse | undefined): string[] {
  if (!answer) return [];
  const item = template.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  const type = item ? template.answerTypes[item.answerType] : undefined;
  if (!type) return [];
  const out: string[] = [];
  for (const [fieldId, field] of Object.entries(type.fields)) {
    const value = answer.fields[fieldId];
    if (value === undefined || value === '') continue;
    let text: string;
    if (typeof value === 'boolean') text = value ? 'có' : 'không';
    else if (typeof value === 'number') text = `${formatFigure(value)}${field.unit ? ` ${field.unit.vi}` : ''}`;
    else text = field.valueType === 'civilDate' ? formatShortDate(value) : value;
    out.push(`${stripEnd(field.label.vi)}: ${text}`);
  }
  return out;
}

const num = (answer: ChecklistItemResponse | undefined, field: string): number | null => {
  const v = answer?.fields[field];
  return typeof v === 'number' ? v : null;
};

/**
 * What the unit must do about one "Chưa đạt" item, drawn from its own answers and figures (the
 * items of the PC-Covid checklist v1 by id; any other item: remedy the item as noted).
 */
export function remedyText(itemId: string, label: string, note: string | null, answers: Readonly<Record<string, ChecklistItemResponse>>): string {
  const a = answers[itemId];
  switch (itemId) {
    case 'a1': {
      const total = num(a, 'staffTotal');
      const installed = num(a, 'staffInstalled');
      const missing = total !== null && installed !== null ? total - installed : null;
      return missing !== null && missing > 0
        ? `Quán triệt, đôn đốc ${formatFigure(missing)}/${formatFigure(total!)} cán bộ, nhân viên chưa cài đặt hoàn thành việc cài đặt ứng dụng PC-Covid`
        : 'Quán triệt, phổ biến việc cài đặt ứng dụng PC-Covid, tạo mã QR trong cơ quan, đơn vị';
    }
    case 'a2':
      return 'Ban hành văn bản chỉ đạo, tuyên truyền việc cài đặt ứng dụng PC-Covid, khai báo y tế, tạo và quét mã QR tại đơn vị';
    case 'b1':
      return 'Khai báo, tạo mã QR địa điểm PC-Covid cho từng điểm ra vào, giao dịch của đơn vị tại qr.pccovid.gov.vn';
    case 'b2': {
      const points = num(answers.b1, 'pointsCount');
      const legacy = a?.fields.legacyCodePosted === true;
      const size = num(a, 'postedSizeCm');
      const where = points !== null && points > 0 ? `tại đủ ${formatFigure(points)} điểm đã tạo mã` : 'tại các điểm ra vào, nơi người đến dễ thấy';
      const first = legacy ? 'Gỡ bỏ mã QR cũ đang niêm yết; in và niêm yết' : 'In và niêm yết';
      const sizeNote = size !== null && size < 15 ? ` (cạnh tối thiểu 15 cm; mã hiện niêm yết chỉ ${formatFigure(size)} cm)` : ' (cạnh tối thiểu 15 cm)';
      return `${first} đúng mã QR địa điểm PC-Covid ${where}${sizeNote}`;
    }
    case 'b3':
      return 'Phân công người hướng dẫn, nhắc nhở, kiểm soát việc quét mã QR của người đến; đặt biển nhắc quét mã tại các điểm ra vào';
    case 'b4': {
      const zero = num(a, 'zeroScanDays');
      const days = num(a, 'observedDays');
      const perDay = num(a, 'scansPerDay');
      const figures =
        zero !== null && days !== null
          ? ` (trong ${formatFigure(days)} ngày được xem có ${formatFigure(zero)} ngày không có lượt quét${perDay !== null ? `, bình quân ${formatFigure(perDay)} lượt/ngày` : ''})`
          : '';
      return `Tổ chức quét mã QR hằng ngày đối với mọi người đến${figures}`;
    }
    case 'c1':
      return 'Khai thác phần mềm quanly.pccovid.gov.vn để thống kê, báo cáo kết quả quét mã QR';
    case 'c2':
      return 'Sử dụng phần mềm quanly.pccovid.gov.vn phục vụ truy vết F1 khi có ca F0 liên quan';
    default:
      return note === null ? `Khắc phục nội dung "${stripEnd(label)}"` : `Khắc phục nội dung "${stripEnd(label)}": ${stripEnd(note)}`;
  }
}

/** One finding with what is needed to write it and to ask for its remedy. */
export interface FindingFacts {
  itemId: string;
  label: string;
  verdict: Verdict;
  note: string | null;
}

/** The requests of a non-compliant visit, one per "Chưa đạt" item, each due `dueOn`. */
export function remedyRequests(findings: readonly FindingFacts[], answers: Readonly<Record<string, ChecklistItemResponse>>, dueOn: string): { text: string; dueOn: string }[] {
  return findings.filter((f) => f.verdict === 'not_met').map((f) => ({ text: remedyText(f.itemId, f.label, f.note, answers), dueOn }));
}

/**
 * The deadline a results notice dated `noticeDate` gives: the one set in the minutes when it
 * still lies ahead, else `NOTICE_REMEDY_DAYS` after the notice's own date — never a date the
 * notice has already passed.
 */
export function noticeDeadline(noticeDate: string, minutesDeadline: string | null): string {
  return minutesDeadline !== null && minutesDeadline > noticeDate ? minutesDeadline : addCivilDays(noticeDate, NOTICE_REMEDY_DAYS);
}

/** The stages of the follow-up letters, by reminder number. */
export type ReminderStage = 'reminder' | 'secondReminder' | 'deadline' | 'final';

/** Reminder 1 → nhắc nhở; 2 → nhắc nhở lần 2; 3 → ấn định thời hạn; 4 and later → lần cuối (then the sanction proposal). */
export function reminderStage(reminderNumber: number): ReminderStage {
  if (reminderNumber <= 1) return 'reminder';
  if (reminderNumber === 2) return 'secondReminder';
  if (reminderNumber === 3) return 'deadline';
  return 'final';
}

/** Days each stage gives the unit. */
export const REMINDER_STAGE_DAYS: Readonly<Record<ReminderStage, number>> = Object.freeze({ reminder: 7, secondReminder: 7, deadline: 5, final: 5 });

/** The deadline a reminder sent on `sentOn` gives by default (its stage's days after its own date). */
export function reminderDeadline(sentOn: string, reminderNumber: number): string {
  return addCivilDays(sentOn, REMINDER_STAGE_DAYS[reminderStage(reminderNumber)]);
}
