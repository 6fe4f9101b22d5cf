import { z } from 'zod';
import { boundedList, IdSchema, INPUT_LIMITS, ShortTextSchema, TenantIdSchema } from './primitives.js';

/** Roles inside the team: trưởng đoàn (lead), phó (deputy), thành viên (member), thư ký (secretary). */
export const TeamRoleSchema = z.enum(['lead', 'deputy', 'member', 'secretary']);
export type TeamRole = z.infer<typeof TeamRoleSchema>;

/** Vietnamese labels of team roles. */
export const TEAM_ROLE_LABELS: Record<TeamRole, { vi: string; en: string }> = {
  lead: { vi: 'Tổ trưởng', en: 'Team lead' },
  deputy: { vi: 'Tổ phó', en: 'Deputy lead' },
  member: { vi: 'Thành viên', en: 'Member' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
};

/** Where a member comes from, as the plan lists the team (II.3). */
export const MemberSourceSchema = z.enum(['inspectorate', 'it_division', 'health', 'district_culture_info', 'other']);
export type MemberSource = z.infer<typeof MemberSourceSchema>;

/**
 * One member of the team, with the body they come from.
 *
 * @example
 * ```ts
 * TeamMemberSchema.parse({ personId: 'p-1', role: 'lead', organizationId: 'org-ttra', source: 'inspectorate', districtCode: null })
 * ```
 */
export const TeamMemberSchema = z.strictObject({
  personId: IdSchema,
  role: TeamRoleSchema,
  organizationId: IdSchema,
  source: MemberSourceSchema,
  /** For a district Culture and Information representative: the district (GSO code). */
  districtCode: z
    .string()
    .regex(/^\d{3}$/)
    .nullable(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

/**
 * The inspection team ("Tổ Kiểm tra PC-Covid"). Exactly one lead; each person at most once.
 *
 * @example
 * ```ts
 * TeamSchema.parse({ tenantId: '42', id: 't-1', campaignId: 'c-1', name: 'Tổ Kiểm tra PC-Covid', members: [...] })
 * ```
 */
export const TeamSchema = z
  .object({
    tenantId: TenantIdSchema,
    id: IdSchema,
    campaignId: IdSchema,
    name: ShortTextSchema,
    members: boundedList(TeamMemberSchema, INPUT_LIMITS.lists.teamMembers, 'thành viên / members').min(1),
  })
  .superRefine((team, ctx) => {
    const leads = team.members.filter((m) => m.role === 'lead').length;
    if (leads !== 1) ctx.addIssue({ code: 'custom', path: ['members'], message: `a team has exactly one lead (found ${leads})` });
    const seen = new Set<string>();
    team.members.forEach((m, i) => {
      if (seen.has(m.personId)) ctx.addIssue({ code: 'custom', path: ['members', i, 'personId'], message: 'a person appears twice' });
      seen.add(m.personId);
      if (m.source === 'district_culture_info' && m.districtCode === null)
        ctx.addIssue({ code: 'custom', path: ['members', i, 'districtCode'], message: 'a district representative needs a district code' });
    });
  });
export type Team = z.infer<typeof TeamSchema>;
