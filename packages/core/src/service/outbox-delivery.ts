import type { MessageAttachment, Notifier, OutboundMessage, SendResult } from '../contracts/notifier.js';
import { OUTBOX_CONFLICT_COLLECTION } from '../contracts/storage-adapter.js';
import type { OutboxRecord, OutboxUpdate } from '../contracts/storage-adapter.js';
import { randomIds } from '../contracts/id-generator.js';
import { ConflictError } from '../errors/conflict-error.js';
import { InspectError } from '../errors/inspect-error.js';
import { NotificationError } from '../errors/notification-error.js';
import { isEmbargoed } from '../policy/visibility.js';
import type { Actor } from '../policy/roles.js';
import { PersonSchema } from '../entities/person.js';
import { TargetSchema } from '../entities/target.js';
import { startOfCivilDate } from '../text/civil-date.js';
import { commitPlan, type AggregateWrite } from './unit-of-work.js';
import { callSheetEntryWrite } from './call-sheet.js';
import { notifierFor, type ResolvedDelivery } from './delivery-options.js';
import { COLLECTIONS, VisitRecordSchema, visitVisibilityFacts } from './records.js';
import { loadOptional, nowIso, type ServiceContext } from './service-context.js';

/** What one `deliverOutbox` run did. */
export interface DeliveryReport {
  /** Accepted by a provider and marked `sent`. */
  sent: number;
  /** Failed for now; due again after a backoff on the same channel. */
  retrying: number;
  /** Refused for good (or out of attempts) on one channel, moved to the next fallback channel. */
  fellBack: number;
  /** Refused on every channel, or out of attempts: `dead`, listed by `listMessages({ status: 'dead' })`, re-queued by `requeueMessages`. */
  dead: number;
  /** About an unannounced visit that has not started, to a person or unit tied to its target: held, not sent. */
  held: number;
  /** Claimed by another deliverer first (not sent here). */
  claimedElsewhere: number;
  /**
   * Sent here, but the claim had run out and another deliverer took the message before the
   * result was recorded: it may be sent twice (with the same idempotency key).
   */
  possibleDuplicates: number;
  /**
   * Sends that ran out of time (`timeoutMs`) and will be retried. The provider may still have
   * accepted a send that timed out, so the retry can deliver it a second time, with the same
   * idempotency key: a provider that dedupes by the key delivers it once.
   */
  timedOut: number;
}

const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/**
 * Whether a message must be held now, and until when: it refers to a visit of an unannounced
 * campaign that has not started, and its recipient is tied to that visit's target — the target's
 * representative by role, the target's representative person whatever role the message names
 * (a partner's nominee who also represents the unit), or a person or organisation of the target's
 * organisation. `null` when it may go.
 */
export async function embargoHold(ctx: ServiceContext, message: Pick<OutboxRecord, 'refs' | 'recipient'>, now: string, recheckMs: number): Promise<string | null> {
  const visitId = message.refs.visitId;
  if (visitId === undefined) return null;
  const visit = await loadOptional(ctx, COLLECTIONS.visits, visitId, VisitRecordSchema);
  // A message about a visit that is gone is held, never guessed about.
  if (!visit) return addMs(now, recheckMs);
  if (!isEmbargoed(visitVisibilityFacts(visit.data))) return null;
  const r = message.recipient;
  let tied = r.role === 'targetRepresentative';
  if (!tied) {
    const target = await loadOptional(ctx, COLLECTIONS.targets, visit.data.visit.targetId, TargetSchema);
    const org = target?.data.organizationId ?? null;
    tied =
      target === null ||
      r.id === target.data.representativePersonId ||
      r.id === target.data.id ||
      (org !== null && (r.organizationId === org || r.id === org || (await loadOptional(ctx, COLLECTIONS.people, r.id, PersonSchema))?.data.organizationId === org));
  }
  if (!tied) return null;
  const dayStart = startOfCivilDate(visit.data.visit.scheduledOn);
  const recheck = addMs(now, recheckMs);
  return dayStart > recheck ? dayStart : recheck;
}

/** The state of a message after this attempt's outcome. */
function outcome(
  m: OutboxRecord,
  claimedVersion: number,
  result: { ok: true; providerMessageId: string | null } | { ok: false; permanent: boolean; reason: string },
  d: ResolvedDelivery,
  now: string,
): { update: OutboxUpdate; kind: 'sent' | 'retrying' | 'fellBack' | 'dead' } {
  const base = { id: m.id, expectedVersion: claimedVersion, channel: m.channel, attempts: m.attempts + 1, leaseOwner: null };
  if (result.ok) return { kind: 'sent', update: { ...base, status: 'sent', dueAt: null, providerMessageId: result.providerMessageId, lastError: null } };
  const lastError = result.reason.slice(0, 200);
  const channelIndex = m.fallbackChannels.indexOf(m.channel) + 1; // 0 = the first channel
  const exhausted = base.attempts >= d.maxAttempts * (channelIndex + 1);
  if (!result.permanent && !exhausted) {
    const ceiling = Math.min(d.retryMaxMs, d.retryBaseMs * 2 ** Math.min(base.attempts - 1, 30));
    const wait = Math.max(1, Math.round(ceiling / 2 + (Math.random() * ceiling) / 2));
    return { kind: 'retrying', update: { ...base, status: 'pending', dueAt: addMs(now, wait), providerMessageId: null, lastError } };
  }
  const next = m.fallbackChannels[channelIndex];
  if (next !== undefined) {
    // Each channel gets `maxAttempts`: moving on counts the unused attempts of this one as spent.
    const attempts = Math.max(base.attempts, d.maxAttempts * (channelIndex + 1));
    return { kind: 'fellBack', update: { ...base, attempts, channel: next, status: 'pending', dueAt: now, providerMessageId: null, lastError } };
  }
  return { kind: 'dead', update: { ...base, status: 'dead', dueAt: null, providerMessageId: null, lastError } };
}

const reasonOf = (e: unknown): string => {
  if (NotificationError.isInstance(e)) return `${e.code}${e.reason ? `: ${e.reason}` : ''}`;
  if (InspectError.isInstance(e)) return e.code;
  return 'NOTIFICATION_FAILED';
};

const TIMEOUT_REASON = 'NOTIFICATION_FAILED: timeout';

/** One send with the per-message timeout: the outcome, never a rejection. */
async function sendOne(
  notifier: Notifier | null,
  message: OutboundMessage,
  timeoutMs: number,
): Promise<{ ok: true; providerMessageId: string | null } | { ok: false; permanent: boolean; reason: string }> {
  if (!notifier) return { ok: false, permanent: true, reason: `NOTIFICATION_FAILED: no notifier for channel ${message.channel}` };
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new NotificationError({ notifierName: notifier.name, messageKey: message.key, reason: 'timeout' }));
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const settled = await Promise.race([Promise.resolve().then(() => notifier.send(message, { signal: controller.signal })), timedOut]);
    if (settled === 'timeout') return { ok: false, permanent: false, reason: TIMEOUT_REASON };
    const id = (settled as SendResult | undefined)?.providerMessageId;
    return { ok: true, providerMessageId: typeof id === 'string' && id.length > 0 ? id.slice(0, 500) : null };
  } catch (e) {
    return { ok: false, permanent: NotificationError.isInstance(e) && e.permanent, reason: reasonOf(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `fn` over `items`, at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Commits outbox updates (and the call sheet entries of the messages, keyed by message id) with
 * one audit event. A stale update or entry (another deliverer got there first) is dropped with
 * its message, and the rest committed again; returns the message ids that were dropped.
 */
async function commitUpdates(
  ctx: ServiceContext,
  actor: Actor,
  action: string,
  updates: OutboxUpdate[],
  details: (kept: OutboxUpdate[]) => Record<string, unknown>,
  entries: readonly AggregateWrite[] = [],
): Promise<Set<string>> {
  const dropped = new Set<string>();
  let pending = updates;
  while (pending.length > 0) {
    try {
      await commitPlan(
        ctx.storage,
        {
          tenantId: ctx.tenant.id,
          actor,
          action,
          at: nowIso(ctx),
          auditId: ctx.ids.next('audit'),
          subject: { collection: OUTBOX_CONFLICT_COLLECTION, id: pending[0]?.id ?? '' },
          details: details(pending),
          writes: entries.filter((w) => !dropped.has(w.id)),
          outboxUpdates: pending,
        },
        ctx.auditSigner ?? null,
      );
      return dropped;
    } catch (e) {
      if (!ConflictError.isInstance(e) || (e.collection !== OUTBOX_CONFLICT_COLLECTION && e.collection !== COLLECTIONS.callSheet)) throw e;
      dropped.add(e.id);
      pending = pending.filter((u) => u.id !== e.id);
    }
  }
  return dropped;
}

const idsOf = (updates: readonly OutboxUpdate[], status?: string) => updates.filter((u) => status === undefined || u.status === status).map((u) => u.id);

/**
 * Delivers the outbox messages that are due, batch by batch, until `limit` messages were handled
 * or none is due: claims a batch (one audited commit; a message another deliverer claimed first
 * is skipped), holds what the embargo forbids, sends the rest through their channel's notifier
 * with a timeout each, and records every outcome (one audited commit per batch): `sent`, a retry
 * with backoff, the next fallback channel, or dead letters.
 */
export async function deliverDueMessages(ctx: ServiceContext, actor: Actor, limit: number): Promise<DeliveryReport> {
  const d = ctx.delivery;
  const report: DeliveryReport = { sent: 0, retrying: 0, fellBack: 0, dead: 0, held: 0, claimedElsewhere: 0, possibleDuplicates: 0, timedOut: 0 };
  const owner = randomIds.next('deliverer');
  let handled = 0;
  const seen = new Set<string>();
  while (handled < limit) {
    const now = nowIso(ctx);
    const due = (await ctx.storage.readOutbox(ctx.tenant.id, { dueBy: now, limit: Math.min(d.batchSize, limit - handled) })).filter((m) => !seen.has(m.id));
    if (due.length === 0) break;
    const claims: OutboxUpdate[] = [];
    const holds: OutboxUpdate[] = [];
    for (const m of due) {
      seen.add(m.id);
      const hold = await embargoHold(ctx, m, now, d.embargoRecheckMs);
      const keep = { id: m.id, expectedVersion: m.version, channel: m.channel, attempts: m.attempts, providerMessageId: null };
      if (hold !== null) holds.push({ ...keep, status: 'pending', dueAt: hold, leaseOwner: null, lastError: 'EMBARGOED' });
      // The attempt is counted when claimed, so a message whose deliverer keeps crashing still runs out of attempts.
      else claims.push({ ...keep, attempts: m.attempts + 1, status: 'sending', dueAt: addMs(now, d.leaseMs), leaseOwner: owner, lastError: m.lastError });
    }
    handled += due.length;
    const lost = await commitUpdates(ctx, actor, 'outbox.claim', [...claims, ...holds], (kept) => ({ claimed: idsOf(kept, 'sending'), held: idsOf(kept, 'pending') }));
    report.claimedElsewhere += lost.size;
    report.held += holds.filter((h) => !lost.has(h.id)).length;
    const mine = due.filter((m) => !lost.has(m.id) && claims.some((c) => c.id === m.id));
    const results: { update: OutboxUpdate; kind: 'sent' | 'retrying' | 'fellBack' | 'dead' }[] = [];
    const entries: AggregateWrite[] = [];
    await pool(mine, d.concurrency, async (m) => {
      const notifier = notifierFor(ctx.notifiers, m.channel);
      if (notifier === 'call-sheet') {
        // The manual channel: handed to the clerks on the call sheet, acknowledged by hand later.
        entries.push(callSheetEntryWrite(m, nowIso(ctx)));
        results.push(outcome(m, m.version + 1, { ok: true, providerMessageId: 'call-sheet' }, d, nowIso(ctx)));
        return;
      }
      let attachments: readonly MessageAttachment[] = [];
      let result: Awaited<ReturnType<typeof sendOne>>;
      try {
        if (d.attachments) attachments = await d.attachments(m);
        const message: OutboundMessage = {
          key: m.id,
          channel: m.channel,
          recipient: { ...m.recipient },
          topic: m.topic,
          subject: m.subject,
          body: m.body,
          refs: { ...m.refs },
          attempt: m.attempts + 1,
          attachments,
        };
        result = await sendOne(notifier, message, d.timeoutMs);
      } catch (e) {
        result = { ok: false, permanent: false, reason: `attachments: ${reasonOf(e)}` };
      }
      if (!result.ok && result.reason === TIMEOUT_REASON) report.timedOut++;
      results.push(outcome(m, m.version + 1, result, d, nowIso(ctx)));
    });
    const kinds = new Map(results.map((r) => [r.update.id, r.kind]));
    const overtaken = await commitUpdates(
      ctx,
      actor,
      'outbox.deliver',
      results.map((r) => r.update),
      (kept) => ({
        sent: idsOf(kept, 'sent'),
        retrying: kept.filter((u) => kinds.get(u.id) === 'retrying').map((u) => u.id),
        fellBack: kept.filter((u) => kinds.get(u.id) === 'fellBack').map((u) => `${u.id}→${u.channel}`),
        dead: idsOf(kept, 'dead'),
      }),
      entries,
    );
    for (const r of results) {
      if (overtaken.has(r.update.id)) {
        if (r.kind === 'sent') report.possibleDuplicates++;
        continue;
      }
      report[r.kind]++;
    }
  }
  return report;
}

/**
 * Puts dead messages back in the queue: `pending`, due now, with `maxAttempts` fresh attempts on
 * the channel given or the one they died on. Returns how many were re-queued and the ids that were not (not dead,
 * unknown, or changed meanwhile).
 */
export async function requeueMessages(
  ctx: ServiceContext,
  actor: Actor,
  input: { messageIds: readonly string[]; channel?: string | undefined },
): Promise<{ requeued: number; skipped: string[] }> {
  const wanted = new Set(input.messageIds);
  const found = new Map<string, OutboxRecord>();
  for (const m of await ctx.storage.readOutbox(ctx.tenant.id, { status: 'dead', limit: 10_000 })) if (wanted.has(m.id)) found.set(m.id, m);
  const now = nowIso(ctx);
  const updates: OutboxUpdate[] = [...found.values()].map((m) => ({
    id: m.id,
    expectedVersion: m.version,
    status: 'pending',
    channel: input.channel ?? m.channel,
    // A fresh `maxAttempts` on that channel (attempts count up to each channel's share).
    attempts: ctx.delivery.maxAttempts * (m.fallbackChannels.indexOf(input.channel ?? m.channel) + 1),
    dueAt: now,
    leaseOwner: null,
    providerMessageId: null,
    lastError: m.lastError,
  }));
  const lost = updates.length === 0 ? new Set<string>() : await commitUpdates(ctx, actor, 'outbox.requeue', updates, (kept) => ({ requeued: idsOf(kept) }));
  const skipped = input.messageIds.filter((id) => !found.has(id) || lost.has(id));
  return { requeued: updates.length - lost.size, skipped };
}
