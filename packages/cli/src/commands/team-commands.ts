import { TEAM_ROLE_LABELS, type TeamRole } from '@pccovid-inspect/core';
import type { CommandEnv } from '../cli.js';
import { UsageError } from '../cli-errors.js';
import { isRecord, readInputFile, today } from './input-file.js';
import { withSession } from './session.js';

/** @internal Options of `nominate`. */
export interface NominateOptions {
  request: boolean;
  sentOn?: string;
  receivedOn?: string;
  district?: string;
  note?: string;
}

/** Short DD/MM/YYYY of a civil date, as the documents print it. */
const dmy = (date: string): string => date.split('-').reverse().join('/');

/**
 * @internal `nominate <bodyId> <personId>`: `nomination.record`. Whether it is late is the
 * service's call (the campaign's nomination deadline), never an option. `nominate --request`
 * sends the request to every coordinating body (`nominations.request`).
 */
export async function nominateCommand(env: CommandEnv, bodyId: string | undefined, personId: string | undefined, opts: NominateOptions): Promise<void> {
  if (!opts.request && (bodyId === undefined || personId === undefined)) {
    throw new UsageError(
      'cần mã cơ quan cử và mã người được cử',
      'give the nominating body and the person nominated',
      'pccovid-inspect nominate org-so-y-te p-health --received-on 2021-11-27',
    );
  }
  await withSession(env, async ({ service, actor, workspace }) => {
    const deadline = (workspace.campaign.campaign as { nomination: { deadline: string } }).nomination.deadline;
    if (opts.request) {
      const res = await service.requestNominations(actor, { campaignId: workspace.campaignId, sentOn: opts.sentOn ?? today(env.clock) });
      env.out.result({ ...res, deadline }, () =>
        env.out.say(`Đã gửi đề nghị cử thành viên; hạn trả lời ${dmy(deadline)}`, `Nomination request sent; replies due by ${dmy(deadline)}`),
      );
      return;
    }
    const receivedOn = opts.receivedOn ?? today(env.clock);
    const res = await service.recordNomination(actor, {
      campaignId: workspace.campaignId,
      organizationId: bodyId!,
      personId: personId!,
      receivedOn,
      districtCode: opts.district ?? null,
      note: opts.note ?? null,
    });
    env.out.result({ ...res, deadline }, () => {
      env.out.say(`Đã ghi nhận ${bodyId} cử ${personId}, nhận ngày ${dmy(receivedOn)}`, `Recorded ${bodyId} nominating ${personId}, received ${dmy(receivedOn)}`);
      if (res.late) env.out.say(`TRỄ HẠN: hạn là ${dmy(deadline)}`, `LATE: the deadline was ${dmy(deadline)}`);
    });
  });
}

/** @internal Options of `team form`. */
export interface TeamFormOptions {
  file: string;
  decidedOn?: string;
  name?: string;
}

/**
 * @internal `team form --file team.yaml`: `team.form` (director) — the team and its decision (QĐ),
 * numbered by the service. The file is `{ name?, members: [...] }` or the members alone.
 */
export async function teamFormCommand(env: CommandEnv, opts: TeamFormOptions): Promise<void> {
  const raw = readInputFile(opts.file, '--file');
  const members = Array.isArray(raw) ? raw : isRecord(raw) ? raw.members : undefined;
  const name = opts.name ?? (isRecord(raw) && typeof raw.name === 'string' ? raw.name : 'Tổ Kiểm tra PC-Covid');
  await withSession(env, async ({ service, actor, workspace }) => {
    // The service checks the members (exactly one lead, each person once): a wrong file writes nothing.
    const res = await service.formTeam(actor, { campaignId: workspace.campaignId, name, members: members as never, decidedOn: opts.decidedOn ?? today(env.clock) });
    env.out.result(res, () =>
      env.out.say(
        `Đã thành lập ${name}: Quyết định số ${res.decisionNumberSymbol} (${Array.isArray(members) ? members.length : 0} thành viên)`,
        `Formed ${name}: decision ${res.decisionNumberSymbol} (${Array.isArray(members) ? members.length : 0} members)`,
      ),
    );
  });
}

/** @internal `team list`: the team from the overview; contacts masked by the service for roles that need not see them. */
export async function teamListCommand(env: CommandEnv): Promise<void> {
  await withSession(env, async ({ service, actor, workspace }) => {
    const { team } = await service.getCampaignOverview(actor, { campaignId: workspace.campaignId });
    env.out.result(team, () => {
      if (team.length === 0) {
        env.out.say('Chưa có Tổ kiểm tra (hoặc vai trò này không được xem)', 'No team yet (or this role may not see it)');
        return;
      }
      for (const m of team) {
        const label = TEAM_ROLE_LABELS[m.role as TeamRole] ?? { vi: m.role, en: m.role };
        const contact = [m.contact?.phone, m.contact?.email].filter((c) => c != null).join(', ') || '—';
        env.out.line(`  ${env.out.text(label.vi, label.en).padEnd(env.global.lang === 'en' ? 12 : 24)} ${m.fullName} — ${m.position}  [${contact}]`);
      }
    });
  });
}
