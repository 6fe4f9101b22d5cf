import { z } from 'zod';
import { boundedText, CivilDateSchema, IdSchema, INPUT_LIMITS, ShortTextSchema } from './primitives.js';

/** Which system a posted code belongs to; only `pc_covid` is correct from 1/11/2021. */
export const QrCodeSourceSchema = z.enum(['pc_covid', 'bluezone', 'ncovi', 'tokhaiyte', 'zalo', 'other', 'none']);
export type QrCodeSource = z.infer<typeof QrCodeSourceSchema>;

/**
 * A location QR point of a target ("mã QR địa điểm"): the gate, a meeting room, a service desk.
 *
 * @example
 * ```ts
 * LocationQrPointSchema.parse({ id: 'qr-1', targetId: 'tg-1', label: 'Cổng chính', source: 'pc_covid',
 *   posted: true, visible: true, sizeCm: 20, registeredOn: '2021-11-20', registeredCode: 'HT-436-000123' })
 * ```
 */
export const LocationQrPointSchema = z.strictObject({
  id: IdSchema,
  targetId: IdSchema,
  label: ShortTextSchema,
  source: QrCodeSourceSchema,
  /** Posted at the location; `null` while unknown (a point imported from the portal, before a visit has looked). */
  posted: z.boolean().nullable(),
  /** Posted where visitors see it; `null` while unknown. */
  visible: z.boolean().nullable(),
  /** Printed side in cm (≥ 15 as the reference size for a location code). */
  sizeCm: z.number().positive().max(500).nullable(),
  registeredOn: CivilDateSchema.nullable(),
  /**
   * The code the PC-Covid portal registered for this location (its "Mã QR" in the portal's
   * export, or the text the code decodes to), to match a photographed code against; at most
   * `INPUT_LIMITS.text.uri` characters. Optional: records stored before it existed
   * stay valid.
   */
  registeredCode: boundedText({ max: INPUT_LIMITS.text.uri, multiline: false }).optional(),
});
export type LocationQrPoint = z.infer<typeof LocationQrPointSchema>;

/** True when the point is a correct PC-Covid code known to be posted and visible (`null` — not yet checked — is not). */
export function isCorrectlyPosted(point: LocationQrPoint): boolean {
  return point.source === 'pc_covid' && point.posted === true && point.visible === true;
}
