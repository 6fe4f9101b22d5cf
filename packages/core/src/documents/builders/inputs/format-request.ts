import type { z } from 'zod';
import { formatShortDate } from '../../../text/decree30-date.js';
import type { DocumentRequestInputSchema } from './finding-input.js';

/**
 * A request as printed, with its deadline and without closing punctuation:
 * "Niêm yết mã QR địa điểm tại cổng chính (thời hạn: trước ngày 15/12/2021)".
 *
 * @example
 * ```ts
 * formatRequestText({ text: 'Niêm yết mã QR địa điểm tại cổng chính', deadline: '2021-12-15' })
 * // 'Niêm yết mã QR địa điểm tại cổng chính (thời hạn: trước ngày 15/12/2021)'
 * ```
 */
export function formatRequestText(request: z.output<typeof DocumentRequestInputSchema>): string {
  const text = request.text.replace(/[.;,\s]+$/u, '');
  return request.deadline === null ? text : `${text} (thời hạn: trước ngày ${formatShortDate(request.deadline)})`;
}
