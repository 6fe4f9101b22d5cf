import { z } from 'zod';
import { NumberSymbolSchema } from './document-reference.js';
import { boundedText, CivilDateSchema, CountSchema, IdSchema, INPUT_LIMITS, InstantSchema, ShortTextSchema, TextSchema } from './primitives.js';

/** A lower-case hex SHA-256 digest of a stored file. */
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256 digest (64 characters)');

/** Where a stored file lives: a storage key or a URI (never the bytes themselves). */
const FileReferenceSchema = boundedText({ max: INPUT_LIMITS.text.uri, multiline: false });

/**
 * A directive or publicity document the unit issued (văn bản chỉ đạo, tuyên truyền): the
 * evidence for checklist item a2.
 *
 * @example
 * ```ts
 * DocumentEvidenceSchema.parse({ kind: 'document', id: 'ev-1', numberSymbol: '125/UBND-VP',
 *   issuedOn: '2021-11-15', issuer: 'UBND huyện Can Lộc',
 *   summary: 'Về việc triển khai cài đặt PC-Covid và tạo mã QR địa điểm' })
 * ```
 */
export const DocumentEvidenceSchema = z.strictObject({
  kind: z.literal('document'),
  id: IdSchema,
  /** Number and symbol, e.g. "125/UBND-VP". */
  numberSymbol: NumberSymbolSchema,
  /** Issue date (civil date, YYYY-MM-DD). */
  issuedOn: CivilDateSchema,
  /** Issuing body as printed, e.g. "UBND huyện Can Lộc". */
  issuer: ShortTextSchema,
  /** Summary line (trích yếu). */
  summary: TextSchema,
});
export type DocumentEvidence = z.infer<typeof DocumentEvidenceSchema>;

/**
 * What a checklist plugin's evidence verifier found in a photo (e.g. the QR code it shows), as
 * stored with the answer. Only the service writes it: `recordAnswers` (and a visit packet merge)
 * drop any `verification` sent with the answers and stamp the one the verifier returns, in the
 * same audited commit. `by` names the verifier (`<plugin id>:<verifier name>`); `status` is the
 * verifier's own short code (`match`, `legacy`, `unreadable`…); `verifiedAt` is when the service
 * first recorded this result.
 *
 * @example
 * ```ts
 * EvidenceVerificationSchema.parse({ by: 'qr-verify:postedCodeMatches', status: 'legacy',
 *   payload: 'https://qr.tokhaiyte.vn/x1', reasonVi: 'Mã QR cũ (tokhaiyte).', reasonEn: 'A legacy QR code (tokhaiyte).',
 *   verifiedAt: '2021-12-07T02:10:00.000Z' })
 * ```
 */
export const EvidenceVerificationSchema = z.strictObject({
  /** The verifier: `<plugin id>:<verifier name>`, e.g. `qr-verify:postedCodeMatches`. */
  by: z
    .string()
    .max(INPUT_LIMITS.text.code)
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*:[a-z][A-Za-z0-9]*$/, 'a verifier: "<plugin id>:<verifier name>"'),
  /** The verifier's result code: lower-case kebab-case, e.g. `match`, `other-target`, `unreadable`. */
  status: z
    .string()
    .max(40)
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'a status code in lower-case kebab-case'),
  /** What was read from the evidence (e.g. the decoded QR text), if anything. */
  payload: boundedText({ max: INPUT_LIMITS.text.uri, multiline: true }).optional(),
  /** The location code found in it, if any. */
  locationCode: boundedText({ max: INPUT_LIMITS.text.code, multiline: false }).optional(),
  /** Why, in Vietnamese. */
  reasonVi: TextSchema,
  /** Why, in English. */
  reasonEn: TextSchema,
  /** When the service recorded this result (UTC instant). */
  verifiedAt: InstantSchema,
});
export type EvidenceVerification = z.infer<typeof EvidenceVerificationSchema>;

/**
 * A photo taken during the visit, e.g. of the location QR code posted at the entrance
 * (required when checklist item b2 is met). Only a reference to the stored file is kept.
 *
 * @example
 * ```ts
 * PhotoEvidenceSchema.parse({ kind: 'photo', id: 'ev-2', uri: 'visits/v-1/b2-gate.jpg',
 *   caption: 'Mã QR PC-Covid niêm yết tại cổng chính', takenAt: '2021-12-14T02:30:00Z' })
 * ```
 */
export const PhotoEvidenceSchema = z.strictObject({
  kind: z.literal('photo'),
  id: IdSchema,
  /** Storage key or URI of the image. */
  uri: FileReferenceSchema,
  /** SHA-256 of the image bytes, when the capture device computed it. */
  sha256: Sha256Schema.optional(),
  /** What the photo shows, e.g. "Mã QR niêm yết tại bộ phận một cửa". */
  caption: ShortTextSchema,
  /** When the photo was taken (UTC instant). */
  takenAt: InstantSchema,
  /**
   * What a plugin's evidence verifier found in the photo, stamped by the service when the answer
   * is recorded; a value sent in by a client is dropped, never stored or trusted.
   */
  verification: EvidenceVerificationSchema.optional(),
});
export type PhotoEvidence = z.infer<typeof PhotoEvidenceSchema>;

/**
 * A screenshot of portal statistics (e.g. the scan statistics page of
 * http://quanly.pccovid.gov.vn), the evidence for checklist item c1.
 *
 * @example
 * ```ts
 * ScreenshotEvidenceSchema.parse({ kind: 'screenshot', id: 'ev-3', uri: 'visits/v-1/c1.png',
 *   caption: 'Thống kê lượt quét 7 ngày', takenAt: '2021-12-14T03:00:00Z',
 *   sourceUrl: 'http://quanly.pccovid.gov.vn' })
 * ```
 */
export const ScreenshotEvidenceSchema = z.strictObject({
  kind: z.literal('screenshot'),
  id: IdSchema,
  /** Storage key or URI of the image. */
  uri: FileReferenceSchema,
  /** SHA-256 of the image bytes, if known. */
  sha256: Sha256Schema.optional(),
  /** What the screenshot shows. */
  caption: ShortTextSchema,
  /** When it was captured (UTC instant). */
  takenAt: InstantSchema,
  /** The page it was taken from, if known. */
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(INPUT_LIMITS.text.uri)
    .optional(),
});
export type ScreenshotEvidence = z.infer<typeof ScreenshotEvidenceSchema>;

/**
 * A counted figure read on site, e.g. the number of scans recorded on a given day.
 *
 * @example
 * ```ts
 * CountEvidenceSchema.parse({ kind: 'count', id: 'ev-4', what: 'Lượt quét mã QR ngày 13/12/2021',
 *   value: 37, asOf: '2021-12-13' })
 * ```
 */
export const CountEvidenceSchema = z.strictObject({
  kind: z.literal('count'),
  id: IdSchema,
  /** What was counted, e.g. "Lượt quét mã QR ngày 13/12/2021". */
  what: ShortTextSchema,
  /** The figure (non-negative integer). */
  value: CountSchema,
  /** The civil day the figure refers to, if it refers to one. */
  asOf: CivilDateSchema.optional(),
});
export type CountEvidence = z.infer<typeof CountEvidenceSchema>;

/**
 * One piece of evidence attached to a checklist answer, discriminated on `kind`.
 *
 * @example
 * ```ts
 * const evidence = EvidenceSchema.parse(input);
 * if (evidence.kind === 'document') console.log(evidence.numberSymbol);
 * ```
 */
export const EvidenceSchema = z.discriminatedUnion('kind', [DocumentEvidenceSchema, PhotoEvidenceSchema, ScreenshotEvidenceSchema, CountEvidenceSchema]);
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * The kinds of evidence (`document`, `photo`, `screenshot`, `count`).
 *
 * @example
 * ```ts
 * EvidenceKindSchema.parse('photo') // 'photo'
 * ```
 */
export const EvidenceKindSchema = z.enum(['document', 'photo', 'screenshot', 'count']);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;
