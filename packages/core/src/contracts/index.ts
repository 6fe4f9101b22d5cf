export type { Clock } from './clock.js';
export { systemClock, createFixedClock } from './clock.js';
export type { IdGenerator } from './id-generator.js';
export { randomIds, createSequentialIds } from './id-generator.js';
export { STORAGE_CONTRACT_VERSION, AUDIT_CONFLICT_COLLECTION, OUTBOX_CONFLICT_COLLECTION } from './storage-adapter.js';
export type {
  IndexValue,
  StoredRecord,
  PutRequest,
  CountByRequest,
  CountGroup,
  CountByResult,
  IndexFilter,
  QueryRequest,
  QueryPage,
  AuditRecord,
  OutboxStatus,
  OutboxRecord,
  OutboxUpdate,
  ReadOutboxOptions,
  PortalStatisticsRow,
  PortalStatisticsSummary,
  StorageCapabilities,
  CommitBatch,
  StorageAdapter,
} from './storage-adapter.js';
export type { OutboundMessage, Notifier, MessageAttachment, SendResult, SendOptions } from './notifier.js';
export type { DocumentRenderer, DocumentRenderOptions, RenderedDocument } from './document-renderer.js';
