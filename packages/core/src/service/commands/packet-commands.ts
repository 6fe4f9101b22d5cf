import { z } from 'zod';
import { ChecklistItemResponseSchema, type ChecklistItemResponse } from '../../entities/checklist-response.js';
import { ChecklistTemplateSchema } from '../../entities/checklist-template.js';
import { LocationQrPointSchema } from '../../entities/location-qr-point.js';
import { atMostKeys, IdSchema, INPUT_LIMITS, InstantSchema, ShortTextSchema } from '../../entities/primitives.js';
import { TargetSchema } from '../../entities/target.js';
import { TargetTypeSchema } from '../../entities/target-type.js';
import { canonicalJson } from '../../internal/canonical-json.js';
import { RoleSchema } from '../../policy/roles.js';
import { defineCommand, defineQuery } from '../define-command.js';
import { COLLECTIONS, stateOf } from '../records.js';
import { load, nowIso, templateFor } from '../service-context.js';
import { LEADERSHIP, ON_SITE } from './command-roles.js';
import { STEP_ERRORS, VisitIdInput, loadVisit } from './command-common.js';
import { assertOnVisitTeam, saveAnswers, startedVisit } from './visit-commands.js';

/** The format tag of a visit packet; a device refuses a packet of another format. */
export const VISIT_PACKET_FORMAT = 'pccovid-inspect/visit-packet@1';

/**
 * What an inspector's device takes into the field for ONE visit: the visit, its unit (name, type,
 * address, the registered QR points — no representative, no contacts), the pinned checklist
 * template, the answers recorded so far and the visit's version. Nothing of any other unit.
 *
 * @example
 * ```ts
 * const packet = VisitPacketSchema.parse(await service.exportVisitPacket(member, { visitId: 'visit-03' }));
 * ```
 */
export const VisitPacketSchema = z.strictObject({
  format: z.literal(VISIT_PACKET_FORMAT),
  tenantId: z.string().min(1),
  exportedAt: InstantSchema,
  exportedFor: z.strictObject({ role: RoleSchema, id: IdSchema }),
  visit: z.strictObject({
    id: IdSchema,
    campaignId: IdSchema,
    targetId: IdSchema,
    districtCode: z.string(),
    scheduledOn: z.string(),
    memberIds: z.array(IdSchema),
    startedAt: InstantSchema.nullable(),
    state: z.string(),
    /** The visit's version when exported: what `mergeVisitPacket` compares against. */
    version: z.number().int().positive(),
  }),
  target: z.strictObject({
    id: IdSchema,
    name: ShortTextSchema,
    type: TargetTypeSchema,
    districtCode: z.string(),
    address: ShortTextSchema,
    qrPoints: z.array(LocationQrPointSchema),
  }),
  template: ChecklistTemplateSchema,
  /** The answers recorded when exported, by item: the base of every answer the device changes. */
  answers: z.record(IdSchema, ChecklistItemResponseSchema),
});
export type VisitPacket = z.infer<typeof VisitPacketSchema>;

/** One item the device changed while the server's answer changed too: reported, never overwritten. */
export interface PacketConflict {
  itemId: string;
  /** The answer the device started from (in the packet). */
  base: ChecklistItemResponse | null;
  /** The answer stored on the server now. */
  server: ChecklistItemResponse | null;
  /** The answer the device recorded. */
  device: ChecklistItemResponse;
}

/** Exports a visit's packet for an inspector's device (the visit's team, or leadership). */
export const exportVisitPacket = defineQuery({
  name: 'visitPacket.export',
  summary: {
    vi: 'Xuất gói dữ liệu một cuộc kiểm tra cho thiết bị của thành viên đoàn (làm việc không cần mạng)',
    en: "Exports one visit's packet for an inspector's device (target, template, earlier answers, version): offline work",
  },
  input: VisitIdInput,
  roles: [...new Set([...ON_SITE, ...LEADERSHIP])],
  errors: ['NOT_FOUND'],
  async run(ctx, actor, { visitId }): Promise<VisitPacket> {
    const v = await loadVisit(ctx, visitId);
    assertOnVisitTeam(actor, v.data, 'visitPacket.export');
    const t = (await load(ctx, COLLECTIONS.targets, v.data.visit.targetId, TargetSchema)).data;
    return {
      format: VISIT_PACKET_FORMAT,
      tenantId: ctx.tenant.id,
      exportedAt: nowIso(ctx),
      exportedFor: { role: actor.role, id: actor.id },
      visit: {
        id: v.id,
        campaignId: v.data.visit.campaignId,
        targetId: v.data.visit.targetId,
        districtCode: v.data.visit.districtCode,
        scheduledOn: v.data.visit.scheduledOn,
        memberIds: [...v.data.visit.memberIds],
        startedAt: v.data.visit.startedAt,
        state: stateOf(v.data.lifecycle),
        version: v.version,
      },
      target: { id: t.id, name: t.name, type: t.type, districtCode: t.districtCode, address: t.address, qrPoints: t.qrPoints },
      template: templateFor(ctx, v.data.visit.checklist),
      answers: { ...(v.data.response?.answers ?? {}) },
    };
  },
});

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * Applies what a device recorded offline: the start (when the visit had not started on the
 * server), and the answers, item by item. An item whose answer on the server is still the one the
 * device started from is applied; one the server already holds is skipped; one changed on the
 * server meanwhile is a conflict — reported with the three answers, never overwritten. Everything
 * else is applied in one commit, checked like `recordAnswers`; the checklist is completed only
 * when asked and nothing conflicted.
 */
export const mergeVisitPacket = defineCommand({
  name: 'visitPacket.merge',
  summary: {
    vi: 'Đồng bộ kết quả ghi nhận không cần mạng vào cuộc kiểm tra; báo từng nội dung bị thay đổi song song',
    en: 'Merges answers recorded offline into the visit; every item changed elsewhere meanwhile is reported, never overwritten',
  },
  input: VisitIdInput.extend({
    /** The packet's `visit.version`. */
    baseVersion: z.number().int().positive(),
    /** The packet's answers of the items the device changed (`null`: none then). */
    base: z.record(IdSchema, ChecklistItemResponseSchema.nullable()).refine(...atMostKeys(INPUT_LIMITS.lists.answers, 'câu trả lời gốc / base answers')),
    answers: z.record(IdSchema, ChecklistItemResponseSchema).refine(...atMostKeys(INPUT_LIMITS.lists.answers, 'câu trả lời / answers')),
    /** When the device started the visit offline (ignored when the server has it started). */
    startedAt: InstantSchema.optional(),
    complete: z.boolean().default(false),
  }),
  roles: ON_SITE,
  errors: STEP_ERRORS,
  async run(ctx, actor, cmd) {
    const v = await loadVisit(ctx, cmd.visitId);
    assertOnVisitTeam(actor, v.data, 'visitPacket.merge');
    const server = v.data.response?.answers ?? {};
    const apply: Record<string, ChecklistItemResponse> = {};
    const skipped: string[] = [];
    const conflicts: PacketConflict[] = [];
    for (const [itemId, device] of Object.entries(cmd.answers)) {
      const now = server[itemId] ?? null;
      const base = cmd.base[itemId] ?? null;
      if (same(now, device)) skipped.push(itemId);
      else if (v.version === cmd.baseVersion || same(now, base)) apply[itemId] = device;
      else conflicts.push({ itemId, base, server: now, device });
    }
    let record = { version: v.version, data: v.data };
    let writes: Awaited<ReturnType<typeof startedVisit>>['writes'] = [];
    const startHere = v.data.visit.startedAt === null && cmd.startedAt !== undefined;
    if (startHere) {
      const started = await startedVisit(ctx, v.data, cmd.startedAt!);
      record = { version: v.version, data: started.next };
      writes = started.writes;
    }
    const complete = cmd.complete && conflicts.length === 0;
    const outcome = { applied: Object.keys(apply), skipped, conflicts, completed: complete };
    if (!startHere && Object.keys(apply).length === 0 && !complete) {
      return { id: v.id, state: stateOf(v.data.lifecycle), version: v.version, verdict: v.data.verdict, ...outcome };
    }
    const res = await saveAnswers(ctx, actor, 'visitPacket.merge', record, apply, complete, { conflicts: conflicts.map((c) => c.itemId), startedOffline: startHere }, writes);
    return { ...res, ...outcome };
  },
});
