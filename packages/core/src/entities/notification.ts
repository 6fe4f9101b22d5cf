import { z } from 'zod';
import { IdSchema, InstantSchema, TenantIdSchema, TextSchema } from './primitives.js';

/**
 * A message in the outbox, written in the same transaction as the change that caused it and
 * delivered after commit. Recipients are a role and a pseudonymous id; the notifier resolves
 * addresses, so no address or phone number lands in the outbox or logs.
 *
 * @example
 * ```ts
 * NotificationSchema.parse({ tenantId: '42', id: 'msg-1', createdAt: '2021-12-01T01:00:00.000Z', channel: 'email',
 *   recipient: { role: 'healthRepresentative', id: 'p-3' }, topic: 'visit.scheduled', subject: 'Lịch kiểm tra', body: '…',
 *   refs: { visitId: 'v-1' }, deliverAfter: null, fallbackChannels: ['manual'], status: 'pending', version: 1,
 *   dueAt: '2021-12-01T01:00:00.000Z', leaseOwner: null, attempts: 0, providerMessageId: null, lastError: null })
 * ```
 */
export const NotificationSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  createdAt: InstantSchema,
  channel: z.string().min(1),
  recipient: z.strictObject({ role: z.string().min(1), id: IdSchema, organizationId: IdSchema.optional() }),
  topic: z.string().regex(/^[a-z]+(?:\.[a-zA-Z]+)+$/, 'noun.verb'),
  subject: TextSchema,
  body: TextSchema,
  refs: z.record(z.string(), z.string()),
  deliverAfter: InstantSchema.nullable(),
  fallbackChannels: z.array(z.string().min(1)),
  status: z.enum(['pending', 'sending', 'sent', 'dead']),
  version: z.number().int().positive(),
  dueAt: InstantSchema.nullable(),
  leaseOwner: z.string().min(1).nullable(),
  attempts: z.number().int().nonnegative(),
  providerMessageId: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
