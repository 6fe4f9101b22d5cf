import { z } from 'zod';
import { IdSchema } from '../../entities/primitives.js';
import { COLLECTIONS, CampaignRecordSchema, VisitRecordSchema } from '../records.js';
import { load, type ServiceContext } from '../service-context.js';

/** The input of a command on one campaign; commands extend it with their own fields. */
export const CampaignIdInput = z.strictObject({ campaignId: IdSchema });

/** The input of a command on one visit; commands extend it with their own fields. */
export const VisitIdInput = z.strictObject({ visitId: IdSchema });

/** What a lifecycle step on a stored record may throw besides validation and authorisation. */
export const STEP_ERRORS = ['NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'] as const;

/** A stored campaign record, checked against its schema, or `NOT_FOUND`. */
export const loadCampaign = (ctx: ServiceContext, id: string) => load(ctx, COLLECTIONS.campaigns, id, CampaignRecordSchema);

/** A stored visit record, checked against its schema, or `NOT_FOUND`. */
export const loadVisit = (ctx: ServiceContext, id: string) => load(ctx, COLLECTIONS.visits, id, VisitRecordSchema);
