import type { Command } from 'commander';
import type { CommandEnv } from '../cli.js';
import type { ImportCommandOptions } from './import-command.js';
import type { ScheduleOptions } from './planning-commands.js';
import type { StatusOptions } from './round-commands.js';
import type { NominateOptions, TeamFormOptions } from './team-commands.js';
import type { VisitAnswersOptions, VisitMinutesOptions } from './field-commands.js';
import type { RecheckOptions, ReportOptions } from './report-commands.js';
import type { ExportOptions } from './export-command.js';
import type { DocumentsCommandOptions } from './documents-command.js';
import { runHelpText } from './run-command.js';

// Each command's module is loaded when it runs: `status` does not pay for pdfmake, docx or exceljs.
const round = () => import('./round-commands.js');
const initCommand: Action<[string]> = async (env, plan) => (await round()).initCommand(env, plan);
const notifyCommand: Action<[{ dryRun: boolean }]> = async (env, o) => (await round()).notifyCommand(env, o);
const statusCommand: Action<[StatusOptions]> = async (env, o) => (await round()).statusCommand(env, o);
const documentsCommand: Action<[DocumentsCommandOptions]> = async (env, o) => (await import('./documents-command.js')).documentsCommand(env, o);
const auditVerifyCommand: Action<[]> = async (env) => (await round()).auditVerifyCommand(env);
const importCommand: Action<[string, string, ImportCommandOptions]> = async (env, kind, file, o) => (await import('./import-command.js')).importCommand(env, kind, file, o);
const sampleCommand: Action<[{ size: string; seed: string; out?: string }]> = async (env, o) => (await import('./planning-commands.js')).sampleCommand(env, o);
const scheduleCommand: Action<[ScheduleOptions]> = async (env, o) => (await import('./planning-commands.js')).scheduleCommand(env, o);
const team = () => import('./team-commands.js');
const nominateCommand: Action<[string | undefined, string | undefined, NominateOptions]> = async (env, body, person, o) => (await team()).nominateCommand(env, body, person, o);
const teamFormCommand: Action<[TeamFormOptions]> = async (env, o) => (await team()).teamFormCommand(env, o);
const teamListCommand: Action<[]> = async (env) => (await team()).teamListCommand(env);
const field = () => import('./field-commands.js');
const visitStartCommand: Action<[string, { at?: string }]> = async (env, id, o) => (await field()).visitStartCommand(env, id, o);
const visitAnswersCommand: Action<[string, VisitAnswersOptions]> = async (env, id, o) => (await field()).visitAnswersCommand(env, id, o);
const visitMinutesCommand: Action<[string, VisitMinutesOptions]> = async (env, id, o) => (await field()).visitMinutesCommand(env, id, o);
const visitSignCommand: Action<[string, { at?: string }]> = async (env, id, o) => (await field()).visitSignCommand(env, id, o);
const visitRefuseCommand: Action<[string, { reason: string; at?: string }]> = async (env, id, o) => (await field()).visitRefuseCommand(env, id, o);
const report = () => import('./report-commands.js');
const reportCommand: Action<[ReportOptions]> = async (env, o) => (await report()).reportCommand(env, o);
const remediateBeginCommand: Action<[]> = async (env) => (await report()).remediateBeginCommand(env);
const remediateOpenCommand: Action<[string, { id?: string; request: string[] }]> = async (env, id, o) => (await report()).remediateOpenCommand(env, id, o);
const remediateRemindCommand: Action<[string, { sentOn?: string; dueOn?: string }]> = async (env, id, o) => (await report()).remediateRemindCommand(env, id, o);
const remediateDeadlineCommand: Action<[string, { dueOn: string }]> = async (env, id, o) => (await report()).remediateDeadlineCommand(env, id, o);
const remediateRecheckCommand: Action<[string, RecheckOptions]> = async (env, id, o) => (await report()).remediateRecheckCommand(env, id, o);
const remediateSanctionCommand: Action<[string, { basis: string; to: string; on?: string }]> = async (env, id, o) => (await report()).remediateSanctionCommand(env, id, o);
const exportCommand: Action<[string, ExportOptions]> = async (env, kind, o) => (await import('./export-command.js')).exportCommand(env, kind, o);
const runCommand: Action<[string | undefined, { input: string; list: boolean }]> = async (env, name, o) => (await import('./run-command.js')).runCommand(env, name, o);

/** @internal A command's action: gets the shared environment, and its own arguments and options. */
type Action<A extends unknown[]> = (env: CommandEnv, ...args: A) => Promise<void>;

/** @internal Adds every command of the slice to `program`. */
export function registerCommands(program: Command, envOf: (command: Command) => CommandEnv): void {
  // commander passes (...arguments, options, command): hand the command's env first.
  const act =
    <A extends unknown[]>(fn: Action<A>) =>
    async (...args: unknown[]): Promise<void> => {
      const command = args[args.length - 1] as Command;
      await fn(envOf(command), ...(args.slice(0, -1) as A));
    };

  program
    .command('init')
    .description('Tạo danh bạ và đợt kiểm tra từ tệp kế hoạch JSON/YAML / Create the directory and the campaign from a JSON/YAML plan file')
    .argument('<plan>', 'plan.json | plan.yaml')
    .action(act(initCommand));

  program
    .command('import')
    .description('Nhập danh sách đơn vị hoặc số liệu cổng PC-Covid từ CSV/XLSX / Import targets or portal statistics from CSV/XLSX')
    .argument('<kind>', 'targets | statistics')
    .argument('<file>', 'CSV/XLSX')
    .option('--checkpoint <file>', 'tệp điểm dừng (mặc định <file>.checkpoint.json) / checkpoint file (default <file>.checkpoint.json)')
    .option('--batch-size <n>', 'số dòng mỗi lần ghi (1–1000) / rows per write (1–1000)', '1000')
    .option('--on-error <mode>', 'stop | quarantine', 'stop')
    .action(act(importCommand));

  program
    .command('sample')
    .description('Chọn mẫu đơn vị theo rủi ro (phân tầng huyện × loại hình) / Draw a risk-based sample of targets (district × type strata)')
    .requiredOption('--size <n>', 'số đơn vị / how many targets')
    .requiredOption('--seed <seed>', 'hạt giống của phép chọn (ghi cùng kế hoạch) / the draw seed (record it with the plan)')
    .option('--out <file>', 'nơi ghi mẫu (mặc định <db>.sample.json) / where to write the sample (default <db>.sample.json)')
    .action(act(sampleCommand));

  program
    .command('schedule')
    .description('Lập lịch (planSchedule), ghi từng cuộc kiểm tra rồi chốt lịch / Plan the schedule, schedule each visit, then fix the schedule')
    .option('--sample <file>', 'mẫu từ `sample` (mặc định <db>.sample.json, nếu có; không thì mọi đơn vị) / the sample (default <db>.sample.json if present, else every target)')
    .option('--seed <seed>', 'hạt giống của lịch / the schedule seed', '1')
    .option('--vehicles <file>', 'JSON: [{ id, description, providedByOrganizationId }]')
    .option('--per-day <n>', 'số cuộc mỗi nhóm mỗi ngày / visits per group per day', '3')
    .action(act(scheduleCommand));

  program
    .command('notify')
    .description('Gửi thư, thông báo đến hạn (in ra màn hình) / Deliver the due outbox messages (printed to the console)')
    .option('--dry-run', 'chỉ liệt kê, không gửi / list what is due without sending', false)
    .action(act(notifyCommand));

  program
    .command('status')
    .description('Tình hình đợt kiểm tra: bảng theo huyện (hoặc loại hình) × trạng thái / Campaign status: a table per district (or target type) × state')
    .option('--by <rows>', 'district | type', 'district')
    .action(act(statusCommand));

  const collect = (value: string, previous: string[]): string[] => [...previous, value];

  program
    .command('nominate')
    .description('Ghi nhận văn bản cử thành viên của cơ quan phối hợp (trễ hạn do hạn của kế hoạch quyết định) / Record a body’s nomination (lateness follows the plan’s deadline)')
    .argument('[bodyId]', 'cơ quan cử / the nominating body')
    .argument('[personId]', 'người được cử / the person nominated')
    .option('--received-on <date>', 'ngày nhận văn bản (mặc định hôm nay) / received on (default today)')
    .option('--district <code>', 'huyện của cán bộ Phòng VHTT / the district of a culture-information officer')
    .option('--note <text>', 'ghi chú / note')
    .option('--request', 'gửi đề nghị cử thành viên đến mọi cơ quan phối hợp / send the nomination request to every coordinating body', false)
    .option('--sent-on <date>', 'ngày gửi đề nghị (với --request) / sent on (with --request)')
    .action(act(nominateCommand));

  const teamCmd = program.command('team').description('Tổ kiểm tra / The inspection team');
  teamCmd
    .command('form')
    .description('Quyết định thành lập Tổ kiểm tra (cấp số QĐ) / Decide the team (numbers the decision, QĐ)')
    .requiredOption('--file <team.json|team.yaml>', '{ name?, members: [{ personId, role, organizationId, source, districtCode }] }')
    .option('--decided-on <date>', 'ngày quyết định (mặc định hôm nay) / decision date (default today)')
    .option('--name <name>', 'tên Tổ / the team’s name')
    .action(act(teamFormCommand));
  teamCmd.command('list').description('Danh sách Tổ kiểm tra; liên hệ che theo vai trò / The team; contacts masked as the role requires').action(act(teamListCommand));

  const visit = program.command('visit').description('Cuộc kiểm tra tại đơn vị / A visit on site');
  visit
    .command('start')
    .description('Bắt đầu cuộc kiểm tra / Start the visit')
    .argument('<visitId>')
    .option('--at <instant>', 'thời điểm bắt đầu (ISO, mặc định bây giờ) / when (ISO, default now)')
    .action(act(visitStartCommand));
  visit
    .command('answers')
    .description('Ghi kết quả từng nội dung (II.1 a–c) từ tệp, hoặc hỏi từng câu trên terminal / Record the answers from a file, or prompted item by item in a terminal')
    .argument('<visitId>')
    .option('--file <answers.json|answers.yaml>', '{ answers: { a1: { answer, note?, fields?, evidence? } | "met" }, complete? }')
    .option('--complete', 'đóng phiếu kiểm tra (mọi nội dung bắt buộc) / close the checklist (every required item)', false)
    .option('--prompt', 'hỏi từng câu kể cả khi đầu vào không phải terminal / prompt even when stdin is not a terminal', false)
    .action(act(visitAnswersCommand));
  visit
    .command('minutes')
    .description('Lập biên bản kiểm tra / Draw up the minutes')
    .argument('<visitId>')
    .option('--file <minutes.json|minutes.yaml>', '{ place, representatives, assessment, explanation?, requests?, endedAt? }')
    .option('--place <place>', 'địa điểm / place')
    .option('--representative <"name, position">', 'đại diện đơn vị (lặp lại được) / the unit’s representative (repeatable)', collect, [])
    .option('--assessment <text>', 'nhận xét, đánh giá / assessment')
    .option('--explanation <text>', 'giải trình của đơn vị / the unit’s explanation')
    .action(act(visitMinutesCommand));
  visit
    .command('sign')
    .description('Ký biên bản (đại diện đơn vị và Trưởng đoàn) / Sign the minutes (the unit and the lead)')
    .argument('<visitId>')
    .option('--at <instant>', 'thời điểm ký (ISO) / when (ISO)')
    .action(act(visitSignCommand));
  visit
    .command('refuse')
    .description('Ghi nhận đơn vị từ chối ký biên bản / Record the unit’s refusal to sign')
    .argument('<visitId>')
    .requiredOption('--reason <text>', 'lý do / the reason')
    .option('--at <instant>', 'thời điểm (ISO) / when (ISO)')
    .action(act(visitRefuseCommand));

  program
    .command('report')
    .description('Báo cáo kết quả gửi UBND tỉnh (cấp số BC) và thông báo kết quả cho từng đơn vị / The results report to the PPC (BC) and a notice to each unit')
    .option('--issued-on <date>', 'ngày ban hành (mặc định hôm nay) / issue date (default today)')
    .option('--to <organizationId>', 'nơi nhận (mặc định cơ quan cấp trên của kế hoạch) / addressee (default the plan’s parent body)')
    .option('--summary <text>', 'tóm tắt kết quả / summary of the results')
    .option('--dry-run', 'dự thảo: báo cáo gồm gì, cuộc nào chưa xong; không ghi / draft: what it covers, what holds it back; writes nothing', false)
    .action(act(reportCommand));

  const remediate = program.command('remediate').description('Đôn đốc, nhắc nhở, xử lý đơn vị chưa đạt / Follow up units not compliant');
  remediate.command('begin').description('Bắt đầu giai đoạn đôn đốc / Begin the follow-up').action(act(remediateBeginCommand));
  remediate
    .command('open')
    .description('Mở việc khắc phục cho một cuộc kiểm tra chưa đạt / Open a remediation for a non-compliant visit')
    .argument('<visitId>')
    .option('--id <remediationId>', 'mặc định rem-<visitId> / default rem-<visitId>')
    .option('--request <"text@YYYY-MM-DD">', 'yêu cầu và hạn (lặp lại được; mặc định theo biên bản) / a request and its deadline (repeatable; default the minutes’)', collect, [])
    .action(act(remediateOpenCommand));
  remediate
    .command('remind')
    .description('Gửi công văn nhắc nhở (cấp số CV) / Send a reminder letter (numbered CV)')
    .argument('<remediationId>')
    .option('--sent-on <date>', 'ngày gửi (mặc định hôm nay) / sent on (default today)')
    .option('--due-on <date>', 'hạn khắc phục (mặc định theo lần nhắc) / remedy deadline (default by stage)')
    .action(act(remediateRemindCommand));
  remediate
    .command('deadline')
    .description('Đặt hoặc gia hạn thời hạn khắc phục / Set or move the remedy deadline')
    .argument('<remediationId>')
    .requiredOption('--due-on <date>', 'hạn mới / the new deadline')
    .action(act(remediateDeadlineCommand));
  remediate
    .command('recheck')
    .description('Ghi kết quả kiểm tra lại / Record the re-check')
    .argument('<remediationId>')
    .option('--on <date>', 'ngày kiểm tra lại (mặc định hôm nay) / re-checked on (default today)')
    .option('--complied', 'đã khắc phục / remedied')
    .option('--not-complied', 'chưa khắc phục / not remedied')
    .option('--note <text>', 'ghi chú / note')
    .action(act(remediateRecheckCommand));
  remediate
    .command('sanction')
    .description('Đề xuất xử lý vi phạm (giám đốc) / Propose a sanction (director)')
    .argument('<remediationId>')
    .requiredOption('--basis <text>', 'căn cứ / legal basis')
    .requiredOption('--to <authority>', 'cơ quan có thẩm quyền / the competent authority')
    .option('--on <date>', 'ngày đề xuất (mặc định hôm nay) / proposed on (default today)')
    .action(act(remediateSanctionCommand));

  program
    .command('export')
    .description('Xuất kết quả kiểm tra hoặc thống kê ra CSV/XLSX / Export findings or statistics to CSV/XLSX')
    .argument('<kind>', 'findings | statistics')
    .requiredOption('--out <file.csv|file.xlsx>', 'tệp ghi / output file')
    .option('--format <format>', 'csv | xlsx (mặc định theo đuôi --out / default from the --out extension)')
    .action(act(exportCommand));

  program
    .command('documents')
    .description('Dựng mọi văn bản của đợt kiểm tra ra PDF/DOCX / Render every document of the campaign to PDF/DOCX')
    .option('--out <dir>', 'thư mục ghi / output folder', './out')
    .option('--format <format>', 'pdf | docx | both', 'both')
    .option('--threads <n>', 'số luồng dựng văn bản (mặc định: mọi lõi; 1 = trong tiến trình) / rendering threads (default: every core; 1 = in-process)')
    .action(act(documentsCommand));

  const audit = program.command('audit').description('Nhật ký kiểm toán / The audit log');
  audit.command('verify').description('Kiểm tra chuỗi băm của nhật ký (mã thoát 1 nếu bị sửa) / Verify the audit hash chain (exit 1 when altered)').action(act(auditVerifyCommand));

  program
    .command('run')
    .description('Chạy một lệnh hoặc truy vấn bất kỳ của bảng lệnh / Run any command or query of the command table')
    .argument('[name]', 'noun.verb, e.g. visit.start')
    .option('--input <json|@file>', 'đầu vào JSON, hoặc @tệp / JSON input, or @file', '{}')
    .option('--list', 'liệt kê mọi lệnh / list every command', false)
    .addHelpText('after', () => runHelpText())
    .action(act(runCommand));
}
