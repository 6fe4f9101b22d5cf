import { z } from 'zod';
import { CivilDateSchema, IdSchema, ShortTextSchema } from './primitives.js';

/** Which system a posted code belongs to; only `pc_covid` is correct from 1/11/2021. */
export const QrCodeSourceSchema = z.enum(['pc_covid', 'bluezone', 'ncovi', 'tokhaiyte', 'zalo', 'other', 'none']);
export type QrCodeSource = z.infer<typeof QrCodeSourceSchema>;

/**
 * A location QR point of a target ("mã QR địa điểm"): the gate, a meeting room, a service desk.
 *
 * @example
 * ```ts
 * LocationQrPointSchema.parse({ id: 'qr-1', targetId: 'tg-1', label: 'Cổng chính', source: 'pc_covid',
 *   posted: true, visible: true, sizeCm: 20, registeredOn: '2021-11-20' })
 * ```
 */
export const LocationQrPointSchema = z.strictObject({
  id: IdSchema,
  targetId: IdSchema,
  label: ShortTextSchema,
  source: QrCodeSourceSchema,
  posted: z.boolean(),
  /** Posted where visitors see it. */
  visible: z.boolean(),
  /** Printed side in cm (≥ 15 as the reference size for a location code). */
  sizeCm: z.number().positive().max(500).nullable(),
  registeredOn: CivilDateSchema.nullable(),
});
export type LocationQrPoint = z.infer<typeof LocationQrPointSchema>;

/** True when the point is a correct, posted, visible PC-Covid code. */
export function isCorrectlyPosted(point: LocationQrPoint): boolean {
  return point.source === 'pc_covid' && point.posted && point.visible;
}
