/**
 * Audit-chain verification over 10,000 and 100,000 events: `service.verifyAudit` on a SQLite
 * store, against `node:crypto` SHA-256 over the same canonical records read with better-sqlite3
 * (a streaming `iterate()`: sequence, link and hash checked row by row, nothing kept).
 *
 * Untimed setup (once per size): a valid chain committed through the adapter (one batch per
 * event, no record puts), each record built by `chainAuditRecord` from `@pccovid-inspect/core/adapter-kit`.
 * Both sides then open that file afresh in their own process. The peak RSS at both sizes shows
 * whether verification memory stays flat as the log grows.
 *
 * Goal: ours ≤ 1.5× raw.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createInspectionService, type AuditRecord, type InspectionService } from '@pccovid-inspect/core';
import { chainAuditRecord, GENESIS_HASH } from '@pccovid-inspect/core/adapter-kit';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { HA_TINH_TENANT } from '@pccovid-inspect/province-ha-tinh';
import { runBench } from './harness.js';

const ACTIONS = ['visit.schedule', 'visit.start', 'answers.record', 'minutes.draft', 'minutes.sign', 'visit.review'] as const;
const STATES = ['planned', 'underway', 'underway', 'minutesDrafted', 'minutesSigned', 'reviewed'] as const;

/** Untimed: a valid chain of `size` events, committed through the adapter one batch each. */
async function prepare(size: number, dir: string): Promise<{ file: string }> {
  const file = join(dir, 'audit.db');
  const storage = createSqliteStorage({ filename: file });
  {
    let prev: AuditRecord | null = null;
    for (let i = 0; i < size; i++) {
      const visitId = `visit-${String(Math.floor(i / 6)).padStart(6, '0')}`;
      const k = i % 6;
      prev = await chainAuditRecord(prev, {
        tenantId: HA_TINH_TENANT.id,
        id: `audit-${String(i + 1).padStart(7, '0')}`,
        at: new Date(Date.UTC(2021, 11, 6, 1, 0, i)).toISOString(),
        actor: {
          role: k === 5 ? 'director' : k === 2 || k === 3 ? 'secretary' : 'inspectorateLead',
          id: k === 5 ? 'p-dau-tung-lam' : k === 2 || k === 3 ? 'p-secretary' : 'p-lead',
        },
        action: ACTIONS[k]!,
        subject: { collection: 'visits', id: visitId },
        details: { state: STATES[k]!, versions: { [`visits/${visitId}`]: k + 1 } },
      });
      await storage.commit({ tenantId: HA_TINH_TENANT.id, puts: [], audit: prev, outbox: [], outboxUpdates: [] });
    }
  }
  await storage.dispose();
  return { file };
}

/** JSON with object keys sorted at every level (what the chain hashes). */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const fileOf = (shared: unknown) => (shared as { file: string }).file;

await runBench(
  {
    name: 'audit',
    sizes: [10_000, 100_000],
    quickSizes: [10_000],
    opsPerRun: (n) => n,
    opLabel: 'event',
    goalRatio: 1.5,
    capMs: 300_000,
    work: (n) =>
      `verify a ${n.toLocaleString('en')}-event audit chain from a SQLite file (seq, link, SHA-256 of prevHash + canonical JSON); untimed setup = chain appended through the adapter (chainAuditRecord) once per size`,
    prepare,
    ours: {
      setup: (ctx) => createInspectionService({ storage: createSqliteStorage({ filename: fileOf(ctx.shared) }), tenant: HA_TINH_TENANT }),
      run: async (prepared, ctx) => {
        const result = await (prepared as InspectionService).verifyAudit({ role: 'director', id: 'p-dau-tung-lam' }, {});
        if (!result.ok || result.count !== ctx.size) throw new Error(`verification: ${JSON.stringify(result)}`);
      },
    },
    raw: {
      setup: (ctx) => new Database(fileOf(ctx.shared), { readonly: true }),
      run: (prepared, ctx) => {
        const db = prepared as Database.Database;
        const rows = db.prepare('SELECT record FROM audit_log WHERE tenant_id = ? ORDER BY seq').pluck();
        let prevHash = GENESIS_HASH;
        let seq = 0;
        for (const text of rows.iterate(HA_TINH_TENANT.id) as IterableIterator<string>) {
          const { hash, prevHash: link, ...rest } = JSON.parse(text) as AuditRecord;
          if (rest.seq !== seq + 1 || link !== prevHash) throw new Error(`broken at ${rest.seq}`);
          if (
            createHash('sha256')
              .update(`${link}\n${canonicalJson(rest)}`)
              .digest('hex') !== hash
          )
            throw new Error(`hash at ${rest.seq}`);
          prevHash = hash;
          seq = rest.seq;
        }
        if (seq !== ctx.size) throw new Error(`verified ${seq}`);
      },
    },
  },
  import.meta.url,
);
