import { UsageError } from '../cli-errors.js';
import type { CommandEnv } from '../cli.js';
import { today } from './input-file.js';
import { withSession } from './session.js';

/** @internal Options of `report`. */
export interface ReportOptions {
  issuedOn?: string;
  to?: string;
  summary?: string;
  dryRun: boolean;
}

const SETTLED = new Set(['reviewed', 'closed', 'cancelled']);

/**
 * @internal `report`: the results report (BC) to the Provincial People's Committee and one notice
 * (TB) per inspected unit, numbered by the service (`reporting.begin`). `--dry-run` is the draft:
 * what the report would cover and which visits still hold it back; nothing is written.
 */
export async function reportCommand(env: CommandEnv, opts: ReportOptions): Promise<void> {
  await withSession(env, async ({ service, actor, workspace }) => {
    const campaign = workspace.campaign.campaign as { parentBodyId: string | null };
    const to = opts.to ?? campaign.parentBodyId;
    if (to === null || to === undefined)
      throw new UsageError('đợt kiểm tra không có cơ quan cấp trên; chỉ rõ --to', 'the campaign has no parent body; give --to', '--to <organizationId>');
    if (opts.dryRun) {
      const visits = await service.listVisits(actor, { campaignId: workspace.campaignId });
      const unsettled = visits.filter((v) => !SETTLED.has(v.state));
      const inspected = visits.filter((v) => v.state === 'reviewed' || v.state === 'closed');
      const verdicts: Record<string, number> = {};
      for (const v of inspected) verdicts[v.verdict ?? 'null'] = (verdicts[v.verdict ?? 'null'] ?? 0) + 1;
      const draft = {
        to,
        inspected: inspected.length,
        verdicts,
        unsettled: unsettled.map((v) => ({ id: v.id, targetName: v.targetName, state: v.state })),
        ready: unsettled.length === 0,
      };
      env.out.result(draft, () => {
        env.out.say(
          `Báo cáo gửi ${to}: ${inspected.length} đơn vị đã kiểm tra ${JSON.stringify(verdicts)}`,
          `Report to ${to}: ${inspected.length} units inspected ${JSON.stringify(verdicts)}`,
        );
        if (draft.ready) env.out.say('Sẵn sàng: mọi cuộc kiểm tra đã xem xét, kết thúc hoặc hủy', 'Ready: every visit is reviewed, closed or cancelled');
        else {
          env.out.say(`Chưa thể báo cáo: ${unsettled.length} cuộc kiểm tra chưa xong`, `Not ready: ${unsettled.length} visits not settled`);
          for (const v of unsettled) env.out.line(`  ${v.id}  ${v.state.padEnd(16)} ${v.targetName}`);
        }
      });
      return;
    }
    if (opts.summary === undefined) throw new UsageError('báo cáo cần --summary', 'the report needs --summary', '--summary "Kết quả kiểm tra …"');
    const res = await service.beginReporting(actor, {
      campaignId: workspace.campaignId,
      issuedOn: opts.issuedOn ?? today(env.clock),
      addressedToOrganizationId: to,
      summary: opts.summary,
    });
    env.out.result(res, () =>
      env.out.say(
        `Đã lập Báo cáo số ${res.reportNumberSymbol} gửi ${to} và ${res.notices} thông báo kết quả`,
        `Numbered report ${res.reportNumberSymbol} to ${to} and ${res.notices} results notices`,
      ),
    );
  });
}

/** @internal `remediate begin`: `followUp.begin`, the campaign moves to following up the units not compliant. */
export async function remediateBeginCommand(env: CommandEnv): Promise<void> {
  await withSession(env, async ({ service, actor, workspace }) => {
    const res = await service.beginFollowUp(actor, { campaignId: workspace.campaignId });
    env.out.result(res, () => env.out.say(`Bắt đầu đôn đốc khắc phục (${res.state})`, `Follow-up begun (${res.state})`));
  });
}

/** `text@YYYY-MM-DD` → a remediation request. */
function parseRequest(text: string): { text: string; dueOn: string } {
  const at = text.lastIndexOf('@');
  if (at < 1)
    throw new UsageError(
      `--request "${text}" phải có dạng "nội dung@YYYY-MM-DD"`,
      `--request "${text}" must be "text@YYYY-MM-DD"`,
      '--request "Niêm yết mã QR PC-Covid@2021-12-20"',
    );
  return { text: text.slice(0, at).trim(), dueOn: text.slice(at + 1).trim() };
}

/** @internal `remediate open <visitId> [--id] [--request text@date]…`: `remediation.open` (requests default to the minutes'). */
export async function remediateOpenCommand(env: CommandEnv, visitId: string, opts: { id?: string; request: string[] }): Promise<void> {
  const requests = opts.request.map(parseRequest);
  const remediationId = opts.id ?? `rem-${visitId}`;
  await withSession(env, async ({ service, actor }) => {
    const res = await service.openRemediation(actor, { remediationId, visitId, requests });
    env.out.result(res, () => env.out.say(`Đã mở việc khắc phục ${remediationId} cho ${visitId}`, `Opened remediation ${remediationId} for ${visitId}`));
  });
}

/** @internal `remediate remind <remediationId> [--sent-on] [--due-on]`: `reminder.send`, a numbered letter (CV) to the unit. */
export async function remediateRemindCommand(env: CommandEnv, remediationId: string, opts: { sentOn?: string; dueOn?: string }): Promise<void> {
  await withSession(env, async ({ service, actor }) => {
    const res = await service.sendReminder(actor, { remediationId, sentOn: opts.sentOn ?? today(env.clock), ...(opts.dueOn === undefined ? {} : { dueOn: opts.dueOn }) });
    env.out.result(res, () => env.out.say(`Đã gửi Công văn số ${res.numberSymbol}; hạn khắc phục ${res.dueOn}`, `Sent letter ${res.numberSymbol}; remedy due by ${res.dueOn}`));
  });
}

/** @internal `remediate deadline <remediationId> --due-on`: `remediationDeadline.set`. */
export async function remediateDeadlineCommand(env: CommandEnv, remediationId: string, opts: { dueOn: string }): Promise<void> {
  await withSession(env, async ({ service, actor }) => {
    const res = await service.setRemediationDeadline(actor, { remediationId, dueOn: opts.dueOn });
    env.out.result(res, () => env.out.say(`Thời hạn khắc phục của ${remediationId}: ${opts.dueOn}`, `Remedy deadline of ${remediationId}: ${opts.dueOn}`));
  });
}

/** @internal Options of `remediate recheck`: exactly one of `complied`, `notComplied`. */
export interface RecheckOptions {
  on?: string;
  complied?: boolean;
  notComplied?: boolean;
  note?: string;
}

/** @internal `remediate recheck <remediationId> --on D --complied|--not-complied [--note]`: `recheck.record`. */
export async function remediateRecheckCommand(env: CommandEnv, remediationId: string, opts: RecheckOptions): Promise<void> {
  if ((opts.complied === true) === (opts.notComplied === true))
    throw new UsageError('chọn --complied hoặc --not-complied', 'choose --complied or --not-complied', `pccovid-inspect remediate recheck ${remediationId} --complied`);
  await withSession(env, async ({ service, actor }) => {
    const res = await service.recordRecheck(actor, { remediationId, on: opts.on ?? today(env.clock), complied: opts.complied === true, note: opts.note ?? null });
    env.out.result(res, () =>
      opts.complied
        ? env.out.say(`Kiểm tra lại ${remediationId}: đã khắc phục (${res.state})`, `Re-check of ${remediationId}: remedied (${res.state})`)
        : env.out.say(`Kiểm tra lại ${remediationId}: CHƯA khắc phục (${res.state})`, `Re-check of ${remediationId}: NOT remedied (${res.state})`),
    );
  });
}

/** @internal `remediate sanction <remediationId> --basis --to [--on]`: `sanction.propose` (director), a numbered letter. */
export async function remediateSanctionCommand(env: CommandEnv, remediationId: string, opts: { basis: string; to: string; on?: string }): Promise<void> {
  await withSession(env, async ({ service, actor }) => {
    const res = await service.proposeSanction(actor, { remediationId, basis: opts.basis, proposedTo: opts.to, on: opts.on ?? today(env.clock) });
    env.out.result(res, () => env.out.say(`Đã đề xuất xử lý ${remediationId} (${res.state})`, `Proposed a sanction for ${remediationId} (${res.state})`));
  });
}
