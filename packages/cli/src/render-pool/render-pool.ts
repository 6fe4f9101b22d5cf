/**
 * Batch rendering on every core.
 *
 * Why tinypool (2.2.0) and not piscina: tinypool is piscina's API cut down to what this needs (a
 * fixed pool of `worker_threads`, `resourceLimits` per worker, `env`/`execArgv` for the worker,
 * termination on `destroy`), with no dependencies; piscina 5 pulls an optional native addon
 * (`@napi-rs/nice`) and brings features we do not use (task queues, histograms). Both are kept
 * up; tinypool is the one vitest's maintainers ship. Pinned exactly in `package.json`.
 *
 * @internal
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Tinypool } from 'tinypool';
import { RenderError, type OfficialDocument } from '@pccovid-inspect/core';
import { loadRenderers, runRenderTask, type RenderFormat, type RenderHeapSample, type RenderTask, type RenderTaskFailure, type RenderTaskReport } from './render-task.js';
import { renderWorkerEntry } from './worker-entry.js';

/** @internal One document to render: its id (for progress and failures), file name stem and content. */
export interface RenderPoolDocument {
  /** Reported with a failure, e.g. the visit id of minutes. */
  id: string;
  /** The file name without extension, e.g. `BB-visit-1`; `<stem>.pdf` / `<stem>.docx` in `outDir`. */
  fileStem: string;
  document: OfficialDocument;
  /** Fix the files' creation date (same bytes for the same document). @default the renderer's */
  creationDate?: Date;
}

/** @internal Progress after each document (rendered or failed). */
export interface RenderPoolProgress {
  done: number;
  /** `null` when `docs` is an iterable of unknown length and `total` was not given. */
  total: number | null;
  failed: number;
  documentId: string;
}

/** @internal Options of {@link renderDocumentsInPool}. */
export interface RenderPoolOptions {
  formats: readonly RenderFormat[];
  /** Worker threads; `1` renders in this thread without workers. @default os.availableParallelism() */
  threads?: number;
  outDir: string;
  onProgress?: (progress: RenderPoolProgress) => void;
  /** Stops at once: running workers are terminated and their temporary files removed; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** V8 old-generation limit of each worker, in MiB (`resourceLimits.maxOldGenerationSizeMb`): a runaway document kills only its worker. @default 512 */
  maxOldGenerationSizeMb?: number;
  /** The number of documents, for progress when `docs` is not an array. */
  total?: number;
}

/** @internal A document (or one of its formats) that could not be rendered; the others are written. */
export interface RenderPoolFailure {
  documentId: string;
  /** `null` when the whole document was lost (its worker died, e.g. past its memory limit). */
  format: RenderFormat | null;
  error: RenderError;
}

/** @internal The heap of one thread over the run (sampled after each of its documents). */
export interface RenderPoolWorkerMemory {
  threadId: number;
  documents: number;
  peakUsedHeapMiB: number;
  peakTotalHeapMiB: number;
  peakExternalMiB: number;
  heapLimitMiB: number;
}

/** @internal What {@link renderDocumentsInPool} did. */
export interface RenderPoolResult {
  /** Every file written, in the order of `docs` (a document's formats in `formats` order). */
  files: string[];
  failures: RenderPoolFailure[];
  /** The threads used: 1 means in-process. */
  threads: number;
  workers: RenderPoolWorkerMemory[];
}

const MiB = 1024 * 1024;

function failureError(documentKind: string, f: RenderTaskFailure | { format: RenderFormat | null; code: string; message: string; hint: string | null }): RenderError {
  const cause = Object.assign(new Error(f.message), { code: f.code });
  return new RenderError({ renderer: f.format ?? 'pool', documentKind, cause, ...(f.hint === null ? {} : { hint: f.hint }) });
}

function kindOf(doc: OfficialDocument): string {
  const kind = (doc as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? kind : 'unknown';
}

async function* iterate<T>(docs: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  for await (const d of docs) yield d;
}

/**
 * @internal Renders documents to PDF and/or DOCX into `outDir` on `threads` worker threads
 * (tinypool). Each worker imports the renderers once, renders each document it is given and writes
 * the files itself under a temporary name, then renames them: a file with its final name is always
 * complete. At most `threads` documents are in flight, so memory stays bounded however many there
 * are (`docs` may be an async iterable read as workers free up). A document that fails is reported
 * with its id and does not stop the others. On abort the workers are terminated, the in-flight
 * temporary files removed, and the promise rejects with the signal's reason.
 *
 * @example
 * ```ts
 * const { files, failures, workers } = await renderDocumentsInPool(docs, { formats: ['pdf', 'docx'], threads: 2, outDir: 'out' });
 * ```
 */
export async function renderDocumentsInPool(docs: Iterable<RenderPoolDocument> | AsyncIterable<RenderPoolDocument>, options: RenderPoolOptions): Promise<RenderPoolResult> {
  const { formats, signal, onProgress } = options;
  // No more threads than documents when their number is known (a worker costs its start-up).
  const threads = Math.max(1, Math.min(Math.floor(options.threads ?? availableParallelism()), Array.isArray(docs) ? docs.length : Infinity));
  const outDir = resolve(options.outDir);
  const total = options.total ?? (Array.isArray(docs) ? docs.length : null);
  signal?.throwIfAborted();
  mkdirSync(outDir, { recursive: true });

  const entry = threads > 1 ? renderWorkerEntry() : null;
  const pool =
    entry === null
      ? null
      : new Tinypool({
          filename: entry.filename,
          env: entry.env,
          minThreads: threads,
          maxThreads: threads,
          idleTimeout: 60_000,
          workerData: { formats: [...formats] },
          resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 512 },
        });
  const local = pool === null ? await loadRenderers(formats) : null;

  const results: { files: string[] }[] = [];
  const failures: RenderPoolFailure[] = [];
  const memory = new Map<number, RenderPoolWorkerMemory>();
  const inFlight = new Map<number, RenderTask>();
  let done = 0;
  let failedDocs = 0;

  const note = (heap: RenderHeapSample): void => {
    const m = memory.get(heap.threadId) ?? {
      threadId: heap.threadId,
      documents: 0,
      peakUsedHeapMiB: 0,
      peakTotalHeapMiB: 0,
      peakExternalMiB: 0,
      heapLimitMiB: heap.heapLimitBytes / MiB,
    };
    m.documents++;
    m.peakUsedHeapMiB = Math.max(m.peakUsedHeapMiB, heap.usedHeapBytes / MiB);
    m.peakTotalHeapMiB = Math.max(m.peakTotalHeapMiB, heap.totalHeapBytes / MiB);
    m.peakExternalMiB = Math.max(m.peakExternalMiB, heap.externalBytes / MiB);
    memory.set(heap.threadId, m);
  };

  const renderOne = async (index: number, doc: RenderPoolDocument): Promise<void> => {
    const tag = randomUUID().slice(0, 8);
    const task: RenderTask = {
      documentId: doc.id,
      document: doc.document,
      ...(doc.creationDate === undefined ? {} : { creationDate: doc.creationDate }),
      outputs: formats.map((format) => {
        const file = join(outDir, `${doc.fileStem}.${format}`);
        return { format, file, temp: join(dirname(file), `.${basename(file)}.${tag}.part`) };
      }),
    };
    inFlight.set(index, task);
    const slot = { files: [] as string[] };
    results[index] = slot;
    let docFailed = false;
    try {
      const report = (pool === null ? await runRenderTask(task, local!) : await pool.run(task)) as RenderTaskReport;
      slot.files = report.written;
      note(report.heap);
      for (const f of report.failures) failures.push({ documentId: doc.id, format: f.format, error: failureError(kindOf(doc.document), f) });
      docFailed = report.failures.length > 0;
    } catch (error) {
      if (signal?.aborted) return; // terminated by the abort: reported as such below
      for (const o of task.outputs) rmSync(o.temp, { force: true });
      const message = error instanceof Error ? error.message : String(error);
      const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : 'WORKER_FAILED';
      failures.push({
        documentId: doc.id,
        format: null,
        error: failureError(kindOf(doc.document), {
          format: null,
          code,
          message,
          hint:
            code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `Văn bản vượt giới hạn bộ nhớ của luồng (${options.maxOldGenerationSizeMb ?? 512} MiB). / The document went past the worker's memory limit.`
              : null,
        }),
      });
      docFailed = true;
    }
    inFlight.delete(index);
    done++;
    if (docFailed) failedDocs++;
    onProgress?.({ done, total, failed: failedDocs, documentId: doc.id });
  };

  // At most `threads` documents in flight: each lane takes the next document when its last one is done.
  const source = iterate(docs);
  let next = 0;
  let stop = false;
  const lane = async (): Promise<void> => {
    while (!stop && !signal?.aborted) {
      const item = await source.next();
      if (item.done) return;
      await renderOne(next++, item.value);
    }
  };
  const onAbort = (): void => {
    stop = true;
    // Terminates the workers: the in-flight tasks reject, their lanes end.
    void pool?.destroy();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.all(Array.from({ length: threads }, lane));
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool?.destroy();
    // Whatever was in flight when it stopped: no half-written file keeps a name (temps are removed).
    for (const task of inFlight.values()) for (const o of task.outputs) rmSync(o.temp, { force: true });
  }
  signal?.throwIfAborted();
  const workers = [...memory.values()].sort((a, b) => a.threadId - b.threadId);
  return { files: results.flatMap((r) => r.files), failures, threads: pool === null ? 1 : threads, workers };
}
