import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, runBin } from './helpers/run-bin.js';
import { CAMPAIGN, storedRecord, writeRoundFiles } from './helpers/round-fixture.js';

/** `--clock` / PCCOVID_INSPECT_CLOCK: replaying a past round with the service's clock at its real dates. */
describe('pccovid-inspect --clock (the real executable on a temporary SQLite file)', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pcci-cli-clock-'));
    db = join(dir, 'round.db');
    writeRoundFiles(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an instant that is not ISO 8601 with a usage error, and creates nothing', async () => {
    const r = await runBin(['--db', db, '--json', '--clock', 'next tuesday', 'init', 'plan.json'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(jsonOf(r)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(db)).toBe(false);
  }, 60_000);

  it('records as at the given instant: the plan, then a date option defaulting to that day in Việt Nam', async () => {
    const init = await runBin(['--db', db, '--json', '--clock', '2021-11-26T08:00:00+07:00', 'init', 'plan.json'], dir);
    expect(init.code, init.stdout + init.stderr).toBe(0);
    const issue = await runBin(
      ['--db', db, '--json', '--clock', '2021-11-26T09:00:00+07:00', 'run', 'plan.issue', '--input', JSON.stringify({ campaignId: CAMPAIGN, issuedOn: '2021-11-26' })],
      dir,
    );
    expect(issue.code, issue.stdout + issue.stderr).toBe(0);
    // 06:30 in Hà Tĩnh on 27/11 is still 26/11 in UTC: the default date is the Vietnamese one.
    const request = await runBin(['--db', db, '--json', '--actor', 'inspectorateLead:p-lead', 'nominate', '--request'], dir, {
      PCCOVID_INSPECT_CLOCK: '2021-11-27T06:30:00+07:00',
    });
    expect(request.code, request.stdout + request.stderr).toBe(0);
    const stored = (await storedRecord(db, 'campaigns', CAMPAIGN)) as { data: Record<string, unknown> } | null;
    expect(stored?.data.nominationRequest).toMatchObject({ sentOn: '2021-11-27' });
    const audit = await runBin(['--db', db, '--json', 'audit', 'verify'], dir);
    expect(jsonOf(audit)).toMatchObject({ ok: true, result: { ok: true } });
  }, 120_000);
});
