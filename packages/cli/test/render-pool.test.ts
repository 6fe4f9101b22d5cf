import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock, createInspectionService, createSequentialIds, systemClock, type OfficialDocument, type TeamMember } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed, pcCovidAnswers, type SampleOutcome } from '@pccovid-inspect/testkit/fixtures';
import { extractPdfText, normaliseForComparison } from '@pccovid-inspect/testkit/renderer';
import { documentsCommand } from '../src/commands/documents-command.js';
import type { CommandEnv } from '../src/cli.js';
import { Output } from '../src/output.js';
import { renderDocumentsInPool, type RenderPoolDocument } from '../src/render-pool/index.js';

const director = { role: 'director', id: 'p-dau-tung-lam' } as const;
const lead = { role: 'inspectorateLead', id: 'p-lead' } as const;
const secretary = { role: 'secretary', id: 'p-secretary' } as const;
const at = (day: string, hhmm: string): string => new Date(`${day}T${hhmm}:00+07:00`).toISOString();
const TEAM: TeamMember[] = [
  { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-it', role: 'deputy', organizationId: 'org-stttt-cntt', source: 'it_division', districtCode: null },
  { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
];
const OUTCOMES: SampleOutcome[] = ['compliant', 'legacyQrPosted', 'zeroScans'];

/** The seed campaign on a SQLite file, its eight targets visited (varied outcomes) up to signed minutes; the minutes as documents. */
async function seededMinutes(file: string): Promise<RenderPoolDocument[]> {
  const storage = createSqliteStorage({ filename: file });
  try {
    const seed = haTinh2021Seed();
    const clock = createFixedClock(at('2021-11-26', '08:00'));
    const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, ids: createSequentialIds() });
    const campaignId = seed.campaign.id;
    await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
    await service.createCampaign(director, { campaign: seed.campaign });
    await service.issuePlan(director, { campaignId, issuedOn: '2021-11-26' });
    await service.requestNominations(lead, { campaignId, sentOn: '2021-11-26' });
    await service.recordNomination(lead, { campaignId, organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null });
    clock.set(at('2021-11-30', '08:00'));
    await service.formTeam(director, { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: TEAM, decidedOn: '2021-11-30' });
    const visits = seed.targets.map((target, i) => ({
      visitId: `visit-${i + 1}`,
      target,
      day: `2021-12-${String(6 + i).padStart(2, '0')}`,
      outcome: OUTCOMES[i % OUTCOMES.length]!,
    }));
    for (const v of visits) {
      await service.registerTarget(lead, { target: v.target });
      await service.scheduleVisit(lead, { visitId: v.visitId, campaignId, targetId: v.target.id, scheduledOn: v.day, memberIds: ['p-lead', 'p-secretary'] });
    }
    await service.fixSchedule(lead, { campaignId });
    for (const v of visits) {
      await service.startVisit(lead, { visitId: v.visitId, at: at(v.day, '08:00') });
      await service.recordAnswers(secretary, { visitId: v.visitId, answers: pcCovidAnswers(v.outcome, v.day), complete: true });
      await service.draftMinutes(secretary, {
        visitId: v.visitId,
        endedAt: at(v.day, '10:00'),
        place: v.target.name,
        representatives: [{ fullName: 'Nguyễn Thị Hằng', position: 'Phó Thủ trưởng đơn vị' }],
        assessment: 'Đơn vị đã triển khai cơ bản các nội dung theo Văn bản số 7641/UBND-VX1; còn tồn tại cần khắc phục.',
      });
      await service.signMinutes(lead, { visitId: v.visitId, signedAt: at(v.day, '10:05') });
    }
    const listings = (await service.listDocuments(director, { campaignId })).filter((l) => l.ref.kind === 'minutes');
    const docs: RenderPoolDocument[] = [];
    for (const l of listings) {
      docs.push({
        id: (l.ref as { visitId: string }).visitId,
        fileStem: l.fileStem,
        document: await service.getDocument(director, l.ref),
        creationDate: new Date('2021-12-20T01:00:00Z'),
      });
    }
    return docs;
  } finally {
    await storage.dispose();
  }
}

/** Files left with a temporary name (`.<name>.<tag>.part`). */
const partials = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.part'));

describe('renderDocumentsInPool (worker threads)', () => {
  let dir: string;
  let minutes: RenderPoolDocument[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pccovid-render-pool-'));
    minutes = await seededMinutes(join(dir, 'campaign.db'));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders the minutes of a seeded campaign to PDF and DOCX on 2 workers, every file written and the Vietnamese intact', async () => {
    expect(minutes.length).toBe(8);
    const out = join(dir, 'all');
    const progress: number[] = [];
    const result = await renderDocumentsInPool(minutes, { formats: ['pdf', 'docx'], threads: 2, outDir: out, onProgress: (p) => progress.push(p.done) });
    expect(result.failures).toEqual([]);
    expect(result.threads).toBe(2);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const expected = minutes.flatMap((m) => [join(out, `${m.fileStem}.pdf`), join(out, `${m.fileStem}.docx`)]);
    expect(result.files).toEqual(expected);
    for (const f of expected) expect(existsSync(f), f).toBe(true);
    expect(readFileSync(expected[0]!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readFileSync(expected[1]!).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(partials(out)).toEqual([]);
    // Both workers did work, each reports its heap; the heap limit is the pool's bound.
    expect(result.workers.length).toBe(2);
    for (const w of result.workers) {
      expect(w.threadId).toBeGreaterThan(0);
      expect(w.peakUsedHeapMiB).toBeGreaterThan(0);
      expect(w.heapLimitMiB).toBeLessThan(1024);
    }
    expect(result.workers.reduce((n, w) => n + w.documents, 0)).toBe(8);

    // Read back with pdfjs (no poppler on the machine needed); compared without whitespace, as lines may wrap.
    const text = normaliseForComparison((await extractPdfText(readFileSync(expected[0]!))).text);
    for (const phrase of [
      'BIÊN BẢN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Nguyễn Thị Hằng',
      'Kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR',
    ])
      expect(text).toContain(normaliseForComparison(phrase));
  }, 180_000);

  it('reports a document that fails by its id and still writes the others', async () => {
    const out = join(dir, 'one-fails');
    const broken = { id: 'visit-broken', fileStem: 'BB-broken', document: { kind: 'minutes', title: 42 } as unknown as OfficialDocument };
    const docs = [minutes[0]!, broken, minutes[1]!, minutes[2]!];
    const result = await renderDocumentsInPool(docs, { formats: ['pdf', 'docx'], threads: 2, outDir: out });
    expect(result.failures.map((f) => [f.documentId, f.format, f.error.code])).toEqual([
      ['visit-broken', 'pdf', 'RENDER_FAILED'],
      ['visit-broken', 'docx', 'RENDER_FAILED'],
    ]);
    expect(result.failures[0]!.error.cause).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(result.files).toHaveLength(6);
    for (const m of [minutes[0]!, minutes[1]!, minutes[2]!]) {
      expect(existsSync(join(out, `${m.fileStem}.pdf`))).toBe(true);
      expect(existsSync(join(out, `${m.fileStem}.docx`))).toBe(true);
    }
    expect(readdirSync(out).filter((f) => f.includes('broken'))).toEqual([]);
  }, 180_000);

  it('stops on abort: the promise rejects, and no file is left half-written', async () => {
    const out = join(dir, 'aborted');
    const many = Array.from({ length: 40 }, (_, i) => ({ ...minutes[i % minutes.length]!, id: `copy-${i}`, fileStem: `BB-copy-${String(i).padStart(2, '0')}` }));
    const controller = new AbortController();
    let seen = 0;
    const run = renderDocumentsInPool(many, {
      formats: ['pdf', 'docx'],
      threads: 2,
      outDir: out,
      signal: controller.signal,
      onProgress: (p) => {
        seen = p.done;
        if (p.done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBeLessThan(many.length);
    const files = readdirSync(out);
    expect(partials(out)).toEqual([]);
    expect(files.length).toBeLessThan(2 * many.length);
    // Every file that has its final name is complete.
    for (const f of files) {
      const bytes = readFileSync(join(out, f));
      if (f.endsWith('.pdf')) expect(bytes.subarray(bytes.length - 8).toString('latin1')).toContain('%%EOF');
      else expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    }
  }, 180_000);

  it('reads an async source only as workers free up: at most one document per worker in flight', async () => {
    const out = join(dir, 'bounded');
    const many = Array.from({ length: 16 }, (_, i) => ({ ...minutes[i % minutes.length]!, id: `bounded-${i}`, fileStem: `BB-bounded-${String(i).padStart(2, '0')}` }));
    let pulled = 0;
    let mostInFlight = 0;
    async function* source(): AsyncGenerator<RenderPoolDocument> {
      for (const d of many) {
        pulled++;
        yield d;
      }
    }
    const result = await renderDocumentsInPool(source(), {
      formats: ['pdf'],
      threads: 2,
      total: many.length,
      outDir: out,
      onProgress: (p) => void (mostInFlight = Math.max(mostInFlight, pulled - p.done + 1)),
    });
    expect(result.failures).toEqual([]);
    expect(result.files).toHaveLength(many.length);
    expect(pulled).toBe(many.length);
    // One lane per worker: both workers busy, and never a third document read ahead.
    expect(mostInFlight).toBe(2);
  }, 180_000);

  it('renders in-process with threads: 1 (no workers)', async () => {
    const out = join(dir, 'one-thread');
    const result = await renderDocumentsInPool(minutes.slice(0, 2), { formats: ['pdf'], threads: 1, outDir: out });
    expect(result.threads).toBe(1);
    expect(result.failures).toEqual([]);
    expect(result.files.map((f) => f.slice(out.length + 1))).toEqual([`${minutes[0]!.fileStem}.pdf`, `${minutes[1]!.fileStem}.pdf`]);
    expect(result.workers.map((w) => w.threadId)).toEqual([0]);
  }, 120_000);

  it("documentsCommand renders every document of the stored campaign on --threads 2 (JSON result with the workers' heaps)", async () => {
    let stdout = '';
    let exit = 0;
    const io = { stdout: (t: string) => void (stdout += t), stderr: () => {}, isTTY: false };
    const env: CommandEnv = {
      global: { db: join(dir, 'campaign.db'), json: true, lang: 'vi', debug: false },
      out: new Output(io, { json: true, lang: 'vi', debug: false }),
      io,
      signal: new AbortController().signal,
      clock: systemClock,
      setExitCode: (code) => (exit = code),
    };
    const out = join(dir, 'command');
    await documentsCommand(env, { out, format: 'both', threads: '2' });
    expect(exit).toBe(0);
    const { result } = JSON.parse(stdout) as { result: { files: string[]; failures: unknown[]; threads: number; workers: { threadId: number }[] } };
    expect(result.failures).toEqual([]);
    expect(result.threads).toBe(2);
    expect(result.workers).toHaveLength(2);
    const names = readdirSync(out);
    for (const m of minutes) expect(names).toEqual(expect.arrayContaining([`${m.fileStem}.pdf`, `${m.fileStem}.docx`]));
    expect(names).toContain('KH-ke-hoach.pdf');
    expect(result.files).toHaveLength(names.length);
    await expect(documentsCommand(env, { out, format: 'both', threads: '0' })).rejects.toMatchObject({ name: 'UsageError' });
  }, 180_000);
});
