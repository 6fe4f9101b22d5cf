/**
 * The seed's round at the province's real scale, run through the `pccovid-inspect` command line
 * (`runCli`, the same code the binary runs, in this process): the plan under 7641/UBND-VX1,
 * nominations by 28/11/2021 (one late), ~2,000 units with the portal's November figures, a
 * risk-based sample of 60, a December schedule with the Office's vehicles, partner notices, the
 * visits with their varied defects, minutes, the report to the Provincial People's Committee,
 * results notices, reminders, re-checks and a sanction proposal, the campaign closed, and every
 * document rendered. Each step runs `--at` its real date, so deadlines fall as they did.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { runCliJson } from './cli-json.js';
import { portalCsv, scaleTeam, syntheticProvince, targetsCsv, type SyntheticUnit } from './synthetic-province.js';
import { defectsOf, scaleAnswers, scaleMinutesText } from './unit-findings.js';

/** What the round reports as it goes: a step in Vietnamese and English and its result. */
export type ProgressLog = (vi: string, en: string, result?: string) => void;

/** Where the round runs and writes. */
export interface ScaleRoundOptions {
  /** The SQLite file (or a PostgreSQL URL). */
  db: string;
  /** Where the input files (plan, lists, answers) and the documents go. */
  outDir: string;
  /** Sample size (default 60). */
  sampleSize?: number;
  log: ProgressLog;
}

/** What the round leaves for its index and its checks. */
export interface ScaleRoundResult {
  campaignId: string;
  units: number;
  portalRows: number;
  visits: { visitId: string; targetId: string; name: string; districtCode: string; type: string; scheduledOn: string; verdict: string; defects: string[] }[];
  remediations: { remediationId: string; visitId: string; outcome: 'complied' | 'complied_after_reminder' | 'sanction_proposed' }[];
  messages: string[];
}

interface VisitView {
  id: string;
  state: string;
  targetId: string;
  scheduledOn: string;
  districtCode: string;
}

const CAMPAIGN = 'campaign-ht-2021-pccovid';
const LEAD = 'inspectorateLead:p-lead';
const SECRETARY = 'secretary:p-secretary';
/** `day` at `hhmm` Hà Tĩnh time (UTC+7), as the UTC instant the service takes. */
const at = (day: string, hhmm = '08:00'): string => new Date(`${day}T${hhmm}:00+07:00`).toISOString();

/** The next working day (Mon–Fri) after `day`, `n` times. */
function nextWorkingDay(day: string, n = 1): string {
  const d = new Date(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Runs the whole round; throws with the command's error output when a step fails. */
export async function runScaleRound(options: ScaleRoundOptions): Promise<ScaleRoundResult> {
  const { db, outDir, log } = options;
  const inputs = join(outDir, 'input');
  // A fresh round: the import checkpoints of an earlier run belong to its database.
  rmSync(inputs, { recursive: true, force: true });
  mkdirSync(join(inputs, 'answers'), { recursive: true });
  const messages: string[] = [];

  /** `pccovid-inspect --db … --json --clock … [--actor …] <args>` → the JSON result; a failed step throws with its output. */
  const cli = async <T = unknown>(args: string[], when: string, actor?: string): Promise<T> => {
    const r = await runCliJson<T>(['--db', db, '--clock', when, ...(actor ? ['--actor', actor] : []), ...args]);
    if (r.code !== 0) throw new Error(`pccovid-inspect ${args.join(' ')} → exit ${r.code}\n${r.text}`);
    return r.result as T;
  };
  const run = <T = unknown>(name: string, input: unknown, when: string, actor?: string): Promise<T> => cli<T>(['run', name, '--input', JSON.stringify(input)], when, actor);
  const notify = async (when: string): Promise<string> => {
    const r = await cli<{ sent: number; held: number; retrying: number; dead: number; printed: string[] }>(['notify'], when);
    messages.push(...r.printed);
    return `gửi / sent ${r.sent}, giữ / held ${r.held}, chờ / retrying ${r.retrying}, hỏng / dead ${r.dead}`;
  };

  // 1. The files a province would have: the plan, its list of units, the portal's export.
  const seed = haTinh2021Seed();
  const province = syntheticProvince();
  const byId = new Map<string, SyntheticUnit>(province.units.map((u) => [u.target.id, u]));
  writeFileSync(
    join(inputs, 'plan.json'),
    `${JSON.stringify({ province: 'ha-tinh', directory: { organizations: seed.bodies, people: [...seed.people, ...province.people] }, campaign: seed.campaign }, null, 2)}\n`,
  );
  writeFileSync(join(inputs, 'targets.csv'), targetsCsv(province.units));
  const portal = portalCsv(province.units);
  writeFileSync(join(inputs, 'portal-2021-11.csv'), portal);
  const portalRows = portal.split('\r\n').length - 2;
  writeFileSync(
    join(inputs, 'vehicles.json'),
    `${JSON.stringify(
      [
        { id: 'xe-01', description: 'Xe ô tô 7 chỗ 38A-001.23 của Văn phòng Sở', providedByOrganizationId: 'org-stttt-vp' },
        { id: 'xe-02', description: 'Xe ô tô 16 chỗ 38A-004.56 của Văn phòng Sở', providedByOrganizationId: 'org-stttt-vp', unavailableOn: ['2021-12-10', '2021-12-17'] },
      ],
      null,
      2,
    )}\n`,
  );
  log('Tạo dữ liệu tổng hợp', 'Synthetic inputs written', `${province.units.length} đơn vị / units, ${portalRows} dòng cổng / portal rows`);

  // 2. The plan (7641/UBND-VX1), nominations by 28/11 (Vũ Quang's arrives late), the team.
  const created = await cli<{ campaign: { state: string } }>(['init', join(inputs, 'plan.json')], at('2021-11-26'));
  log('Tạo dự thảo kế hoạch', 'Plan drafted', created.campaign.state);
  const issued = await run<{ state: string; numberSymbol?: string }>('plan.issue', { campaignId: CAMPAIGN, issuedOn: '2021-11-26' }, at('2021-11-26', '09:00'));
  log('Ban hành kế hoạch', 'Plan issued', `${issued.state} ${issued.numberSymbol ?? ''}`.trim());
  await cli(['nominate', '--request', '--sent-on', '2021-11-26'], at('2021-11-26', '10:00'), LEAD);
  const nominations = [
    { organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null },
    ...scaleTeam()
      .filter((m) => m.districtCode !== null)
      .map((m) => ({
        organizationId: m.organizationId,
        personId: m.personId,
        receivedOn: m.districtCode === '441' ? '2021-11-29' : m.districtCode! < '443' ? '2021-11-27' : '2021-11-28',
        districtCode: m.districtCode,
      })),
  ];
  let late = 0;
  for (const n of nominations) {
    const r = await cli<{ late?: boolean }>(
      ['nominate', n.organizationId, n.personId, '--received-on', n.receivedOn, ...(n.districtCode === null ? [] : ['--district', n.districtCode])],
      at(n.receivedOn, '15:00'),
      LEAD,
    );
    if (r.late) late += 1;
  }
  log('Nhận văn bản cử cán bộ', 'Nominations received', `${nominations.length} (${late} trễ hạn / late)`);
  writeFileSync(join(inputs, 'team.json'), `${JSON.stringify({ name: 'Tổ Kiểm tra PC-Covid và mã QR', members: scaleTeam() }, null, 2)}\n`);
  const team = await cli<{ state: string }>(['team', 'form', '--file', join(inputs, 'team.json'), '--decided-on', '2021-11-30'], at('2021-11-30'));
  log('Thành lập Tổ kiểm tra', 'Team formed', `${team.state}, ${scaleTeam().length} thành viên / members`);

  // 3. Units and the portal's figures, a risk-based sample and the unannounced schedule.
  const imported = await cli<{ rowsWritten: number; rowsQuarantined: number }>(['import', 'targets', join(inputs, 'targets.csv')], at('2021-11-30', '09:00'));
  log('Nhập danh sách đơn vị', 'Targets imported', `${imported.rowsWritten} (cách ly / quarantined ${imported.rowsQuarantined})`);
  const stats = await cli<{ rowsWritten: number }>(['import', 'statistics', join(inputs, 'portal-2021-11.csv')], at('2021-11-30', '09:30'));
  log('Nhập số liệu cổng PC-Covid', 'Portal statistics imported', `${stats.rowsWritten}`);
  const sampleFile = join(inputs, 'sample.json');
  const sample = await cli<{ selected: unknown[] }>(['sample', '--size', String(options.sampleSize ?? 60), '--seed', '2021', '--out', sampleFile], at('2021-11-30', '10:00'));
  log('Chọn mẫu theo rủi ro', 'Risk-based sample drawn', `${sample.selected.length}`);
  const scheduled = await cli<{ planned: number; unscheduled: { targetId: string; reasonVi: string; reasonEn: string }[] }>(
    ['schedule', '--sample', sampleFile, '--vehicles', join(inputs, 'vehicles.json'), '--per-day', '3', '--seed', '2021'],
    at('2021-11-30', '10:30'),
    LEAD,
  );
  log('Lập và chốt lịch kiểm tra', 'Schedule planned and fixed', `${scheduled.planned} (không xếp được / unscheduled ${scheduled.unscheduled.length})`);
  for (const u of scheduled.unscheduled.slice(0, 3)) log('  không xếp được', '  not scheduled', `${u.targetId}: ${u.reasonVi} / ${u.reasonEn}`);
  log('Báo lịch cho Sở Y tế, phòng VHTT', 'Partners told', await notify(at('2021-11-30', '11:00')));

  // 4. The visits, day by day, each by its own team.
  const planned = (await run<VisitView[]>('visits.list', { campaignId: CAMPAIGN }, at('2021-11-30', '11:30'), LEAD)).sort(
    (a, b) => a.scheduledOn.localeCompare(b.scheduledOn) || a.id.localeCompare(b.id),
  );
  const visits: ScaleRoundResult['visits'] = [];
  let refusals = 0;
  let previousDay = '';
  let slot = 0;
  for (const v of planned) {
    slot = v.scheduledOn === previousDay ? slot + 1 : 0;
    if (v.scheduledOn !== previousDay && previousDay !== '') await notify(at(previousDay, '17:30'));
    previousDay = v.scheduledOn;
    const unit = byId.get(v.targetId)!;
    const start = ['08:00', '10:00', '14:00', '15:30'][slot % 4]!;
    const end = ['09:30', '11:30', '15:30', '17:00'][slot % 4]!;
    // Each group is the lead, the secretary and the district's officer (see `planSchedule`).
    const clerk = SECRETARY;
    await cli(['visit', 'start', v.id], at(v.scheduledOn, start), LEAD);
    const answersFile = join(inputs, 'answers', `${v.targetId}.json`);
    writeFileSync(answersFile, `${JSON.stringify({ answers: scaleAnswers(unit, v.scheduledOn), complete: true }, null, 2)}\n`);
    const answered = await cli<{ verdict: string }>(
      ['visit', 'answers', v.id, '--file', answersFile, '--complete'],
      at(v.scheduledOn, start.replace(/:00$/, ':40').replace(/:30$/, ':50')),
      clerk,
    );
    const minutesFile = join(inputs, 'answers', `${v.targetId}.minutes.json`);
    writeFileSync(minutesFile, `${JSON.stringify({ endedAt: at(v.scheduledOn, end), place: unit.target.name, ...scaleMinutesText(unit) }, null, 2)}\n`);
    await cli(['visit', 'minutes', v.id, '--file', minutesFile], at(v.scheduledOn, end), clerk);
    const defects = defectsOf(unit);
    // A unit with three or more defects disputes the verdict and refuses to sign (witnessed).
    if (defects.length >= 2 && refusals < 2) {
      refusals += 1;
      await cli(['visit', 'refuse', v.id, '--reason', 'Không đồng ý với đánh giá Chưa đạt vì đơn vị đã chỉ đạo triển khai'], at(v.scheduledOn, end), LEAD);
    } else {
      await cli(['visit', 'sign', v.id], at(v.scheduledOn, end), LEAD);
    }
    await run('visit.review', { visitId: v.id }, at(v.scheduledOn, '17:00'));
    await run('visit.close', { visitId: v.id }, at(v.scheduledOn, '17:15'), LEAD);
    visits.push({
      visitId: v.id,
      targetId: v.targetId,
      name: unit.target.name,
      districtCode: v.districtCode,
      type: unit.target.type,
      scheduledOn: v.scheduledOn,
      verdict: answered.verdict,
      defects,
    });
  }
  if (previousDay !== '') await notify(at(previousDay, '17:30'));
  const failing = visits.filter((v) => v.verdict === 'non_compliant');
  log(
    'Kiểm tra tại đơn vị, lập và ký biên bản',
    'Visits done, minutes signed',
    `${visits.length} cuộc / visits, ${failing.length} chưa đạt / non-compliant, ${refusals} từ chối ký / refused to sign`,
  );

  // 5. The report to the Provincial People's Committee and the results notices.
  const lastDay =
    visits
      .map((v) => v.scheduledOn)
      .sort()
      .at(-1) ?? '2021-12-20';
  const reportDay = nextWorkingDay(lastDay, 2);
  const report = await cli<{ state: string; reportNumberSymbol: string; notices: number }>(
    ['report', '--issued-on', reportDay, '--to', 'org-ubnd-tinh', '--summary', 'Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR trên địa bàn tỉnh'],
    at(reportDay),
  );
  log('Báo cáo kết quả gửi UBND tỉnh', 'Report to the Provincial People’s Committee', `${report.reportNumberSymbol}, ${report.notices} thông báo kết quả / results notices`);
  const remediations: ScaleRoundResult['remediations'] = [];
  // The worst unit is proposed for sanction; every third complies only after a reminder.
  const worst = failing.reduce<(typeof failing)[number] | undefined>((a, b) => (a === undefined || b.defects.length > a.defects.length ? b : a), undefined);
  for (const [i, v] of failing.entries()) {
    const remediationId = `remediation-${v.targetId}`;
    await cli(['remediate', 'open', v.visitId, '--id', remediationId], at(reportDay, '09:00'), LEAD);
    remediations.push({ remediationId, visitId: v.visitId, outcome: v === worst ? 'sanction_proposed' : i % 3 === 1 ? 'complied_after_reminder' : 'complied' });
  }
  await cli(['remediate', 'begin'], at(reportDay, '10:00'), LEAD);
  log('Thông báo kết quả, bắt đầu đôn đốc', 'Results notices sent; follow-up begins', await notify(at(reportDay, '10:30')));

  // 6. Follow-up: each step only after the deadline before it has passed.
  const deadlineOf = (visitDay: string): string => {
    const minutesDue = addDays(visitDay, 14);
    return minutesDue > reportDay ? minutesDue : addDays(reportDay, 10);
  };
  let proposed = 0;
  let lastAction = reportDay;
  for (const r of remediations) {
    const visit = visits.find((v) => v.visitId === r.visitId)!;
    let due = deadlineOf(visit.scheduledOn);
    const reminders = r.outcome === 'complied' ? 0 : r.outcome === 'complied_after_reminder' ? 1 : 4;
    for (let k = 0; k < reminders; k++) {
      const sentOn = addDays(due, 1);
      const sent = await cli<{ dueOn: string }>(['remediate', 'remind', r.remediationId, '--sent-on', sentOn], at(sentOn), SECRETARY);
      due = sent.dueOn;
    }
    const after = addDays(due, 1);
    if (after > lastAction) lastAction = after;
    if (r.outcome === 'sanction_proposed') {
      await cli(
        ['remediate', 'sanction', r.remediationId, '--basis', 'Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP', '--to', 'Chủ tịch UBND cấp huyện nơi đơn vị hoạt động', '--on', after],
        at(after),
      );
      proposed += 1;
    } else {
      await cli(['remediate', 'recheck', r.remediationId, '--on', after, '--complied', '--note', `Đã khắc phục: ${visit.defects.join('; ')}`], at(after), LEAD);
    }
  }
  const closeDay = nextWorkingDay(lastAction);
  log('Đôn đốc, nhắc nhở, kiểm tra lại', 'Reminders, re-checks', `${remediations.length} đơn vị / units, ${proposed} đề xuất xử phạt / sanction proposed`);
  log('Gửi nhắc nhở và đề xuất', 'Reminders and proposals delivered', await notify(at(closeDay, '08:00')));
  const closed = await run<{ state: string }>('campaign.close', { campaignId: CAMPAIGN }, at(closeDay, '09:00'));
  log('Kết thúc đợt kiểm tra', 'Campaign closed', closed.state);
  await notify(at(closeDay, '09:30'));
  return { campaignId: CAMPAIGN, units: province.units.length, portalRows, visits, remediations, messages };
}
