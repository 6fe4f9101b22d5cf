import { ActorSchema, ForbiddenError, type Actor } from '@pccovid-inspect/core';
import type { JWTPayload } from 'jose';

/** What {@link ActorResolver} gets beside the claims. */
export interface ActorResolverContext {
  /** The tenant (province) id of the service behind the server. */
  tenantId: string;
  /** The command or query asked for (`noun.verb`), or `document.get`. */
  action: string;
}

/**
 * Turns a verified token's claims into the actor of a command — the one place where a person
 * becomes a role. Throw a `ForbiddenError` to refuse (403); what it returns is checked against
 * `ActorSchema` (else 403 too).
 */
export type ActorResolver = (claims: JWTPayload, context: ActorResolverContext) => Actor | Promise<Actor>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The default {@link ActorResolver}: `pcci_role` → `role`, `sub` → `id`, `pcci_district` →
 * `districtCode`, `pcci_target` → `targetId`; `pcci_tenant` must equal the service's tenant id
 * (another province's token is `FORBIDDEN`).
 *
 * @example
 * ```ts
 * resolveActorFromClaims({ sub: 'p-lead', pcci_role: 'inspectorateLead', pcci_tenant: '42' }, { tenantId: '42', action: 'visit.start' });
 * // { role: 'inspectorateLead', id: 'p-lead' }
 * ```
 */
export const resolveActorFromClaims: ActorResolver = (claims, { tenantId, action }) => {
  const role = str(claims.pcci_role) ?? 'unknown';
  if (str(claims.pcci_tenant) !== tenantId) {
    throw new ForbiddenError({ role, action, reasonVi: 'mã truy cập của tỉnh khác', reasonEn: "the token is another province's" });
  }
  const actor: Record<string, unknown> = { role, id: claims.sub };
  if (claims.pcci_district !== undefined) actor.districtCode = claims.pcci_district;
  if (claims.pcci_target !== undefined) actor.targetId = claims.pcci_target;
  const parsed = ActorSchema.safeParse(actor);
  if (!parsed.success) {
    throw new ForbiddenError({ role, action, reasonVi: 'mã truy cập không mang vai trò hợp lệ', reasonEn: 'the token carries no valid role' });
  }
  return parsed.data;
};
