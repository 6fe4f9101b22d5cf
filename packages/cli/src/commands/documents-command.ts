import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { DocumentRef } from '@pccovid-inspect/core';
import { checkInterrupted, type CommandEnv } from '../cli.js';
import { UsageError } from '../cli-errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { ProgressBar } from '../progress.js';
import { renderDocumentsInPool, type RenderFormat, type RenderPoolDocument } from '../render-pool/index.js';
import { withSession } from './session.js';

/** @internal The options of `documents`, as commander parses them. */
export interface DocumentsCommandOptions {
  out: string;
  format: string;
  /** Worker threads (a positive integer); `1` renders in-process. @default os.availableParallelism() */
  threads?: string | number;
}

const FORMATS: Readonly<Record<string, readonly RenderFormat[]>> = { pdf: ['pdf'], docx: ['docx'], both: ['pdf', 'docx'] };

/** @internal How a document is named in progress and failures: its kind and reference, e.g. `minutes:visit-03`, `reminder:rem-1:0`. */
export function documentIdOf(ref: DocumentRef): string {
  const { kind, ...rest } = ref as { kind: string } & Record<string, string | number>;
  return [kind, ...Object.values(rest).map((v) => String(v))].join(':');
}

/** @internal The `--threads` value as a positive integer (default: every core). */
export function parseThreads(value: string | number | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new UsageError(
      `--threads là một số nguyên từ 1 đến 256, không phải "${String(value)}"`,
      `--threads is an integer from 1 to 256, not "${String(value)}"`,
      'pccovid-inspect documents --threads 2',
    );
  }
  return n;
}

/**
 * @internal `documents [--out dir] [--format pdf|docx|both] [--threads N]`: renders every document
 * the campaign has, on `N` worker threads (each writes its own files: temp name, then rename). A
 * document that fails is reported with its id (exit 3) and the others are still written; Ctrl-C
 * stops at once and leaves no half-written file.
 */
export async function documentsCommand(env: CommandEnv, opts: DocumentsCommandOptions): Promise<void> {
  const formats = FORMATS[opts.format];
  if (formats === undefined) throw new UsageError('--format là pdf, docx hoặc both', '--format is pdf, docx or both');
  const threads = parseThreads(opts.threads);
  const outDir = resolve(opts.out);
  await withSession(env, async ({ service, actor, workspace }) => {
    const listings = await service.listDocuments(actor, { campaignId: workspace.campaignId });
    // Documents are read one at a time, as workers free up: memory stays flat however many there are.
    async function* documents(): AsyncGenerator<RenderPoolDocument> {
      for (const listing of listings) {
        checkInterrupted(env.signal);
        yield { id: documentIdOf(listing.ref), fileStem: listing.fileStem, document: await service.getDocument(actor, listing.ref) };
      }
    }
    const bar = new ProgressBar(env.io, !env.global.json, 'văn bản / documents');
    let result: Awaited<ReturnType<typeof renderDocumentsInPool>>;
    try {
      result = await renderDocumentsInPool(documents(), {
        formats,
        threads: Math.min(threads, Math.max(1, listings.length)),
        outDir,
        total: listings.length,
        signal: env.signal,
        onProgress: (p) => bar.update(p.done / Math.max(1, listings.length), `${p.done}/${listings.length}${p.failed ? ` (${p.failed} lỗi / failed)` : ''}`),
      });
    } catch (error) {
      checkInterrupted(env.signal); // an abort is Ctrl-C: INTERRUPTED, exit 130
      throw error;
    } finally {
      bar.done();
    }
    const failures = result.failures.map((f) => ({
      documentId: f.documentId,
      format: f.format,
      code: f.error.code,
      messageVi: f.error.messageVi,
      messageEn: f.error.messageEn,
      hint: f.error.hint ?? null,
      cause: f.error.cause instanceof Error ? f.error.cause.message : null,
    }));
    env.out.result({ outDir, files: result.files, failures, threads: result.threads, workers: result.workers }, () => {
      env.out.say(`Đã ghi ${result.files.length} tệp vào ${outDir} (${result.threads} luồng)`, `Wrote ${result.files.length} files to ${outDir} (${result.threads} threads)`);
      for (const f of result.files) env.out.line(`  ${f}`);
    });
    if (failures.length > 0) {
      if (!env.global.json) {
        for (const f of failures) {
          const what = `${f.documentId}${f.format ? ` (${f.format})` : ''}`;
          env.io.stderr(`${env.out.text('lỗi', 'error')} ${f.code} ${what}: ${env.out.text(f.messageVi, f.messageEn)}${f.cause ? ` — ${f.cause}` : ''}\n`);
          if (f.hint) env.io.stderr(`${env.out.text('gợi ý', 'hint')}: ${f.hint}\n`);
        }
      }
      env.setExitCode(EXIT_CODES.system);
    }
  });
}
