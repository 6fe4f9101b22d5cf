import type { AdminUnit } from '../entities/admin-unit.js';
import type { Organization } from '../entities/organization.js';
import type { Tenant } from '../entities/tenant.js';

/** Hà Tĩnh as a tenant: GSO province code 42. */
export const HA_TINH_TENANT: Tenant = { id: '42', provinceCode: '42', name: 'Hà Tĩnh', placeName: 'Hà Tĩnh' };

const UNTIL_REFORM = '2025-06-30';
const unit = (code: string, name: string, shortName: string, kind: AdminUnit['kind']): AdminUnit => ({
  code,
  provinceCode: '42',
  name,
  shortName,
  kind,
  era: 'pre2025',
  validFrom: null,
  validTo: UNTIL_REFORM,
});

/**
 * Hà Tĩnh's 13 district-level units of 2021 with their GSO codes (1 city, 2 towns, 10 rural
 * districts; code 438 is unused). Historical data: district level was abolished on 1/7/2025.
 * Key by `code`: "Kỳ Anh" is both a rural district (447) and a town (449).
 *
 * @example
 * ```ts
 * HA_TINH_2021_DISTRICTS.find((d) => d.code === '449')?.name // 'Thị xã Kỳ Anh'
 * ```
 */
export const HA_TINH_2021_DISTRICTS: readonly AdminUnit[] = Object.freeze([
  unit('436', 'Thành phố Hà Tĩnh', 'Hà Tĩnh', 'provincial_city'),
  unit('437', 'Thị xã Hồng Lĩnh', 'Hồng Lĩnh', 'town'),
  unit('439', 'Huyện Hương Sơn', 'Hương Sơn', 'rural_district'),
  unit('440', 'Huyện Đức Thọ', 'Đức Thọ', 'rural_district'),
  unit('441', 'Huyện Vũ Quang', 'Vũ Quang', 'rural_district'),
  unit('442', 'Huyện Nghi Xuân', 'Nghi Xuân', 'rural_district'),
  unit('443', 'Huyện Can Lộc', 'Can Lộc', 'rural_district'),
  unit('444', 'Huyện Hương Khê', 'Hương Khê', 'rural_district'),
  unit('445', 'Huyện Thạch Hà', 'Thạch Hà', 'rural_district'),
  unit('446', 'Huyện Cẩm Xuyên', 'Cẩm Xuyên', 'rural_district'),
  unit('447', 'Huyện Kỳ Anh', 'Kỳ Anh', 'rural_district'),
  unit('448', 'Huyện Lộc Hà', 'Lộc Hà', 'rural_district'),
  unit('449', 'Thị xã Kỳ Anh', 'Kỳ Anh', 'town'),
]);

/**
 * The 2021 district-level unit with a GSO code, or `undefined`.
 *
 * @example
 * ```ts
 * findHaTinh2021District('447')?.name // 'Huyện Kỳ Anh'
 * ```
 */
export function findHaTinh2021District(code: string): AdminUnit | undefined {
  return HA_TINH_2021_DISTRICTS.find((d) => d.code === code);
}

const org = (o: Omit<Organization, 'tenantId'>): Organization => ({ tenantId: '42', ...o });

/** Ids of the seed's bodies, so callers need not repeat strings. */
export const HA_TINH_2021_BODY_IDS = {
  provincialCommittee: 'org-ubnd-tinh',
  department: 'org-stttt',
  inspectorate: 'org-stttt-ttra',
  itDivision: 'org-stttt-cntt',
  departmentOffice: 'org-stttt-vp',
  health: 'org-syt',
  /** The Culture and Information office of a district: `org-vhtt-<GSO code>`. */
  districtCultureInfo: (districtCode: string) => `org-vhtt-${districtCode}`,
} as const;

/**
 * The bodies of the seed plan: the Provincial People's Committee, the Department of
 * Information and Communications with its Inspectorate, IT Division and Office, the Department
 * of Health, and each district's Culture and Information office (Phòng Văn hóa – Thông tin).
 *
 * @example
 * ```ts
 * HA_TINH_2021_BODIES.filter((b) => b.kind === 'district_office').length // 13
 * ```
 */
export const HA_TINH_2021_BODIES: readonly Organization[] = Object.freeze([
  org({ id: 'org-ubnd-tinh', kind: 'provincial_peoples_committee', name: 'Ủy ban nhân dân tỉnh Hà Tĩnh', upperName: 'UBND TỈNH HÀ TĨNH', abbreviation: 'UBND', parentId: null, districtCode: null }),
  org({ id: 'org-stttt', kind: 'department', name: 'Sở Thông tin và Truyền thông', upperName: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', abbreviation: 'STTTT', parentId: 'org-ubnd-tinh', districtCode: null }),
  org({ id: 'org-stttt-ttra', kind: 'department_unit', name: 'Thanh tra Sở', upperName: 'THANH TRA SỞ', abbreviation: 'TTra', parentId: 'org-stttt', districtCode: null }),
  org({ id: 'org-stttt-cntt', kind: 'department_unit', name: 'Phòng Công nghệ thông tin', upperName: 'PHÒNG CÔNG NGHỆ THÔNG TIN', abbreviation: 'CNTT', parentId: 'org-stttt', districtCode: null }),
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
