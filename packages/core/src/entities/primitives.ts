import { z } from 'zod';
import { isCivilDate } from '../text/civil-date.js';

/**
 * Shared field schemas. Every string that enters is NFC-normalised here, once, at the boundary.
 */

/** A non-empty NFC string (trimmed). */
export const TextSchema = z
  .string()
  .overwrite((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'must not be empty'));
/** A possibly empty NFC string. */
export const OptionalTextSchema = z.string().overwrite((s) => s.normalize('NFC').trim());

/** An identifier: 1–128 chars of letters, digits, `-`, `_`, `.`, `:`. */
export const IdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'ids use letters, digits and - _ . : only');

/** A civil date `YYYY-MM-DD` in Asia/Ho_Chi_Minh (see `civilDateOf`). */
export const CivilDateSchema = z.string().refine(isCivilDate, 'must be a real YYYY-MM-DD date');

/** An instant: ISO 8601 UTC with `Z`. */
export const InstantSchema = z.iso.datetime({ offset: false, message: 'must be an ISO 8601 UTC instant ending in Z' });

/** A civil date range, `from` ≤ `to`. */
export const CivilDateRangeSchema = z
  .object({ from: CivilDateSchema, to: CivilDateSchema })
  .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`', path: ['to'] });
export type CivilDateRange = z.infer<typeof CivilDateRangeSchema>;

/** A bilingual label: Vietnamese first, English beside it. */
export const BilingualTextSchema = z.strictObject({ vi: TextSchema, en: TextSchema });
export type BilingualText = z.infer<typeof BilingualTextSchema>;

/** A non-negative integer count. */
export const CountSchema = z.number().int().nonnegative();

/** A province code (GSO, two digits: "42" for Hà Tĩnh). */
export const ProvinceCodeSchema = z.string().regex(/^\d{2}$/, 'a GSO province code has two digits');
