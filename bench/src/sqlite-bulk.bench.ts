/**
 * 1,000,000 portal-statistics rows into a fresh SQLite file: ours (`guardStorage(createSqliteStorage(...))
 * .insertPortalStatistics(generator)`: core checks every row as the adapter reads it, the way the
 * service calls it) against raw better-sqlite3
 * (one prepared single-row INSERT per row in one transaction) into an identical table with the
 * same pragmas, in the same run. The rows come from the same generator on both sides and are
 * never held in an array.
 *
 * Run: `pnpm bench sqlite-bulk` (the public names resolve to the packages' sources through the
 * root tsconfig's paths: no build needed).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PortalStatisticsRow } from '@pccovid-inspect/core';
import { guardStorage, type GuardedStorage } from '@pccovid-inspect/core/adapter-kit';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { runBench, type BenchContext } from './harness.js';

const TARGETS = 4_000;
const DAYS = 250;
const ROWS = TARGETS * DAYS;

/** 250 consecutive civil dates from 2021-06-01. */
const DATES = Array.from({ length: DAYS }, (_, d) => new Date(Date.UTC(2021, 5, 1 + d)).toISOString().slice(0, 10));
const TARGET_IDS = Array.from({ length: TARGETS }, (_, t) => `t-${String(t).padStart(5, '0')}`);
const DISTRICTS = Array.from({ length: TARGETS }, (_, t) => String(436 + (t % 13)));

/** Day by day, every target — the shape of a daily portal export. */
function* portalRows(): Generator<PortalStatisticsRow> {
  for (let d = 0; d < DAYS; d++) {
    const date = DATES[d]!;
    for (let t = 0; t < TARGETS; t++) {
      const scans = (t * 31 + d * 17) % 97 < 9 ? 0 : (t * 7 + d) % 400;
      yield {
        tenantId: '42',
        targetId: TARGET_IDS[t]!,
        districtCode: DISTRICTS[t]!,
        date,
        registeredPoints: 1 + ((t + d) % 5),
        scans,
        distinctVisitors: scans >> 1,
      };
    }
  }
}

/** The same table as the adapter's schema (migration 2), for the raw side. */
const RAW_TABLE = `
  CREATE TABLE portal_statistics (
    tenant_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    date TEXT NOT NULL,
    district_code TEXT NOT NULL,
    registered_points INTEGER NOT NULL,
    scans INTEGER NOT NULL,
    distinct_visitors INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, target_id, date)
  ) WITHOUT ROWID;`;

/** A fresh file in the run's own directory (the harness removes it after the run's process exits). */
const freshFile = (ctx: BenchContext): string => join(ctx.runDir, 'bench.db');

await runBench(
  {
    name: 'sqlite-bulk',
    work: `${ROWS.toLocaleString('en')} portal-statistics rows, one call, fresh file (WAL, synchronous=NORMAL)`,
    goalRatio: 1.25,
    ours: {
      setup: (ctx) => guardStorage(createSqliteStorage({ filename: freshFile(ctx) })),
      run: async (prepared) => {
        const { inserted } = await (prepared as GuardedStorage).insertPortalStatistics(portalRows());
        if (inserted !== ROWS) throw new Error(`inserted ${inserted}, expected ${ROWS}`);
      },
    },
    raw: {
      setup: (ctx) => {
        const db = new Database(freshFile(ctx));
        db.pragma('busy_timeout = 5000');
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        db.exec(RAW_TABLE);
        return db;
      },
      run: (prepared) => {
        const db = prepared as Database.Database;
        const insert = db.prepare(
          'INSERT INTO portal_statistics (tenant_id, target_id, date, district_code, registered_points, scans, distinct_visitors) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        let inserted = 0;
        db.transaction(() => {
          for (const row of portalRows()) {
            insert.run(row.tenantId, row.targetId, row.date, row.districtCode, row.registeredPoints, row.scans, row.distinctVisitors);
            inserted++;
          }
        })();
        if (inserted !== ROWS) throw new Error(`inserted ${inserted}, expected ${ROWS}`);
      },
    },
  },
  import.meta.url,
);
