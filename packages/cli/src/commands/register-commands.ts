import type { Command } from 'commander';
import type { CommandEnv } from '../cli.js';
import type { ImportCommandOptions } from './import-command.js';
import type { ScheduleOptions } from './planning-commands.js';
import { runHelpText } from './run-command.js';

// Each command's module is loaded when it runs: `status` does not pay for pdfmake, docx or exceljs.
const round = () => import('./round-commands.js');
const initCommand: Action<[string]> = async (env, plan) => (await round()).initCommand(env, plan);
const notifyCommand: Action<[{ dryRun: boolean }]> = async (env, o) => (await round()).notifyCommand(env, o);
const statusCommand: Action<[]> = async (env) => (await round()).statusCommand(env);
const documentsCommand: Action<[{ out: string; format: string }]> = async (env, o) => (await round()).documentsCommand(env, o);
const auditVerifyCommand: Action<[]> = async (env) => (await round()).auditVerifyCommand(env);
const importCommand: Action<[string, string, ImportCommandOptions]> = async (env, kind, file, o) => (await import('./import-command.js')).importCommand(env, kind, file, o);
const sampleCommand: Action<[{ size: string; seed: string; out?: string }]> = async (env, o) => (await import('./planning-commands.js')).sampleCommand(env, o);
const scheduleCommand: Action<[ScheduleOptions]> = async (env, o) => (await import('./planning-commands.js')).scheduleCommand(env, o);
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

  program.command('status').description('Tình hình đợt kiểm tra: bảng theo huyện × trạng thái / Campaign status: a table per district × state').action(act(statusCommand));

  program
    .command('documents')
    .description('Dựng mọi văn bản của đợt kiểm tra ra PDF/DOCX / Render every document of the campaign to PDF/DOCX')
    .option('--out <dir>', 'thư mục ghi / output folder', './out')
    .option('--format <format>', 'pdf | docx | both', 'both')
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
