import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageAdapter } from '@pccovid-inspect/core';
import { COLLECTIONS } from '@pccovid-inspect/core/adapter-kit';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { auditNamesStoredVersions } from './support/checks.js';
import { exited, spawnTsx, writeChildTsconfig } from './support/children.js';
import { A, roundAt, STAGES } from './support/round.js';
import { Tally } from './support/summary.js';
import { SHARED_VISIT, writerCommand, writerNote, writerPersonId, writerPosition, writerService, type WriterResult } from './support/writer.js';

/**
 * 8 writers × N commands on one SQLite file — half on one shared visit (overlapping), half on each
 * writer's own record (disjoint): every success visible, no two successes on one version (no lost
 * update), every loser CONFLICT, the audit chain verifies. Twice: 8 services in one process
 * (Promise-concurrent, one connection each), and 8 child processes.
 */
const WRITERS = 8;
const COMMANDS = Number(process.env.PCCI_CONCURRENCY_COMMANDS ?? '500');
const dir = mkdtempSync(join(tmpdir(), 'pcci-concurrency-'));
const template = join(dir, 'started.db');
const tsconfig = writeChildTsconfig(dir);

beforeAll(async () => {
  const storage = createSqliteStorage({ filename: template });
  await roundAt(
    storage,
    STAGES.findIndex((s) => s.name === 'visits started'),
  );
  await storage.dispose();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freshCopy(name: string): string {
  const file = join(dir, name);
  copyFileSync(template, file);
  for (const suffix of ['-wal', '-shm']) if (existsSync(template + suffix)) copyFileSync(template + suffix, file + suffix);
  return file;
}

/** Checks the outcome of every writer's commands against what storage holds. */
async function check(storage: StorageAdapter, results: WriterResult[], initialVisitVersion: number, initialAudit: number, tally: Tally): Promise<void> {
  const service = writerService(storage);
  tally.runs += results.length;
  for (const r of results) {
    if (r.ok) continue;
    tally.faults++;
    if (r.code !== 'CONFLICT') tally.violation(`writer ${r.w} command ${r.k} (${r.op}) lost with ${r.code ?? r.raw}, not CONFLICT`);
  }
  // Overlapping: the successes' versions are distinct and exactly the versions the visit went through.
  const wins = results.filter((r) => r.ok && r.op === 'overlap');
  const versions = wins.map((r) => r.version!).sort((a, b) => a - b);
  const visit = await storage.get('visits', '42', SHARED_VISIT);
  tally.rowsChecked += wins.length;
  if (new Set(versions).size !== versions.length) tally.violation(`two successes returned one visit version (lost update): ${versions.join(',')}`);
  if (visit!.version !== initialVisitVersion + wins.length) tally.violation(`visit at v${visit!.version}, expected v${initialVisitVersion} + ${wins.length} successes`);
  const last = wins.find((r) => r.version === visit!.version);
  const note = (visit!.data as { response: { answers: Record<string, { note?: string }> } | null }).response?.answers.a1?.note;
  if (last && note !== writerNote(last.w, last.k)) tally.violation(`the shared visit's a1 note is ${note}, the last success wrote ${writerNote(last.w, last.k)}`);
  // Disjoint: each writer's person holds its last success, at one version per success.
  for (let w = 0; w < WRITERS; w++) {
    const mine = results.filter((r) => r.w === w && r.op === 'disjoint' && r.ok);
    const rec = await storage.get<{ position: string }>('people', '42', writerPersonId(w));
    tally.rowsChecked++;
    if (mine.length === 0) continue;
    if (!rec) tally.violation(`writer ${w}: ${mine.length} successes, no record`);
    else {
      if (rec.version !== mine.length) tally.violation(`writer ${w}: person at v${rec.version}, ${mine.length} successes`);
      if (rec.data.position !== writerPosition(w, mine.at(-1)!.k)) tally.violation(`writer ${w}: person says ${rec.data.position}, last success was ${mine.at(-1)!.k}`);
    }
  }
  // Every success has its audit event; the chain verifies; nothing is partial.
  const audit = await service.verifyAudit(A.director);
  const successes = results.filter((r) => r.ok).length;
  tally.rowsChecked += audit.count;
  if (!audit.ok) tally.violation(`verifyAudit fails: ${JSON.stringify(audit).slice(0, 300)}`);
  if (audit.count !== initialAudit + successes) tally.violation(`audit has ${audit.count} events, expected ${initialAudit} + ${successes} successes`);
  const partial = await auditNamesStoredVersions(storage, '42', Object.values(COLLECTIONS));
  tally.rowsChecked += partial.checked;
  for (const p of partial.problems) tally.violation(p);
}

async function initialState(file: string): Promise<{ visitVersion: number; audit: number }> {
  const s = createSqliteStorage({ filename: file });
  const visitVersion = (await s.get('visits', '42', SHARED_VISIT))!.version;
  const audit = (await s.lastAudit('42'))!.seq;
  await s.dispose();
  return { visitVersion, audit };
}

describe(`${WRITERS} writers × ${COMMANDS} commands on one SQLite file / ghi đồng thời`, () => {
  it('Promise-concurrent services, one connection each: 0 lost updates, every loser CONFLICT, audit verifies', async () => {
    const tally = new Tally('concurrency, 8 in-process writers');
    const file = freshCopy('in-process.db');
    const initial = await initialState(file);
    const storages = Array.from({ length: WRITERS }, () => createSqliteStorage({ filename: file, busyTimeoutMs: 20_000 }));
    const results: WriterResult[] = [];
    await Promise.all(
      storages.map(async (storage, w) => {
        const service = writerService(storage);
        for (let k = 0; k < COMMANDS; k++) results.push(await writerCommand(service, w, k));
      }),
    );
    for (const s of storages) await s.dispose();
    const storage = createSqliteStorage({ filename: file });
    results.sort((a, b) => a.w - b.w || a.k - b.k);
    await check(storage, results, initial.visitVersion, initial.audit, tally);
    await storage.dispose();
    tally.record(`${results.filter((r) => r.ok).length} committed`);
    expect(tally.violations).toEqual([]);
  }, 600_000);

  it('8 child processes: 0 lost updates, every loser CONFLICT, audit verifies', async () => {
    const tally = new Tally('concurrency, 8 processes');
    const file = freshCopy('processes.db');
    const initial = await initialState(file);
    const acks = Array.from({ length: WRITERS }, (_, w) => join(dir, `acks-${w}.jsonl`));
    for (const f of acks) writeFileSync(f, '');
    const children = acks.map((ack, w) => exited(spawnTsx(join(__dirname, 'children', 'writer.ts'), [file, String(w), String(COMMANDS), ack], tsconfig)));
    const outcomes = await Promise.all(children);
    for (const [w, o] of outcomes.entries()) expect(o.code, `writer ${w}: ${o.stderr}`).toBe(0);
    const results = acks.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as WriterResult & { ready?: boolean })
        .filter((r) => !r.ready),
    );
    expect(results.length).toBe(WRITERS * COMMANDS);
    const storage = createSqliteStorage({ filename: file });
    await check(storage, results, initial.visitVersion, initial.audit, tally);
    await storage.dispose();
    tally.record(`${results.filter((r) => r.ok).length} committed`);
    expect(tally.violations).toEqual([]);
  }, 600_000);
});
