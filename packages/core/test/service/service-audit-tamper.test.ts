import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRecord, StorageAdapter } from '@pccovid-inspect/core';
import { createInspectionService } from '@pccovid-inspect/core';
import { hashAuditRecord } from '@pccovid-inspect/core/adapter-kit';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { A, createHarness } from './harness.js';

/** A second connection to the same file (better-sqlite3, as the SQLite adapter's own tests use), to tamper with rows behind the service's back. */
interface Connection {
  prepare(sql: string): { run(...params: unknown[]): { changes: number }; get(...params: unknown[]): unknown };
  close(): void;
}
const openConnection = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../../../storage-sqlite/package.json'))('better-sqlite3') as new (
  filename: string,
) => Connection;

const KEY = new TextEncoder().encode('ha-tinh audit key: 32 bytes long'); // raw HMAC key bytes
const dirs: string[] = [];
const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const d of disposers.splice(0)) await d();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A scheduled round (directory, campaign, plan number, team, 3 targets, 3 visits, schedule fixed) on SQLite over a temp file. */
async function sqliteRound(auditKey?: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'pccovid-audit-tamper-'));
  dirs.push(dir);
  const filename = join(dir, 'inspect.db');
  const storage = createSqliteStorage({ filename });
  const db = new openConnection(filename);
  disposers.push(async () => {
    db.close();
    await storage.dispose();
  });
  const h = createHarness({ storage, ...(auditKey ? { auditKey } : {}) });
  await h.steps.scheduled();
  const lastSeq = () => (db.prepare("SELECT max(seq) AS n FROM audit_log WHERE tenant_id = '42'").get() as { n: number }).n;
  return { h, db, storage, lastSeq };
}

describe('verifyAudit detects tampering without a secret', () => {
  it('an intact round verifies ok, every record compared with its event', async () => {
    const { h, lastSeq } = await sqliteRound();
    const result = await h.service.verifyAudit(A.director);
    expect(result).toMatchObject({ ok: true, count: lastSeq(), unverifiedRecords: 0, macChecked: false, checkpointChecked: false });
    expect(result.records).toBeGreaterThan(10);
  });

  it.each([
    ['the last event', 1],
    ['the last three events', 3],
    ['the whole log', Infinity],
  ])('%s deleted: a record has no event (recordWithoutEvent)', async (_what, n) => {
    const { h, db, lastSeq } = await sqliteRound();
    const changes = db.prepare("DELETE FROM audit_log WHERE tenant_id = '42' AND seq > ?").run(Number.isFinite(n) ? lastSeq() - n : 0).changes;
    expect(changes).toBeGreaterThanOrEqual(Math.min(n, 3));
    const result = await h.service.verifyAudit(A.director);
    expect(result).toMatchObject({ ok: false, reason: 'recordWithoutEvent' });
    if (!result.ok) {
      expect(result.subject?.id).toBeTruthy();
      expect(result.message.vi).toContain('không có sự kiện nhật ký');
    }
  });

  it('rows moved to another tenant: the events name their own tenant (tenant), and a checkpoint of the old tenant fails', async () => {
    const { h, db, storage } = await sqliteRound();
    const checkpoint = await h.service.checkpointAudit(A.director);
    db.prepare('PRAGMA foreign_keys = OFF').run();
    db.prepare("UPDATE audit_log SET tenant_id = '99' WHERE tenant_id = '42'").run();
    db.prepare("UPDATE record_indexes SET tenant_id = '99' WHERE tenant_id = '42'").run();
    db.prepare("UPDATE records SET tenant_id = '99' WHERE tenant_id = '42'").run();
    const other = createInspectionService({ storage, tenant: { ...h.seed.tenant, id: '99' } });
    expect(await other.verifyAudit(A.director)).toMatchObject({ ok: false, reason: 'tenant', brokenAtSeq: 1 });
    expect(await h.service.verifyAudit(A.director)).toMatchObject({ ok: true, count: 0, records: 0 }); // nothing left to see…
    expect(await h.service.verifyAudit(A.director, { checkpoint })).toMatchObject({ ok: false, reason: 'checkpoint', brokenAtSeq: checkpoint.seq }); // …but the checkpoint is gone
  });

  it('a record row edited directly at the same version: its data no longer matches the digest of its event (recordChanged)', async () => {
    const { h, db } = await sqliteRound();
    expect(db.prepare("UPDATE records SET data = json_set(data, '$.visit.scheduledOn', '2021-12-31') WHERE tenant_id = '42' AND id = 'v-market'").run().changes).toBe(1);
    const result = await h.service.verifyAudit(A.director);
    expect(result).toMatchObject({ ok: false, reason: 'recordChanged', subject: { collection: 'visits', id: 'v-market' } });
    if (!result.ok) expect(result.brokenAtSeq).toBeGreaterThan(0);
  });

  it("a record row's version bumped without an event (recordWithoutEvent)", async () => {
    const { h, db } = await sqliteRound();
    db.prepare("UPDATE records SET version = version + 1 WHERE tenant_id = '42' AND id = 'v-school'").run();
    expect(await h.service.verifyAudit(A.director)).toMatchObject({ ok: false, reason: 'recordWithoutEvent', subject: { collection: 'visits', id: 'v-school' } });
  });

  it('a deleted tail below a published checkpoint is detected even when every record was deleted too', async () => {
    const { h, db } = await sqliteRound();
    const checkpoint = await h.service.checkpointAudit(A.viewer);
    expect(checkpoint.tenantId).toBe('42');
    expect(checkpoint.seq).toBeGreaterThan(5);
    expect(checkpoint.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpoint.mac).toBeUndefined();
    expect(await h.service.verifyAudit(A.director, { checkpoint })).toMatchObject({ ok: true, checkpointChecked: true });
    db.prepare("DELETE FROM audit_log WHERE tenant_id = '42' AND seq > 5").run();
    db.prepare("DELETE FROM record_indexes WHERE tenant_id = '42'").run();
    db.prepare("DELETE FROM records WHERE tenant_id = '42'").run();
    expect(await h.service.verifyAudit(A.director)).toMatchObject({ ok: true, count: 5, records: 0 }); // consistent, as far as anyone can tell
    const result = await h.service.verifyAudit(A.director, { checkpoint });
    expect(result).toMatchObject({ ok: false, reason: 'checkpoint', brokenAtSeq: checkpoint.seq, count: 5 });
    if (!result.ok) expect(result.message.en).toContain(`no longer holds event #${checkpoint.seq}`);
  });
});

/** Edits the last event (its actor) and recomputes its hash, keeping (or dropping) its mac. */
async function rewriteLastEvent(db: Connection, seq: number, dropMac = false) {
  const row = db.prepare("SELECT record FROM audit_log WHERE tenant_id = '42' AND seq = ?").get(seq) as { record: string };
  const { hash: _hash, mac, ...event } = JSON.parse(row.record) as AuditRecord;
  const edited = { ...event, actor: { role: 'director', id: 'p-dau-tung-lam' } };
  const rewritten: AuditRecord = { ...edited, hash: await hashAuditRecord(edited), ...(mac !== undefined && !dropMac ? { mac } : {}) };
  db.prepare("UPDATE audit_log SET record = ? WHERE tenant_id = '42' AND seq = ?").run(JSON.stringify(rewritten), seq);
}

describe('verifyAudit with the host audit key', () => {
  it('an intact round: every event signed and checked; signed checkpoints verify, forged ones do not', async () => {
    const { h } = await sqliteRound(KEY);
    expect(await h.service.verifyAudit(A.director)).toMatchObject({ ok: true, macChecked: true, eventsWithoutMac: 0 });
    const checkpoint = await h.service.checkpointAudit(A.lead);
    expect(checkpoint.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(await h.service.verifyAudit(A.director, { checkpoint })).toMatchObject({ ok: true, checkpointChecked: true });
    expect(await h.service.verifyAudit(A.director, { checkpoint: { ...checkpoint, seq: 2 } })).toMatchObject({ ok: false, reason: 'checkpoint' });
  });

  it('the last event edited and its hash recomputed: detected with the key (mac), reported macChecked: false without it', async () => {
    const signed = await sqliteRound(KEY);
    await rewriteLastEvent(signed.db, signed.lastSeq());
    expect(await signed.h.service.verifyAudit(A.director)).toMatchObject({ ok: false, reason: 'mac', brokenAtSeq: signed.lastSeq() });

    const dropped = await sqliteRound(KEY);
    await rewriteLastEvent(dropped.db, dropped.lastSeq(), true);
    expect(await dropped.h.service.verifyAudit(A.director)).toMatchObject({ ok: false, reason: 'mac', brokenAtSeq: dropped.lastSeq() });

    const unsigned = await sqliteRound();
    await rewriteLastEvent(unsigned.db, unsigned.lastSeq());
    expect(await unsigned.h.service.verifyAudit(A.director)).toMatchObject({ ok: true, macChecked: false });
  });

  it('refuses a key that is not an HMAC-SHA-256 key', async () => {
    const { seed } = createHarness();
    expect(() => createInspectionService({ storage: createMemoryStorage(), tenant: seed.tenant, auditKey: new Uint8Array(4) })).toThrow(/auditKey/);
    const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['encrypt']);
    expect(() => createInspectionService({ storage: createMemoryStorage(), tenant: seed.tenant, auditKey: aes })).toThrow(/HMAC/);
    const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const h = createHarness({ auditKey: hmac });
    await h.steps.created();
    expect(await h.service.verifyAudit(A.director)).toMatchObject({ ok: true, macChecked: true });
  });
});

describe('concurrent commands keep the chain whole', () => {
  const storages: [string, () => StorageAdapter][] = [
    ['memory', () => createMemoryStorage()],
    [
      'sqlite',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'pccovid-audit-concurrency-'));
        dirs.push(dir);
        const storage = createSqliteStorage({ filename: join(dir, 'inspect.db') });
        disposers.push(() => storage.dispose());
        return storage;
      },
    ],
  ];

  /** Nine visits of one province (across the seed's targets), schedule fixed, v-0 started (the campaign is underway). */
  async function eightVisits(storage: StorageAdapter) {
    const h = createHarness({ storage, auditKey: KEY });
    await h.steps.teamFormed();
    for (const target of h.seed.targets) await h.service.registerTarget(A.lead, { target });
    const ids = Array.from({ length: 8 }, (_, i) => `v-${i + 1}`);
    for (const [i, visitId] of ['v-0', ...ids].entries()) {
      const target = h.seed.targets[i % h.seed.targets.length]!;
      await h.service.scheduleVisit(A.lead, {
        visitId,
        campaignId: h.campaignId,
        targetId: target.id,
        scheduledOn: `2021-12-${String(7 + i).padStart(2, '0')}`,
        memberIds: ['p-lead', ...(['436', '443'].includes(target.districtCode) ? [`p-vhtt-${target.districtCode}`] : [])],
      });
    }
    await h.service.fixSchedule(A.lead, { campaignId: h.campaignId });
    await h.service.startVisit(A.lead, { visitId: 'v-0' });
    return { h, ids };
  }

  it.each(storages)('%s: 8 concurrent commands on 8 different visits all succeed, and the chain verifies', async (_name, make) => {
    const { h, ids } = await eightVisits(make());
    const results = await Promise.allSettled(ids.map((visitId) => h.service.startVisit(A.lead, { visitId })));
    expect(results.map((r) => (r.status === 'fulfilled' ? 'fulfilled' : String((r.reason as Error).message)))).toEqual(Array(8).fill('fulfilled'));
    expect(await h.service.verifyAudit(A.director)).toMatchObject({ ok: true, macChecked: true, unverifiedRecords: 0 });
  });

  it.each(storages)('%s: 8 concurrent commands on one visit: 1 succeeds, 7 get CONFLICT, and the chain verifies', async (_name, make) => {
    const { h } = await eightVisits(make());
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => h.service.startVisit(A.lead, { visitId: 'v-1' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(7);
    for (const r of lost) expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await h.service.verifyAudit(A.director)).toMatchObject({ ok: true, macChecked: true });
  });
});
