import { z } from 'zod';
import { isCivilDate } from '../text/civil-date.js';

/**
 * Shared field schemas. Every string that enters is NFC-normalised here, once, at the boundary,
 * and bounded: every text field and every list has a maximum (`INPUT_LIMITS`, documented in
 * docs/guides/running-a-campaign.md, "Limits on input / Giới hạn dữ liệu").
 */

/**
 * The maximum length of every kind of text, in UTF-16 code units after NFC normalisation and
 * trimming (a Vietnamese letter in NFC is one unit), and the maximum number of elements of
 * every list an input may hold. A longer text or list is `VALIDATION_FAILED` at its path.
 *
 * @example
 * ```ts
 * INPUT_LIMITS.text.short // 300: a name, a title, a position, a label
 * INPUT_LIMITS.lists.teamMembers // 100
 * ```
 */
export const INPUT_LIMITS = Object.freeze({
  text: Object.freeze({
    /** An id (`IdSchema`). */
    id: 128,
    /** A tenant id. */
    tenantId: 64,
    /** One line: a name, a title, a position, a label, an address, a caption (`ShortTextSchema`). */
    short: 300,
    /** Free text that may run over several lines: a note, an assessment, a summary, a reason (`TextSchema`). */
    long: 10_000,
    /** A file reference or a URL. */
    uri: 2_048,
    /** A document's number and symbol ("7641/UBND-VX1"), a plan symbol, an abbreviation, a version. */
    code: 100,
    /** A checklist version with its plugins ("1+qr-verify@1+market-guide@2"). */
    version: 1_000,
  }),
  lists: Object.freeze({
    /** Legal bases a plan cites. */
    legalBasis: 50,
    /** Purposes, target types, lead bodies of a plan. */
    planItems: 50,
    /** Bodies asked to nominate members; recipients of a document. */
    bodies: 200,
    /** Members of the team; members assigned to one visit. */
    teamMembers: 100,
    /** QR points registered for one target. */
    qrPoints: 200,
    /** The unit's representatives named in the minutes. */
    representatives: 20,
    /** Findings of one minutes (one per checklist item). */
    findings: 1_000,
    /** Remediation requests of one minutes or remediation. */
    requests: 100,
    /** Reminders sent for one remediation. */
    reminders: 50,
    /** Sections of a checklist; items of one section. */
    checklistSections: 100,
    checklistItems: 200,
    /** Rules of one checklist item; fields of one answer type; answer types and plugins of a template. */
    checklistRules: 50,
    checklistFields: 50,
    answerTypes: 100,
    plugins: 20,
    /** Answers recorded for one checklist (one per item). */
    answers: 1_000,
    /** Evidence attached to one answer. */
    evidence: 50,
    /** Organisations or people registered in one call; admin units given to the service. */
    directory: 5_000,
  }),
});

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Characters text may never hold: C0 controls (tab, LF and CR only in multi-line text), DEL and
 * the C1 controls, an unpaired surrogate, and the noncharacters U+FFFE and U+FFFF.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first character `text` may not hold, as a Vietnamese-first message naming it as U+XXXX, or
 * null when there is none.
 *
 * @example
 * ```ts
 * forbiddenCharacterIn('Chợ\u0000', { multiline: false }) // 'ký tự điều khiển U+0000 không được phép / …'
 * forbiddenCharacterIn('Dòng 1\nDòng 2', { multiline: true }) // null
 * ```
 */
export function forbiddenCharacterIn(text: string, options: { multiline: boolean }): string | null {
  const match = (options.multiline ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE).exec(text);
  if (match === null) return null;
  const code = match[0].charCodeAt(0);
  const at = hex(code);
  if (code >= 0xd800 && code <= 0xdfff) return `nửa cặp thay thế (surrogate) lẻ ${at} không được phép / an unpaired surrogate ${at} is not allowed`;
  if (code === 0xfffe || code === 0xffff) return `ký tự không dùng (noncharacter) ${at} không được phép / the noncharacter ${at} is not allowed`;
  if (!options.multiline && (code === 0x09 || code === 0x0a || code === 0x0d)) {
    return `ký tự điều khiển ${at} không được phép trong văn bản một dòng / the control character ${at} is not allowed in single-line text`;
  }
  return `ký tự điều khiển ${at} không được phép / the control character ${at} is not allowed`;
}

/** `n` as a Vietnamese count ("10.000"). */
const count = (n: number): string => n.toLocaleString('vi-VN');

/**
 * A bounded text schema: NFC-normalised and trimmed, then checked — not empty (unless
 * `allowEmpty`), at most `max` code units, no forbidden character (see `forbiddenCharacterIn`).
 * Every refusal is one issue at the field's path, Vietnamese first.
 *
 * @example
 * ```ts
 * const CodeSchema = boundedText({ max: 20, multiline: false });
 * CodeSchema.parse('  KH-STTTT ') // 'KH-STTTT'
 * ```
 */
export function boundedText(options: { max: number; multiline: boolean; allowEmpty?: boolean }): z.ZodString {
  const { max, multiline, allowEmpty = false } = options;
  return z
    .string()
    .overwrite((s) => s.normalize('NFC').trim())
    .superRefine((s, ctx) => {
      if (s.length === 0) {
        if (!allowEmpty) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: s, message: 'không được để trống / must not be empty' });
        return;
      }
      if (s.length > max) {
        ctx.addIssue({
          code: 'too_big',
          origin: 'string',
          maximum: max,
          inclusive: true,
          input: s,
          message: `quá dài: ${count(s.length)} ký tự, tối đa ${count(max)} / too long: ${s.length} characters, at most ${max}`,
        });
        return;
      }
      const forbidden = forbiddenCharacterIn(s, { multiline });
      if (forbidden !== null) ctx.addIssue({ code: 'custom', input: s, message: forbidden });
    });
}

/**
 * A list of at most `max` elements (`message` says what they are, Vietnamese first).
 *
 * @example
 * ```ts
 * boundedList(IdSchema, 3, 'thành viên / members').parse(['a', 'b'])
 * ```
 */
export function boundedList<T extends z.ZodType>(element: T, max: number, what: string): z.ZodArray<T> {
  const [vi, en] = what.split(' / ');
  return z.array(element).max(max, `quá nhiều ${vi}: tối đa ${count(max)} / too many ${en ?? vi}: at most ${max}`);
}

/** A refinement bounding the number of keys of a record (zod's records have no `.max`). */
export function atMostKeys(max: number, what: string): [(r: Record<string, unknown>) => boolean, { message: string }] {
  const [vi, en] = what.split(' / ');
  return [(r) => Object.keys(r).length <= max, { message: `quá nhiều ${vi}: tối đa ${count(max)} / too many ${en ?? vi}: at most ${max}` }];
}

/** A non-empty NFC string of one line (trimmed), at most `INPUT_LIMITS.text.short` (300): a name, a title, a position, a label. */
export const ShortTextSchema = boundedText({ max: INPUT_LIMITS.text.short, multiline: false });
/** A non-empty NFC string (trimmed), at most `INPUT_LIMITS.text.long` (10,000); tab, LF and CR allowed: free text. */
export const TextSchema = boundedText({ max: INPUT_LIMITS.text.long, multiline: true });
/** A possibly empty NFC string (trimmed), at most `INPUT_LIMITS.text.long` (10,000); tab, LF and CR allowed. */
export const OptionalTextSchema = boundedText({ max: INPUT_LIMITS.text.long, multiline: true, allowEmpty: true });

/** An identifier: 1–128 chars of letters, digits, `-`, `_`, `.`, `:`. */
export const IdSchema = z
  .string()
  .min(1, 'không được để trống / must not be empty')
  .max(INPUT_LIMITS.text.id, `quá dài: tối đa ${INPUT_LIMITS.text.id} ký tự / too long: at most ${INPUT_LIMITS.text.id} characters`)
  .regex(/^[A-Za-z0-9._:-]+$/, 'ids use letters, digits and - _ . : only');

/** A tenant id as stored on every record: 1–64 letters, digits, `-` or `_` (as `TenantSchema.id`). */
export const TenantIdSchema = z
  .string()
  .min(1, 'không được để trống / must not be empty')
  .max(INPUT_LIMITS.text.tenantId, `quá dài: tối đa ${INPUT_LIMITS.text.tenantId} ký tự / too long: at most ${INPUT_LIMITS.text.tenantId} characters`)
  .regex(/^[A-Za-z0-9_-]+$/, 'a tenant id uses letters, digits, - and _ only');

/** A civil date `YYYY-MM-DD` in Asia/Ho_Chi_Minh (see `civilDateOf`). */
export const CivilDateSchema = z.string().refine(isCivilDate, 'must be a real YYYY-MM-DD date');

/** An instant: ISO 8601 UTC with `Z`. */
export const InstantSchema = z.iso.datetime({ offset: false, message: 'must be an ISO 8601 UTC instant ending in Z' });

/** A civil date range, `from` ≤ `to`. */
export const CivilDateRangeSchema = z
  .object({ from: CivilDateSchema, to: CivilDateSchema })
  .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`', path: ['to'] });
export type CivilDateRange = z.infer<typeof CivilDateRangeSchema>;

/** A bilingual label: Vietnamese first, English beside it (each at most `INPUT_LIMITS.text.long`). */
export const BilingualTextSchema = z.strictObject({ vi: TextSchema, en: TextSchema });
export type BilingualText = z.infer<typeof BilingualTextSchema>;

/** A bilingual one-line label (a title, a field label), each at most `INPUT_LIMITS.text.short`. */
export const BilingualShortTextSchema = z.strictObject({ vi: ShortTextSchema, en: ShortTextSchema });

/** A non-negative integer count. */
export const CountSchema = z.number().int().nonnegative();

/** A province code (GSO, two digits: "42" for Hà Tĩnh). */
export const ProvinceCodeSchema = z.string().regex(/^\d{2}$/, 'a GSO province code has two digits');
