import { NumberSymbolSchema } from './document-reference.js';
import { z } from 'zod';
import { FindingSchema } from './finding.js';
import { boundedList, CivilDateSchema, IdSchema, INPUT_LIMITS, InstantSchema, ShortTextSchema, TenantIdSchema, TextSchema } from './primitives.js';

/** A person present for the inspected unit (name and position only). */
export const UnitRepresentativeSchema = z.strictObject({ fullName: ShortTextSchema, position: ShortTextSchema });
export type UnitRepresentative = z.infer<typeof UnitRepresentativeSchema>;

/** A request the team makes of the unit, with its deadline. */
export const RemediationRequestSchema = z.strictObject({ text: TextSchema, dueOn: CivilDateSchema });
export type RemediationRequest = z.infer<typeof RemediationRequestSchema>;

/**
 * The minutes of a visit (Biên bản kiểm tra): opening facts, findings item by item, the unit's
 * explanation, the team's assessment and requests, and two signatures — or a recorded refusal.
 *
 * @example
 * ```ts
 * MinutesSchema.parse({ tenantId: '42', id: 'bb-1', visitId: 'v-1', numberSymbol: null, startedAt: '2021-12-07T01:30:00.000Z',
 *   endedAt: '2021-12-07T03:00:00.000Z', place: 'Chợ Hà Tĩnh', representatives: [{ fullName: 'Nguyễn Văn A', position: 'Trưởng Ban quản lý chợ' }],
 *   findings: [], explanation: null, assessment: 'Đơn vị đã triển khai cơ bản đầy đủ.', requests: [],
 *   signatures: { unitRepresentative: null, teamLead: null }, refusal: null })
 * ```
 */
export const MinutesSchema = z
  .object({
    tenantId: TenantIdSchema,
    id: IdSchema,
    visitId: IdSchema,
    numberSymbol: NumberSymbolSchema.nullable(),
    startedAt: InstantSchema,
    endedAt: InstantSchema,
    place: ShortTextSchema,
    representatives: boundedList(UnitRepresentativeSchema, INPUT_LIMITS.lists.representatives, 'người đại diện / representatives').min(
      1,
      'minutes name at least one representative of the unit',
    ),
    findings: boundedList(FindingSchema, INPUT_LIMITS.lists.findings, 'kết quả / findings'),
    explanation: TextSchema.nullable(),
    assessment: TextSchema,
    requests: boundedList(RemediationRequestSchema, INPUT_LIMITS.lists.requests, 'yêu cầu khắc phục / remediation requests'),
    signatures: z.strictObject({
      unitRepresentative: z.strictObject({ signedAt: InstantSchema }).nullable(),
      teamLead: z.strictObject({ signedAt: InstantSchema }).nullable(),
    }),
    refusal: z.strictObject({ reason: TextSchema, recordedAt: InstantSchema }).nullable(),
  })
  .refine((m) => Date.parse(m.startedAt) <= Date.parse(m.endedAt), { message: 'the minutes end after they start', path: ['endedAt'] })
  .refine((m) => !(m.refusal && m.signatures.unitRepresentative), {
    message: 'a refusal and a unit signature exclude each other',
    path: ['refusal'],
  });
export type Minutes = z.infer<typeof MinutesSchema>;
