import { z } from 'zod';
import { IdSchema, ShortTextSchema, TenantIdSchema } from './primitives.js';

/**
 * A contact channel. Personal data: kept only where needed to reach the person, masked in
 * outputs for roles that need not see it (see `maskContact`), never written to logs or audit.
 */
export const ContactSchema = z.strictObject({
  phone: z
    .string()
    .regex(/^\+?[0-9 .-]{8,15}$/, 'a phone number of 8–15 digits')
    .nullable(),
  email: z.email().max(254).nullable(),
});
export type Contact = z.infer<typeof ContactSchema>;

/**
 * A person: a team member, a signer, a unit's representative. Personal data is minimised: a
 * name, a position, the body they come from, and an optional contact — nothing else.
 *
 * @example
 * ```ts
 * PersonSchema.parse({ tenantId: '42', id: 'p-lam', fullName: 'Đậu Tùng Lâm', position: 'Phó Giám đốc',
 *   organizationId: 'org-stttt', contact: null })
 * ```
 */
export const PersonSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  fullName: ShortTextSchema,
  /** Position in normal case, e.g. "Chánh Thanh tra Sở". */
  position: ShortTextSchema,
  organizationId: IdSchema,
  contact: ContactSchema.nullable(),
  /**
   * How the person wants to be reached, in order (`email`, `webhook`, `document`, `manual` — a
   * phone call or paper, logged on a call sheet). Without it: `email` when the contact has an
   * address, then `manual`. See `messageRoute`.
   */
  preferredChannels: z
    .array(
      z
        .string()
        .min(1)
        .max(64)
        .regex(/^[a-z][a-z0-9-]*$/, 'a channel name: lower-case letters, digits, -'),
    )
    .min(1)
    .max(8)
    .optional(),
});
export type Person = z.infer<typeof PersonSchema>;
