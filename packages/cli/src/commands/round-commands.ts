import { resolve } from 'node:path';
import { type OutboxRecord } from '@pccovid-inspect/core';
import { checkInterrupted, type CommandEnv } from '../cli.js';
import { UsageError } from '../cli-errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { openStorage, parseActor, PROVINCES, serviceFor } from '../context.js';
import { readPlanFile } from '../plan-file.js';
import { ProgressBar } from '../progress.js';
import { withSession } from './session.js';
import { countByState, printTable, typeLabel, visibleVisitsWithTypes } from './visit-table.js';

/** @internal `init <plan>`: checks the plan file first (nothing is created when it is wrong), then `directory.register` and `campaign.create`. */
export async function initCommand(env: CommandEnv, planFile: string): Promise<void> {
  const plan = readPlanFile(resolve(planFile));
  const province = PROVINCES[plan.province]!;
  const actor = env.global.actor === undefined ? { role: 'director' as const, id: plan.campaign.signer.personId ?? 'director' } : parseActor(env.global.actor);
  const { storage, label } = await openStorage(env.global.db, true);
  try {
    const service = serviceFor(storage, province, { clock: env.clock });
    const directory = await service.registerDirectory(actor, plan.directory);
    const campaign = await service.createCampaign(actor, { campaign: plan.campaign });
    env.out.result({ db: label, directory, campaign }, () => {
      env.out.say(`Đã tạo đợt kiểm tra ${plan.campaign.id} trong ${label}`, `Created campaign ${plan.campaign.id} in ${label}`);
      env.out.say(`Trạng thái: ${campaign.state}`, `State: ${campaign.state}`);
    });
  } finally {
    await storage.dispose();
  }
}

/** Messages delivered per batch by `notify` (the progress bar moves between batches). */
const DELIVERY_BATCH = 50;

/** A message is due when it is pending and its delivery time (if any) has come. */
function isDue(m: OutboxRecord, now: string): boolean {
  return m.status === 'pending' && (m.dueAt ?? m.deliverAfter ?? now) <= now;
}

/** @internal `notify [--dry-run]`: delivers the due outbox messages through the console notifier, or lists them. */
export async function notifyCommand(env: CommandEnv, opts: { dryRun: boolean }): Promise<void> {
  const printed: string[] = [];
  const { createConsoleNotifier } = await import('@pccovid-inspect/notify-console');
  const notifier = createConsoleNotifier({ write: (line) => (env.global.json ? printed.push(line) : env.out.line(line)) });
  await withSession(
    env,
    async ({ service, actor }) => {
      if (opts.dryRun) {
        const now = env.clock.now().toISOString();
        const due = (await service.listMessages(actor, { status: 'pending' })).filter((m) => isDue(m, now));
        env.out.result(
          due.map((m) => ({ id: m.id, channel: m.channel, topic: m.topic, recipient: m.recipient, subject: m.subject, dueAt: m.dueAt })),
          () => {
            env.out.say(`${due.length} thư, thông báo đến hạn (chưa gửi)`, `${due.length} messages due (not sent)`);
            for (const m of due) env.out.line(`  ${m.id}  ${m.channel.padEnd(8)} ${m.topic.padEnd(24)} → ${m.recipient.role}:${m.recipient.id}  ${m.subject}`);
          },
        );
        return;
      }
      // In batches, so a long delivery shows its progress; stops when a batch sends or settles nothing
      // (what is left is held by the embargo or waits for a retry).
      const now = env.clock.now().toISOString();
      const due = (await service.listMessages(actor, { status: 'pending', limit: 10_000 })).filter((m) => isDue(m, now)).length;
      const bar = new ProgressBar(env.io, !env.global.json, 'gửi / delivery');
      const report = { sent: 0, retrying: 0, fellBack: 0, dead: 0, held: 0, claimedElsewhere: 0, possibleDuplicates: 0, timedOut: 0 };
      try {
        for (;;) {
          checkInterrupted(env.signal); // between batches: every claimed message of a batch is settled first
          const batch = await service.deliverOutbox(actor, { limit: DELIVERY_BATCH });
          for (const key of Object.keys(report) as (keyof typeof report)[]) report[key] += batch[key];
          const settled = report.sent + report.retrying + report.fellBack + report.dead;
          bar.update(due === 0 ? 1 : settled / due, `${settled}/${due}`);
          if (batch.sent + batch.retrying + batch.fellBack + batch.dead === 0) break;
        }
      } finally {
        bar.done();
      }
      env.out.result({ ...report, printed }, () =>
        env.out.say(
          `Đã gửi ${report.sent}, chờ gửi lại ${report.retrying}, giữ lại ${report.held}, hỏng ${report.dead}`,
          `Sent ${report.sent}, retrying ${report.retrying}, held ${report.held}, dead ${report.dead}`,
        ),
      );
    },
    { notifier },
  );
}

/** @internal Options of `status`. */
export interface StatusOptions {
  /** The table's rows: per district (default) or per target type. */
  by: string;
}

/**
 * @internal `status [--by district|type]`: the overview; in the terminal, a table of visits per
 * district (or target type) × state. `--json --by type` adds `byType` (target type → state → count).
 */
export async function statusCommand(env: CommandEnv, opts: StatusOptions = { by: 'district' }): Promise<void> {
  if (opts.by !== 'district' && opts.by !== 'type') throw new UsageError('--by là district hoặc type', '--by is district or type', 'pccovid-inspect status --by type');
  await withSession(env, async (session) => {
    const { service, actor, workspace, label } = session;
    const overview = await service.getCampaignOverview(actor, { campaignId: workspace.campaignId });
    if (env.global.json && opts.by === 'district') {
      env.out.result(overview);
      return;
    }
    const visits = await visibleVisitsWithTypes(session);
    const names = new Map(workspace.province.adminUnits.map((u) => [u.code, u.name]));
    const { out } = env;
    const { states, rows: table } = countByState(visits, opts.by === 'type' ? (v) => v.targetType : (v) => v.districtCode);
    if (env.global.json) {
      env.out.result({ ...overview, byType: Object.fromEntries([...table.entries()].map(([type, row]) => [type, Object.fromEntries(row)])) });
      return;
    }
    out.say(`Cơ sở dữ liệu: ${label}`, `Database: ${label}`);
    out.line(`${overview.title}`);
    out.say(
      `Trạng thái: ${overview.state}; kế hoạch: ${overview.planNumberSymbol ?? '—'}; báo cáo: ${overview.reportNumberSymbol ?? '—'}`,
      `State: ${overview.state}; plan: ${overview.planNumberSymbol ?? '—'}; report: ${overview.reportNumberSymbol ?? '—'}`,
    );
    out.say(
      `Đề cử: ${overview.nominations.total} (${overview.nominations.late} trễ hạn); tổ kiểm tra: ${overview.team.length} người`,
      `Nominations: ${overview.nominations.total} (${overview.nominations.late} late); team: ${overview.team.length} people`,
    );
    if (visits.length === 0) {
      out.say('Chưa có cuộc kiểm tra nào', 'No visits yet');
      return;
    }
    const rowLabel = (key: string): string => (opts.by === 'type' ? typeLabel(out, key) : `${key} ${names.get(key) ?? ''}`.trim());
    const header = [opts.by === 'type' ? out.text('Loại hình', 'Target type') : out.text('Huyện', 'District'), ...states, out.text('Tổng', 'Total')];
    const rows = [...table.entries()].map(([key, row]) => [rowLabel(key), ...states.map((s) => String(row.get(s) ?? 0)), String([...row.values()].reduce((a, b) => a + b, 0))]);
    rows.push([out.text('Cộng', 'Total'), ...states.map((s) => String(visits.filter((v) => v.state === s).length)), String(visits.length)]);
    printTable(out, header, rows);
  });
}

/** @internal `audit verify`: the audit chain; exit 1 when it was altered. */
export async function auditVerifyCommand(env: CommandEnv): Promise<void> {
  await withSession(env, async ({ service, actor }) => {
    const result = await service.verifyAudit(actor, {});
    env.out.result(result, () =>
      result.ok
        ? env.out.say(`Nhật ký kiểm toán toàn vẹn (${result.count} sự kiện)`, `Audit chain intact (${result.count} events)`)
        : env.out.say(`Nhật ký kiểm toán BỊ SỬA: ${JSON.stringify(result)}`, `Audit chain ALTERED: ${JSON.stringify(result)}`),
    );
    if (!result.ok) env.setExitCode(EXIT_CODES.user);
  });
}
