import { foldVietnamese } from '../text/fold-vietnamese.js';

/** Fields of a target row. */
export type TargetField = 'targetId' | 'name' | 'qrCode' | 'districtCode' | 'type' | 'address';
/** Fields of a portal-statistics row. */
export type StatisticsField = 'targetId' | 'qrCode' | 'name' | 'districtCode' | 'date' | 'registeredPoints' | 'scans' | 'distinctVisitors';

/** A header mapping: each field and the header texts that mean it (matched folded, see `foldVietnamese`). */
export type HeaderMapping<F extends string> = Readonly<Record<F, readonly string[]>>;

/**
 * Headers of a targets list as provinces write them. A province passes its own aliases with
 * `headerMapping` (merged per field, its aliases first).
 */
export const TARGET_HEADERS: HeaderMapping<TargetField> = {
  targetId: ['Mã đơn vị', 'Mã ĐV', 'ID', 'targetId'],
  name: ['Tên đơn vị', 'Tên cơ quan', 'Tên cơ sở', 'Tên địa điểm', 'name'],
  qrCode: ['Mã QR', 'Mã QR địa điểm', 'Mã địa điểm', 'qrCode'],
  districtCode: ['Mã huyện', 'Huyện', 'Mã quận huyện', 'Mã ĐVHC huyện', 'districtCode'],
  type: ['Loại hình', 'Loại đơn vị', 'Loại', 'type'],
  address: ['Địa chỉ', 'address'],
};

/** Headers of the portal's statistics export (quanly.pccovid.gov.vn). */
export const STATISTICS_HEADERS: HeaderMapping<StatisticsField> = {
  targetId: ['Mã đơn vị', 'Mã ĐV', 'targetId'],
  qrCode: ['Mã QR', 'Mã QR địa điểm', 'Mã địa điểm', 'qrCode'],
  name: ['Tên đơn vị', 'Tên địa điểm', 'name'],
  districtCode: ['Mã huyện', 'Huyện', 'Mã quận huyện', 'districtCode'],
  date: ['Ngày', 'Ngày quét', 'date'],
  registeredPoints: ['Số điểm QR', 'Số điểm quét', 'Số mã QR', 'registeredPoints'],
  scans: ['Lượt quét', 'Số lượt quét', 'scans'],
  distinctVisitors: ['Người quét', 'Số người quét', 'distinctVisitors'],
};

/** Merges a province's aliases into a mapping (its aliases are tried first). */
export function mergeHeaderMapping<F extends string>(base: HeaderMapping<F>, override: Partial<Record<F, readonly string[]>> | undefined): HeaderMapping<F> {
  if (override === undefined) return base;
  const out = { ...base } as Record<F, readonly string[]>;
  for (const field of Object.keys(override) as F[]) out[field] = [...(override[field] ?? []), ...base[field]];
  return out;
}

/** Where each field is in a header row. */
export interface ResolvedHeaders<F extends string> {
  /** Column index of each field found. */
  columns: Partial<Record<F, number>>;
  /** The header text of each column, as written (for messages). */
  labels: readonly string[];
}

/**
 * Finds each field's column in a header row: headers are compared folded (accents, case, spaces,
 * BOM ignored); the first alias that matches a column wins, and a column serves one field only.
 *
 * @example
 * ```ts
 * resolveHeaders(['TÊN ĐƠN VỊ', 'ma qr'], TARGET_HEADERS).columns // { name: 0, qrCode: 1 }
 * ```
 */
export function resolveHeaders<F extends string>(header: readonly string[], mapping: HeaderMapping<F>): ResolvedHeaders<F> {
  const folded = header.map((h) => foldVietnamese(h.replace(/^\uFEFF/, '')));
  const taken = new Set<number>();
  const columns: Partial<Record<F, number>> = {};
  for (const field of Object.keys(mapping) as F[]) {
    for (const alias of mapping[field]) {
      const index = folded.findIndex((h, i) => !taken.has(i) && h === foldVietnamese(alias));
      if (index >= 0) {
        columns[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return { columns, labels: header.map((h) => h.replace(/^\uFEFF/, '').trim()) };
}
