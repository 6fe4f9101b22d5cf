import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { classifyThrown } from './support/service-fuzz.js';
import { packagesRoot } from './support/packages-root.js';
import { A, roundAt, STAGES } from './support/round.js';
import { Tally } from './support/summary.js';
import { writerService } from './support/writer.js';

/**
 * Data already stored beyond today's limits (written by an older version, or by hand): a record
 * changed directly in the SQLite file with raw better-sqlite3 — a field far over its limit, a
 * control character, a wrong type, JSON that does not parse. Every read through the service must
 * give a typed error or the data, never a raw ZodError or a crash.
 */
interface RawDb {
  prepare(sql: string): { get(...a: unknown[]): unknown; run(...a: unknown[]): unknown };
  close(): void;
}
const Database = createRequire(join(packagesRoot(), 'packages', 'storage-sqlite', 'package.json'))('better-sqlite3') as new (file: string) => RawDb;

const dir = mkdtempSync(join(tmpdir(), 'pcci-stored-'));
const template = join(dir, 'closed.db');
const tally = new Tally('stored data beyond the limits');
const seen = new Map<string, number>();
afterAll(() => {
  tally.record([...seen].map(([k, n]) => `${k} ${n}`).join(', '));
  rmSync(dir, { recursive: true, force: true });
});
beforeAll(async () => {
  const storage = createSqliteStorage({ filename: template });
  await roundAt(
    storage,
    STAGES.findIndex((s) => s.name === 'remediation'),
  );
  await storage.dispose();
}, 120_000);

type Stored = Record<string, unknown>;
type Edit = (data: Stored) => unknown;
/** Reads `a.b.c` of stored JSON. */
const at = (d: Stored, path: string): unknown => (path === '' ? d : path.split('.').reduce<unknown>((o, k) => (o as Stored)[k], d));
/** Sets `a.b.c` of stored JSON to `value`; returns the whole. */
const put = (path: string, value: (old: unknown) => unknown) => (d: Stored) => {
  const keys = path.split('.');
  const parent = at(d, keys.slice(0, -1).join('.') || '') as Stored;
  parent[keys.at(-1)!] = value(parent[keys.at(-1)!]);
  return d;
};
const long = (n: number) => 'Đ'.repeat(n);
const CASES: { name: string; collection: string; id: string; edit: Edit | 'not json' }[] = [
  { name: 'target name of 100,000 characters', collection: 'targets', id: 'tg-cho-ht', edit: put('name', () => long(100_000)) },
  { name: 'target name with NUL and a lone surrogate', collection: 'targets', id: 'tg-cho-ht', edit: put('name', () => 'Chợ\u0000\uD800') },
  { name: 'campaign title of 50,000 characters', collection: 'campaigns', id: 'campaign-ht-2021-pccovid', edit: put('campaign.title', () => long(50_000)) },
  { name: 'minutes assessment of 200,000 characters', collection: 'visits', id: 'visit-03', edit: put('minutes.assessment', () => long(200_000)) },
  {
    name: 'minutes with 5,000 representatives',
    collection: 'visits',
    id: 'visit-03',
    edit: put('minutes.representatives', (old) => Array.from({ length: 5000 }, () => (old as unknown[])[0])),
  },
  { name: 'person full name of 20,000 characters', collection: 'people', id: 'p-lead', edit: put('fullName', () => long(20_000)) },
  { name: 'visit state of the wrong type', collection: 'visits', id: 'visit-03', edit: put('visit.scheduledOn', () => 20211207) },
  {
    name: 'remediation reason over its limit',
    collection: 'remediations',
    id: 'remediation-visit-03',
    edit: (d): unknown => JSON.parse(JSON.stringify(d).replace(/"Chợ[^"]*"/g, `"${long(30_000)}"`)),
  },
  { name: 'visit data that is not JSON', collection: 'visits', id: 'visit-03', edit: 'not json' },
];

const READS: [string, (s: ReturnType<typeof writerService>) => Promise<unknown>][] = [
  ['getVisit', (s) => s.getVisit(A.director, { visitId: 'visit-03' })],
  ['getVisit (target representative)', (s) => s.getVisit(A.targetRep, { visitId: 'visit-03' })],
  ['listVisits', (s) => s.listVisits(A.director, { campaignId: 'campaign-ht-2021-pccovid' })],
  ['getVisitPage', (s) => s.getVisitPage(A.viewer, { campaignId: 'campaign-ht-2021-pccovid', limit: 10 })],
  ['getCampaignOverview', (s) => s.getCampaignOverview(A.director, { campaignId: 'campaign-ht-2021-pccovid' })],
  ['listDocuments', (s) => s.listDocuments(A.director, { campaignId: 'campaign-ht-2021-pccovid' })],
  ['getDocument minutes', (s) => s.getDocument(A.director, { kind: 'minutes', visitId: 'visit-03' })],
  ['getDocument notice', (s) => s.getDocument(A.director, { kind: 'notice', visitId: 'visit-03' })],
  ['getDocument report', (s) => s.getDocument(A.director, { kind: 'report', campaignId: 'campaign-ht-2021-pccovid' })],
  ['getDocument plan', (s) => s.getDocument(A.director, { kind: 'plan', campaignId: 'campaign-ht-2021-pccovid' })],
  ['getDocument reminder', (s) => s.getDocument(A.director, { kind: 'reminder', remediationId: 'remediation-visit-03', index: 0 })],
  ['verifyAudit', (s) => s.verifyAudit(A.director)],
  ['sendReminder (a command over the stored data)', (s) => s.sendReminder(A.secretary, { remediationId: 'remediation-visit-03', sentOn: '2021-12-30' })],
  ['closeCampaign', (s) => s.closeCampaign(A.director, { campaignId: 'campaign-ht-2021-pccovid' })],
];

describe('stored data beyond the limits, read through the service / dữ liệu đã lưu vượt giới hạn', () => {
  for (const c of CASES) {
    it(`${c.name}: every read gives the data or a typed error`, async () => {
      const file = join(dir, `${c.collection}-${c.id}-${CASES.indexOf(c)}.db`);
      const raw0 = new Database(template);
      (raw0.prepare(`VACUUM INTO ?`) as { run(f: string): unknown }).run(file);
      raw0.close();
      const raw = new Database(file);
      const row = raw.prepare('SELECT data FROM records WHERE tenant_id = ? AND collection = ? AND id = ?').get('42', c.collection, c.id) as { data: string } | undefined;
      expect(row, `${c.collection}/${c.id} exists`).toBeDefined();
      const next = c.edit === 'not json' ? '{"visit": ' : JSON.stringify(c.edit(JSON.parse(row!.data) as Stored));
      raw.prepare('UPDATE records SET data = ? WHERE tenant_id = ? AND collection = ? AND id = ?').run(next, '42', c.collection, c.id);
      raw.close();
      tally.faults++;
      const storage = createSqliteStorage({ filename: file });
      const service = writerService(storage);
      const outcomes: string[] = [];
      for (const [name, read] of READS) {
        tally.runs++;
        try {
          const out = await read(service);
          outcomes.push(`${name}: ok${name === 'verifyAudit' ? ` (${(out as { ok: boolean }).ok ? 'intact' : 'altered'})` : ''}`);
          seen.set('read', (seen.get('read') ?? 0) + 1);
        } catch (e) {
          const bad = classifyThrown(e);
          outcomes.push(`${name}: ${bad ?? (e as { code: string }).code}`);
          if (bad) tally.violation(`${c.name} → ${name}: ${bad}`);
          else seen.set((e as { code: string }).code, (seen.get((e as { code: string }).code) ?? 0) + 1);
        }
        tally.rowsChecked++;
      }
      await storage.dispose();
      expect(tally.violations, outcomes.join('\n')).toEqual([]);
    }, 120_000);
  }
});
