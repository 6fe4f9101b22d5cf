import { z } from 'zod';
import { IdSchema, InstantSchema, TenantIdSchema } from './primitives.js';

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');

/**
 * One event of the append-only, hash-chained audit log: `hash = SHA-256(prevHash + canonical
 * JSON of the event)`. The first event of a tenant has `prevHash` of 64 zeros. Actors are a role
 * and a pseudonymous id; details hold no personal data.
 *
 * @example
 * ```ts
 * AuditEventSchema.parse(await storage.lastAudit('42'))
 * ```
 */
export const AuditEventSchema = z.strictObject({
  tenantId: TenantIdSchema,
  seq: z.number().int().positive(),
  id: IdSchema,
  at: InstantSchema,
  actor: z.strictObject({ role: z.string().min(1), id: IdSchema }),
  action: z.string().min(1),
  subject: z.strictObject({ collection: z.string().min(1), id: IdSchema }),
  details: z.record(z.string(), z.unknown()),
  prevHash: HashSchema,
  hash: HashSchema,
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
