import { z } from 'zod';
import { applyLifecycleEvent, startLifecycle } from '../lifecycle/lifecycle-api.js';
import { CampaignSchema } from '../entities/campaign.js';
import { NominationRequestSchema } from '../entities/nomination.js';
import { formatShortDate } from '../text/decree30-date.js';
import { OrganizationSchema } from '../entities/organization.js';
import { PersonSchema } from '../entities/person.js';
import { CivilDateSchema, IdSchema, TextSchema } from '../entities/primitives.js';
import { TeamMemberSchema, TeamSchema } from '../entities/team.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseOrThrow } from '../internal/parse.js';
import { allocateDocumentNumber } from './document-numbering.js';
import { campaignWrite, commitMain } from './commit-helpers.js';
import { COLLECTIONS, CampaignRecordSchema, type CampaignRecord } from './records.js';
import { runCommand, type CommandResult } from './run-command.js';
import { load, nowIso, templateFor, type ServiceContext } from './service-context.js';
import { bodyAbbreviation, organizationName } from './directory.js';

const CampaignIdInput = z.object({ campaignId: IdSchema });

function sameTenant(ctx: ServiceContext, tenantId: string, path: (string | number)[]): void {
  if (tenantId !== ctx.tenant.id) {
    throw new ValidationError({ subject: 'command', issues: [{ path, code: 'custom', message: `tenant must be ${ctx.tenant.id}` }] });
  }
}

/** Campaign commands: create, issue the plan, nominations, the team. */
export function campaignCommands(ctx: ServiceContext) {
  const loadCampaign = (id: string) => load(ctx, COLLECTIONS.campaigns, id, CampaignRecordSchema);

  return {
    /**
     * Registers bodies and people (the directory) so that campaigns, teams and documents can
     * name them. Existing ids are updated.
     */
    registerDirectory: (actor: unknown, input: unknown): Promise<{ organizations: number; people: number }> =>
      runCommand(ctx, 'directory.register', z.object({ organizations: z.array(OrganizationSchema), people: z.array(PersonSchema) }), actor, input, async (a, cmd) => {
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
      }),

    /** Creates a campaign (the plan, as a draft). */
    createCampaign: (actor: unknown, input: unknown): Promise<CommandResult> =>
      runCommand(ctx, 'campaign.create', z.object({ campaign: CampaignSchema }), actor, input, async (a, { campaign }) => {
        sameTenant(ctx, campaign.tenantId, ['campaign', 'tenantId']);
        templateFor(ctx, campaign.checklist);
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
          notices: [],
        };
        return commitMain(ctx, a, 'campaign.create', campaignWrite(null, campaign.id, record), { details: { form: campaign.form } });
      }),

    /** Issues (signs) the plan: takes the next KH number of the issuing body for the year. */
    issuePlan: (actor: unknown, input: unknown): Promise<CommandResult> =>
      runCommand(ctx, 'plan.issue', CampaignIdInput.extend({ issuedOn: CivilDateSchema }), actor, input, async (a, cmd) => {
        const loaded = await loadCampaign(cmd.campaignId);
        const r = applyLifecycleEvent('campaign', loaded.data.lifecycle, { type: 'plan.issue' });
        const abbr = await bodyAbbreviation(ctx, loaded.data.campaign.issuingBodyId);
        let numberSymbol = '';
        let number = 0;
        const draft = { ...loaded.data, lifecycle: r.persisted };
        return commitMain(ctx, a, 'plan.issue', campaignWrite(loaded, cmd.campaignId, draft), {
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
            number = n.number;
            draft.planNumberSymbol = numberSymbol;
            draft.campaign = { ...draft.campaign, number, issuedOn: cmd.issuedOn };
          },
        }).then((res) => ({ ...res, numberSymbol }));
      }),

    /** Sends the nomination request to the coordinating bodies (outbox, one message per body). */
    requestNominations: (actor: unknown, input: unknown): Promise<CommandResult> =>
      runCommand(ctx, 'nomination.request', CampaignIdInput.extend({ sentOn: CivilDateSchema }), actor, input, async (a, cmd) => {
        const loaded = await loadCampaign(cmd.campaignId);
        const c = loaded.data.campaign;
        const r = applyLifecycleEvent('campaign', loaded.data.lifecycle, { type: 'nomination.request' });
        const issuer = await organizationName(ctx, c.issuingBodyId);
        const due = formatShortDate(c.nomination.deadline);
        const request = { tenantId: ctx.tenant.id, id: `${c.id}.nomination-request`, campaignId: c.id, bodyIds: c.nomination.bodyIds, deadline: c.nomination.deadline, sentOn: cmd.sentOn };
        const next: CampaignRecord = { ...loaded.data, lifecycle: r.persisted, nominationRequest: parseOrThrow(NominationRequestSchema, request, 'NominationRequest') };
        const outbox = c.nomination.bodyIds.map((bodyId) => ({
          id: `${request.id}.${bodyId}`,
          channel: 'document',
          recipient: { role: 'coordinatingBody', id: bodyId, organizationId: bodyId },
          topic: 'nomination.requested',
          subject: `Đề nghị cử cán bộ tham gia Tổ kiểm tra / Request to nominate a team member`,
          body: `Đề nghị cử cán bộ tham gia Tổ kiểm tra theo Kế hoạch số ${loaded.data.planNumberSymbol ?? '…'}; văn bản gửi về ${issuer} trước ngày ${due}. / Please nominate a member of the inspection team under plan ${loaded.data.planNumberSymbol ?? '…'}; reply to ${issuer} before ${due}.`,
          refs: { campaignId: c.id },
          deliverAfter: null,
        }));
        return commitMain(ctx, a, 'nomination.request', campaignWrite(loaded, c.id, next), { outbox });
      }),

    /** Records a body's nomination; one after the deadline is accepted and marked late. */
    recordNomination: (actor: unknown, input: unknown): Promise<CommandResult & { late: boolean }> =>
      runCommand(
        ctx,
        'nomination.record',
        CampaignIdInput.extend({ organizationId: IdSchema, personId: IdSchema, receivedOn: CivilDateSchema, districtCode: z.string().regex(/^\d{3}$/).nullable().default(null), note: TextSchema.nullable().default(null) }),
        actor,
        input,
        async (a, cmd) => {
          const loaded = await loadCampaign(cmd.campaignId);
          if (!loaded.data.campaign.nomination.bodyIds.includes(cmd.organizationId)) {
            throw new ValidationError({ subject: 'nomination.record', issues: [{ path: ['organizationId'], code: 'custom', message: 'this body was not asked to nominate' }] });
          }
          const nominationId = `${cmd.campaignId}.nomination.${cmd.organizationId}.${cmd.personId}`;
          const r = applyLifecycleEvent('campaign', loaded.data.lifecycle, { type: 'nomination.record', nominationId, receivedOn: cmd.receivedOn });
          const late = r.context.nominations.find((n) => n.nominationId === nominationId)?.late ?? false;
          const nomination = { tenantId: ctx.tenant.id, id: nominationId, campaignId: cmd.campaignId, organizationId: cmd.organizationId, personId: cmd.personId, receivedOn: cmd.receivedOn, late, districtCode: cmd.districtCode, note: cmd.note };
          const next: CampaignRecord = { ...loaded.data, lifecycle: r.persisted, nominations: [...loaded.data.nominations, nomination] };
          const res = await commitMain(ctx, a, 'nomination.record', campaignWrite(loaded, cmd.campaignId, next), { details: { late } });
          return { ...res, late };
        },
      ),

    /** Forms the team (exactly one lead) and numbers the decision (QĐ). */
    formTeam: (actor: unknown, input: unknown): Promise<CommandResult & { decisionNumberSymbol: string }> =>
      runCommand(ctx, 'team.form', CampaignIdInput.extend({ name: TextSchema, members: z.array(TeamMemberSchema).min(1), decidedOn: CivilDateSchema }), actor, input, async (a, cmd) => {
        const loaded = await loadCampaign(cmd.campaignId);
        const team = parseOrThrow(TeamSchema, { tenantId: ctx.tenant.id, id: `${cmd.campaignId}.team`, campaignId: cmd.campaignId, name: cmd.name, members: cmd.members }, 'Team');
        const r = applyLifecycleEvent('campaign', loaded.data.lifecycle, { type: 'team.form', members: team.members.map((m) => ({ memberId: m.personId, role: m.role })) });
        const abbr = await bodyAbbreviation(ctx, loaded.data.campaign.issuingBodyId);
        const next: CampaignRecord = { ...loaded.data, lifecycle: r.persisted, team, teamDecidedOn: cmd.decidedOn };
        const res = await commitMain(ctx, a, 'team.form', campaignWrite(loaded, cmd.campaignId, next), {
          within: async (tx) => {
            const n = await allocateDocumentNumber(tx, { tenantId: ctx.tenant.id, issuingBodyId: loaded.data.campaign.issuingBodyId, bodyAbbreviation: abbr, typeCode: 'QĐ', issuedOn: cmd.decidedOn, subjectId: team.id, updatedAt: nowIso(ctx) });
            next.teamDecisionNumberSymbol = n.numberSymbol;
          },
        });
        return { ...res, decisionNumberSymbol: next.teamDecisionNumberSymbol ?? '' };
      }),
  };
}
