import { z } from 'zod';
import type { IndexValue } from '../contracts/storage-adapter.js';
import { CampaignSchema } from '../entities/campaign.js';
import { ChecklistResponseSchema } from '../entities/checklist-response.js';
import { MinutesSchema } from '../entities/minutes.js';
import { NominationRequestSchema, NominationSchema } from '../entities/nomination.js';
import { RemediationActionSchema } from '../entities/remediation-action.js';
import { ReportSchema } from '../entities/report.js';
import { ResultNoticeSchema, type ResultNotice } from '../entities/result-notice.js';
import { TeamSchema } from '../entities/team.js';
import { VisitSchema } from '../entities/visit.js';
import { ChecklistVerdictSchema } from '../checklist/checklist-evaluation.js';
import { PersistedLifecycleSchema } from '../lifecycle/persisted-lifecycle.js';
import type { VisitVisibilityFacts } from '../policy/visibility.js';

/** Collection names the service writes. A province's adapter sees exactly these. */
export const COLLECTIONS = {
  campaigns: 'campaigns',
  visits: 'visits',
  targets: 'targets',
  remediations: 'remediations',
  organizations: 'organizations',
  people: 'people',
  /** The manual channel's call sheet: one entry per message handed to the clerks, with its acknowledgement. */
  callSheet: 'callSheetEntries',
} as const;

/**
 * A campaign as stored: the plan, its lifecycle, and what belongs to it alone (nominations,
 * the team, the report). Nothing in it grows with the number of visits or inspected units:
 * each unit's results notice is stored on its visit record ({@link VisitRecord}`.notice`).
 */
export const CampaignRecordSchema = z.strictObject({
  campaign: CampaignSchema,
  lifecycle: PersistedLifecycleSchema,
  planNumberSymbol: z.string().nullable(),
  nominationRequest: NominationRequestSchema.nullable(),
  nominations: z.array(NominationSchema),
  team: TeamSchema.nullable(),
  teamDecisionNumberSymbol: z.string().nullable(),
  teamDecidedOn: z.string().nullable().default(null),
  report: ReportSchema.nullable(),
  /**
   * Legacy: the results notices as earlier versions stored them, one per inspected unit on the
   * campaign. No longer written with any notice (notices live on each visit record); read only
   * as a fallback for a visit whose record has no notice — see {@link legacyNoticesByVisit}.
   */
  notices: z.array(ResultNoticeSchema).optional(),
});
export type CampaignRecord = z.infer<typeof CampaignRecordSchema>;

/** A visit as stored: the visit, its lifecycle, the answers and the minutes. */
export const VisitRecordSchema = z.strictObject({
  visit: VisitSchema,
  lifecycle: PersistedLifecycleSchema,
  response: ChecklistResponseSchema.nullable(),
  /** The unit's verdict once the checklist was completed. */
  verdict: ChecklistVerdictSchema.nullable(),
  minutes: MinutesSchema.nullable(),
  /** Whether this visit's campaign is unannounced (kept here so the embargo needs no join). */
  unannounced: z.boolean(),
  /**
   * The results notice (TB) issued to the unit when reporting began, or none yet. Absent on
   * records written before notices moved here (their notice may still be on the campaign record).
   */
  notice: ResultNoticeSchema.nullable().optional(),
});
export type VisitRecord = z.infer<typeof VisitRecordSchema>;

/**
 * The part of a stored visit a listing shows and the visibility rules need, checked on every
 * record of a page: each field read is validated (a record that fails is `STORAGE_FAILED`, as
 * with the full schema), the rest passes through unread. A page of 100 visits costs a fraction
 * of checking each whole record (answers, evidence, minutes); commands that change a visit still
 * load it with `VisitRecordSchema`.
 */
export const VisitListingSchema = z.looseObject({
  visit: z.looseObject({
    campaignId: z.string(),
    targetId: z.string(),
    districtCode: z.string(),
    scheduledOn: z.string(),
    startedAt: z.string().nullable(),
  }),
  lifecycle: z.looseObject({ snapshot: z.looseObject({ value: z.unknown() }) }),
  verdict: ChecklistVerdictSchema.nullable(),
  minutes: z.looseObject({ signatures: z.looseObject({ unitRepresentative: z.unknown() }), refusal: z.unknown() }).nullable(),
  unannounced: z.boolean(),
});
export type VisitListing = z.infer<typeof VisitListingSchema>;

/** A remediation as stored. */
export const RemediationRecordSchema = z.strictObject({
  action: RemediationActionSchema,
  lifecycle: PersistedLifecycleSchema,
});
export type RemediationRecord = z.infer<typeof RemediationRecordSchema>;

/**
 * The schema each aggregate collection is loaded with by the commands: what the service writes to
 * these collections is held (by version) so the next load need not check it again.
 */
export const AGGREGATE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  [COLLECTIONS.campaigns]: CampaignRecordSchema,
  [COLLECTIONS.visits]: VisitRecordSchema,
  [COLLECTIONS.remediations]: RemediationRecordSchema,
};

/** The visit a results notice belongs to: its id is `<visitId>.notice`. */
export function noticeVisitId(notice: ResultNotice): string {
  return notice.id.replace(/\.notice$/, '');
}

/**
 * The notices a campaign record written by an earlier version still holds, by visit id (empty
 * for a record written since notices moved to the visits).
 */
export function legacyNoticesByVisit(campaign: CampaignRecord): Map<string, ResultNotice> {
  return new Map((campaign.notices ?? []).map((n) => [noticeVisitId(n), n] as [string, ResultNotice]));
}

/**
 * A visit's results notice: from its own record, else (data stored before notices moved to the
 * visits) from the campaign's legacy list; `null` when none was issued.
 */
export function noticeOf(visit: VisitRecord, legacy: ReadonlyMap<string, ResultNotice>): ResultNotice | null {
  return visit.notice ?? legacy.get(visit.visit.id) ?? null;
}

/** The lifecycle state stored beside a record, for indexing. */
export function stateOf(lifecycle: { snapshot: unknown }): string {
  const value = (lifecycle.snapshot as { value?: unknown }).value;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What the visibility rules (and the embargo) need to know about a stored visit. */
export function visitVisibilityFacts(r: Pick<VisitListing, 'visit' | 'lifecycle' | 'unannounced'>): VisitVisibilityFacts {
  return {
    targetId: r.visit.targetId,
    districtCode: r.visit.districtCode,
    startedAt: r.visit.startedAt,
    state: stateOf(r.lifecycle),
    form: r.unannounced ? 'unannounced' : 'announced',
  };
}

/** Index fields of a campaign record. */
export function campaignIndexes(r: CampaignRecord): Record<string, IndexValue> {
  return { state: stateOf(r.lifecycle), form: r.campaign.form };
}

/** Index fields of a visit record. */
export function visitIndexes(r: VisitRecord): Record<string, IndexValue> {
  return {
    campaignId: r.visit.campaignId,
    targetId: r.visit.targetId,
    districtCode: r.visit.districtCode,
    scheduledOn: r.visit.scheduledOn,
    state: stateOf(r.lifecycle),
    started: r.visit.startedAt !== null,
  };
}

/** Index fields of a remediation record. */
export function remediationIndexes(r: RemediationRecord): Record<string, IndexValue> {
  return { campaignId: r.action.campaignId, targetId: r.action.targetId, visitId: r.action.visitId, state: stateOf(r.lifecycle) };
}
