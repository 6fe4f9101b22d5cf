import { z } from 'zod';
import { applyLifecycleEvent, startLifecycle } from '../../lifecycle/lifecycle-api.js';
import { CampaignSchema, type Campaign } from '../../entities/campaign.js';
import { NominationRequestSchema } from '../../entities/nomination.js';
import { OrganizationSchema } from '../../entities/organization.js';
import { PersonSchema } from '../../entities/person.js';
import { boundedList, CivilDateSchema, IdSchema, INPUT_LIMITS, ShortTextSchema, TextSchema } from '../../entities/primitives.js';
import { TeamMemberSchema, TeamSchema } from '../../entities/team.js';
import { ValidationError, type ValidationIssue } from '../../errors/validation-error.js';
import { parseOrThrow } from '../../internal/parse.js';
import { formatShortDate } from '../../text/decree30-date.js';
import { campaignWrite, commitMain } from '../commit-helpers.js';
import { teamDecisionNotices } from '../partner-notices.js';
import type { OutboxDraft } from '../unit-of-work.js';
import { defineCommand } from '../define-command.js';
import { bodyAbbreviation, organizationName } from '../directory.js';
import { allocateDocumentNumber } from '../document-numbering.js';
import { COLLECTIONS, type CampaignRecord } from '../records.js';
import { nowIso, templateFor, type ServiceContext } from '../service-context.js';
import { LEADERSHIP } from './command-roles.js';
import { CampaignIdInput, STEP_ERRORS, loadCampaign } from './command-common.js';

function sameTenant(ctx: ServiceContext, tenantId: string, path: (string | number)[]): void {
  if (tenantId !== ctx.tenant.id) {
    throw new ValidationError({ subject: 'command', issues: [{ path, code: 'custom', message: `tenant must be ${ctx.tenant.id}` }] });
  }
}

/** Every body and person a campaign names must be in the directory: one error listing each missing one. */
async function assertDirectoryReferences(ctx: ServiceContext, campaign: Campaign): Promise<void> {
  const refs: [string, string, (string | number)[]][] = [
    [COLLECTIONS.organizations, campaign.issuingBodyId, ['campaign', 'issuingBodyId']],
    ...(campaign.parentBodyId === null ? [] : [[COLLECTIONS.organizations, campaign.parentBodyId, ['campaign', 'parentBodyId']] as [string, string, (string | number)[]]]),
    ...campaign.leadBodyIds.map((id, i): [string, string, (string | number)[]] => [COLLECTIONS.organizations, id, ['campaign', 'leadBodyIds', i]]),
    ...campaign.nomination.bodyIds.map((id, i): [string, string, (string | number)[]] => [COLLECTIONS.organizations, id, ['campaign', 'nomination', 'bodyIds', i]]),
    ...(campaign.signer.personId === null ? [] : [[COLLECTIONS.people, campaign.signer.personId, ['campaign', 'signer', 'personId']] as [string, string, (string | number)[]]]),
  ];
  const issues: ValidationIssue[] = [];
  for (const [collection, id, path] of refs) {
    if (!(await ctx.storage.get(collection, ctx.tenant.id, id))) {
      issues.push({ path, code: 'unknown_reference', message: `no ${collection === COLLECTIONS.people ? 'person' : 'organization'} "${id}" in the directory` });
    }
  }
  if (issues.length > 0) {
    throw new ValidationError({ subject: 'campaign.create', issues, hint: 'Register the bodies and people first with registerDirectory, then create the campaign.' });
  }
}

/** Registers bodies and people (the directory); existing ids are updated. */
export const registerDirectory = defineCommand({
  name: 'directory.register',
  summary: { vi: 'Đăng ký danh bạ cơ quan, cá nhân', en: 'Registers bodies and people (the directory); existing ids are updated' },
  input: z.strictObject({
    organizations: boundedList(OrganizationSchema, INPUT_LIMITS.lists.directory, 'cơ quan / organisations').default([]),
    people: boundedList(PersonSchema, INPUT_LIMITS.lists.directory, 'người / people').default([]),
  }),
  roles: LEADERSHIP,
  async run(ctx, a, cmd): Promise<{ organizations: number; people: number }> {
    cmd.organizations.forEach((o, i) => sameTenant(ctx, o.tenantId, ['organizations', i, 'tenantId']));
    cmd.people.forEach((p, i) => sameTenant(ctx, p.tenantId, ['people', i, 'tenantId']));
    const writes = [];
    for (const [collection, list] of [
      [COLLECTIONS.organizations, cmd.organizations],
      [COLLECTIONS.people, cmd.people],
    ] as const) {
      for (const item of list) {
        const existing = await ctx.storage.get(collection, ctx.tenant.id, item.id);
        writes.push({ collection, id: item.id, data: item, indexes: {}, expectedVersion: existing?.version ?? 0 });
      }
    }
    const [first, ...rest] = writes;
    if (first) await commitMain(ctx, a, 'directory.register', { ...first, state: 'registered' }, { writes: rest, details: { count: writes.length } });
    return { organizations: cmd.organizations.length, people: cmd.people.length };
  },
});

/** Creates a campaign (the plan, as a draft). */
export const createCampaign = defineCommand({
  name: 'campaign.create',
  summary: { vi: 'Tạo kế hoạch kiểm tra (dự thảo)', en: 'Creates a campaign (the plan, as a draft); every body and person it names must be registered' },
  input: z.strictObject({ campaign: CampaignSchema }),
  roles: LEADERSHIP,
  errors: ['CONFLICT', 'NOT_FOUND'],
  async run(ctx, a, { campaign }) {
    sameTenant(ctx, campaign.tenantId, ['campaign', 'tenantId']);
    templateFor(ctx, campaign.checklist);
    await assertDirectoryReferences(ctx, campaign);
    const record: CampaignRecord = {
      campaign,
      lifecycle: startLifecycle('campaign', { campaignId: campaign.id, nominationDeadline: campaign.nomination.deadline }),
      planNumberSymbol: null,
      nominationRequest: null,
      nominations: [],
      team: null,
      teamDecisionNumberSymbol: null,
      teamDecidedOn: null,
      report: null,
    };
    return commitMain(ctx, a, 'campaign.create', campaignWrite(null, campaign.id, record), { details: { form: campaign.form } });
  },
});

/** Issues (signs) the plan: takes the next KH number of the issuing body for the year. */
export const issuePlan = defineCommand({
  name: 'plan.issue',
  summary: { vi: 'Ban hành kế hoạch (cấp số KH)', en: 'Issues (signs) the plan: takes the next KH number of the issuing body for the year' },
  input: CampaignIdInput.extend({ issuedOn: CivilDateSchema }),
  roles: ['director'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const loaded = await loadCampaign(ctx, cmd.campaignId);
    const r = applyLifecycleEvent('campaign', loaded.data.lifecycle, { type: 'plan.issue' });
    const abbr = await bodyAbbreviation(ctx, loaded.data.campaign.issuingBodyId);
    let numberSymbol = '';
    const draft = { ...loaded.data, lifecycle: r.persisted };
    const c = loaded.data.campaign;
    // The plan goes to the bodies it concerns: the Provincial People's Committee it reports to, the
    // bodies that lead it and those asked to nominate members (each once; never the issuer itself).
    const bodies = [...new Set([...(c.parentBodyId ? [c.parentBodyId] : []), ...c.leadBodyIds, ...c.nomination.bodyIds])].filter((id) => id !== c.issuingBodyId);
    const outbox: OutboxDraft[] = [];
    const res = await commitMain(ctx, a, 'plan.issue', campaignWrite(loaded, cmd.campaignId, draft), {
      outbox,
      within: async (tx) => {
        const n = await allocateDocumentNumber(tx, {
          tenantId: ctx.tenant.id,
          issuingBodyId: loaded.data.campaign.issuingBodyId,
          bodyAbbreviation: abbr,
          typeCode: 'KH',
          issuedOn: cmd.issuedOn,
          subjectId: cmd.campaignId,
          updatedAt: nowIso(ctx),
        });
        numberSymbol = n.numberSymbol;
        draft.planNumberSymbol = numberSymbol;
        draft.campaign = { ...draft.campaign, number: n.number, issuedOn: cmd.issuedOn };
        outbox.splice(
          0,
          outbox.length,
          ...bodies.map((bodyId) => ({
            id: `${cmd.campaignId}.plan.${bodyId}`,
            recipient: { role: 'planRecipient', id: bodyId, organizationId: bodyId },
            topic: 'plan.issued',
            subject: `Kế hoạch số ${numberSymbol}: ${c.title} / Plan ${numberSymbol}`,
            body: `Gửi Kế hoạch số ${numberSymbol} ngày ${formatShortDate(cmd.issuedOn)} để biết và phối hợp thực hiện. / Plan ${numberSymbol} of ${cmd.issuedOn}, for information and coordination.`,
            refs: { campaignId: cmd.campaignId, documentKind: 'plan' },
            deliverAfter: null,
          })),
        );
      },
    });
    return { ...res, numberSymbol };
  },
});

/** Sends the nomination request to the coordinating bodies (outbox, one message per body). */
export const requestNominations = defineCommand({
  name: 'nominations.request',
  summary: { vi: 'Đề nghị các cơ quan phối hợp cử thành viên', en: 'Asks the coordinating bodies to nominate team members (one message per body)' },
  input: CampaignIdInput.extend({ sentOn: CivilDateSchema }),
  roles: LEADERSHIP,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const loaded = await loadCampaign(ctx, cmd.campaignId);
    const c = loaded.data.campaign;
    const r = applyLifecycleEvent('campaign', loaded.data.lifecycle, { type: 'nomination.request' });
    const issuer = await organizationName(ctx, c.issuingBodyId);
    const due = formatShortDate(c.nomination.deadline);
    const request = {
      tenantId: ctx.tenant.id,
      id: `${c.id}.nomination-request`,
      campaignId: c.id,
      bodyIds: c.nomination.bodyIds,
      deadline: c.nomination.deadline,
      sentOn: cmd.sentOn,
    };
    const next: CampaignRecord = { ...loaded.data, lifecycle: r.persisted, nominationRequest: parseOrThrow(NominationRequestSchema, request, 'NominationRequest') };
    const outbox = c.nomination.bodyIds.map((bodyId) => ({
      id: `${request.id}.${bodyId}`,
      recipient: { role: 'coordinatingBody', id: bodyId, organizationId: bodyId },
      topic: 'nomination.requested',
      subject: `Đề nghị cử cán bộ tham gia Tổ kiểm tra / Request to nominate a team member`,
      body: `Đề nghị cử cán bộ tham gia Tổ kiểm tra theo Kế hoạch số ${loaded.data.planNumberSymbol ?? '…'}; văn bản gửi về ${issuer} trước ngày ${due}. / Please nominate a member of the inspection team under plan ${loaded.data.planNumberSymbol ?? '…'}; reply to ${issuer} before ${due}.`,
      refs: { campaignId: c.id, documentKind: 'plan' },
      deliverAfter: null,
    }));
    return commitMain(ctx, a, 'nominations.request', campaignWrite(loaded, c.id, next), { outbox });
  },
});

/** Records a body's nomination; one after the deadline is accepted and marked late. */
export const recordNomination = defineCommand({
  name: 'nomination.record',
  summary: { vi: 'Ghi nhận văn bản cử thành viên (quá hạn được đánh dấu)', en: "Records a body's nomination; one after the deadline is accepted and marked late" },
  input: CampaignIdInput.extend({
    organizationId: IdSchema,
    personId: IdSchema,
    receivedOn: CivilDateSchema,
    districtCode: z
      .string()
      .regex(/^\d{3}$/)
      .nullable()
      .default(null),
    note: TextSchema.nullable().default(null),
  }),
  roles: LEADERSHIP,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const loaded = await loadCampaign(ctx, cmd.campaignId);
    if (!loaded.data.campaign.nomination.bodyIds.includes(cmd.organizationId)) {
      throw new ValidationError({ subject: 'nomination.record', issues: [{ path: ['organizationId'], code: 'custom', message: 'this body was not asked to nominate' }] });
    }
    const nominationId = `${cmd.campaignId}.nomination.${cmd.organizationId}.${cmd.personId}`;
    const r = applyLifecycleEvent('campaign', loaded.data.lifecycle, { type: 'nomination.record', nominationId, receivedOn: cmd.receivedOn });
    const late = r.context.nominations.find((n) => n.nominationId === nominationId)?.late ?? false;
    const nomination = {
      tenantId: ctx.tenant.id,
      id: nominationId,
      campaignId: cmd.campaignId,
      organizationId: cmd.organizationId,
      personId: cmd.personId,
      receivedOn: cmd.receivedOn,
      late,
      districtCode: cmd.districtCode,
      note: cmd.note,
    };
    const next: CampaignRecord = { ...loaded.data, lifecycle: r.persisted, nominations: [...loaded.data.nominations, nomination] };
    const res = await commitMain(ctx, a, 'nomination.record', campaignWrite(loaded, cmd.campaignId, next), { details: { late } });
    return { ...res, late };
  },
});

/** Forms the team (exactly one lead) and numbers the decision (QĐ). */
export const formTeam = defineCommand({
  name: 'team.form',
  summary: { vi: 'Thành lập Tổ kiểm tra (cấp số QĐ)', en: 'Forms the team (exactly one lead) and numbers the decision (QĐ)' },
  input: CampaignIdInput.extend({
    name: ShortTextSchema,
    members: boundedList(TeamMemberSchema, INPUT_LIMITS.lists.teamMembers, 'thành viên / members').min(1),
    decidedOn: CivilDateSchema,
  }),
  roles: ['director'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const loaded = await loadCampaign(ctx, cmd.campaignId);
    const team = parseOrThrow(TeamSchema, { tenantId: ctx.tenant.id, id: `${cmd.campaignId}.team`, campaignId: cmd.campaignId, name: cmd.name, members: cmd.members }, 'Team');
    const r = applyLifecycleEvent('campaign', loaded.data.lifecycle, { type: 'team.form', members: team.members.map((m) => ({ memberId: m.personId, role: m.role })) });
    const abbr = await bodyAbbreviation(ctx, loaded.data.campaign.issuingBodyId);
    const next: CampaignRecord = { ...loaded.data, lifecycle: r.persisted, team, teamDecidedOn: cmd.decidedOn };
    const outbox: OutboxDraft[] = [];
    const res = await commitMain(ctx, a, 'team.form', campaignWrite(loaded, cmd.campaignId, next), {
      outbox,
      within: async (tx) => {
        const n = await allocateDocumentNumber(tx, {
          tenantId: ctx.tenant.id,
          issuingBodyId: loaded.data.campaign.issuingBodyId,
          bodyAbbreviation: abbr,
          typeCode: 'QĐ',
          issuedOn: cmd.decidedOn,
          subjectId: team.id,
          updatedAt: nowIso(ctx),
        });
        next.teamDecisionNumberSymbol = n.numberSymbol;
        outbox.splice(0, outbox.length, ...teamDecisionNotices(team, n.numberSymbol, cmd.decidedOn)); // `within` may run again: set, never accumulate
      },
    });
    return { ...res, decisionNumberSymbol: next.teamDecisionNumberSymbol ?? '' };
  },
});
