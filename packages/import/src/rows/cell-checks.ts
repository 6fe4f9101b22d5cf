import { forbiddenCharacterIn, INPUT_LIMITS } from '@pccovid-inspect/core/schemas';
import type { AdminUnit } from '@pccovid-inspect/core';
import { foldVietnamese } from '../text/fold-vietnamese.js';

/** A cell's check result: the value, or what is wrong (Vietnamese, English, hint). */
export type CellResult<T> = { ok: true; value: T } | { ok: false; vi: string; en: string; hint: string };

const fail = (vi: string, en: string, hint: string): { ok: false; vi: string; en: string; hint: string } => ({ ok: false, vi, en, hint });

/**
 * A one-line text cell through core's input rules: NFC, trimmed, not empty (unless optional),
 * at most `max` characters, no forbidden character (core's `forbiddenCharacterIn`), and no
 * spreadsheet formula (a cell beginning with `=`).
 */
export function checkText(raw: string | undefined, options: { max?: number; optional?: boolean } = {}): CellResult<string> {
  const max = options.max ?? INPUT_LIMITS.text.short;
  const value = (raw ?? '').normalize('NFC').trim();
  if (value.length === 0) {
    return options.optional === true ? { ok: true, value } : fail('ô trống', 'the cell is empty', 'Điền giá trị / Fill the cell in');
  }
  if (value.length > max)
    return fail(`quá dài: ${value.length} ký tự, tối đa ${max}`, `too long: ${value.length} characters, at most ${max}`, 'Rút gọn nội dung / Shorten the text');
  const forbidden = forbiddenCharacterIn(value, { multiline: false });
  if (forbidden !== null) {
    const [vi = forbidden, en = forbidden] = forbidden.split(' / ');
    return fail(vi, en, 'Xoá ký tự điều khiển, xuống dòng trong ô / Remove control characters and line breaks from the cell');
  }
  if (value.startsWith('=')) return fail('ô là công thức bảng tính', 'the cell is a spreadsheet formula', 'Dán giá trị thay cho công thức / Paste values instead of formulas');
  return { ok: true, value };
}

/** An id cell (target id, QR code): 1–128 letters, digits, `- _ . :`. */
export function checkId(raw: string | undefined): CellResult<string> {
  // Fast path: plain ASCII ids pass every rule below unchanged (NFC, trimmed, no forbidden or formula character).
  if (raw !== undefined && raw.length <= INPUT_LIMITS.text.id && ASCII_ID.test(raw)) return { ok: true, value: raw };
  const text = checkText(raw, { max: INPUT_LIMITS.text.id });
  if (!text.ok) return text;
  if (!/^[\p{L}\p{N}_.:-]+$/u.test(text.value)) {
    return fail('mã chứa ký tự không hợp lệ', 'the code has characters that are not allowed', 'Chỉ dùng chữ, số và - _ . : / Use letters, digits and - _ . : only');
  }
  return { ok: true, value: text.value };
}

const ASCII_ID = /^[A-Za-z0-9_.:-]+$/;
const PLAIN_COUNT = /^\d{1,15}$/;

/** A whole count ≥ 0; accepts thousands grouped by `.` `,` or space ("1.234"). */
export function checkCount(raw: string | undefined): CellResult<number> {
  if (raw !== undefined && PLAIN_COUNT.test(raw)) return { ok: true, value: Number(raw) }; // fast path: digits only
  const value = (raw ?? '').trim();
  if (value.length === 0) return fail('ô trống', 'the cell is empty', 'Điền số (0 nếu không có) / Enter a number (0 if none)');
  if (/^-\s*\d/.test(value)) return fail(`số âm "${value}"`, `negative count "${value}"`, 'Số lượt, số điểm phải ≥ 0 / Counts must be ≥ 0');
  if (!/^(\d+|\d{1,3}([.,\s]\d{3})+)$/.test(value))
    return fail(`không phải số nguyên "${value}"`, `not a whole number "${value}"`, 'Nhập số nguyên, không có đơn vị / Enter a whole number without units');
  const n = Number(value.replace(/[.,\s]/g, ''));
  if (!Number.isSafeInteger(n)) return fail(`số quá lớn "${value}"`, `number too large "${value}"`, 'Kiểm tra lại số liệu / Check the figure');
  return { ok: true, value: n };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A civil date: `YYYY-MM-DD`, or `DD/MM/YYYY` / `D/M/YYYY` (`-` or `.` also), checked to be a real day. */
export function checkDate(raw: string | undefined): CellResult<string> {
  const value = (raw ?? '').trim();
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(value);
  const vn = iso === null ? VN_DATE.exec(value) : null;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return fail(`ngày không hợp lệ "${value}"`, `not a date "${value}"`, 'Ghi ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd / Write dates as dd/mm/yyyy or yyyy-mm-dd');
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail(`ngày không có thật "${value}"`, `no such day "${value}"`, 'Kiểm tra ngày, tháng / Check the day and month');
  }
  return { ok: true, value: `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` };
}

const CODES = new WeakMap<readonly AdminUnit[], ReadonlySet<string>>();

/** The units' codes as a set, built once per units array. */
function codesOf(units: readonly AdminUnit[]): ReadonlySet<string> {
  let codes = CODES.get(units);
  if (codes === undefined) {
    codes = new Set(units.map((u) => u.code));
    CODES.set(units, codes);
  }
  return codes;
}

/**
 * A district cell against the province's reference units: a GSO code ("447"), or a unit's name or
 * short name matched folded ("Huyện Kỳ Anh", "duc tho"). A name two units share ("Kỳ Anh": the
 * rural district 447 and the town 449) is refused as ambiguous.
 */
export function checkDistrict(raw: string | undefined, units: readonly AdminUnit[]): CellResult<string> {
  const known = codesOf(units);
  if (raw !== undefined && known.has(raw)) return { ok: true, value: raw }; // fast path: the code as written
  const value = (raw ?? '').normalize('NFC').trim();
  if (value.length === 0) return fail('thiếu mã huyện', 'the district is missing', 'Ghi mã huyện (GSO, 3 chữ số) / Write the district GSO code (3 digits)');
  const codes = units.map((u) => u.code).join(', ');
  if (/^\d+$/.test(value)) {
    if (known.has(value)) return { ok: true, value };
    return fail(`mã huyện "${value}" không thuộc tỉnh`, `district code "${value}" is not one of the province's`, `Mã hợp lệ / Valid codes: ${codes}`);
  }
  const folded = foldVietnamese(value);
  const matches = units.filter((u) => foldVietnamese(u.name) === folded || foldVietnamese(u.shortName) === folded);
  if (matches.length === 1) return { ok: true, value: (matches[0] as AdminUnit).code };
  if (matches.length > 1) {
    return fail(
      `tên huyện "${value}" trùng nhiều đơn vị`,
      `district name "${value}" matches several units`,
      `Ghi mã: ${matches.map((u) => `${u.code} ${u.name}`).join('; ')} / Write the code`,
    );
  }
  return fail(`không có huyện "${value}"`, `unknown district "${value}"`, `Mã hợp lệ / Valid codes: ${codes}`);
}
