import { z } from 'zod';
import type { IndexValue, OutboxRecord } from '../contracts/storage-adapter.js';
import { IdSchema, InstantSchema, OptionalTextSchema, ShortTextSchema, TextSchema } from '../entities/primitives.js';
import type { AggregateWrite } from './unit-of-work.js';
import { COLLECTIONS } from './records.js';

/** How a manual message reached its recipient. */
export const AcknowledgementMeansSchema = z.enum(['phone', 'document', 'in_person']);

/** Who took a manual message, when and how (recorded by a clerk). */
export const AcknowledgementSchema = z.strictObject({
  /** The name (or position) of the person who answered — on the call sheet only, never in the audit log. */
  answeredBy: ShortTextSchema,
  answeredAt: InstantSchema,
  means: AcknowledgementMeansSchema,
  note: OptionalTextSchema.nullable(),
  /** The clerk who recorded it (person id). */
  recordedBy: IdSchema,
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

/**
 * One line of the call sheet: a message the manual channel handed to the clerks (by phone or on
 * paper, as the plan says), and its acknowledgement once recorded. The phone number is not stored
 * here: the sheet reads it from the directory when it is printed, for the roles that may see it.
 */
export const CallSheetEntrySchema = z.strictObject({
  messageId: IdSchema,
  campaignId: IdSchema.nullable(),
  recipient: z.strictObject({ role: z.string().min(1), id: IdSchema, organizationId: IdSchema.optional() }),
  topic: z.string().min(1),
  subject: TextSchema,
  body: TextSchema,
  handedAt: InstantSchema,
  acknowledgement: AcknowledgementSchema.nullable(),
});
export type CallSheetEntry = z.infer<typeof CallSheetEntrySchema>;

/** Index fields of a call sheet entry. */
export function callSheetIndexes(e: CallSheetEntry): Record<string, IndexValue> {
  return { campaignId: e.campaignId, acknowledged: e.acknowledgement !== null, handedAt: e.handedAt };
}

/** The call sheet entry written when the manual channel takes a message (created, version 0 → 1). */
export function callSheetEntryWrite(m: OutboxRecord, handedAt: string): AggregateWrite {
  const data: CallSheetEntry = {
    messageId: m.id,
    campaignId: m.refs.campaignId ?? null,
    recipient: { ...m.recipient },
    topic: m.topic,
    subject: m.subject,
    body: m.body,
    handedAt,
    acknowledgement: null,
  };
  return { collection: COLLECTIONS.callSheet, id: m.id, data, indexes: callSheetIndexes(data), expectedVersion: 0 };
}
