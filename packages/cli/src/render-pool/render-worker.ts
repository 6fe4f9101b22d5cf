/**
 * The worker entry of the render pool (a tsup entry of its own: `dist/render-worker.js`). Tinypool
 * imports it once per worker thread and calls its default export for each task. The renderers
 * (pdfmake with its fonts, docx) are loaded on the first task and kept for the worker's life.
 *
 * @internal
 * @packageDocumentation
 */
import { workerData } from 'node:worker_threads';
import { loadRenderers, runRenderTask, type RenderFormat, type RendererSet, type RenderTask, type RenderTaskReport } from './render-task.js';

let renderers: Promise<RendererSet> | null = null;

/** @internal Renders one task in this worker (see {@link runRenderTask}). */
export default async function renderInWorker(task: RenderTask): Promise<RenderTaskReport> {
  // Tinypool's workerData is `[its own data, ours]`.
  renderers ??= loadRenderers((workerData as [unknown, { formats: RenderFormat[] }] | undefined)?.[1]?.formats ?? ['pdf', 'docx']);
  return runRenderTask(task, await renderers);
}
