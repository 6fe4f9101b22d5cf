import type { Contact } from '../entities/person.js';
import type { InspectionForm } from '../entities/campaign.js';
import type { Actor, Role } from './roles.js';

/** What visibility rules need to know about a visit. */
export interface VisitVisibilityFacts {
  targetId: string;
  districtCode: string;
  /** When the visit really started, or null. */
  startedAt: string | null;
  /** The visit's lifecycle state. */
  state: string;
  form: InspectionForm;
}

const FULL_VIEW: readonly Role[] = ['director', 'inspectorateLead', 'teamMember', 'secretary', 'provincialViewer', 'healthRepresentative'];

/**
 * True while a visit is under embargo for its target: the campaign is unannounced and the
 * visit has not started. A visit cancelled before it started stays under embargo for ever.
 *
 * @example
 * ```ts
 * isEmbargoed({ form: 'unannounced', startedAt: null, state: 'planned', targetId: 't', districtCode: '436' }) // true
 * ```
 */
export function isEmbargoed(visit: VisitVisibilityFacts): boolean {
  return visit.form === 'unannounced' && visit.startedAt === null;
}

/**
 * Whether the actor may see a visit at all (its date, its target, its state). The team and the
 * partners (the Department of Health's representative; a district's Culture-Information
 * representative for visits in that district) see the schedule; a target's representative sees
 * only visits to their own unit, and — for an unannounced campaign — only once the visit started.
 *
 * @example
 * ```ts
 * canSeeVisit({ role: 'targetRepresentative', id: 'p', targetId: 'tg-1' }, visitFacts)
 * ```
 */
export function canSeeVisit(actor: Actor, visit: VisitVisibilityFacts): boolean {
  if (FULL_VIEW.includes(actor.role)) return true;
  if (actor.role === 'districtRepresentative') return actor.districtCode === visit.districtCode;
  if (actor.role === 'targetRepresentative') return actor.targetId === visit.targetId && !isEmbargoed(visit);
  return false;
}

/**
 * Roles that see the campaign as a whole: the plan (KH), the team decision (QĐ), the results
 * report (BC) — which names every unit inspected and its result — and who is on the team. A
 * target's representative is not one of them: they see only their own unit's documents (its
 * minutes, its notice, the reminders and letters about it), through `canSeeVisit`.
 */
export const CAMPAIGN_WIDE_ROLES: readonly Role[] = [...FULL_VIEW, 'districtRepresentative'];

/**
 * Whether the actor may see what concerns the whole campaign rather than one visit: the plan,
 * the team decision, the results report, the team's names.
 *
 * @example
 * ```ts
 * canSeeCampaignWide({ role: 'targetRepresentative', id: 'p', targetId: 'tg-1' }) // false
 * canSeeCampaignWide({ role: 'provincialViewer', id: 'p' }) // true
 * ```
 */
export function canSeeCampaignWide(actor: Actor): boolean {
  return CAMPAIGN_WIDE_ROLES.includes(actor.role);
}

/** Roles that see contacts in full; everyone else sees them masked. */
export const CONTACT_ROLES: readonly Role[] = ['director', 'inspectorateLead', 'secretary'];

/**
 * Masks a contact for roles that need not see it: "0912345678" → "09******78",
 * "lan@example.vn" → "l***@example.vn".
 *
 * @example
 * ```ts
 * maskContact({ phone: '0912345678', email: null }, 'provincialViewer') // { phone: '09******78', email: null }
 * ```
 */
export function maskContact(contact: Contact | null, role: Role): Contact | null {
  if (contact === null || CONTACT_ROLES.includes(role)) return contact;
  const digits = contact.phone?.replace(/\D/g, '') ?? null;
  const phone = digits === null ? null : `${digits.slice(0, 2)}${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-2)}`;
  const email = contact.email === null ? null : contact.email.replace(/^(.)[^@]*@/, '$1***@');
  return { phone, email };
}
