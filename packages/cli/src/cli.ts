import { Command, CommanderError, Option } from 'commander';
import { systemClock, type Clock } from '@pccovid-inspect/core';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { InterruptedError, UsageError } from './cli-errors.js';
import { Output, type CliIo, type OutputOptions } from './output.js';
import { registerCommands } from './commands/register-commands.js';

/** @internal The global options, as commander parses them. */
export interface GlobalOptions {
  db: string;
  json: boolean;
  lang: 'vi' | 'en';
  actor?: string;
  campaign?: string;
  clock?: string;
  debug: boolean;
}

/** @internal What every command's handler gets. */
export interface CommandEnv {
  global: GlobalOptions;
  out: Output;
  io: CliIo;
  /** Aborted on Ctrl-C: long work stops at its next clean point and throws {@link InterruptedError}. */
  signal: AbortSignal;
  /** The service's clock: the system clock, or `--clock`'s instant moving on with real time. */
  clock: Clock;
  /** Ends with this exit code although nothing was thrown (e.g. `audit verify` on an altered chain). */
  setExitCode: (code: ExitCode) => void;
}

/** @internal Throws `InterruptedError` when Ctrl-C was pressed: call it at clean points only. */
export function checkInterrupted(signal: AbortSignal): void {
  if (signal.aborted) throw new InterruptedError();
}

/**
 * @internal `--clock <time>`: a clock that starts at `text` (ISO 8601 with an offset, or a date) and
 * moves on with real time, so the events of one command keep their order.
 */
export function clockFrom(text: string | undefined): Clock {
  if (text === undefined) return systemClock;
  const start = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T08:00:00+07:00` : text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(start)) {
    throw new UsageError(`--clock "${text}" không phải thời điểm ISO 8601`, `--clock "${text}" is not an ISO 8601 instant`, '--clock 2021-12-06T08:00:00+07:00');
  }
  const origin = Date.now();
  return { now: () => new Date(start + (Date.now() - origin)) };
}

/** The process's own streams. */
function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stderr.isTTY === true,
  };
}

/** Output options read from argv before commander runs, so a usage error is reported in the right form. */
function preScan(argv: readonly string[]): OutputOptions {
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langValue = langAt < 0 ? undefined : argv[langAt]!.includes('=') ? argv[langAt]!.split('=')[1] : argv[langAt + 1];
  return { json: argv.includes('--json'), lang: langValue === 'en' ? 'en' : 'vi', debug: argv.includes('--debug') };
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Where to write (default: the process's stdout and stderr). */
  io?: CliIo;
  /** Aborts long work as Ctrl-C does (default: the process's SIGINT is listened to). */
  signal?: AbortSignal;
}

/**
 * Runs the `pccovid-inspect` command line on `argv` (without `node` and the script) and returns
 * the exit code (see {@link EXIT_CODES}). Never calls `process.exit` itself.
 *
 * @example
 * ```ts
 * const code = await runCli(['--db', 'round.db', 'status', '--json']);
 * process.exitCode = code;
 * ```
 */
export async function runCli(argv: readonly string[], options: RunCliOptions = {}): Promise<ExitCode> {
  const io = options.io ?? processIo();
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_CODES.interrupted); // a second Ctrl-C: stop now
    controller.abort();
  };
  if (options.signal) options.signal.addEventListener('abort', () => controller.abort(), { once: true });
  else process.on('SIGINT', onSigint);

  let out = new Output(io, preScan(argv));
  let exit: ExitCode = EXIT_CODES.ok;
  const program = new Command('pccovid-inspect');
  program
    .description('Kiểm tra triển khai PC-Covid và mã QR: chạy một đợt kiểm tra từ dòng lệnh / Run a PC-Covid and QR-code inspection round from the command line')
    .addOption(new Option('--db <file|postgres-url>', 'tệp SQLite hoặc URL PostgreSQL / SQLite file or PostgreSQL URL').env('PCCOVID_INSPECT_DB').default('./pccovid-inspect.db'))
    .option('--json', 'in kết quả dạng JSON { ok, result | error } / print JSON { ok, result | error }', false)
    .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo / message language').choices(['vi', 'en']).default('vi'))
    .option('--actor <role:personId>', 'người thực hiện (mặc định: người ký kế hoạch, vai trò director) / who acts (default: the plan signer as director)')
    .option('--campaign <id>', 'đợt kiểm tra, khi cơ sở dữ liệu có nhiều đợt / the campaign, when the database holds several')
    .addOption(
      new Option('--clock <time>', 'ghi nhận như tại thời điểm này (nhập lại một đợt đã qua, tập huấn) / record as at this instant (replaying a past round, training)').env(
        'PCCOVID_INSPECT_CLOCK',
      ),
    )
    .option('--debug', 'in stack trace của lỗi / print error stack traces', false)
    .exitOverride()
    .configureOutput({
      writeOut: (t) => io.stdout(t),
      writeErr: (t) => {
        if (!out.options.json) io.stderr(t);
      },
      outputError: () => {}, // reported below, in the chosen language and form
    });

  const env = (command: Command): CommandEnv => {
    const global = command.optsWithGlobals<GlobalOptions>();
    out = new Output(io, { json: global.json, lang: global.lang, debug: global.debug });
    return { global, out, io, signal: controller.signal, clock: clockFrom(global.clock), setExitCode: (code) => (exit = code) };
  };
  registerCommands(program, env);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    if (controller.signal.aborted) exit = out.fail(new InterruptedError());
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') exit = EXIT_CODES.ok;
      else exit = out.fail(new UsageError(`cách dùng sai: ${error.message.replace(/^error: /, '')}`, `usage: ${error.message.replace(/^error: /, '')}`, 'pccovid-inspect --help'));
    } else {
      exit = out.fail(error);
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  return exit;
}
