import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Team } from '@pccovid-inspect/core';
import { HA_TINH_2021_BODY_IDS as B, HA_TINH_TENANT } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { binCommand, type BinResult } from './run-bin.js';

/** The seed campaign's id. */
export const CAMPAIGN = 'campaign-ht-2021-pccovid';

/** The three targets of the round the field tests run: a market and a hospital (436), a school (443). */
export const TARGET_IDS = ['tg-cho-ht', 'tg-bv-tinh', 'tg-thpt-canloc'] as const;

/** The team of the seed (as the core tests form it). */
export const TEAM_MEMBERS: Team['members'] = [
  { personId: 'p-lead', role: 'lead', organizationId: B.inspectorate, source: 'inspectorate', districtCode: null },
  { personId: 'p-it', role: 'deputy', organizationId: B.itDivision, source: 'it_division', districtCode: null },
  { personId: 'p-secretary', role: 'secretary', organizationId: B.inspectorate, source: 'inspectorate', districtCode: null },
  { personId: 'p-health', role: 'member', organizationId: B.health, source: 'health', districtCode: null },
];

/**
 * Writes the files of a small round into `dir`: `plan.json` (the seed plan, the lead with a phone
 * and an e-mail so masking shows) and `targets.json` (the `targets.register` input of three targets).
 */
export function writeRoundFiles(dir: string): void {
  const seed = haTinh2021Seed();
  const people = seed.people.map((p) => (p.id === 'p-lead' ? { ...p, contact: { phone: '0912345678', email: 'hung@example.vn' } } : p));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ province: 'ha-tinh', directory: { organizations: seed.bodies, people }, campaign: seed.campaign }, null, 2));
  const targets = seed.targets.filter((t) => (TARGET_IDS as readonly string[]).includes(t.id));
  writeFileSync(join(dir, 'targets.json'), JSON.stringify({ campaignId: CAMPAIGN, targets }, null, 2));
}

/** A stored record as it is now (data, version, state), read straight from the SQLite file; null when absent. */
export async function storedRecord(db: string, collection: string, id: string): Promise<unknown> {
  const storage = createSqliteStorage({ filename: db });
  try {
    return await storage.get(collection, HA_TINH_TENANT.id, id);
  } finally {
    await storage.dispose();
  }
}

/** Runs `pccovid-inspect <args>` with `input` written to its stdin (a pipe: not a TTY). */
export function runBinWithInput(args: readonly string[], cwd: string, input: string): Promise<BinResult> {
  const { args: head, env: extra } = binCommand();
  const { PCCOVID_INSPECT_DB: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, [...head, ...args], { cwd, env: { ...base, ...extra }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(input);
  return new Promise<BinResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
