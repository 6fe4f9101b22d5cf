import { z } from 'zod';
import type { BilingualText } from './primitives.js';

/**
 * A target type id: the eight of the 2021 plan, or one a plugin registers (lower snake case).
 */
export const TargetTypeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,48}$/, 'a lower_snake_case target type id');
export type TargetType = z.infer<typeof TargetTypeSchema>;

/** The eight target types of the Hà Tĩnh 2021 plan (II.2 "Địa điểm"). */
export const BUILT_IN_TARGET_TYPES = ['provincial_department', 'central_agency', 'district_peoples_committee', 'business', 'hospital', 'market', 'office', 'school'] as const;
export type BuiltInTargetType = (typeof BUILT_IN_TARGET_TYPES)[number];

/** Labels of the built-in target types, Vietnamese first. */
export const TARGET_TYPE_LABELS: Record<BuiltInTargetType, BilingualText> = {
  provincial_department: { vi: 'Sở, ban, ngành cấp tỉnh', en: 'Provincial department, board or sector' },
  central_agency: { vi: 'Cơ quan Trung ương đóng trên địa bàn tỉnh', en: 'Central agency based in the province' },
  district_peoples_committee: { vi: 'UBND huyện, thành phố, thị xã', en: "District People's Committee" },
  business: { vi: 'Cơ sở sản xuất, kinh doanh', en: 'Production or business establishment' },
  hospital: { vi: 'Bệnh viện', en: 'Hospital' },
  market: { vi: 'Chợ', en: 'Market' },
  office: { vi: 'Công sở', en: 'Office' },
  school: { vi: 'Trường học', en: 'School' },
};

/** True for one of the eight built-in types. */
export function isBuiltInTargetType(type: string): type is BuiltInTargetType {
  return (BUILT_IN_TARGET_TYPES as readonly string[]).includes(type);
}
