import { z } from 'zod';
import { IdSchema } from '../entities/primitives.js';

/**
 * Who acts. `director`: the Department's director or deputy who signs; `inspectorateLead`: the
 * Chief Inspector who leads the team; `teamMember` and `secretary`: members of the team;
 * `healthRepresentative` and `districtRepresentative`: the partners' nominees;
 * `provincialViewer`: the Provincial People's Committee's staff; `targetRepresentative`: a person of
 * an inspected unit.
 */
export const RoleSchema = z.enum([
  'director',
  'inspectorateLead',
  'teamMember',
  'secretary',
  'healthRepresentative',
  'districtRepresentative',
  'provincialViewer',
  'targetRepresentative',
]);
export type Role = z.infer<typeof RoleSchema>;

/**
 * The actor of a command or query: a role, a pseudonymous id, and the scope of roles that are
 * scoped (a district representative's district; a target representative's target).
 *
 * @example
 * ```ts
 * const lead: Actor = { role: 'inspectorateLead', id: 'p-lead' };
 * const rep: Actor = { role: 'targetRepresentative', id: 'p-rep', targetId: 'tg-cho-ht' };
 * ```
 */
export const ActorSchema = z
  .object({
    role: RoleSchema,
    id: IdSchema,
    districtCode: z
      .string()
      .regex(/^\d{3}$/)
      .optional(),
    targetId: IdSchema.optional(),
  })
  .refine((a) => a.role !== 'districtRepresentative' || a.districtCode !== undefined, {
    message: 'a district representative acts for one district',
    path: ['districtCode'],
  })
  .refine((a) => a.role !== 'targetRepresentative' || a.targetId !== undefined, {
    message: 'a target representative acts for one target',
    path: ['targetId'],
  });
export type Actor = z.infer<typeof ActorSchema>;
