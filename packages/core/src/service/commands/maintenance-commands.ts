import { z } from 'zod';
import { tickLifecycle } from '../../lifecycle/lifecycle-api.js';
import type { LifecycleKind } from '../../lifecycle/lifecycle-kind.js';
import { ConfigurationError } from '../../errors/configuration-error.js';
import { defineCommand } from '../define-command.js';
import { LEADERSHIP } from './command-roles.js';
import { commitMain } from '../commit-helpers.js';
import { COLLECTIONS, CampaignRecordSchema, RemediationRecordSchema, VisitRecordSchema, campaignIndexes, remediationIndexes, stateOf, visitIndexes } from '../records.js';
import { load, loadAll, today } from '../service-context.js';
import { deliverDueMessages, requeueMessages as requeueDead, type DeliveryReport } from '../outbox-delivery.js';
import { IdSchema, InstantSchema, OptionalTextSchema, ShortTextSchema } from '../../entities/primitives.js';
import { AcknowledgementMeansSchema, CallSheetEntrySchema, callSheetIndexes, type CallSheetEntry } from '../call-sheet.js';
import { InvalidTransitionError } from '../../errors/invalid-transition-error.js';
import { ValidationError } from '../../errors/validation-error.js';

/**
 * Advances every stored lifecycle to today's civil date (by the service clock): nomination
 * windows close, visits and remediation past their dates are marked overdue. Each change is its
 * own small transaction with an audit event. Returns how many records changed.
 */
export const advanceDeadlines = defineCommand({
  name: 'deadlines.advance',
  summary: { vi: 'Cập nhật các thời hạn đến ngày hôm nay', en: "Advances every stored lifecycle to today's date: deadlines pass, overdue items are marked" },
  input: z.strictObject({}),
  roles: LEADERSHIP,
  errors: ['CONFLICT'],
  async run(ctx, actor): Promise<{ changed: number; today: string }> {
    const day = today(ctx);
    let changed = 0;
    const sweep = async <T extends { lifecycle: Parameters<typeof tickLifecycle>[1] }>(
      kind: LifecycleKind,
      collection: string,
      schema: z.ZodType<T>,
      indexes: (r: T) => Record<string, string | number | boolean | null>,
    ) => {
      for (const rec of await loadAll(ctx, { collection }, schema)) {
        const r = tickLifecycle(kind, rec.data.lifecycle, day);
        if (!r.changed && !r.migrated) continue;
        const next = { ...rec.data, lifecycle: r.persisted };
        await commitMain(
          ctx,
          actor,
          'deadlines.advance',
          { collection, id: rec.id, data: next, indexes: indexes(next), expectedVersion: rec.version, state: stateOf(next.lifecycle) },
          { details: { today: day } },
        );
        changed++;
      }
    };
    await sweep('campaign', COLLECTIONS.campaigns, CampaignRecordSchema, campaignIndexes);
    await sweep('visit', COLLECTIONS.visits, VisitRecordSchema, visitIndexes);
    await sweep('remediation', COLLECTIONS.remediations, RemediationRecordSchema, remediationIndexes);
    return { changed, today: day };
  },
});

/**
 * Delivers the outbox messages that are due through the service's notifiers: claims them with a
 * lease (so two deliverers never send one message twice), holds what the embargo forbids (checked
 * again here against the recipient person and organisation), sends each with a timeout, and
 * records each outcome with an audit event: sent, retried later with backoff, moved to a fallback
 * channel, or dead. Runs after commit, never inside a command; run it on a timer, or on
 * storage's wake-up signal when it has one.
 */
export const deliverOutbox = defineCommand({
  name: 'outbox.deliver',
  summary: { vi: 'Gửi các thư, thông báo đến hạn trong hộp thư đi', en: "Delivers the outbox messages that are due through the service's notifiers" },
  input: z.strictObject({
    /** Most messages handled by this run. */
    limit: z.number().int().min(1).max(100_000).optional(),
  }),
  roles: LEADERSHIP,
  errors: ['CONFIGURATION_INVALID'],
  async run(ctx, actor, { limit }): Promise<DeliveryReport> {
    if (ctx.notifiers.length === 0) {
      throw new ConfigurationError({ problemVi: 'chưa cấu hình notifier cho dịch vụ', problemEn: 'the service has no notifier: pass `notifier` to createInspectionService' });
    }
    return deliverDueMessages(ctx, actor, limit ?? 10_000);
  },
});

/** Puts dead messages back in the queue (e.g. after an e-mail server was fixed), on their channel or another. */
export const requeueMessages = defineCommand({
  name: 'messages.requeue',
  summary: { vi: 'Đưa các thư không gửi được trở lại hàng đợi', en: 'Puts dead-letter messages back in the queue, on their channel or another' },
  input: z.strictObject({
    messageIds: z.array(IdSchema).min(1).max(1000),
    channel: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z][a-z0-9-]*$/, 'a channel name: lower-case letters, digits, -')
      .optional(),
  }),
  roles: LEADERSHIP,
  errors: ['CONFLICT'],
  async run(ctx, actor, input): Promise<{ requeued: number; skipped: string[] }> {
    return requeueDead(ctx, actor, input);
  },
});

/**
 * Records that a message of the manual channel reached its recipient — by phone, on paper or in
 * person — and who took it, when: "by phone or by document" becomes traceable. The name is kept on
 * the call sheet only; the audit event names the message and the means.
 */
export const acknowledgeMessage = defineCommand({
  name: 'message.acknowledge',
  summary: {
    vi: 'Ghi nhận người nhận đã nhận thông báo qua điện thoại hoặc văn bản (phiếu gọi)',
    en: 'Records who took a manual-channel message (phone, paper, in person) and when, on the call sheet',
  },
  input: z.strictObject({
    messageId: IdSchema,
    answeredBy: ShortTextSchema,
    answeredAt: InstantSchema,
    means: AcknowledgementMeansSchema,
    note: OptionalTextSchema.nullable().default(null),
  }),
  roles: [...LEADERSHIP, 'secretary'],
  errors: ['NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'],
  async run(ctx, actor, input) {
    const entry = await load(ctx, COLLECTIONS.callSheet, input.messageId, CallSheetEntrySchema);
    if (entry.data.acknowledgement !== null) {
      throw new InvalidTransitionError({
        machineId: 'callSheet',
        state: 'acknowledged',
        event: 'message.acknowledge',
        reasonVi: 'thông báo này đã được ghi nhận',
        reasonEn: 'this message was already acknowledged',
      });
    }
    if (input.answeredAt < entry.data.handedAt) {
      throw new ValidationError({
        subject: 'message.acknowledge',
        issues: [{ path: ['answeredAt'], code: 'before_handed', message: `must not be before the message reached the call sheet (${entry.data.handedAt})` }],
      });
    }
    const next: CallSheetEntry = {
      ...entry.data,
      acknowledgement: { answeredBy: input.answeredBy, answeredAt: input.answeredAt, means: input.means, note: input.note, recordedBy: actor.id },
    };
    return commitMain(
      ctx,
      actor,
      'message.acknowledge',
      { collection: COLLECTIONS.callSheet, id: entry.id, data: next, indexes: callSheetIndexes(next), expectedVersion: entry.version, state: 'acknowledged' },
      { details: { means: input.means } },
    );
  },
});
