import type { Role } from './roles.js';
import { ForbiddenError } from '../errors/forbidden-error.js';

/** Every command of the service, named `noun.verb`. */
export type Action =
  | 'campaign.create'
  | 'directory.register'
  | 'plan.issue'
  | 'nomination.request'
  | 'nomination.record'
  | 'team.form'
  | 'target.register'
  | 'visit.schedule'
  | 'schedule.fix'
  | 'visit.start'
  | 'answers.record'
  | 'minutes.draft'
  | 'minutes.sign'
  | 'minutes.refuseSignature'
  | 'visit.review'
  | 'visit.close'
  | 'visit.cancel'
  | 'report.begin'
  | 'followUp.begin'
  | 'remediation.open'
  | 'remediation.remind'
  | 'remediation.setDeadline'
  | 'remediation.recheck'
  | 'remediation.proposeSanction'
  | 'campaign.close'
  | 'campaign.read'
  | 'audit.read'
  | 'outbox.deliver'
  | 'clock.tick';

const LEADERSHIP: Role[] = ['director', 'inspectorateLead'];
const ON_SITE: Role[] = ['inspectorateLead', 'teamMember', 'secretary'];
const READERS: Role[] = [
  'director',
  'inspectorateLead',
  'teamMember',
  'secretary',
  'healthRepresentative',
  'districtRepresentative',
  'provincialViewer',
  'targetRepresentative',
];

/**
 * Who may do what. Data, so a province can read it (and the docs print it). Scope (a district
 * representative's district, a target representative's own target, the embargo) is checked on
 * top of this table by `visibility`.
 */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  'campaign.create': LEADERSHIP,
  'directory.register': LEADERSHIP,
  'plan.issue': ['director'],
  'nomination.request': LEADERSHIP,
  'nomination.record': LEADERSHIP,
  'team.form': ['director'],
  'target.register': [...LEADERSHIP, 'secretary'],
  'visit.schedule': LEADERSHIP,
  'schedule.fix': LEADERSHIP,
  'visit.start': ON_SITE,
  'answers.record': ON_SITE,
  'minutes.draft': ['inspectorateLead', 'secretary'],
  'minutes.sign': ['inspectorateLead'],
  'minutes.refuseSignature': ['inspectorateLead'],
  'visit.review': LEADERSHIP,
  'visit.close': LEADERSHIP,
  'visit.cancel': LEADERSHIP,
  'report.begin': LEADERSHIP,
  'followUp.begin': LEADERSHIP,
  'remediation.open': LEADERSHIP,
  'remediation.remind': [...LEADERSHIP, 'secretary'],
  'remediation.setDeadline': LEADERSHIP,
  'remediation.recheck': ON_SITE,
  'remediation.proposeSanction': ['director'],
  'campaign.close': ['director'],
  'campaign.read': READERS,
  'audit.read': ['director', 'inspectorateLead', 'provincialViewer'],
  'outbox.deliver': LEADERSHIP,
  'clock.tick': LEADERSHIP,
};

/**
 * True when the role may perform the action.
 *
 * @example
 * ```ts
 * isAllowed('teamMember', 'visit.start') // true
 * isAllowed('provincialViewer', 'visit.start') // false
 * ```
 */
export function isAllowed(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

/**
 * Throws `ForbiddenError` unless the role may perform the action.
 *
 * @example
 * ```ts
 * authorize(actor.role, 'minutes.sign');
 * ```
 */
export function authorize(role: Role, action: Action): void {
  if (!isAllowed(role, action)) throw new ForbiddenError({ role, action });
}
