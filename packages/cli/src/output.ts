import { InspectError, ValidationError } from '@pccovid-inspect/core';
import { EXIT_CODES, exitCodeOf, type ExitCode } from './exit-codes.js';
import { InterruptedError, UsageError } from './cli-errors.js';

/** Where the command line writes, and whether a person is watching. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  isTTY: boolean;
}

/** The global options every command shares. */
export interface OutputOptions {
  json: boolean;
  lang: 'vi' | 'en';
  debug: boolean;
}

/** @internal What an error looks like in `--json` output and in the terminal. */
export interface ErrorView {
  code: string;
  messageVi: string;
  messageEn: string;
  hint: string | null;
  issues?: unknown;
}

/** @internal Writes messages in the chosen language (`vi`: Vietnamese with English beside). */
export class Output {
  constructor(
    readonly io: CliIo,
    readonly options: OutputOptions,
  ) {}

  /** One human message: "vi / en" in `vi`, English only in `en`. */
  text(vi: string, en: string): string {
    return this.options.lang === 'en' ? en : `${vi} / ${en}`;
  }

  /** Prints a human line (nothing in `--json` mode, where only the result is printed). */
  say(vi: string, en: string): void {
    if (!this.options.json) this.io.stdout(`${this.text(vi, en)}\n`);
  }

  /** Prints a raw line (a table row…) in human mode. */
  line(text: string): void {
    if (!this.options.json) this.io.stdout(`${text}\n`);
  }

  /** The command's result: `{ ok: true, result }` in `--json` mode; in human mode `human()` prints it. */
  result(value: unknown, human?: () => void): void {
    if (this.options.json) this.io.stdout(`${JSON.stringify({ ok: true, result: value ?? null }, null, 2)}\n`);
    else human?.();
  }

  /** Prints an error and returns its exit code. */
  fail(error: unknown): ExitCode {
    const { view, exit, stack } = describeError(error);
    if (this.options.json) {
      this.io.stdout(`${JSON.stringify({ ok: false, error: view }, null, 2)}\n`);
    } else {
      const label = this.options.lang === 'en' ? 'error' : 'lỗi / error';
      this.io.stderr(`${label} ${view.code}: ${this.text(view.messageVi, view.messageEn)}\n`);
      if (Array.isArray(view.issues)) {
        for (const issue of view.issues.slice(0, 10) as { path: (string | number)[]; message: string }[]) {
          this.io.stderr(`  - ${issue.path.join('.') || '(gốc / root)'}: ${issue.message}\n`);
        }
      }
      if (view.hint) this.io.stderr(`${this.options.lang === 'en' ? 'hint' : 'gợi ý / hint'}: ${view.hint}\n`);
    }
    // A stack only with --debug, or for an error that is nobody's mistake but ours.
    if (stack !== null && (this.options.debug || view.code === 'UNEXPECTED')) this.io.stderr(`${stack}\n`);
    return exit;
  }
}

/** @internal The view, exit code and stack of any error a command may throw. */
export function describeError(error: unknown): { view: ErrorView; exit: ExitCode; stack: string | null } {
  if (error instanceof InterruptedError) {
    return {
      view: {
        code: 'INTERRUPTED',
        messageVi: 'Đã dừng theo yêu cầu (Ctrl-C); không có dữ liệu ghi dở',
        messageEn: 'Stopped on request (Ctrl-C); nothing was half-written',
        hint: 'Chạy lại cùng lệnh để tiếp tục từ điểm dừng. / Run the same command again to resume.',
      },
      exit: EXIT_CODES.interrupted,
      stack: null,
    };
  }
  if (error instanceof UsageError) {
    return { view: { code: 'USAGE', messageVi: error.messageVi, messageEn: error.messageEn, hint: error.hint ?? 'pccovid-inspect --help' }, exit: EXIT_CODES.usage, stack: null };
  }
  if (InspectError.isInstance(error)) {
    const view: ErrorView = { code: error.code, messageVi: error.messageVi, messageEn: error.messageEn, hint: error.hint ?? null };
    if (ValidationError.isInstance(error)) view.issues = error.issues;
    return { view, exit: exitCodeOf(error.code), stack: error.stack ?? null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    view: {
      code: 'UNEXPECTED',
      messageVi: `Lỗi ngoài dự kiến: ${message}`,
      messageEn: `Unexpected error: ${message}`,
      hint: 'Chạy lại với --debug và báo lỗi kèm nội dung in ra. / Run again with --debug and report the output.',
    },
    exit: EXIT_CODES.system,
    stack: error instanceof Error ? (error.stack ?? null) : null,
  };
}
