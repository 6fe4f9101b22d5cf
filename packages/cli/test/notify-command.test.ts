import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, runBin } from './helpers/run-bin.js';
import { CAMPAIGN, writeRoundFiles } from './helpers/round-fixture.js';

/** `notify`: the due outbox delivered in batches through the console notifier; `--dry-run` lists what is due. */
describe('pccovid-inspect notify (the real executable on a temporary SQLite file)', () => {
  let dir: string;
  let db: string;
  const bin = (args: readonly string[], clock = '2021-11-26T10:00:00+07:00') => runBin(['--db', db, '--json', '--clock', clock, ...args], dir);
  /** Delivery half an hour after the messages were queued (each run's clock starts at its own --clock). */
  const later = (args: readonly string[]) => bin(args, '2021-11-26T10:30:00+07:00');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pcci-cli-notify-'));
    db = join(dir, 'round.db');
    writeRoundFiles(dir);
    for (const args of [
      ['init', 'plan.json'],
      ['run', 'plan.issue', '--input', JSON.stringify({ campaignId: CAMPAIGN, issuedOn: '2021-11-26' })],
      ['--actor', 'inspectorateLead:p-lead', 'nominate', '--request', '--sent-on', '2021-11-26'],
    ]) {
      const r = await bin(args);
      if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the due messages without sending, then sends every one of them once, then none is due', async () => {
    const listed = jsonOf(await later(['notify', '--dry-run'])) as { ok: boolean; result: { id: string }[] };
    expect(listed.ok).toBe(true);
    // The plan to the bodies it concerns and the nomination request to each coordinating body.
    expect(listed.result.length).toBeGreaterThan(14);
    const again = jsonOf(await later(['notify', '--dry-run'])) as { result: unknown[] };
    expect(again.result).toHaveLength(listed.result.length); // a dry run changes nothing

    const sent = await later(['notify']);
    expect(sent.code, sent.stdout + sent.stderr).toBe(0);
    const report = (jsonOf(sent) as { result: { sent: number; dead: number; retrying: number; printed: string[] } }).result;
    expect(report).toMatchObject({ sent: listed.result.length, dead: 0, retrying: 0 });
    expect(report.printed.join('\n')).toContain('Đề nghị');
    expect(sent.stderr).not.toContain('█'); // not a terminal: no progress bar

    const after = jsonOf(await later(['notify', '--dry-run'])) as { result: unknown[] };
    expect(after.result).toEqual([]);
    const none = (jsonOf(await later(['notify'])) as { result: { sent: number } }).result;
    expect(none.sent).toBe(0);
  }, 120_000);
});
