/**
 * Batch rendering of documents on worker threads (see {@link renderDocumentsInPool}).
 *
 * @internal
 */
export { renderDocumentsInPool } from './render-pool.js';
export type { RenderPoolDocument, RenderPoolFailure, RenderPoolOptions, RenderPoolProgress, RenderPoolResult, RenderPoolWorkerMemory } from './render-pool.js';
export { RENDER_FORMATS } from './render-task.js';
export type { RenderFormat } from './render-task.js';
