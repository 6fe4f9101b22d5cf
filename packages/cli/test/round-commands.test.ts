import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PC_COVID_CHECKLIST_V1 } from '@pccovid-inspect/core';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { jsonOf, runBin, type BinResult } from './helpers/run-bin.js';
import { CAMPAIGN, TEAM_MEMBERS, runBinWithInput, storedRecord, writeRoundFiles } from './helpers/round-fixture.js';

const LEAD = ['--actor', 'inspectorateLead:p-lead'];
const MARKET = 'visit-tg-cho-ht';
const HOSPITAL = 'visit-tg-bv-tinh';
const SCHOOL = 'visit-tg-thpt-canloc';

/** A rejected run: its exit code and typed error code, no stack trace. */
function expectRejected(r: BinResult, exit: number, code: string): void {
  expect(r.code, r.stdout + r.stderr).toBe(exit);
  if (r.stdout.trimStart().startsWith('{')) expect(jsonOf(r)).toMatchObject({ ok: false, error: { code } });
  else expect(r.stderr).toContain(code);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** Every line the prompts of `visit answers --prompt` read, for "all Chưa đạt with a note, no fields". */
function promptInput(): string {
  const lines: string[] = [];
  for (const section of PC_COVID_CHECKLIST_V1.sections) {
    for (const item of section.items) {
      lines.push('c', `Chưa đạt: ${item.id}`);
      for (const _ of Object.keys(PC_COVID_CHECKLIST_V1.answerTypes[item.answerType]?.fields ?? {})) lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('pccovid-inspect round commands (the real executable on a temporary SQLite file)', () => {
  let dir: string;
  let db: string;
  const bin = (args: readonly string[]): Promise<BinResult> => runBin(['--db', db, ...args], dir);
  const ok = async (args: readonly string[]): Promise<Record<string, unknown>> => {
    const r = await bin(['--json', ...args]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return jsonOf(r).result as Record<string, unknown>;
  };
  const scheduled = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pccovid-cli-round-'));
    db = join(dir, 'round.db');
    writeRoundFiles(dir);
    writeFileSync(join(dir, 'team.yaml'), stringify({ name: 'Tổ Kiểm tra PC-Covid', members: TEAM_MEMBERS }));
    writeFileSync(join(dir, 'two-leads.json'), JSON.stringify(TEAM_MEMBERS.map((m) => ({ ...m, role: 'lead' }))));
    await ok(['init', 'plan.json']);
    await ok(['run', 'targets.register', '--input', '@targets.json']);
    await ok(['run', 'plan.issue', '--input', JSON.stringify({ campaignId: CAMPAIGN, issuedOn: '2021-11-26' })]);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('nominate: the request, one on time, one late (the service decides); a body not asked is VALIDATION_FAILED and nothing changes', async () => {
    expect(await ok(['nominate', '--request', '--sent-on', '2021-11-26'])).toMatchObject({ state: 'nominating', deadline: '2021-11-28' });
    expect(await ok(['nominate', 'org-syt', 'p-health', '--received-on', '2021-11-27'])).toMatchObject({ late: false });
    const late = await bin(['--lang', 'en', 'nominate', 'org-vhtt-449', 'p-vhtt-449', '--received-on', '2021-11-30', '--district', '449']);
    expect(late.code, late.stderr).toBe(0);
    expect(late.stdout).toContain('LATE: the deadline was 28/11/2021');

    const before = await storedRecord(db, 'campaigns', CAMPAIGN);
    expectRejected(await bin(['--json', 'nominate', 'org-stttt-vp', 'p-secretary', '--received-on', '2021-11-27']), 1, 'VALIDATION_FAILED');
    expectRejected(await bin(['nominate', 'org-syt']), 2, 'USAGE');
    expect(await storedRecord(db, 'campaigns', CAMPAIGN)).toEqual(before);
  }, 120_000);

  it('team form: two leads are VALIDATION_FAILED (no team, no number); the file forms it with a QĐ number; team list masks contacts by role', async () => {
    const before = await storedRecord(db, 'campaigns', CAMPAIGN);
    expectRejected(await bin(['--json', 'team', 'form', '--file', 'two-leads.json', '--decided-on', '2021-11-29']), 1, 'VALIDATION_FAILED');
    expect(await storedRecord(db, 'campaigns', CAMPAIGN)).toEqual(before);
    expectRejected(await bin(['--json', ...LEAD, 'team', 'form', '--file', 'team.yaml', '--decided-on', '2021-11-29']), 1, 'FORBIDDEN'); // director only
    expect(await storedRecord(db, 'campaigns', CAMPAIGN)).toEqual(before);

    expect(await ok(['team', 'form', '--file', 'team.yaml', '--decided-on', '2021-11-29'])).toMatchObject({
      state: 'teamFormed',
      decisionNumberSymbol: expect.stringMatching(/QĐ-STTTT$/) as unknown,
    });
    const full = (await ok(['team', 'list'])) as unknown as { personId: string; contact: { phone: string | null } | null }[];
    expect(full.find((m) => m.personId === 'p-lead')?.contact).toEqual({ phone: '0912345678', email: 'hung@example.vn' });
    const masked = (await ok(['--actor', 'provincialViewer:p-viewer', 'team', 'list'])) as unknown as typeof full;
    expect(masked.find((m) => m.personId === 'p-lead')?.contact).toEqual({ phone: '09******78', email: 'h***@example.vn' });
    const human = await bin(['--actor', 'provincialViewer:p-viewer', 'team', 'list']);
    expect(human.stdout).toContain('Tổ trưởng / Team lead');
    expect(human.stdout).not.toContain('0912345678');
  }, 120_000);

  it('visit start: the director is not on site (FORBIDDEN, visit unchanged); the lead starts it', async () => {
    await ok(['schedule', '--seed', '1']);
    const visits = (await ok(['run', 'visits.list', '--input', JSON.stringify({ campaignId: CAMPAIGN })])) as unknown as { id: string; scheduledOn: string }[];
    for (const v of visits) scheduled.set(v.id, v.scheduledOn);
    expect([...scheduled.keys()].sort()).toEqual([HOSPITAL, MARKET, SCHOOL].sort());

    const before = await storedRecord(db, 'visits', MARKET);
    expectRejected(await bin(['--json', 'visit', 'start', MARKET]), 1, 'FORBIDDEN');
    expectRejected(await bin([...LEAD, 'visit', 'start', 'visit-nowhere']), 1, 'NOT_FOUND');
    expect(await storedRecord(db, 'visits', MARKET)).toEqual(before);
    for (const id of [MARKET, HOSPITAL]) {
      expect(await ok([...LEAD, 'visit', 'start', id, '--at', `${scheduled.get(id)!}T01:30:00.000Z`])).toMatchObject({ id, state: 'underway' });
    }
  }, 120_000);

  it('visit answers: from a YAML file (non-compliant); a wrong answer is VALIDATION_FAILED and nothing is recorded; prompted item by item from stdin', async () => {
    writeFileSync(join(dir, 'answers.yaml'), stringify({ answers: pcCovidAnswers('legacyQrPosted', scheduled.get(MARKET)), complete: true }));
    writeFileSync(join(dir, 'bad-answers.json'), JSON.stringify({ a1: 'maybe' }));
    const before = await storedRecord(db, 'visits', MARKET);
    expectRejected(await bin(['--json', ...LEAD, 'visit', 'answers', MARKET, '--file', 'bad-answers.json']), 1, 'VALIDATION_FAILED');
    expectRejected(await bin([...LEAD, 'visit', 'answers', MARKET]), 2, 'USAGE'); // no file, stdin not a terminal
    expect(await storedRecord(db, 'visits', MARKET)).toEqual(before);
    expect(await ok([...LEAD, 'visit', 'answers', MARKET, '--file', 'answers.yaml'])).toMatchObject({ verdict: 'non_compliant', items: 8 });

    const prompted = await runBinWithInput(['--db', db, '--json', ...LEAD, 'visit', 'answers', HOSPITAL, '--prompt', '--complete'], dir, promptInput());
    expect(prompted.code, prompted.stdout + prompted.stderr).toBe(0);
    expect(jsonOf(prompted).result).toMatchObject({ verdict: 'non_compliant', items: 8 });
    // Vietnamese first, English beside, one question per item of II.1 a–c.
    expect(prompted.stderr).toContain('a) Kiểm tra công tác chỉ đạo cài đặt ứng dụng PC-Covid, tạo mã QR / Direction of PC-Covid installation');
    for (const item of PC_COVID_CHECKLIST_V1.sections.flatMap((s) => s.items)) expect(prompted.stderr).toContain(`${item.id}. ${item.label.vi} / ${item.label.en}`);
    const stored = (await storedRecord(db, 'visits', HOSPITAL)) as { data: { response: { answers: Record<string, { answer: string; note: string }> } } };
    expect(stored.data.response.answers.b2).toMatchObject({ answer: 'not_met', note: 'Chưa đạt: b2' });
  }, 120_000);

  it('visit minutes, sign and refuse: a visit not started has no minutes (INVALID_TRANSITION); the lead signs one, records a refusal on the other', async () => {
    const before = await storedRecord(db, 'visits', SCHOOL);
    const minutesArgs = ['--place', 'Tại đơn vị', '--representative', 'Nguyễn Văn An, Trưởng Ban quản lý', '--assessment', 'Đơn vị niêm yết sai mã QR địa điểm.'];
    expectRejected(await bin(['--json', ...LEAD, 'visit', 'minutes', SCHOOL, ...minutesArgs]), 1, 'INVALID_TRANSITION');
    expectRejected(await bin([...LEAD, 'visit', 'minutes', SCHOOL, '--place', 'x']), 2, 'USAGE');
    expect(await storedRecord(db, 'visits', SCHOOL)).toEqual(before);

    for (const id of [MARKET, HOSPITAL]) {
      writeFileSync(join(dir, `${id}.minutes.json`), JSON.stringify({ endedAt: `${scheduled.get(id)!}T03:00:00.000Z` }));
      expect(await ok([...LEAD, 'visit', 'minutes', id, '--file', `${id}.minutes.json`, ...minutesArgs])).toMatchObject({ state: 'minutesDrafted' });
    }
    const drafted = await storedRecord(db, 'visits', MARKET);
    expectRejected(await bin(['--json', '--actor', 'secretary:p-secretary', 'visit', 'sign', MARKET]), 1, 'FORBIDDEN');
    expectRejected(await bin([...LEAD, 'visit', 'refuse', MARKET]), 2, 'USAGE'); // --reason is required
    expect(await storedRecord(db, 'visits', MARKET)).toEqual(drafted);
    expect(await ok([...LEAD, 'visit', 'sign', MARKET, '--at', `${scheduled.get(MARKET)!}T03:00:00.000Z`])).toMatchObject({ state: 'minutesSigned' });
    const refused = await ok([...LEAD, 'visit', 'refuse', HOSPITAL, '--reason', 'Giám đốc đi vắng', '--at', `${scheduled.get(HOSPITAL)!}T03:00:00.000Z`]);
    expect(refused).toMatchObject({ id: HOSPITAL });
    expect((await storedRecord(db, 'visits', HOSPITAL)) as { data: { minutes: { refusal: unknown } } }).toMatchObject({
      data: { minutes: { refusal: { reason: 'Giám đốc đi vắng' } } },
    });
  }, 120_000);

  it('report: refused while a visit is unsettled (INVALID_TRANSITION, campaign unchanged); --dry-run drafts; then numbered to the PPC', async () => {
    for (const id of [MARKET, HOSPITAL]) await ok(['run', 'visit.review', '--input', JSON.stringify({ visitId: id })]);
    const draft = await ok(['report', '--dry-run']);
    expect(draft).toMatchObject({ to: 'org-ubnd-tinh', inspected: 2, ready: false, unsettled: [{ id: SCHOOL }] });
    const before = await storedRecord(db, 'campaigns', CAMPAIGN);
    expectRejected(await bin(['--json', 'report', '--issued-on', '2021-12-20', '--summary', 'Kết quả']), 1, 'INVALID_TRANSITION');
    expectRejected(await bin(['report', '--issued-on', '2021-12-20']), 2, 'USAGE'); // no --summary
    expect(await storedRecord(db, 'campaigns', CAMPAIGN)).toEqual(before);

    await ok(['run', 'visit.cancel', '--input', JSON.stringify({ visitId: SCHOOL, reason: 'Đơn vị nghỉ học' })]);
    expect(await ok(['report', '--dry-run'])).toMatchObject({ ready: true, verdicts: { non_compliant: 2 } });
    expect(await ok(['report', '--issued-on', '2021-12-20', '--summary', 'Kiểm tra 2 đơn vị; cả 2 chưa đạt.'])).toMatchObject({
      state: 'reporting',
      reportNumberSymbol: expect.stringMatching(/BC-STTTT$/) as unknown,
      notices: 2,
    });
  }, 120_000);

  it('remediate: open, a reminder before the deadline is refused (VALIDATION_FAILED, unchanged), remind (CV), a new deadline, re-check not remedied, sanction', async () => {
    await ok(['remediate', 'begin']);
    expect(await ok(['remediate', 'open', MARKET])).toMatchObject({ id: `rem-${MARKET}` });
    const rem = `rem-${MARKET}`;
    const before = await storedRecord(db, 'remediations', rem);
    expectRejected(await bin(['--json', 'remediate', 'remind', rem, '--sent-on', scheduled.get(MARKET)!]), 1, 'VALIDATION_FAILED');
    expectRejected(await bin(['remediate', 'recheck', rem, '--on', '2021-12-30']), 2, 'USAGE'); // neither --complied nor --not-complied
    expectRejected(await bin(['--json', ...LEAD, 'remediate', 'sanction', rem, '--basis', 'x', '--to', 'y', '--on', '2021-12-30']), 1, 'FORBIDDEN');
    expect(await storedRecord(db, 'remediations', rem)).toEqual(before);

    expect(await ok(['remediate', 'remind', rem, '--sent-on', '2021-12-27'])).toMatchObject({ numberSymbol: '01/STTTT-TTr' });
    expect(await ok(['remediate', 'deadline', rem, '--due-on', '2022-01-15'])).toMatchObject({ id: rem });
    await ok([...LEAD, 'remediate', 'recheck', rem, '--on', '2022-01-20', '--not-complied', '--note', 'Vẫn niêm yết mã Bluezone']);
    expect(await ok(['remediate', 'sanction', rem, '--basis', 'Nghị định 117/2020/NĐ-CP', '--to', 'UBND thành phố Hà Tĩnh', '--on', '2022-01-21'])).toMatchObject({ id: rem });
  }, 120_000);

  it('export: findings to CSV and XLSX, statistics to CSV; a bad format is USAGE and a reader who may not read the packets is FORBIDDEN, no file left', async () => {
    const csv = join(dir, 'out', 'ket-qua.csv');
    expect(await ok(['export', 'findings', '--out', csv])).toMatchObject({ rows: 16, format: 'csv' });
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFMã cuộc kiểm tra,')).toBe(true);
    expect(text).toContain('Chưa đạt: b2');
    expect(await ok(['export', 'findings', '--out', join(dir, 'out', 'ket-qua.xlsx')])).toMatchObject({ rows: 16, format: 'xlsx' });
    expect(
      readFileSync(join(dir, 'out', 'ket-qua.xlsx'))
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    const stats = join(dir, 'out', 'thong-ke.csv');
    expect(await ok(['export', 'statistics', '--out', stats])).toMatchObject({ rows: 3 });
    expect(readFileSync(stats, 'utf8')).toContain('436,Thành phố Hà Tĩnh,market,1,1,0,1,0');

    expectRejected(await bin(['--json', 'export', 'findings', '--out', join(dir, 'out', 'x.pdf')]), 2, 'USAGE');
    const denied = join(dir, 'out', 'viewer.csv');
    expectRejected(await bin(['--json', '--actor', 'provincialViewer:p-viewer', 'export', 'findings', '--out', denied]), 1, 'FORBIDDEN');
    expect(existsSync(denied) || existsSync(`${denied}.part`) || existsSync(join(dir, 'out', 'x.pdf'))).toBe(false);
  }, 120_000);

  it('status --by type: a table per target type in the terminal, byType in JSON; --by with another value is USAGE', async () => {
    const human = await bin(['--lang', 'en', 'status', '--by', 'type']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Target type\s+cancelled\s+reviewed\s+Total/);
    expect(human.stdout).toMatch(/Market\s+0\s+1\s+1/);
    const byDistrict = await bin(['status']);
    expect(byDistrict.stdout).toMatch(/436 Thành phố Hà Tĩnh\s+0\s+2\s+2/);
    expect(await ok(['status', '--by', 'type'])).toMatchObject({ byType: { market: { reviewed: 1 }, hospital: { reviewed: 1 }, school: { cancelled: 1 } } });
    expectRejected(await bin(['--json', 'status', '--by', 'colour']), 2, 'USAGE');
  }, 120_000);
});
