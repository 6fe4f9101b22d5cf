import { TARGET_TYPE_LABELS, type AdminUnit } from '@pccovid-inspect/core';
import { TargetSchema, type Target } from '@pccovid-inspect/core/schemas';
import type { SourceRecord } from '../csv/source-record.js';
import { foldVietnamese } from '../text/fold-vietnamese.js';
import { checkDistrict, checkId, checkText, type CellResult } from './cell-checks.js';
import { mergeHeaderMapping, resolveHeaders, TARGET_HEADERS, type HeaderMapping, type TargetField } from './header-mapping.js';
import type { RowIssue } from './row-issue.js';

/** Options of `createTargetRowMapper`. */
export interface TargetRowOptions {
  tenantId: string;
  campaignId: string;
  /** The province's district-level reference units (e.g. `HA_TINH_2021_DISTRICTS`); a district not among them is a row error. */
  referenceUnits: readonly AdminUnit[];
  /** Extra header aliases per field, tried before the built-in ones. */
  headerMapping?: Partial<Record<TargetField, readonly string[]>>;
  /**
   * Extra "Loại hình" texts → target type id (matched folded). The built-in labels (`TARGET_TYPE_LABELS`, Vietnamese and English) and the ids themselves always work.
   * @default {}
   */
  typeAliases?: Readonly<Record<string, string>>;
  /** QR codes already registered (from an earlier import or the store): a row repeating one is a duplicate. */
  existingQrCodes?: Iterable<string>;
}

/** A row mapper: turns one data record into a validated value or an issue. */
export interface RowMapper<T> {
  map(record: SourceRecord): { ok: true; value: T } | { ok: false; issue: RowIssue };
}

const REQUIRED: readonly TargetField[] = ['name', 'districtCode', 'type'];

/** A type text folded, punctuation dropped ("Cơ sở sản xuất, kinh doanh" = "co so san xuat kinh doanh"). */
const typeKey = (text: string): string => foldVietnamese(text.replace(/[^\p{L}\p{N}\p{M}_]+/gu, ' '));

function typeTable(aliases: Readonly<Record<string, string>>): Map<string, string> {
  const table = new Map<string, string>();
  for (const [id, label] of Object.entries(TARGET_TYPE_LABELS)) {
    table.set(typeKey(id), id);
    table.set(typeKey(label.vi), id);
    table.set(typeKey(label.en), id);
  }
  table.set(typeKey('Doanh nghiệp'), 'business');
  table.set(typeKey('Cơ quan'), 'office');
  table.set(typeKey('Trường'), 'school');
  for (const [text, id] of Object.entries(aliases)) table.set(typeKey(text), id);
  return table;
}

/**
 * Maps target rows from a header record: finds the columns ("Tên đơn vị", "Mã QR", "Mã huyện",
 * "Loại hình", "Địa chỉ", "Mã đơn vị"), then checks every row — text through core's limits and
 * forbidden characters, the district against the reference units, the type, duplicates by QR
 * code — and builds a `Target` checked by core's `TargetSchema`. Throws an `RowIssue`-carrying
 * result for a header that lacks a required column (`headerIssue`).
 *
 * @example
 * ```ts
 * const mapper = createTargetRowMapper(header, { tenantId: '42', campaignId: 'c-1', referenceUnits: HA_TINH_2021_DISTRICTS });
 * const result = mapper.map(record); // { ok: true, value: Target } | { ok: false, issue }
 * ```
 */
export function createTargetRowMapper(header: SourceRecord, options: TargetRowOptions): RowMapper<Target> & { headerIssue: RowIssue | null } {
  const mapping: HeaderMapping<TargetField> = mergeHeaderMapping(TARGET_HEADERS, options.headerMapping);
  const { columns, labels } = resolveHeaders(header.cells, mapping);
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  if (columns.targetId === undefined && columns.qrCode === undefined) missing.push('qrCode');
  const headerIssue: RowIssue | null =
    missing.length === 0
      ? null
      : {
          line: header.line,
          problemVi: `thiếu cột: ${missing.map((f) => mapping[f][0]).join(', ')}`,
          problemEn: `missing columns: ${missing.join(', ')}`,
          hint: `Đặt tên cột như mẫu hoặc khai báo headerMapping / Name the columns as in the template or pass headerMapping; found: ${labels.join(' | ')}`,
        };
  const types = typeTable(options.typeAliases ?? {});
  const seenQr = new Set(options.existingQrCodes ?? []);
  const seenIds = new Set<string>();

  const columnEntry = (field: TargetField | undefined): { column?: string } => {
    const index = field === undefined ? undefined : columns[field];
    const label = index === undefined ? undefined : labels[index];
    return label === undefined ? {} : { column: label };
  };

  const map: RowMapper<Target>['map'] = (record) => {
    const issue = (field: TargetField | undefined, r: { vi: string; en: string; hint: string }): { ok: false; issue: RowIssue } => ({
      ok: false,
      issue: { line: record.line, ...columnEntry(field), problemVi: r.vi, problemEn: r.en, hint: r.hint },
    });
    if (record.problem !== undefined) return issue(undefined, { ...record.problem, hint: 'Sửa dòng trong tệp rồi nhập lại / Fix the line in the file and import again' });
    if (record.cells.length !== header.cells.length) {
      return issue(undefined, {
        vi: `dòng có ${record.cells.length} cột, tiêu đề có ${header.cells.length}`,
        en: `the row has ${record.cells.length} columns, the header ${header.cells.length}`,
        hint: 'Kiểm tra dấu phân cách và dấu ngoặc kép / Check delimiters and quotes',
      });
    }
    const cell = (f: TargetField): string | undefined => {
      const index = columns[f];
      return index === undefined ? undefined : record.cells[index];
    };
    const checks: [TargetField, CellResult<string>][] = [
      ['name', checkText(cell('name'))],
      ['districtCode', checkDistrict(cell('districtCode'), options.referenceUnits)],
      ['address', checkText(cell('address'), { optional: true })],
    ];
    // With its own "Mã đơn vị" column a unit may have no QR code yet (a risk the sampling scores);
    // without one, the QR code is the unit's id and must be there.
    const qrCell = cell('qrCode');
    if (columns.qrCode !== undefined && !(columns.targetId !== undefined && (qrCell ?? '').trim() === '')) checks.push(['qrCode', checkId(qrCell)]);
    if (columns.targetId !== undefined) checks.push(['targetId', checkId(cell('targetId'))]);
    for (const [field, result] of checks) if (!result.ok) return issue(field, result);
    const value = (f: TargetField): string => {
      const found = checks.find(([field]) => field === f)?.[1];
      return found?.ok === true ? found.value : '';
    };
    const rawType = checkText(cell('type'));
    if (!rawType.ok) return issue('type', rawType);
    const type = types.get(typeKey(rawType.value));
    if (type === undefined) {
      return issue('type', {
        vi: `loại hình "${rawType.value}" không có`,
        en: `unknown unit type "${rawType.value}"`,
        hint: `Dùng / Use: ${Object.values(TARGET_TYPE_LABELS)
          .map((l) => l.vi)
          .join(', ')}`,
      });
    }
    const qr = value('qrCode');
    if (qr !== '') {
      if (seenQr.has(qr))
        return issue('qrCode', {
          vi: `mã QR "${qr}" trùng`,
          en: `duplicate QR code "${qr}"`,
          hint: 'Mỗi địa điểm một mã QR; xoá dòng trùng / One QR code per location; remove the duplicate row',
        });
    }
    const id = value('targetId') || `tg-${qr}`;
    if (seenIds.has(id)) return issue('targetId', { vi: `mã đơn vị "${id}" trùng`, en: `duplicate unit id "${id}"`, hint: 'Xoá dòng trùng / Remove the duplicate row' });
    const districtCode = value('districtCode');
    const district = options.referenceUnits.find((u) => u.code === districtCode);
    const target = {
      tenantId: options.tenantId,
      id,
      campaignId: options.campaignId,
      name: value('name'),
      type,
      districtCode,
      address: value('address') || (district?.name ?? districtCode),
      organizationId: null,
      representativePersonId: null,
      qrPoints:
        qr === ''
          ? []
          : [
              {
                id: qr,
                targetId: id,
                label: 'Mã QR địa điểm (đăng ký trên cổng) / Location QR (registered on the portal)',
                source: 'pc_covid' as const,
                // Not yet looked at: a visit records whether it is posted and visible.
                posted: null,
                visible: null,
                sizeCm: null,
                registeredOn: null,
                // What a photographed code is matched against (plugin-qr-verify).
                registeredCode: qr,
              },
            ],
    };
    const parsed = TargetSchema.safeParse(target);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first?.path[0] as TargetField | undefined;
      const [vi = 'không hợp lệ', en = vi] = (first?.message ?? 'không hợp lệ / invalid').split(' / ');
      return issue(field, { vi, en, hint: 'Sửa ô này / Fix this cell' });
    }
    if (qr !== '') seenQr.add(qr);
    seenIds.add(id);
    return { ok: true, value: parsed.data };
  };
  return { map, headerIssue };
}
