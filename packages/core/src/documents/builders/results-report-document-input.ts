import { z } from 'zod';
import { CivilDateRangeSchema, CivilDateSchema, CountSchema, TextSchema, OptionalTextSchema } from '../../entities/primitives.js';
import { DocumentIssuerInputSchema } from './inputs/document-issuer-input.js';
import { DocumentSignerInputSchema } from './inputs/document-signer-input.js';
import { LegalReferenceInputSchema } from './inputs/legal-reference-input.js';
import { VerdictSchema } from '../../entities/finding.js';
import { RecipientsBlockSchema } from '../model/recipients-block.js';

/**
 * The PC-Covid management portal's figures for one unit over a period (quanly.pccovid.gov.vn):
 * QR points declared (the most registered on any day), scans, days with figures, days without a
 * scan. Printed next to the unit's verdict in the results report and under the findings of the
 * minutes.
 *
 * @example
 * ```ts
 * PortalUnitFiguresSchema.parse({ qrPoints: 3, scans: 1250, days: 7, zeroScanDays: 1 })
 * ```
 */
export const PortalUnitFiguresSchema = z.strictObject({
  /** QR points declared on the portal. */
  qrPoints: CountSchema,
  /** Scans over the period. */
  scans: CountSchema,
  /** Days the portal has figures for. */
  days: CountSchema,
  /** Days among those without a scan. */
  zeroScanDays: CountSchema,
});

/**
 * One unit in the annex of a results report: id, name, target type, district, inspection date,
 * overall result and a note. The annex may hold thousands of these.
 *
 * @example
 * ```ts
 * ReportAnnexUnitSchema.parse({ id: 'HT-0001', name: 'Chợ Hà Tĩnh', targetType: 'Chợ', district: 'Thành phố Hà Tĩnh', inspectedOn: '2021-12-07', result: 'met' })
 * ```
 */
export const ReportAnnexUnitSchema = z.strictObject({
  /** A unique code of the unit. */
  id: TextSchema,
  name: TextSchema,
  /** The target type as printed ("Bệnh viện", "Chợ" …). */
  targetType: TextSchema,
  /** The district-level unit as printed. */
  district: TextSchema,
  inspectedOn: CivilDateSchema,
  /** Overall result: "Đạt" when every applicable item is met. */
  result: VerdictSchema,
  /** @default '' */
  note: OptionalTextSchema.default(''),
  /** Location QR points the unit created, where known. @default null */
  qrPoints: CountSchema.nullable().default(null),
  /** Average scans per day over the days reviewed, where known. @default null */
  scansPerDay: z.number().finite().nonnegative().nullable().default(null),
  /** Days of scan history reviewed, where known. @default null */
  observedDays: CountSchema.nullable().default(null),
  /** Days without a scan among those reviewed, where known. @default null */
  zeroScanDays: CountSchema.nullable().default(null),
  /** Staff with PC-Covid installed and staff in all, where known. @default null */
  staff: z.strictObject({ installed: CountSchema, total: CountSchema }).nullable().default(null),
  /** The PC-Covid portal's figures for the unit over the report's portal period; `null` where the portal has none. @default null */
  portal: PortalUnitFiguresSchema.nullable().default(null),
});

/**
 * The PC-Covid portal's figures of a results report: the days they cover and one row per
 * district of the units inspected there (units inspected and compliant, units with figures, and
 * the sums of their figures).
 *
 * @example
 * ```ts
 * ReportPortalFiguresSchema.parse({ period: { from: '2021-12-01', to: '2021-12-24' }, districts: [{ name: 'Thành phố Hà Tĩnh', inspected: 4, compliant: 2, withFigures: 4, qrPoints: 9, scans: 8120, days: 96, zeroScanDays: 5 }] })
 * ```
 */
export const ReportPortalFiguresSchema = z.strictObject({
  /** The days the figures cover (the campaign period up to the report's date). */
  period: CivilDateRangeSchema,
  /** One row per district, in print order. */
  districts: z
    .array(
      PortalUnitFiguresSchema.extend({
        /** The district-level unit as printed. */
        name: TextSchema,
        /** Units inspected there. */
        inspected: CountSchema,
        /** Of those, units found compliant. */
        compliant: CountSchema,
        /** Of those, units the portal has figures for (the sums are over these). */
        withFigures: CountSchema,
      }),
    )
    .min(1),
});

/**
 * Everything the consolidated results report to the Provincial People's Committee (Báo cáo, BC)
 * needs: counts of units inspected by district × target type, compliance per checklist item,
 * non-compliant units with proposed actions, general assessments and recommendations, and an
 * optional annex listing every unit. The builder derives the tables and two bar charts (units per
 * district; pass rate per item).
 *
 * @example
 * ```ts
 * const report = buildResultsReportDocument({ issuer, date: '2021-12-28', addressees: ['Ủy ban nhân dân tỉnh Hà Tĩnh'], … });
 * ```
 */
export const ResultsReportDocumentInputSchema = z
  .object({
    issuer: DocumentIssuerInputSchema,
    /** @default null */
    number: z.number().int().positive().nullable().default(null),
    date: CivilDateSchema,
    /** @default false */
    blankDay: z.boolean().default(false),
    /** The summary under "BÁO CÁO". */
    summary: TextSchema,
    /** "Kính gửi" addressees. */
    addressees: z.array(TextSchema).min(1),
    /** The plan (and decision) being reported on. */
    implementing: z.array(LegalReferenceInputSchema).min(1),
    /** When the inspections ran: from the first visit's day to the last one's. */
    period: CivilDateRangeSchema,
    /** The days visits took place, for the text ("06, 07, 09 và 14/12/2021"); empty prints the period alone. @default [] */
    inspectionDays: z.array(CivilDateSchema).default([]),
    /** The purposes of the inspection (part I), each a sentence. @default [] */
    purposes: z.array(TextSchema).default([]),
    /** Shortcomings with their causes (part III): what was found across units, and why. @default [] */
    shortcomings: z.array(z.strictObject({ text: TextSchema, cause: TextSchema.nullable().default(null) })).default([]),
    /** @default 'unannounced' */
    form: z.enum(['unannounced', 'announced']).default('unannounced'),
    /** District-level units, in print order. */
    districts: z.array(z.strictObject({ code: TextSchema, name: TextSchema })).min(1),
    /** Target types, in print order; `label` heads a column, so keep it short. */
    targetTypes: z
      .array(z.strictObject({ code: TextSchema, label: TextSchema }))
      .min(1)
      .max(12),
    /** Units inspected per district and target type (missing pairs count 0). */
    inspectedCounts: z.array(z.strictObject({ districtCode: TextSchema, targetType: TextSchema, count: CountSchema })),
    /** Results per checklist item. */
    itemCompliance: z.array(z.strictObject({ itemCode: TextSchema, label: TextSchema, met: CountSchema, notMet: CountSchema, notApplicable: CountSchema.default(0) })).min(1),
    /** Units that did not comply, with the proposed action. @default [] */
    nonCompliantUnits: z
      .array(z.strictObject({ name: TextSchema, district: TextSchema, issues: TextSchema, proposedAction: TextSchema, followUp: OptionalTextSchema.default('') }))
      .default([]),
    /** General assessment paragraphs (closing punctuation included). */
    assessments: z.array(TextSchema).min(1),
    /** Recommendations (kiến nghị, đề xuất), each with closing punctuation. @default [] */
    recommendations: z.array(TextSchema).default([]),
    /** The closing sentence; default "<issuer> kính báo cáo <first addressee>./.". @default null */
    closing: TextSchema.nullable().default(null),
    /** The annex listing every unit; `null` for none. @default null */
    annex: z
      .strictObject({ units: z.array(ReportAnnexUnitSchema) })
      .nullable()
      .default(null),
    /** The PC-Covid portal's figures by district (per unit: in the annex); `null` prints that the portal has none. @default null */
    portal: ReportPortalFiguresSchema.nullable().default(null),
    recipients: RecipientsBlockSchema,
    signer: DocumentSignerInputSchema,
  })
  .superRefine((r, ctx) => {
    const districts = new Set(r.districts.map((d) => d.code));
    const types = new Set(r.targetTypes.map((t) => t.code));
    r.inspectedCounts.forEach((c, i) => {
      if (!districts.has(c.districtCode)) ctx.addIssue({ code: 'custom', path: ['inspectedCounts', i, 'districtCode'], message: `no district "${c.districtCode}"` });
      if (!types.has(c.targetType)) ctx.addIssue({ code: 'custom', path: ['inspectedCounts', i, 'targetType'], message: `no target type "${c.targetType}"` });
    });
    r.inspectionDays.forEach((d, i) => {
      if (d < r.period.from || d > r.period.to) ctx.addIssue({ code: 'custom', path: ['inspectionDays', i], message: 'an inspection day lies outside the period' });
    });
    if (r.portal !== null && r.portal.period.to > r.date)
      ctx.addIssue({ code: 'custom', path: ['portal', 'period', 'to'], message: 'the portal figures cannot postdate the report' });
    r.portal?.districts.forEach((d, i) => {
      if (d.compliant > d.inspected || d.withFigures > d.inspected)
        ctx.addIssue({ code: 'custom', path: ['portal', 'districts', i], message: 'more units compliant or with figures than inspected' });
      if (d.zeroScanDays > d.days) ctx.addIssue({ code: 'custom', path: ['portal', 'districts', i, 'zeroScanDays'], message: 'more zero-scan days than days with figures' });
    });
    if (r.period.to > r.date) ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: 'the report cannot predate the inspections it reports' });
  });
/**
 * Results-report data as a caller passes it (see {@link ResultsReportDocumentInputSchema}).
 *
 * @example
 * ```ts
 * const input: ResultsReportDocumentInput = { ...draft, annex: { units } };
 * ```
 */
export type ResultsReportDocumentInput = z.input<typeof ResultsReportDocumentInputSchema>;
/**
 * One annex row as a caller passes it (see {@link ReportAnnexUnitSchema}).
 *
 * @example
 * ```ts
 * const unit: ReportAnnexUnit = { id: 'HT-0001', name: 'Chợ Hà Tĩnh', targetType: 'Chợ', district: 'Thành phố Hà Tĩnh', inspectedOn: '2021-12-07', result: 'met' };
 * ```
 */
export type ReportAnnexUnit = z.input<typeof ReportAnnexUnitSchema>;
