// TEMPORARY (dev only, deleted before hand-off): core root index + documents, until the lead re-exports them.
export * from '../../core/src/index.ts';
export * from '../../core/src/documents/index.ts';
export type * from '../../core/src/contracts/document-renderer.ts';
