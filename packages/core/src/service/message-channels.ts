import type { DocumentRef } from './commands/document-queries.js';
import { OrganizationSchema } from '../entities/organization.js';
import { PersonSchema } from '../entities/person.js';
import { COLLECTIONS } from './records.js';
import type { StagedWrites } from './unit-of-work.js';

/** The channel of last resort: a phone call or a paper letter, listed on the call sheet and acknowledged by hand. */
export const MANUAL_CHANNEL = 'manual';

/** Where a message goes first, and where it falls back to. */
export interface MessageRoute {
  channel: string;
  fallbackChannels: string[];
}

const withManual = (channels: readonly string[]): MessageRoute => {
  const list = [...new Set([...channels, MANUAL_CHANNEL])];
  return { channel: list[0] ?? MANUAL_CHANNEL, fallbackChannels: list.slice(1) };
};

/**
 * The route of a message from its recipient, read as the command leaves them:
 * - a person: their `preferredChannels`; else `email` when their contact has an address; then
 *   `manual` (the plan's "by phone or by document", logged on a call sheet);
 * - a body (a coordinating body, the Office): `document` (an official letter through the host's
 *   document system), then `manual`;
 * - anyone unknown: `manual`.
 * Every route ends with `manual`, so a message nobody can deliver electronically still reaches
 * a clerk's call sheet instead of being lost.
 *
 * @example
 * ```ts
 * await messageRoute(tx, '42', 'p-health') // { channel: 'email', fallbackChannels: ['manual'] }
 * ```
 */
export async function messageRoute(read: Pick<StagedWrites, 'get'>, tenantId: string, recipientId: string): Promise<MessageRoute> {
  const person = PersonSchema.safeParse((await read.get(COLLECTIONS.people, tenantId, recipientId))?.data);
  if (person.success) {
    const p = person.data;
    if (p.preferredChannels) return withManual(p.preferredChannels);
    return withManual(p.contact?.email ? ['email'] : []);
  }
  const body = OrganizationSchema.safeParse((await read.get(COLLECTIONS.organizations, tenantId, recipientId))?.data);
  return withManual(body.success ? ['document'] : []);
}

/**
 * The official document a message carries, from its `refs` (`documentKind` with the campaign,
 * visit or remediation it is about), as a `getDocument` reference — or `null` for a message that
 * carries none. Use it in `delivery.attachments` to attach the document as PDF.
 *
 * @example
 * ```ts
 * const service = createInspectionService({ storage, tenant, notifier: email, delivery: {
 *   attachments: async (m) => {
 *     const ref = messageDocumentRef(m);
 *     if (!ref) return [];
 *     const { bytes } = await pdf.render(await service.getDocument(director, ref));
 *     return [{ filename: `${ref.kind}.pdf`, contentType: 'application/pdf', content: bytes }];
 *   } } });
 * ```
 */
export function messageDocumentRef(message: { refs: Readonly<Record<string, string>> }): DocumentRef | null {
  const { documentKind, campaignId, visitId, remediationId, documentIndex } = message.refs;
  switch (documentKind) {
    case 'plan':
    case 'teamDecision':
    case 'report':
      return campaignId === undefined ? null : { kind: documentKind, campaignId };
    case 'notice':
      return visitId === undefined ? null : { kind: 'notice', visitId };
    case 'sanctionProposal':
      return remediationId === undefined ? null : { kind: 'sanctionProposal', remediationId };
    case 'reminder': {
      const index = Number(documentIndex);
      return remediationId === undefined || !Number.isSafeInteger(index) || index < 0 ? null : { kind: 'reminder', remediationId, index };
    }
    case undefined:
    default:
      return null;
  }
}
