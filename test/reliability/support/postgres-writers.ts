import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { StorageAdapter } from '@pccovid-inspect/core';
import { COLLECTIONS } from '@pccovid-inspect/core/adapter-kit';
import { createPostgresStorage, type PostgresStorage } from '@pccovid-inspect/storage-postgres';
import { auditNamesStoredVersions } from './checks.js';
import { spawnTsx } from './children.js';
import { createDatabase, type TestDatabase } from './postgres-server.js';
import { A, roundAt, STAGES } from './round.js';
import type { Tally } from './summary.js';
import { SHARED_VISIT, writerNote, writerPersonId, writerPosition, writerService, type WriterResult } from './writer.js';

/** The PostgreSQL writer child's script. */
export const PG_WRITER = join(__dirname, '..', 'children', 'pg-writer.ts');

/** The adapter as the tests open it (a small pool: many of them share one server). */
export const openPostgres = (url: string): Promise<PostgresStorage> =>
  createPostgresStorage({ connectionString: url, poolSize: 2, connectTimeoutMs: 60_000, statementTimeoutMs: 60_000 });

/** A database with the reliability round driven up to "visits started" (the writers' starting point), to copy with `TEMPLATE`. */
export async function startedRoundDatabase(adminUrl: string, prefix: string): Promise<TestDatabase> {
  const db = await createDatabase(adminUrl, prefix);
  const storage = await openPostgres(db.url);
  try {
    await roundAt(
      storage,
      STAGES.findIndex((s) => s.name === 'visits started'),
    );
  } finally {
    await storage.dispose();
  }
  return db;
}

/** Starts `children/pg-writer.ts`. */
export function spawnPgWriter(tsconfig: string, url: string, w: number, count: number, ackFile: string, goFile?: string): ChildProcess {
  return spawnTsx(PG_WRITER, [url, String(w), String(count), ackFile, '0', ...(goFile ? [goFile] : [])], tsconfig);
}

/** What a writer child acknowledged (a line cut by a kill is left out), and whether it got ready. */
export function readWriterAcks(file: string): { ready: boolean; results: WriterResult[] } {
  if (!existsSync(file)) return { ready: false, results: [] };
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.endsWith('}'))
    .map((l) => JSON.parse(l) as WriterResult & { ready?: boolean });
  return { ready: lines.some((l) => l.ready === true), results: lines.filter((l) => l.ready !== true) };
}

/** The shared visit's version and the audit head before the writers run. */
export async function initialState(storage: StorageAdapter): Promise<{ visitVersion: number; audit: number }> {
  const visit = await storage.get('visits', '42', SHARED_VISIT);
  const head = await storage.lastAudit('42');
  return { visitVersion: visit!.version, audit: head!.seq };
}

/**
 * The concurrency check (as the SQLite test's): every loser CONFLICT; the overlapping successes'
 * versions distinct and exactly the versions the visit went through, its note the last success's;
 * each writer's person at one version per success holding its last success; one audit event per
 * success, the chain verifies, the audit names exactly the stored versions.
 */
export async function checkWriters(
  storage: StorageAdapter,
  results: readonly WriterResult[],
  writers: number,
  initial: { visitVersion: number; audit: number },
  tally: Tally,
): Promise<void> {
  tally.runs += results.length;
  for (const r of results) {
    if (r.ok) continue;
    tally.faults++;
    if (r.code !== 'CONFLICT') tally.violation(`writer ${r.w} command ${r.k} (${r.op}) lost with ${r.code ?? r.raw}, not CONFLICT`);
  }
  const wins = results.filter((r) => r.ok && r.op === 'overlap');
  const versions = wins.map((r) => r.version!).sort((a, b) => a - b);
  const visit = await storage.get('visits', '42', SHARED_VISIT);
  tally.rowsChecked += wins.length;
  if (new Set(versions).size !== versions.length) tally.violation(`two successes returned one visit version (lost update): ${versions.join(',')}`);
  if (visit!.version !== initial.visitVersion + wins.length) tally.violation(`visit at v${visit!.version}, expected v${initial.visitVersion} + ${wins.length} successes`);
  const last = wins.find((r) => r.version === visit!.version);
  const note = (visit!.data as { response: { answers: Record<string, { note?: string }> } | null }).response?.answers.a1?.note;
  if (last && note !== writerNote(last.w, last.k)) tally.violation(`the shared visit's a1 note is ${note}, the last success wrote ${writerNote(last.w, last.k)}`);
  for (let w = 0; w < writers; w++) {
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
  const audit = await writerService(storage).verifyAudit(A.director);
  const successes = results.filter((r) => r.ok).length;
  tally.rowsChecked += audit.count;
  if (!audit.ok) tally.violation(`verifyAudit fails: ${JSON.stringify(audit).slice(0, 300)}`);
  if (audit.count !== initial.audit + successes) tally.violation(`audit has ${audit.count} events, expected ${initial.audit} + ${successes} successes`);
  await checkNothingPartial(storage, tally, '');
}

/** The audit names exactly the stored versions (the SQLite tests' check), each problem a violation. */
export async function checkNothingPartial(storage: StorageAdapter, tally: Tally, prefix: string): Promise<void> {
  const partial = await auditNamesStoredVersions(storage, '42', Object.values(COLLECTIONS));
  tally.rowsChecked += partial.checked;
  for (const p of partial.problems) tally.violation(`${prefix}${p}`);
}
