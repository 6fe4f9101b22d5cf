import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { DeliveryReport } from '@pccovid-inspect/core';
import { spawnTsx } from './children.js';

/** The deliverer child's script. */
export const DELIVERER = join(__dirname, '..', 'children', 'deliverer.ts');

/** Starts `children/deliverer.ts` on a file, to the collector's port, its clock at `instant`. */
export function spawnDeliverer(tsconfig: string, db: string, port: number, instant: string, ackFile: string, goFile?: string): ChildProcess {
  return spawnTsx(DELIVERER, [db, String(port), instant, ackFile, ...(goFile ? [goFile] : [])], tsconfig);
}

/** What a deliverer child wrote: whether it got ready, and the report of each run it finished. */
export function readDelivererAcks(file: string): { ready: boolean; reports: DeliveryReport[] } {
  if (!existsSync(file)) return { ready: false, reports: [] };
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.endsWith('}'))
    .map((l) => JSON.parse(l) as DeliveryReport & { ready?: boolean });
  return { ready: lines.some((l) => l.ready === true), reports: lines.filter((l) => l.ready !== true) };
}

/** The reports summed. */
export function sumReports(reports: readonly DeliveryReport[]): DeliveryReport {
  const sum: DeliveryReport = { sent: 0, retrying: 0, fellBack: 0, dead: 0, held: 0, claimedElsewhere: 0, possibleDuplicates: 0, timedOut: 0 };
  for (const r of reports) for (const k of Object.keys(sum) as (keyof DeliveryReport)[]) sum[k] += r[k];
  return sum;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
