import { z } from 'zod';
import { TextSchema } from '../../../entities/primitives.js';

/**
 * A member of an inspection team as documents list them: honorific, name, position and
 * organisation, and role in the team (lead, deputy, member, secretary).
 *
 * @example
 * ```ts
 * DocumentTeamMemberInputSchema.parse({
 *   honorific: 'Ông', fullName: 'Nguyễn Văn An', position: 'Chánh Thanh tra Sở',
 *   organization: 'Sở Thông tin và Truyền thông', role: 'lead',
 * })
 * ```
 */
export const DocumentTeamMemberInputSchema = z.strictObject({
  /** "Ông" or "Bà"; `null` to print the name alone. @default null */
  honorific: z.enum(['Ông', 'Bà']).nullable().default(null),
  fullName: TextSchema,
  /** Position in their organisation ("Chánh Thanh tra Sở"). */
  position: TextSchema,
  /** The organisation they come from ("Sở Y tế Hà Tĩnh"). */
  organization: TextSchema,
  /** Role in the team. */
  role: z.enum(['lead', 'deputy', 'member', 'secretary']),
});
/**
 * A team member as a builder accepts it (see {@link DocumentTeamMemberInputSchema}).
 *
 * @example
 * ```ts
 * const m: DocumentTeamMemberInput = { fullName: 'Trần Thị Bình', position: 'Chuyên viên', organization: 'Sở Y tế Hà Tĩnh', role: 'member' };
 * ```
 */
export type DocumentTeamMemberInput = z.input<typeof DocumentTeamMemberInputSchema>;

/**
 * Whether the team is a "Tổ" (tổ kiểm tra) or an "Đoàn" (đoàn kiểm tra); the role titles follow.
 *
 * @example
 * ```ts
 * InspectionTeamKindSchema.parse('to') // 'to'
 * ```
 */
export const InspectionTeamKindSchema = z.enum(['to', 'doan']);
/**
 * `'to'` (Tổ kiểm tra) or `'doan'` (Đoàn kiểm tra).
 *
 * @example
 * ```ts
 * const kind: InspectionTeamKind = 'doan';
 * ```
 */
export type InspectionTeamKind = z.infer<typeof InspectionTeamKindSchema>;

/**
 * Words for a team of each kind: its noun and the title of each role (Vietnamese; English:
 * team, lead, deputy, member, secretary).
 *
 * @example
 * ```ts
 * INSPECTION_TEAM_WORDS.doan.lead // 'Trưởng đoàn'
 * INSPECTION_TEAM_WORDS.to.noun   // 'Tổ kiểm tra'
 * ```
 */
export const INSPECTION_TEAM_WORDS = Object.freeze({
  to: Object.freeze({ noun: 'Tổ kiểm tra', lead: 'Tổ trưởng', deputy: 'Tổ phó', member: 'Thành viên', secretary: 'Thư ký', leadSignature: 'TỔ TRƯỞNG TỔ KIỂM TRA' }),
  doan: Object.freeze({ noun: 'Đoàn kiểm tra', lead: 'Trưởng đoàn', deputy: 'Phó Trưởng đoàn', member: 'Thành viên', secretary: 'Thư ký', leadSignature: 'TRƯỞNG ĐOÀN KIỂM TRA' }),
});

/** @internal Orders members lead, deputies, members, secretaries, keeping input order within a role. */
export function orderTeam<T extends { role: 'lead' | 'deputy' | 'member' | 'secretary' }>(members: readonly T[]): T[] {
  const rank = { lead: 0, deputy: 1, member: 2, secretary: 3 } as const;
  return members
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank[a.m.role] - rank[b.m.role] || a.i - b.i)
    .map((x) => x.m);
}

/** @internal "Ông Nguyễn Văn An" or "Nguyễn Văn An". */
export function personName(p: { honorific: 'Ông' | 'Bà' | null; fullName: string }): string {
  return p.honorific === null ? p.fullName : `${p.honorific} ${p.fullName}`;
}

/** @internal Adds an issue when a team does not have exactly one lead. */
export function checkOneLead(members: readonly { role: string }[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  const leads = members.filter((m) => m.role === 'lead').length;
  if (leads !== 1) ctx.addIssue({ code: 'custom', path, message: `a team needs exactly one lead (role "lead"), found ${leads}` });
}
