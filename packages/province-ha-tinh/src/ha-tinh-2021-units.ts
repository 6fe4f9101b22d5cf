import type { AdminUnit } from '@pccovid-inspect/core';
import { deepFreeze } from './internal/deep-freeze.js';

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
 * Key by `code`: "Kỳ Anh" is both a rural district (447) and a town (449). Deeply frozen; pass
 * it to `createInspectionService` as `adminUnits` so documents name districts.
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
 * HA_TINH_2021_DISTRICTS.find((d) => d.code === '449')?.name // 'Thị xã Kỳ Anh'
 * ```
 */
export const HA_TINH_2021_DISTRICTS: readonly AdminUnit[] = deepFreeze([
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
 * The 2021 district-level unit with a GSO code, or `undefined`. Never looks up by name.
 *
 * @example
 * ```ts
 * import { findHaTinh2021District } from '@pccovid-inspect/province-ha-tinh';
 * findHaTinh2021District('447')?.name // 'Huyện Kỳ Anh'
 * ```
 */
export function findHaTinh2021District(code: string): AdminUnit | undefined {
  return HA_TINH_2021_DISTRICTS.find((d) => d.code === code);
}
