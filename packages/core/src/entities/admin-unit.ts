import { z } from 'zod';
import { CivilDateSchema, ShortTextSchema } from './primitives.js';

/** Kinds of district-level unit before the 2025 reform, and of commune-level unit after it. */
export const AdminUnitKindSchema = z.enum(['province', 'provincial_city', 'town', 'rural_district', 'ward', 'commune', 'commune_town']);
export type AdminUnitKind = z.infer<typeof AdminUnitKindSchema>;

/**
 * The era an administrative unit belongs to. District-level units (huyện/thị xã/thành phố
 * thuộc tỉnh) were abolished on 1/7/2025, so 2021 units are historical reference data and are
 * never joined to current units. Key units by `code`, never by name ("Kỳ Anh" is two units).
 */
export const AdminUnitEraSchema = z.enum(['pre2025', 'post2025']);
export type AdminUnitEra = z.infer<typeof AdminUnitEraSchema>;

/**
 * An administrative unit: dated reference data with its GSO code.
 *
 * @example
 * ```ts
 * AdminUnitSchema.parse({ code: '449', provinceCode: '42', name: 'Thị xã Kỳ Anh', shortName: 'Kỳ Anh',
 *   kind: 'town', era: 'pre2025', validFrom: null, validTo: '2025-06-30' })
 * ```
 */
export const AdminUnitSchema = z.strictObject({
  /** GSO code, e.g. "436" for Thành phố Hà Tĩnh. */
  code: z.string().regex(/^\d{2,5}$/, 'a GSO code is 2–5 digits'),
  provinceCode: z.string().regex(/^\d{2}$/),
  /** Full name with its kind, e.g. "Huyện Kỳ Anh". */
  name: ShortTextSchema,
  /** Name without the kind, e.g. "Kỳ Anh" (not unique!). */
  shortName: ShortTextSchema,
  kind: AdminUnitKindSchema,
  era: AdminUnitEraSchema,
  /** First civil day the unit existed in this form, if known. */
  validFrom: CivilDateSchema.nullable(),
  /** Last civil day, or null while it exists. */
  validTo: CivilDateSchema.nullable(),
});
export type AdminUnit = z.infer<typeof AdminUnitSchema>;
