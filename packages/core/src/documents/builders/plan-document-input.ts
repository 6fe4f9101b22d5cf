import { z } from 'zod';
import { CivilDateSchema, TextSchema } from '../../entities/primitives.js';
import { DocumentIssuerInputSchema } from './inputs/document-issuer-input.js';
import { DocumentSignerInputSchema } from './inputs/document-signer-input.js';
import { LegalReferenceInputSchema } from './inputs/legal-reference-input.js';
import { RecipientsBlockSchema } from '../model/recipients-block.js';

/**
 * One line under a content item: a "- " bullet (the default) or a plain paragraph.
 *
 * @example
 * ```ts
 * PlanDetailLineSchema.parse({ text: 'Việc quán triệt, phổ biến …;' })
 * ```
 */
export const PlanDetailLineSchema = z.strictObject({
  /** The text with its own closing punctuation. */
  text: TextSchema,
  /** @default 'bullet' */
  style: z.enum(['bullet', 'paragraph']).default('bullet'),
});

/**
 * A content item of part II.1 — one point a), b), c) of what is checked.
 *
 * @example
 * ```ts
 * PlanContentItemSchema.parse({ title: 'Kiểm tra việc sử dụng phần mềm thống kê báo cáo', details: [{ text: '…;' }] })
 * ```
 */
export const PlanContentItemSchema = z.strictObject({
  /** The point's title, without the closing ":" (the builder adds it). */
  title: TextSchema,
  /** The lines under it. @default [] */
  details: z.array(PlanDetailLineSchema).default([]),
});

/**
 * The tasks of one party in part III (Tổ chức thực hiện): bullet tasks, or one sentence that runs
 * on after the party's name ("2. Các sở ban ngành …: Phối hợp và tạo điều kiện khi được kiểm tra.").
 *
 * @example
 * ```ts
 * PlanImplementationTaskSchema.parse({ party: 'Sở Thông tin và Truyền thông', tasks: ['Giao Thanh tra Sở chủ trì …'] })
 * ```
 */
export const PlanImplementationTaskSchema = z
  .object({
    /** Who, without the closing ":". */
    party: TextSchema,
    /** Bullet tasks, each with its own closing punctuation. @default [] */
    tasks: z.array(TextSchema).default([]),
    /** A sentence run on after the party's name. @default null */
    text: TextSchema.nullable().default(null),
  })
  .refine((t) => t.tasks.length > 0 || t.text !== null, { message: 'give the party `tasks` or a `text`', path: ['tasks'] });

/**
 * Everything a plan (Kế hoạch, KH) needs, as plain data. The builder lays it out in the shape of
 * the Hà Tĩnh 2021 plan: an opening paragraph from the documents it implements; I. purposes;
 * II. 1. content points a), b), c) — 2. time, place and form — 3. team composition (with the
 * nomination deadline); III. tasks per party; a closing request; recipients and signer.
 * Free-text fields carry their own closing punctuation; labels and colons are the builder's.
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
 * const doc = buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
 * ```
 */
export const PlanDocumentInputSchema = z.strictObject({
  issuer: DocumentIssuerInputSchema,
  /** The registered number, or `null` to leave it blank ("Số:      /KH-STTTT"). @default null */
  number: z.number().int().positive().nullable().default(null),
  /** The document date. */
  date: CivilDateSchema,
  /** Leave the day blank in the date line. @default false */
  blankDay: z.boolean().default(false),
  /** The summary under "KẾ HOẠCH". */
  summary: TextSchema,
  /** Legal bases printed as italic "Căn cứ …;" lines. @default [] */
  pursuantTo: z.array(LegalReferenceInputSchema).default([]),
  /** The directives the plan implements, cited in the opening "Thực hiện …" paragraph. */
  implementing: z.array(LegalReferenceInputSchema).min(1),
  /** What the plan is for, after "ban hành Kế hoạch" in the opening paragraph (lower case). */
  planSubject: TextSchema,
  /** Part I bullets (purposes and requirements), each with its closing punctuation. */
  purposes: z.array(TextSchema).min(1),
  /** Part II.1 points a), b), c) … */
  contentItems: z.array(PlanContentItemSchema).min(1),
  /** Part II.2. */
  schedule: z.strictObject({
    /** After "Thời gian kiểm tra: ", with closing punctuation. */
    time: TextSchema,
    /** After "Địa điểm: ", with closing punctuation. */
    places: TextSchema,
    /** Unannounced ("Đột xuất") or announced ("Theo kế hoạch, có thông báo trước"). */
    form: z.enum(['unannounced', 'announced']),
  }),
  /** Part II.3. */
  team: z.strictObject({
    /** After "Chủ trì: ", without closing punctuation. */
    lead: TextSchema,
    /** After "Đơn vị phối hợp: ", without closing punctuation. */
    coordinating: TextSchema,
    /** Who must nominate staff, and by when; `null` for no nomination request. @default null */
    nomination: z.strictObject({ bodies: TextSchema, deadline: CivilDateSchema }).nullable().default(null),
  }),
  /** Part III, one clause per party. */
  implementation: z.array(PlanImplementationTaskSchema).min(1),
  /** The closing request paragraph; "./." is added if missing. */
  closingRequest: TextSchema,
  recipients: RecipientsBlockSchema,
  signer: DocumentSignerInputSchema,
});
/**
 * A plan's data as a caller passes it (see {@link PlanDocumentInputSchema}).
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
 * const input: PlanDocumentInput = { ...HA_TINH_2021_PLAN_INPUT, number: 5 };
 * ```
 */
export type PlanDocumentInput = z.input<typeof PlanDocumentInputSchema>;
