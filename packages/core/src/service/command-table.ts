import type { z } from 'zod';
import type { Role } from '../policy/roles.js';
import { createCampaign, formTeam, issuePlan, recordNomination, registerDirectory, requestNominations } from './commands/campaign-commands.js';
import { getDocument, listDocuments } from './commands/document-queries.js';
import { acknowledgeMessage, advanceDeadlines, deliverOutbox, requeueMessages } from './commands/maintenance-commands.js';
import { checkpointAudit, getCampaignOverview, getVisit, getVisitPage, listMessages, listVisits, verifyAudit } from './commands/queries.js';
import { openRemediation, proposeSanction, recordRecheck, sendReminder, setRemediationDeadline } from './commands/remediation-commands.js';
import { beginFollowUp, beginReporting, closeCampaign } from './commands/reporting-commands.js';
import { cancelVisit, fixSchedule, registerTarget, scheduleVisit } from './commands/schedule-commands.js';
import { registerTargets, searchTargets } from './commands/target-commands.js';
import { exportVisitPacket, mergeVisitPacket } from './commands/packet-commands.js';
import { closeVisit, draftMinutes, recordAnswers, refuseSignature, reviewVisit, signMinutes, startVisit } from './commands/visit-commands.js';
import type { AnyCommandDefinition } from './define-command.js';

const LIST = [
  registerDirectory,
  createCampaign,
  issuePlan,
  requestNominations,
  recordNomination,
  formTeam,
  registerTarget,
  registerTargets,
  scheduleVisit,
  fixSchedule,
  startVisit,
  recordAnswers,
  mergeVisitPacket,
  draftMinutes,
  signMinutes,
  refuseSignature,
  reviewVisit,
  closeVisit,
  cancelVisit,
  beginReporting,
  beginFollowUp,
  openRemediation,
  sendReminder,
  setRemediationDeadline,
  recordRecheck,
  proposeSanction,
  closeCampaign,
  advanceDeadlines,
  deliverOutbox,
  requeueMessages,
  acknowledgeMessage,
  getCampaignOverview,
  listVisits,
  searchTargets,
  getVisitPage,
  getVisit,
  exportVisitPacket,
  listMessages,
  verifyAudit,
  checkpointAudit,
  listDocuments,
  getDocument,
] as const;

type Entry = (typeof LIST)[number];

/** Every command and query name (`noun.verb`), e.g. `'visit.start'`. */
export type CommandName = Entry['name'];

/** The table entry of one command or query. */
export type CommandOf<N extends CommandName> = Extract<Entry, { name: N }>;

/**
 * The input a caller passes to a command or query (`z.input` of its schema: defaults may be
 * left out).
 *
 * @example
 * ```ts
 * const input: CommandInput<'visit.start'> = { visitId: 'visit-03' };
 * ```
 */
export type CommandInput<N extends CommandName> = z.input<CommandOf<N>['input']>;

/**
 * What a command or query returns.
 *
 * @example
 * ```ts
 * const res: CommandOutput<'plan.issue'> = await service.issuePlan(director, { campaignId, issuedOn });
 * res.numberSymbol; // '01/KH-STTTT'
 * ```
 */
export type CommandOutput<N extends CommandName> = Awaited<ReturnType<CommandOf<N>['run']>>;

/**
 * The command table: the one place that lists every command and query of the service — its
 * name (the policy action), summary, strict input schema, allowed roles, errors and handler.
 * The service methods, {@link PERMISSIONS} and the commands guide are derived from it; a CLI or
 * an HTTP API derives its commands and endpoints from it too.
 *
 * @example
 * ```ts
 * for (const c of Object.values(COMMANDS)) console.log(c.name, c.method, c.roles.join(', '));
 * COMMANDS['visit.start'].input.parse({ visitId: 'visit-03' });
 * ```
 */
export const COMMANDS: { readonly [N in CommandName]: CommandOf<N> } = Object.freeze(Object.fromEntries(LIST.map((c) => [c.name, c]))) as never;

/** The table as a list, in the order of a round. */
export const COMMAND_LIST: readonly AnyCommandDefinition[] = LIST;

/**
 * Who may do what, derived from the command table. Scope (a district representative's
 * district, a target representative's own target, the embargo) is checked on top of it.
 *
 * @example
 * ```ts
 * PERMISSIONS['visit.start'] // ['inspectorateLead', 'teamMember', 'secretary']
 * ```
 */
export const PERMISSIONS: { readonly [N in CommandName]: readonly Role[] } = Object.freeze(Object.fromEntries(LIST.map((c) => [c.name, c.roles]))) as never;

/**
 * True when the role may run the command or query.
 *
 * @example
 * ```ts
 * isAllowed('teamMember', 'visit.start') // true
 * isAllowed('provincialViewer', 'visit.start') // false
 * ```
 */
export function isAllowed(role: Role, action: CommandName): boolean {
  return PERMISSIONS[action].includes(role);
}
