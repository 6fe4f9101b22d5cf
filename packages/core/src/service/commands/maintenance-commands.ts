import { z } from 'zod';
import { tickLifecycle } from '../../lifecycle/lifecycle-api.js';
import type { LifecycleKind } from '../../lifecycle/lifecycle-kind.js';
import { InspectError } from '../../errors/inspect-error.js';
import { ConfigurationError } from '../../errors/configuration-error.js';
import { defineCommand } from '../define-command.js';
import { LEADERSHIP } from './command-roles.js';
import { commitMain } from '../commit-helpers.js';
import { COLLECTIONS, CampaignRecordSchema, RemediationRecordSchema, VisitRecordSchema, campaignIndexes, remediationIndexes, stateOf, visitIndexes } from '../records.js';
import { loadAll, nowIso, today } from '../service-context.js';

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
 * Delivers pending outbox messages whose time has come through the service's notifier, marking
 * each sent or failed (with the attempt count). Runs after commit, never inside a command. A
 * failure of one message does not stop the others.
 */
export const deliverOutbox = defineCommand({
  name: 'outbox.deliver',
  summary: { vi: 'Gửi các thư, thông báo đến hạn trong hộp thư đi', en: "Delivers the outbox messages that are due through the service's notifier" },
  input: z.strictObject({}),
  roles: LEADERSHIP,
  errors: ['CONFIGURATION_INVALID'],
  async run(ctx): Promise<{ sent: number; failed: number }> {
    const notifier = ctx.notifier;
    if (!notifier) {
      throw new ConfigurationError({ problemVi: 'chưa cấu hình notifier cho dịch vụ', problemEn: 'the service has no notifier: pass `notifier` to createInspectionService' });
    }
    const now = nowIso(ctx);
    let sent = 0;
    let failed = 0;
    for (const m of await ctx.storage.readOutbox(ctx.tenant.id, { status: 'pending', limit: 1000 })) {
      if (m.deliverAfter !== null && m.deliverAfter > now) continue;
      try {
        const { providerMessageId } = await notifier.send({ key: m.id, channel: m.channel, recipient: m.recipient, subject: m.subject, body: m.body });
        await ctx.storage.markOutbox(ctx.tenant.id, m.id, { status: 'sent', attempts: m.attempts + 1, providerMessageId, lastError: null });
        sent++;
      } catch (e) {
        const code = InspectError.isInstance(e) ? e.code : 'NOTIFICATION_FAILED';
        await ctx.storage.markOutbox(ctx.tenant.id, m.id, { status: 'failed', attempts: m.attempts + 1, lastError: code });
        failed++;
      }
    }
    return { sent, failed };
  },
});
