/**
 * Batch rendering on worker threads: N minutes (Biên bản kiểm tra) rendered to PDF and DOCX.
 *
 * - ours: `renderDocumentsInPool` of `@pccovid-inspect/cli` with 2 worker threads (tinypool): the
 *   timed run includes starting the two workers and loading render-pdf / render-docx in each
 *   (the built worker of `dist/`: children run plain node on the packages' dist, `pnpm build`
 *   first), rendering, and each worker writing its files (temp name, then rename).
 * - raw: the same documents in one process, one after another: `createPdfRenderer().render` and
 *   `createDocxRenderer().render`, then `writeFileSync`, the renderers created in the untimed setup.
 *
 * Untimed setup (`prepare`, once per size, through the service on SQLite): the seed campaign, a
 * formed team, N targets, and N visits scheduled, started, answered (⅓ each compliant / old QR
 * code posted / zero scans), their minutes drafted and signed; then the N minutes documents read
 * with `getDocument` into a JSON file every run reads.
 *
 * The harness prints ours/raw; here the goal is a **speed-up** raw ÷ ours ≥ 1.7× on 2 cores, i.e.
 * ours/raw ≤ 0.588. After the runs, the speed-up is printed too. Each ours run prints the peak heap
 * of each worker (V8 `getHeapStatistics`, sampled after each document: `maxRSS` is per process)
 * and the pool process's peak RSS (the workers are threads of it). Each raw run prints the cores
 * it used (`process.cpuUsage` ÷ wall time: V8's GC and compiler threads run beside the JS thread)
 * and so the most any pool of 2 threads could gain over it on 2 cores (2 ÷ those cores).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentRenderer, OfficialDocument } from '@pccovid-inspect/core';
import type * as RenderPool from '@pccovid-inspect/cli';
import { pcCovidAnswers, type SampleOutcome } from '@pccovid-inspect/testkit/fixtures';
import { at, campaignAskingNominations } from './seed-campaign.js';
import { plan, toTeamAndTargets } from './round-plan.js';
import { runBench, type BenchContext } from './harness.js';

const CREATED = new Date('2021-12-28T01:00:00Z');
const THREADS = 2;
const GOAL_SPEEDUP = 1.7;
const secretary = { role: 'secretary', id: 'p-secretary' } as const;
const lead = { role: 'inspectorateLead', id: 'p-lead' } as const;
const director = { role: 'director', id: 'p-dau-tung-lam' } as const;
const OUTCOMES: SampleOutcome[] = ['compliant', 'legacyQrPosted', 'zeroScans'];

interface MinutesDoc {
  id: string;
  fileStem: string;
  document: OfficialDocument;
}

/** Untimed: `size` visits to signed minutes through the service; the minutes documents to a JSON file. */
async function prepare(size: number, dir: string): Promise<{ file: string }> {
  const { storage, clock, service, campaignId } = await campaignAskingNominations(join(dir, 'campaign.db'));
  await toTeamAndTargets(service, clock, campaignId, size);
  const { visits } = plan(size);
  for (const v of visits) await service.scheduleVisit(lead, { visitId: v.visitId, campaignId, targetId: v.target.id, scheduledOn: v.day, memberIds: v.memberIds });
  await service.fixSchedule(lead, { campaignId });
  for (const [i, v] of visits.entries()) {
    await service.startVisit(lead, { visitId: v.visitId, at: at(v.day, '08:00') });
    await service.recordAnswers(secretary, { visitId: v.visitId, answers: pcCovidAnswers(OUTCOMES[i % OUTCOMES.length], v.day), complete: true });
    await service.draftMinutes(secretary, {
      visitId: v.visitId,
      endedAt: at(v.day, '10:00'),
      place: v.target.name,
      representatives: [{ fullName: 'Nguyễn Văn An', position: 'Thủ trưởng đơn vị' }],
      assessment: 'Đơn vị đã triển khai cơ bản các nội dung theo Văn bản số 7641/UBND-VX1; các tồn tại nêu trên cần khắc phục.',
    });
    await service.signMinutes(lead, { visitId: v.visitId, signedAt: at(v.day, '10:05') });
  }
  const docs: MinutesDoc[] = [];
  for (const l of await service.listDocuments(director, { campaignId })) {
    if (l.ref.kind !== 'minutes') continue;
    docs.push({ id: l.ref.visitId, fileStem: l.fileStem, document: await service.getDocument(director, l.ref) });
  }
  await storage.dispose();
  if (docs.length !== size) throw new Error(`expected ${size} minutes, got ${docs.length}`);
  const file = join(dir, 'minutes.json');
  writeFileSync(file, JSON.stringify(docs));
  return { file };
}

const readDocs = (ctx: BenchContext): MinutesDoc[] => JSON.parse(readFileSync((ctx.shared as { file: string }).file, 'utf8')) as MinutesDoc[];
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

// As parent: collect the harness's per-size reports to print the speed-up (raw ÷ ours) after the runs.
const isParent = process.env.PCCI_BENCH_CHILD !== '1';
const ownOut = isParent && !process.env.PCCI_BENCH_OUT ? join(mkdtempSync(join(tmpdir(), 'pcci-render-pool-')), 'out.jsonl') : null;
if (ownOut) process.env.PCCI_BENCH_OUT = ownOut;
const outFile = process.env.PCCI_BENCH_OUT;
const startLines =
  isParent && outFile
    ? (() => {
        try {
          return readFileSync(outFile, 'utf8').split('\n').filter(Boolean).length;
        } catch {
          return 0;
        }
      })()
    : 0;

await runBench(
  {
    name: 'render-pool',
    work: (size) =>
      `${size.toLocaleString('en')} minutes → PDF + DOCX (${2 * size} files): ours = worker pool, ${THREADS} threads (startup included) · raw = one process, sequential`,
    sizes: [100, 1_000],
    quickSizes: [100],
    opsPerRun: (size) => size,
    opLabel: 'document',
    goalRatio: 1 / GOAL_SPEEDUP,
    goalRatioSizes: [1_000],
    capMs: 600_000,
    // Plain node on the packages' dist/ (build first), both sides: the pool's workers then load the
    // built worker as a user's process does (tsx cannot register in a worker thread under Node 20
    // without slowing it to a crawl).
    childRuntime: 'node-dist',
    prepare,
    ours: {
      setup: async (ctx) => {
        const { renderDocumentsInPool } = await import('@pccovid-inspect/cli');
        return { docs: readDocs(ctx), renderDocumentsInPool };
      },
      run: async (prepared, ctx) => {
        const { docs, renderDocumentsInPool } = prepared as { docs: MinutesDoc[]; renderDocumentsInPool: typeof RenderPool.renderDocumentsInPool };
        let first = 0;
        const t0 = performance.now();
        const result = await renderDocumentsInPool(
          docs.map((d) => ({ ...d, creationDate: CREATED })),
          {
            formats: ['pdf', 'docx'],
            threads: THREADS,
            outDir: join(ctx.runDir, 'out'),
            onProgress: (p) => {
              if (p.done === 1) first = performance.now() - t0;
              ctx.progress(p.done);
            },
          },
        );
        if (result.failures.length > 0 || result.files.length !== 2 * docs.length) throw new Error(`pool: ${result.failures.length} failures, ${result.files.length} files`);
        const workers = result.workers.map(
          (w) =>
            `thread ${w.threadId}: ${w.documents} docs, heap used ${w.peakUsedHeapMiB.toFixed(0)} MiB (committed ${w.peakTotalHeapMiB.toFixed(0)}, external ${w.peakExternalMiB.toFixed(0)}, limit ${w.heapLimitMiB.toFixed(0)})`,
        );
        console.log(
          `peak per worker: ${workers.join(' · ')}; pool process peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB; first document done at ${first.toFixed(0)} ms`,
        );
      },
    },
    raw: {
      setup: async (ctx) => {
        const { createPdfRenderer } = await import('@pccovid-inspect/render-pdf');
        const { createDocxRenderer } = await import('@pccovid-inspect/render-docx');
        return { docs: readDocs(ctx), pdf: createPdfRenderer(), docx: createDocxRenderer() };
      },
      run: async (prepared, ctx) => {
        const { docs, pdf, docx } = prepared as { docs: MinutesDoc[]; pdf: DocumentRenderer; docx: DocumentRenderer };
        const out = join(ctx.runDir, 'out');
        rmSync(out, { recursive: true, force: true });
        mkdirSync(out, { recursive: true });
        let done = 0;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        for (const d of docs) {
          for (const r of [pdf, docx]) {
            const { bytes } = await r.render(d.document, { creationDate: CREATED });
            writeFileSync(join(out, `${d.fileStem}.${r.fileExtension}`), bytes);
          }
          ctx.progress(++done);
        }
        // One process is not one core: V8's GC and compiler threads run beside the JS thread. No
        // pool of THREADS threads can be more than THREADS ÷ (the cores this side used) times faster.
        const cpu = process.cpuUsage(cpu0);
        const cores = (cpu.user + cpu.system) / 1000 / (performance.now() - t0);
        console.log(`one process used ${cores.toFixed(2)} cores; the most ${THREADS} cores can speed it up: ${(THREADS / cores).toFixed(2)}×`);
      },
    },
  },
  import.meta.url,
);

if (isParent && outFile) {
  const lines = readFileSync(outFile, 'utf8').split('\n').filter(Boolean).slice(startLines);
  for (const line of lines) {
    const r = JSON.parse(line) as { bench?: string; size?: number; ratio?: number; ratioIsLowerBound?: boolean; pairRatioMin?: number | null; pairRatioMax?: number | null };
    if (r.bench !== 'render-pool' || r.ratio === undefined) continue;
    const speedUp = 1 / r.ratio;
    const pairs = r.pairRatioMin && r.pairRatioMax ? ` (per-pair ${(1 / r.pairRatioMax).toFixed(2)}–${(1 / r.pairRatioMin).toFixed(2)}×)` : '';
    const verdict = r.size === 1_000 ? `  goal ≥ ${GOAL_SPEEDUP}×: ${!r.ratioIsLowerBound && speedUp >= GOAL_SPEEDUP ? 'met' : 'NOT met'}` : '';
    console.log(`\n== render-pool @ ${(r.size ?? 0).toLocaleString('en')}: speed-up raw ÷ ours ${r.ratioIsLowerBound ? '< ' : ''}${speedUp.toFixed(2)}×${pairs}${verdict}`);
  }
  if (ownOut) rmSync(join(ownOut, '..'), { recursive: true, force: true });
}
