import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { InspectError, type DocumentRenderer, type OfficialDocument } from '@pccovid-inspect/core';

/** @internal A file format the pool renders to. */
export type RenderFormat = 'pdf' | 'docx';

/** @internal Every format, in the order files are written for one document. */
export const RENDER_FORMATS: readonly RenderFormat[] = ['pdf', 'docx'];

/** @internal One file of a task: where it goes, and the temporary name it is written under first. */
export interface RenderTaskOutput {
  format: RenderFormat;
  /** The final path: only a complete file ever has this name (written to `temp`, then renamed). */
  file: string;
  /** A temporary path in the same folder, so the rename is atomic. */
  temp: string;
}

/** @internal What crosses to a worker: one document and where its files go. Nothing comes back but a small report. */
export interface RenderTask {
  documentId: string;
  document: OfficialDocument;
  creationDate?: Date;
  outputs: RenderTaskOutput[];
}

/** @internal How one format of a task failed (plain data: it crosses threads by structured clone). */
export interface RenderTaskFailure {
  format: RenderFormat;
  code: string;
  message: string;
  hint: string | null;
}

/** @internal The heap of the thread that rendered, read right after the task (before a collection: close to its peak). */
export interface RenderHeapSample {
  /** `worker_threads.threadId`; 0 is the main thread (`--threads 1`). */
  threadId: number;
  usedHeapBytes: number;
  totalHeapBytes: number;
  externalBytes: number;
  heapLimitBytes: number;
}

/** @internal What a task gives back: the files written, the formats that failed, and a heap sample. */
export interface RenderTaskReport {
  documentId: string;
  written: string[];
  failures: RenderTaskFailure[];
  heap: RenderHeapSample;
}

/** @internal The renderers a thread holds, by format. */
export type RendererSet = Partial<Record<RenderFormat, DocumentRenderer>>;

/**
 * @internal Imports `@pccovid-inspect/render-pdf` / `render-docx` (only the formats asked for) and
 * creates one renderer each. A worker calls it once and keeps the result.
 */
export async function loadRenderers(formats: readonly RenderFormat[]): Promise<RendererSet> {
  const set: RendererSet = {};
  if (formats.includes('pdf')) set.pdf = (await import('@pccovid-inspect/render-pdf')).createPdfRenderer();
  if (formats.includes('docx')) set.docx = (await import('@pccovid-inspect/render-docx')).createDocxRenderer();
  return set;
}

function failureOf(format: RenderFormat, error: unknown): RenderTaskFailure {
  if (InspectError.isInstance(error)) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { format, code: error.code, message: `${error.message}${cause}`, hint: error.hint ?? null };
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : 'UNEXPECTED';
  return { format, code, message, hint: null };
}

/** @internal The current thread's heap. */
export function heapSample(): RenderHeapSample {
  const h = getHeapStatistics();
  return { threadId, usedHeapBytes: h.used_heap_size, totalHeapBytes: h.total_heap_size, externalBytes: h.external_memory, heapLimitBytes: h.heap_size_limit };
}

/**
 * @internal Renders one document to each requested format and writes each file itself (temp name,
 * then rename), so the bytes never leave the thread that made them. A format that fails is
 * reported and its temporary file removed; the other formats are still written.
 */
export async function runRenderTask(task: RenderTask, renderers: RendererSet): Promise<RenderTaskReport> {
  const written: string[] = [];
  const failures: RenderTaskFailure[] = [];
  for (const output of task.outputs) {
    try {
      const renderer = renderers[output.format];
      if (renderer === undefined) throw new Error(`no renderer loaded for ${output.format}`);
      const { bytes } = await renderer.render(task.document, task.creationDate === undefined ? {} : { creationDate: task.creationDate });
      writeFileSync(output.temp, bytes);
      renameSync(output.temp, output.file);
      written.push(output.file);
    } catch (error) {
      rmSync(output.temp, { force: true });
      failures.push(failureOf(output.format, error));
    }
  }
  return { documentId: task.documentId, written, failures, heap: heapSample() };
}
