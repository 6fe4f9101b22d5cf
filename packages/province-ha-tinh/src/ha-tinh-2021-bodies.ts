import type { Organization } from '@pccovid-inspect/core';
import { deepFreeze } from './internal/deep-freeze.js';
import { HA_TINH_2021_DISTRICTS } from './ha-tinh-2021-units.js';

const org = (o: Omit<Organization, 'tenantId'>): Organization => ({ tenantId: '42', ...o });

/**
 * Ids of the bodies in {@link HA_TINH_2021_BODIES}, so callers need not repeat strings. Frozen.
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_BODY_IDS } from '@pccovid-inspect/province-ha-tinh';
 * HA_TINH_2021_BODY_IDS.inspectorate // 'org-stttt-ttra'
 * HA_TINH_2021_BODY_IDS.districtCultureInfo('449') // 'org-vhtt-449'
 * ```
 */
export const HA_TINH_2021_BODY_IDS = deepFreeze({
  provincialCommittee: 'org-ubnd-tinh',
  department: 'org-stttt',
  inspectorate: 'org-stttt-ttra',
  itDivision: 'org-stttt-cntt',
  departmentOffice: 'org-stttt-vp',
  health: 'org-syt',
  /** The Culture and Information office of a district: `org-vhtt-<GSO code>`. */
  districtCultureInfo: (districtCode: string) => `org-vhtt-${districtCode}`,
} as const);

/**
 * The bodies of the 2021 plan: the Provincial People's Committee, the Department of
 * Information and Communications with its Inspectorate, IT Division and Office, the Department
 * of Health, and each district's Culture and Information office (Phòng Văn hóa – Thông tin).
 * Deeply frozen.
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_BODIES } from '@pccovid-inspect/province-ha-tinh';
 * HA_TINH_2021_BODIES.filter((b) => b.kind === 'district_office').length // 13
 * ```
 */
export const HA_TINH_2021_BODIES: readonly Organization[] = deepFreeze([
  org({
    id: 'org-ubnd-tinh',
    kind: 'provincial_peoples_committee',
    name: 'Ủy ban nhân dân tỉnh Hà Tĩnh',
    upperName: 'UBND TỈNH HÀ TĨNH',
    abbreviation: 'UBND',
    parentId: null,
    districtCode: null,
  }),
  org({
    id: 'org-stttt',
    kind: 'department',
    name: 'Sở Thông tin và Truyền thông',
    upperName: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    abbreviation: 'STTTT',
    parentId: 'org-ubnd-tinh',
    districtCode: null,
  }),
  org({ id: 'org-stttt-ttra', kind: 'department_unit', name: 'Thanh tra Sở', upperName: 'THANH TRA SỞ', abbreviation: 'TTra', parentId: 'org-stttt', districtCode: null }),
  org({
    id: 'org-stttt-cntt',
    kind: 'department_unit',
    name: 'Phòng Công nghệ thông tin',
    upperName: 'PHÒNG CÔNG NGHỆ THÔNG TIN',
    abbreviation: 'CNTT',
    parentId: 'org-stttt',
    districtCode: null,
  }),
  org({ id: 'org-stttt-vp', kind: 'department_unit', name: 'Văn phòng Sở', upperName: 'VĂN PHÒNG SỞ', abbreviation: 'VP', parentId: 'org-stttt', districtCode: null }),
  org({ id: 'org-syt', kind: 'department', name: 'Sở Y tế Hà Tĩnh', upperName: 'SỞ Y TẾ', abbreviation: 'SYT', parentId: 'org-ubnd-tinh', districtCode: null }),
  ...HA_TINH_2021_DISTRICTS.map((d) =>
    org({
      id: `org-vhtt-${d.code}`,
      kind: 'district_office',
      name: `Phòng Văn hóa và Thông tin ${d.name.replace(/^(Huyện|Thị xã|Thành phố) /, (k) => `${k.trim().toLowerCase()} `)}`,
      upperName: `PHÒNG VĂN HÓA VÀ THÔNG TIN ${d.name.toUpperCase()}`,
      abbreviation: 'VHTT',
      parentId: null,
      districtCode: d.code,
    }),
  ),
]);
