import { z } from 'zod';
import { CivilDateSchema, TextSchema } from '../../entities/primitives.js';
import { parseOrThrow } from '../../internal/parse.js';
import { DocumentKindSchema } from './document-kind.js';
import { DocumentHeaderSchema } from './document-header.js';
import { DocumentTitleSchema } from './document-title.js';
import { BodyBlockSchema } from './body-block.js';
import { SignatureBlockSchema } from './signature-block.js';
import { RecipientsBlockSchema } from './recipients-block.js';
import { DocumentAppendixSchema } from './document-appendix.js';

/**
 * An official document as renderer-agnostic blocks, laid out by a `DocumentRenderer` to
 * Decree 30/2020: header (bodies, number, national title, place and date), title and summary
 * (or a "V/v …" line for an official letter), "Kính gửi", body blocks, signature block,
 * "Nơi nhận", appendices, and page numbers from page 2. Core's builders make these from domain
 * data; a province may also write one by hand.
 *
 * @example
 * ```ts
 * const doc = OfficialDocumentSchema.parse({
 *   kind: 'TB',
 *   header: { issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: { number: 3, symbol: 'TB-STTTT' },
 *             placeAndDate: { place: 'Hà Tĩnh', date: '2021-12-20' } },
 *   title: { type: 'THÔNG BÁO', summary: 'Kết quả kiểm tra' },
 *   body: [{ type: 'paragraph', runs: [{ text: 'Nội dung thông báo./.' }] }],
 * });
 * ```
 */
export const OfficialDocumentSchema = z
  .object({
    /** The kind (type code). */
    kind: DocumentKindSchema,
    /** The header blocks. */
    header: DocumentHeaderSchema,
    /** Type title and summary; `null` for an official letter (công văn). @default null */
    title: DocumentTitleSchema.nullable().default(null),
    /** "Kính gửi:" addressees (one prints inline, several as a list). @default [] */
    addressees: z.array(TextSchema).default([]),
    /** The body blocks, in order. @default [] */
    body: z.array(BodyBlockSchema).default([]),
    /** The signature block; `null` for none. @default null */
    signature: SignatureBlockSchema.nullable().default(null),
    /** The "Nơi nhận" block; `null` for none (e.g. minutes). @default null */
    recipients: RecipientsBlockSchema.nullable().default(null),
    /** Appendices, each from a new page. @default [] */
    appendices: z.array(DocumentAppendixSchema).default([]),
    /** Page numbers: centred at the top from page 2 (Decree 30), or none. @default 'fromSecondPage' */
    pageNumbers: z.enum(['fromSecondPage', 'none']).default('fromSecondPage'),
    /**
     * The document's own date when its header prints none (minutes: the day of the meeting), for
     * the file's metadata; a header's place-and-date line wins. Not printed. Optional.
     */
    date: CivilDateSchema.optional(),
  })
  .superRefine((doc, ctx) => {
    if (doc.kind === 'CV') {
      if (doc.title !== null) ctx.addIssue({ code: 'custom', path: ['title'], message: 'an official letter (CV) has no title block; use header.subjectLine "V/v …"' });
      if (doc.header.subjectLine === null) ctx.addIssue({ code: 'custom', path: ['header', 'subjectLine'], message: 'an official letter (CV) needs its "V/v …" subject line' });
    } else if (doc.title === null) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: `a ${doc.kind} document needs a title block` });
    }
  });
/**
 * An official document, every default filled (the schema's output type).
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
 * const doc: OfficialDocument = buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
 * ```
 */
export type OfficialDocument = z.infer<typeof OfficialDocumentSchema>;
/**
 * An official document as a caller may write it, defaults optional (the schema's input type).
 *
 * @example
 * ```ts
 * const input: OfficialDocumentInput = { kind: 'KH', header: { issuingBody: 'SỞ TTTT', number: null, placeAndDate: null }, title: { type: 'KẾ HOẠCH' } };
 * ```
 */
export type OfficialDocumentInput = z.input<typeof OfficialDocumentSchema>;

/**
 * Validates a document (e.g. one written by hand or read back from JSON), fills its defaults and
 * normalises its text to NFC. Throws `ValidationError` with every issue's path.
 *
 * @example
 * ```ts
 * const doc = parseOfficialDocument(JSON.parse(json));
 * ```
 */
export function parseOfficialDocument(input: unknown): OfficialDocument {
  return parseOrThrow(OfficialDocumentSchema, input, 'OfficialDocument');
}

/**
 * File metadata derived from a document, the same for every renderer: the title
 * ("KẾ HOẠCH Kiểm tra việc …", or the "V/v …" line of a letter), subject (the summary) and author
 * (the issuing body).
 *
 * @example
 * ```ts
 * describeOfficialDocument(doc).title // 'KẾ HOẠCH Kiểm tra việc triển khai hệ thống PC-Covid …'
 * ```
 */
export function describeOfficialDocument(doc: OfficialDocument): { title: string; subject: string; author: string; keywords: string } {
  const summary = doc.title?.summary ?? doc.header.subjectLine ?? '';
  const title = doc.title ? [doc.title.type, doc.title.summary].filter(Boolean).join(' ') : summary;
  const author = [doc.header.parentBody, doc.header.issuingBody].filter(Boolean).join(' - ');
  return { title, subject: summary, author, keywords: doc.kind };
}
