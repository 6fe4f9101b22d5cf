import { z } from 'zod';
import { RemediationRequestSchema } from './minutes.js';
import { boundedList, CivilDateSchema, IdSchema, INPUT_LIMITS, ShortTextSchema, TenantIdSchema, TextSchema } from './primitives.js';

/**
 * The follow-up of a non-compliant unit: reminders, a deadline, a re-check, and — after
 * repeated failure — a sanction proposal to the competent authority (a kiểm tra team proposes,
 * it does not fine; e.g. Decree 117/2020/NĐ-CP art. 14(2): VND 10–20 M for an organisation).
 *
 * @example
 * ```ts
 * RemediationActionSchema.parse({ tenantId: '42', id: 'rm-1', campaignId: 'c-1', visitId: 'v-1', targetId: 'tg-1',
 *   requests: [{ text: 'Niêm yết mã QR PC-Covid tại cổng', dueOn: '2021-12-15' }], reminders: [], dueOn: null,
 *   recheck: null, sanctionProposal: null })
 * ```
 */
export const RemediationActionSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  campaignId: IdSchema,
  visitId: IdSchema,
  targetId: IdSchema,
  requests: boundedList(RemediationRequestSchema, INPUT_LIMITS.lists.requests, 'yêu cầu khắc phục / remediation requests').min(1),
  /**
   * The reminders sent, in order; each letter's own deadline (`dueOn`, absent on records written
   * before deadlines were kept per letter) — the next reminder may follow only after it passed.
   */
  reminders: boundedList(
    z.strictObject({ sentOn: CivilDateSchema, channel: z.enum(['document', 'phone', 'email']), numberSymbol: z.string().nullable(), dueOn: CivilDateSchema.optional() }),
    INPUT_LIMITS.lists.reminders,
    'lần nhắc / reminders',
  ),
  dueOn: CivilDateSchema.nullable(),
  recheck: z.strictObject({ on: CivilDateSchema, complied: z.boolean(), note: TextSchema.nullable() }).nullable(),
  /** The proposal to sanction, with the number of its letter (absent on records written before it had one). */
  sanctionProposal: z.strictObject({ basis: TextSchema, proposedTo: ShortTextSchema, on: CivilDateSchema, numberSymbol: z.string().nullable().optional() }).nullable(),
});
export type RemediationAction = z.infer<typeof RemediationActionSchema>;
