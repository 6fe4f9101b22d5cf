import type { AdminUnit, PortalStatisticsRow } from '@pccovid-inspect/core';
import type { SourceRecord } from '../csv/source-record.js';
import { checkCount, checkDate, checkDistrict, checkId } from './cell-checks.js';
import { mergeHeaderMapping, resolveHeaders, STATISTICS_HEADERS, type HeaderMapping, type StatisticsField } from './header-mapping.js';
import type { RowIssue } from './row-issue.js';
import type { RowMapper } from './target-rows.js';

/** Options of `createStatisticsRowMapper`. */
export interface StatisticsRowOptions {
  tenantId: string;
  /** The province's district-level reference units; a district not among them is a row error. */
  referenceUnits: readonly AdminUnit[];
  /** Extra header aliases per field, tried before the built-in ones. */
  headerMapping?: Partial<Record<StatisticsField, readonly string[]>>;
  /**
   * The target id of a registered QR code, for files that carry "Mã QR" but no "Mã đơn vị"
   * (a `Map`, or a function returning `undefined` when the code is unknown — a row error).
   */
  targetIdByQrCode?: ReadonlyMap<string, string> | ((qrCode: string) => string | undefined);
}

const REQUIRED: readonly StatisticsField[] = ['districtCode', 'date', 'registeredPoints', 'scans', 'distinctVisitors'];

/**
 * Maps portal-statistics rows ("Mã QR"/"Mã đơn vị", "Mã huyện", "Ngày", "Số điểm QR", "Lượt quét",
 * "Người quét") to `PortalStatisticsRow`s: district against the reference units, real dates
 * (dd/mm/yyyy or yyyy-mm-dd), whole counts ≥ 0.
 *
 * @example
 * ```ts
 * const mapper = createStatisticsRowMapper(header, { tenantId: '42', referenceUnits: HA_TINH_2021_DISTRICTS });
 * ```
 */
export function createStatisticsRowMapper(header: SourceRecord, options: StatisticsRowOptions): RowMapper<PortalStatisticsRow> & { headerIssue: RowIssue | null } {
  const mapping: HeaderMapping<StatisticsField> = mergeHeaderMapping(STATISTICS_HEADERS, options.headerMapping);
  const { columns, labels } = resolveHeaders(header.cells, mapping);
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  const byQr = options.targetIdByQrCode;
  if (columns.targetId === undefined && (columns.qrCode === undefined || byQr === undefined)) missing.push('targetId');
  const headerIssue: RowIssue | null =
    missing.length === 0
      ? null
      : {
          line: header.line,
          problemVi: `thiếu cột: ${missing.map((f) => mapping[f][0]).join(', ')}`,
          problemEn: `missing columns: ${missing.join(', ')}`,
          hint: `Đặt tên cột như mẫu, khai báo headerMapping, hoặc truyền targetIdByQrCode khi chỉ có "Mã QR" / Name the columns as in the template, pass headerMapping, or targetIdByQrCode when only "Mã QR" is there; found: ${labels.join(' | ')}`,
        };
  const lookup = (qr: string): string | undefined => (byQr === undefined ? undefined : typeof byQr === 'function' ? byQr(qr) : byQr.get(qr));
  const columnOf = (f: StatisticsField): string | undefined => {
    const index = columns[f];
    return index === undefined ? undefined : labels[index];
  };
  const cellOf = (record: SourceRecord, f: StatisticsField): string | undefined => {
    const index = columns[f];
    return index === undefined ? undefined : record.cells[index];
  };

  let record: SourceRecord = header; // the record being mapped (read by `issue`)
  const issue = (field: StatisticsField | undefined, r: { vi: string; en: string; hint: string }): { ok: false; issue: RowIssue } => {
    const column = field === undefined ? undefined : columnOf(field);
    return { ok: false, issue: { line: record.line, ...(column === undefined ? {} : { column }), problemVi: r.vi, problemEn: r.en, hint: r.hint } };
  };
  const map: RowMapper<PortalStatisticsRow>['map'] = (current) => {
    record = current;
    if (record.problem !== undefined) return issue(undefined, { ...record.problem, hint: 'Sửa dòng trong tệp rồi nhập lại / Fix the line in the file and import again' });
    if (record.cells.length !== header.cells.length) {
      return issue(undefined, {
        vi: `dòng có ${record.cells.length} cột, tiêu đề có ${header.cells.length}`,
        en: `the row has ${record.cells.length} columns, the header ${header.cells.length}`,
        hint: 'Kiểm tra dấu phân cách và dấu ngoặc kép / Check delimiters and quotes',
      });
    }
    let targetId: string;
    if (columns.targetId !== undefined) {
      const id = checkId(cellOf(record, 'targetId'));
      if (!id.ok) return issue('targetId', id);
      targetId = id.value;
    } else {
      const qr = checkId(cellOf(record, 'qrCode'));
      if (!qr.ok) return issue('qrCode', qr);
      const found = lookup(qr.value);
      if (found === undefined) {
        return issue('qrCode', {
          vi: `mã QR "${qr.value}" chưa đăng ký đơn vị nào`,
          en: `QR code "${qr.value}" belongs to no registered unit`,
          hint: 'Nhập danh sách đơn vị trước / Import the units first',
        });
      }
      targetId = found;
    }
    const district = checkDistrict(cellOf(record, 'districtCode'), options.referenceUnits);
    if (!district.ok) return issue('districtCode', district);
    const date = checkDate(cellOf(record, 'date'));
    if (!date.ok) return issue('date', date);
    const registeredPoints = checkCount(cellOf(record, 'registeredPoints'));
    if (!registeredPoints.ok) return issue('registeredPoints', registeredPoints);
    const scans = checkCount(cellOf(record, 'scans'));
    if (!scans.ok) return issue('scans', scans);
    const distinctVisitors = checkCount(cellOf(record, 'distinctVisitors'));
    if (!distinctVisitors.ok) return issue('distinctVisitors', distinctVisitors);
    return {
      ok: true,
      value: {
        tenantId: options.tenantId,
        targetId,
        districtCode: district.value,
        date: date.value,
        registeredPoints: registeredPoints.value,
        scans: scans.value,
        distinctVisitors: distinctVisitors.value,
      },
    };
  };
  return { map, headerIssue };
}
