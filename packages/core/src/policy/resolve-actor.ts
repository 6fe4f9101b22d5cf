import { ForbiddenError } from '../errors/forbidden-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { ActorSchema, type Actor, type Role } from './roles.js';

/**
 * What the host has verified about a caller — by its own means (a signed token, a session, a
 * client certificate): who the person is and which province's system they signed in to. Core
 * never takes a role from the caller's word; it takes it from the province's grants.
 */
export interface VerifiedIdentity {
  /** The person's id in the province's directory (`Person.id`). */
  personId: string;
  /** The province the person signed in to (`Tenant.id`). */
  tenantId: string;
}

/**
 * A role the province grants a person, kept by the host (its staff register, a configuration
 * file): the director, the Chief Inspector, team members and the secretary, the partners'
 * representatives (for one district), viewers, and a unit's representative (for one target).
 */
export interface RoleGrant {
  personId: string;
  role: Role;
  /** For a district representative: the district they act for. */
  districtCode?: string;
  /** For a target's representative: the unit they represent. */
  targetId?: string;
}

/**
 * The one way from a verified identity to an `Actor`: the identity's province must be the
 * service's, and the role comes from the province's grants for that person — one grant, or the
 * one the caller chose among theirs (`role`). Anything else is `FORBIDDEN` (another province, no
 * grant, a role not granted, several roles and no choice). What the actor may then do is decided
 * by core from stored facts: a command on a visit needs the person on that visit's team, a target's
 * representative sees only their own unit, and nothing of an unannounced visit before it starts.
 *
 * @example
 * ```ts
 * const actor = resolveActor({ personId: token.sub, tenantId: token.pcci_tenant }, { tenantId: '42', grants, role: 'secretary' });
 * await service.startVisit(actor, { visitId: 'visit-03' });
 * ```
 */
export function resolveActor(identity: VerifiedIdentity, options: { tenantId: string; grants: readonly RoleGrant[]; role?: Role }): Actor {
  if (typeof identity !== 'object' || identity === null || typeof identity.personId !== 'string' || typeof identity.tenantId !== 'string') {
    throw new ValidationError({ subject: 'VerifiedIdentity', issues: [{ path: [], code: 'invalid_type', message: 'must be { personId, tenantId }' }] });
  }
  const refuse = (reasonVi: string, reasonEn: string) => new ForbiddenError({ role: options.role ?? 'unknown', action: 'actor.resolve', reasonVi, reasonEn });
  if (identity.tenantId !== options.tenantId) {
    throw refuse(`danh tính thuộc tỉnh ${identity.tenantId}, không phải tỉnh của hệ thống này`, `the identity belongs to province ${identity.tenantId}, not this service's`);
  }
  const granted = options.grants.filter((g) => g.personId === identity.personId);
  const chosen = options.role === undefined ? granted : granted.filter((g) => g.role === options.role);
  if (chosen.length === 0) {
    throw options.role === undefined
      ? refuse('người này chưa được giao vai trò nào', 'the person holds no role in this province')
      : refuse(`người này không được giao vai trò "${options.role}"`, `the person does not hold the role "${options.role}"`);
  }
  if (chosen.length > 1) {
    throw refuse(
      `người này giữ nhiều vai trò (${chosen.map((g) => g.role).join(', ')}); hãy chọn một`,
      `the person holds several roles (${chosen.map((g) => g.role).join(', ')}); choose one with \`role\``,
    );
  }
  const g = chosen[0]!;
  const actor = ActorSchema.safeParse({
    role: g.role,
    id: g.personId,
    ...(g.districtCode === undefined ? {} : { districtCode: g.districtCode }),
    ...(g.targetId === undefined ? {} : { targetId: g.targetId }),
  });
  if (!actor.success) {
    throw new ValidationError({
      subject: 'RoleGrant',
      issues: actor.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), code: i.code, message: i.message })),
    });
  }
  return actor.data;
}
