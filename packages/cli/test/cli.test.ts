import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Target } from '@pccovid-inspect/core';
import { HA_TINH_TENANT } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { jsonOf, runBin, startBin } from './helpers/run-bin.js';

const CAMPAIGN = 'campaign-ht-2021-pccovid';
const TYPES = ['provincial_department', 'central_agency', 'district_peoples_committee', 'business', 'hospital', 'market', 'office', 'school'];
const DISTRICTS = ['436', '437', '439', '440', '441', '442', '443', '444', '445', '446', '447', '448', '449'];
const SMALL_ROWS = 20;
const LARGE_ROWS = 20_000;

/** A targets CSV as the import expects it (Vietnamese headers). */
function targetsCsv(prefix: string, rows: number): string {
  const lines = ['Mã đơn vị,Tên đơn vị,Mã QR,Mã huyện,Loại hình,Địa chỉ'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${prefix}-${String(i).padStart(5, '0')},Đơn vị ${prefix} số ${i},${prefix.toUpperCase()}QR${String(i).padStart(7, '0')},${DISTRICTS[i % 13]},${TYPES[i % 8]},Số ${i} đường Trần Phú`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The seed campaign as a plan file. */
function seedPlan(): Record<string, unknown> {
  const seed = haTinh2021Seed();
  return { province: 'ha-tinh', directory: { organizations: seed.bodies, people: seed.people }, campaign: seed.campaign };
}

async function countTargets(db: string): Promise<number> {
  const storage = createSqliteStorage({ filename: db });
  try {
    let n = 0;
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await storage.query<Target>({ collection: 'targets', tenantId: HA_TINH_TENANT.id, limit: 1000, cursor });
      n += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== null);
    return n;
  } finally {
    await storage.dispose();
  }
}

/** 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('pccovid-inspect (the real executable on a temporary SQLite file)', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pccovid-cli-'));
    db = join(dir, 'round.db');
    const plan = seedPlan();
    writeFileSync(join(dir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
    writeFileSync(join(dir, 'plan.yaml'), stringify(plan));
    // A plan with a misspelt key and, so, a missing required field.
    writeFileSync(join(dir, 'bad.yaml'), stringify(plan).replace(/^ {2}archiveCode:/m, '  archiveKode:'));
    writeFileSync(join(dir, 'broken.json'), '{\n  "province": "ha-tinh",\n  "directory": { "organizations": [] ,\n}\n');
    writeFileSync(join(dir, 'small.csv'), targetsCsv('s', SMALL_ROWS));
    writeFileSync(join(dir, 'large.csv'), targetsCsv('l', LARGE_ROWS));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('status on a missing database: CONFIGURATION_INVALID, exit 3, a hint to run init, no file created', async () => {
    const human = await runBin(['--db', db, 'status'], dir);
    expect(human.code).toBe(3);
    expect(human.stderr).toContain('CONFIGURATION_INVALID');
    expect(human.stderr).toContain('pccovid-inspect init');
    expect(human.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user's mistake
    const json = await runBin(['--db', db, '--json', 'status'], dir);
    expect(json.code).toBe(3);
    expect(jsonOf(json)).toMatchObject({ ok: false, error: { code: 'CONFIGURATION_INVALID' } });
    expect(existsSync(db)).toBe(false);
  }, 60_000);

  it('init with a malformed plan names the field and its line, exit 1, and creates nothing', async () => {
    const text = readFileSync(join(dir, 'bad.yaml'), 'utf8');
    const r = await runBin(['--db', db, '--lang', 'en', 'init', 'bad.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('VALIDATION_FAILED');
    expect(r.stderr).toContain('campaign.archiveKode');
    expect(r.stderr).toContain(`bad.yaml:${lineOf(text, 'archiveKode:')}:`);
    expect(r.stderr).toContain('campaign.archiveCode'); // the required field now missing
    expect(r.stderr).not.toMatch(/\n\s+at /);

    const broken = await runBin(['--db', db, '--json', 'init', 'broken.json'], dir);
    expect(broken.code).toBe(1);
    const error = jsonOf(broken).error!;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.messageEn).toMatch(/broken\.json:4:\d+ \(dòng \/ line 4\)/);
    expect(existsSync(db)).toBe(false);
  }, 60_000);

  it('init from the seed plan (JSON, and YAML on another database) creates the campaign', async () => {
    const r = await runBin(['--db', db, '--json', 'init', 'plan.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(jsonOf(r)).toMatchObject({ ok: true, result: { campaign: { id: CAMPAIGN, state: 'draft' } } });
    const yaml = await runBin(['init', 'plan.yaml'], dir, { PCCOVID_INSPECT_DB: join(dir, 'from-yaml.db') });
    expect(yaml.code, yaml.stderr).toBe(0);
    expect(yaml.stdout).toContain(`Đã tạo đợt kiểm tra ${CAMPAIGN}`);
    expect(yaml.stdout).toContain(`Created campaign ${CAMPAIGN}`);
  }, 60_000);

  it('run with bad input is VALIDATION_FAILED, exit 1; an unknown command or option is a usage error, exit 2', async () => {
    const bad = await runBin(['--db', db, '--json', 'run', 'plan.issue', '--input', JSON.stringify({ campaignId: CAMPAIGN, issuedOn: 'yesterday' })], dir);
    expect(bad.code).toBe(1);
    expect(jsonOf(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const notJson = await runBin(['--db', db, 'run', 'plan.issue', '--input', '{campaignId'], dir);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('VALIDATION_FAILED');
    const unknown = await runBin(['--db', db, '--json', 'run', 'plan.publish'], dir);
    expect(unknown.code).toBe(2);
    expect(jsonOf(unknown).error).toMatchObject({ code: 'USAGE', hint: expect.stringContaining('plan.issue') as unknown });
    const option = await runBin(['--db', db, 'status', '--colour'], dir);
    expect(option.code).toBe(2);
  }, 60_000);

  it('import: a small CSV, then Ctrl-C during a large one (exit 130, nothing half-written), then a rerun completes the exact count', async () => {
    const small = await runBin(['--db', db, '--json', 'import', 'targets', 'small.csv'], dir);
    expect(small.code, small.stderr).toBe(0);
    expect(jsonOf(small).result).toMatchObject({ rowsWritten: SMALL_ROWS, rowsQuarantined: 0 });
    expect(await countTargets(db)).toBe(SMALL_ROWS);

    const checkpoint = join(dir, 'large.csv.checkpoint.json');
    const run = startBin(['--db', db, '--json', 'import', 'targets', 'large.csv', '--batch-size', '100'], dir);
    // Interrupt once the import has committed some batches.
    let exited = false;
    void run.done.then(() => (exited = true));
    while (!existsSync(checkpoint) && !exited) await sleep(20);
    run.child.kill('SIGINT');
    const interrupted = await run.done;
    expect(interrupted.code, interrupted.stdout + interrupted.stderr).toBe(130);
    expect(interrupted.code).toBe(130);
    expect(jsonOf(interrupted).error).toMatchObject({ code: 'INTERRUPTED' });
    const state = JSON.parse(readFileSync(checkpoint, 'utf8')) as { rowsDone: number; written: number; complete: boolean };
    expect(state.complete).toBe(false);
    expect(state.rowsDone).toBeLessThan(LARGE_ROWS);
    // What the checkpoint says was written is exactly what is stored: no half batch.
    expect(await countTargets(db)).toBe(SMALL_ROWS + state.written);

    const rerun = await runBin(['--db', db, '--json', 'import', 'targets', 'large.csv', '--batch-size', '100'], dir);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(jsonOf(rerun).result).toMatchObject({ rowsRead: LARGE_ROWS, rowsWritten: LARGE_ROWS, rowsSkipped: state.rowsDone });
    expect(await countTargets(db)).toBe(SMALL_ROWS + LARGE_ROWS);
  }, 180_000);

  it('documents writes the PDFs of what the campaign has (after plan.issue through run)', async () => {
    const issued = await runBin(['--db', db, '--json', 'run', 'plan.issue', '--input', JSON.stringify({ campaignId: CAMPAIGN, issuedOn: '2021-11-26' })], dir);
    expect(issued.code, issued.stderr).toBe(0);
    expect(jsonOf(issued).result).toMatchObject({ state: 'issued', numberSymbol: '01/KH-STTTT' });
    const out = join(dir, 'out');
    const r = await runBin(['--db', db, 'documents', '--out', out, '--format', 'pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toContain('KH-ke-hoach.pdf');
    for (const f of pdfs) expect(readFileSync(join(out, f)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('status --json gives the overview; the terminal gets a table', async () => {
    const json = await runBin(['--db', db, '--json', 'status'], dir);
    expect(json.code, json.stderr).toBe(0);
    expect(jsonOf(json)).toMatchObject({ ok: true, result: { id: CAMPAIGN, state: 'issued', planNumberSymbol: '01/KH-STTTT', visits: { total: 0 } } });
    const human = await runBin(['--db', db, '--lang', 'en', 'status'], dir);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('State: issued; plan: 01/KH-STTTT');
    expect(human.stdout).not.toContain('Trạng thái');
  }, 60_000);

  it('audit verify: the chain is intact', async () => {
    const r = await runBin(['--db', db, '--json', 'audit', 'verify'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(jsonOf(r)).toMatchObject({ ok: true, result: { ok: true } });
  }, 60_000);
});
