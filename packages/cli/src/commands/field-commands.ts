import { createInterface } from 'node:readline/promises';
import { CHECKLIST_ANSWER_LABELS, type ChecklistAnswer, type ChecklistItemResponse, type ChecklistTemplate, type CommandInput } from '@pccovid-inspect/core';
import type { CommandEnv } from '../cli.js';
import { InterruptedError, UsageError } from '../cli-errors.js';
import { isRecord, readInputFile } from './input-file.js';
import { withSession } from './session.js';

/** @internal `visit start <visitId> [--at instant]`: `visit.start` (someone on the visit's team). */
export async function visitStartCommand(env: CommandEnv, visitId: string, opts: { at?: string }): Promise<void> {
  await withSession(env, async ({ service, actor }) => {
    const res = await service.startVisit(actor, { visitId, ...(opts.at === undefined ? {} : { at: opts.at }) });
    env.out.result(res, () => env.out.say(`Đã bắt đầu cuộc kiểm tra ${visitId} (${res.state})`, `Started visit ${visitId} (${res.state})`));
  });
}

/** @internal Options of `visit answers`. */
export interface VisitAnswersOptions {
  file?: string;
  complete: boolean;
  prompt: boolean;
}

/**
 * A file's answers, made whole: the file is `{ answers, complete? }` or the answers alone; an item
 * may be just its answer (`a1: met`), and missing `fields`/`evidence` are empty.
 */
function answersFromFile(raw: unknown): { answers: Record<string, unknown>; complete: boolean | undefined } {
  const body = isRecord(raw) && isRecord(raw.answers) ? raw.answers : raw;
  const complete = isRecord(raw) && typeof raw.complete === 'boolean' ? raw.complete : undefined;
  if (!isRecord(body)) return { answers: body as never, complete }; // the service's schema says what is wrong
  const answers: Record<string, unknown> = {};
  for (const [itemId, value] of Object.entries(body)) {
    if (typeof value === 'string' || value === null) answers[itemId] = { answer: value, fields: {}, evidence: [] };
    else if (isRecord(value)) answers[itemId] = { fields: {}, evidence: [], ...value };
    else answers[itemId] = value;
  }
  return { answers, complete };
}

const ANSWER_WORDS: Readonly<Record<string, ChecklistAnswer>> = {
  d: 'met',
  đ: 'met',
  đạt: 'met',
  dat: 'met',
  met: 'met',
  m: 'met',
  c: 'not_met',
  'chưa đạt': 'not_met',
  'chua dat': 'not_met',
  not_met: 'not_met',
  n: 'not_met',
  k: 'not_applicable',
  'không áp dụng': 'not_applicable',
  'khong ap dung': 'not_applicable',
  na: 'not_applicable',
  'n/a': 'not_applicable',
  not_applicable: 'not_applicable',
};

/** Writes a question and reads the next line ('' at the end of the input). */
type Ask = (question: string) => Promise<string>;

/** Reads one field value of its type, or undefined (skipped); asks again after a value that is not of the type. */
async function askField(ask: Ask, env: CommandEnv, question: string, valueType: string): Promise<unknown> {
  for (;;) {
    const text = (await ask(question)).trim();
    if (text === '') return undefined;
    if (valueType === 'count' && /^\d+$/.test(text)) return Number(text);
    if (valueType === 'decimal' && /^\d+([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'));
    if (valueType === 'boolean') {
      if (['c', 'có', 'co', 'y', 'yes'].includes(text.toLowerCase())) return true;
      if (['k', 'không', 'khong', 'n', 'no'].includes(text.toLowerCase())) return false;
    }
    if (valueType === 'civilDate' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
    if (valueType === 'text' || valueType === 'url') return text;
    env.io.stderr(`${env.out.text('  giá trị không hợp lệ, nhập lại (Enter để bỏ qua)', '  not a valid value, try again (Enter to skip)')}\n`);
  }
}

/**
 * Asks one question per item of the checklist (plan item II.1, sections a–c), Vietnamese first:
 * the answer, a note when it is Chưa đạt / Không áp dụng, then the item's fields. Enter skips.
 * Questions go to stderr, so `--json` keeps stdout for the result.
 */
async function promptAnswers(env: CommandEnv, template: ChecklistTemplate, earlier: Record<string, ChecklistItemResponse>): Promise<Record<string, ChecklistItemResponse>> {
  const terminal = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal });
  // Lines are read through the iterator, which buffers them: piped input is not lost between questions.
  const lines = rl[Symbol.asyncIterator]();
  let interrupted = false;
  const onAbort = (): void => {
    interrupted = true;
    rl.close();
  };
  env.signal.addEventListener('abort', onAbort, { once: true });
  rl.on('SIGINT', onAbort); // Ctrl-C while the terminal is in raw mode reaches readline, not the process
  const ask: Ask = async (question) => {
    env.io.stderr(question);
    const next = await lines.next();
    if (interrupted) throw new InterruptedError();
    if (!terminal && !next.done) env.io.stderr('\n'); // piped input is not echoed: end the question's line
    return next.done ? '' : next.value;
  };
  const labels = (a: ChecklistAnswer): string => env.out.text(CHECKLIST_ANSWER_LABELS[a].vi, CHECKLIST_ANSWER_LABELS[a].en);
  const answers: Record<string, ChecklistItemResponse> = {};
  try {
    env.io.stderr(`${env.out.text(template.title.vi, template.title.en)}\n`);
    env.io.stderr(`${env.out.text('Trả lời: d = Đạt, c = Chưa đạt, k = Không áp dụng; Enter = bỏ qua', 'Answer: d = met, c = not met, k = not applicable; Enter = skip')}\n`);
    for (const section of template.sections) {
      env.io.stderr(`\n${section.id}) ${env.out.text(section.title.vi, section.title.en)}\n`);
      for (const item of section.items) {
        const before = earlier[item.id]?.answer;
        const hint = before ? ` [${labels(before)}]` : '';
        let answer: ChecklistAnswer | undefined;
        for (;;) {
          const text = (await ask(`${item.id}. ${env.out.text(item.label.vi, item.label.en)}${hint}\n  (d/c/k) > `)).trim().toLowerCase();
          if (text === '') break;
          answer = ANSWER_WORDS[text];
          if (answer) break;
          env.io.stderr(`${env.out.text('  d, c, k hoặc Enter', '  d, c, k or Enter')}\n`);
        }
        if (answer === undefined) continue;
        const response: ChecklistItemResponse = { answer, fields: {}, evidence: [] };
        if (answer !== 'met') {
          const note = (await ask(`  ${env.out.text('Ghi chú (lý do)', 'Note (why)')} > `)).trim();
          if (note !== '') response.note = note;
        }
        const fields = template.answerTypes[item.answerType]?.fields ?? {};
        for (const [fieldId, field] of Object.entries(fields)) {
          const unit = field.unit ? ` (${env.out.text(field.unit.vi, field.unit.en)})` : '';
          const value = await askField(ask, env, `  ${env.out.text(field.label.vi, field.label.en)}${unit} > `, field.valueType);
          if (value !== undefined) response.fields[fieldId] = value as never;
        }
        answers[item.id] = response;
      }
    }
  } finally {
    env.signal.removeEventListener('abort', onAbort);
    rl.close();
  }
  return answers;
}

/**
 * @internal `visit answers <visitId> --file answers.json|yaml [--complete]`, or, without a file
 * and with stdin a terminal (or `--prompt`), one question per checklist item: `answers.record`.
 */
export async function visitAnswersCommand(env: CommandEnv, visitId: string, opts: VisitAnswersOptions): Promise<void> {
  const interactive = opts.file === undefined;
  if (interactive && !opts.prompt && process.stdin.isTTY !== true) {
    throw new UsageError(
      'không có tệp câu trả lời và đầu vào không phải terminal',
      'no answers file and stdin is not a terminal',
      `pccovid-inspect visit answers ${visitId} --file answers.yaml (hoặc / or --prompt)`,
    );
  }
  const fromFile = interactive ? null : answersFromFile(readInputFile(opts.file!, '--file'));
  await withSession(env, async ({ service, actor }) => {
    let answers: Record<string, unknown>;
    if (fromFile) answers = fromFile.answers;
    else {
      // The visit's own pinned template and earlier answers (the service checks the actor is on its team).
      const packet = await service.exportVisitPacket(actor, { visitId });
      answers = await promptAnswers(env, packet.template, packet.answers);
    }
    const complete = opts.complete || fromFile?.complete === true;
    const res = await service.recordAnswers(actor, { visitId, answers: answers as CommandInput<'answers.record'>['answers'], complete });
    env.out.result({ ...res, items: Object.keys(answers).length }, () => {
      env.out.say(`Đã ghi ${Object.keys(answers).length} nội dung cho ${visitId} (${res.state})`, `Recorded ${Object.keys(answers).length} items for ${visitId} (${res.state})`);
      if (res.verdict) env.out.say(`Kết luận: ${res.verdict}`, `Verdict: ${res.verdict}`);
    });
  });
}

/** @internal Options of `visit minutes`. */
export interface VisitMinutesOptions {
  file?: string;
  place?: string;
  representative: string[];
  assessment?: string;
  explanation?: string;
}

/**
 * @internal `visit minutes <visitId>`: `minutes.draft` from `--file` (the command's input without
 * `visitId`) or from the options; `--representative "Họ tên, chức vụ"` may repeat.
 */
export async function visitMinutesCommand(env: CommandEnv, visitId: string, opts: VisitMinutesOptions): Promise<void> {
  const raw = opts.file === undefined ? {} : readInputFile(opts.file, '--file');
  const input: Record<string, unknown> = { ...(isRecord(raw) ? raw : {}) };
  if (opts.place !== undefined) input.place = opts.place;
  if (opts.assessment !== undefined) input.assessment = opts.assessment;
  if (opts.explanation !== undefined) input.explanation = opts.explanation;
  if (opts.representative.length > 0) {
    input.representatives = opts.representative.map((r) => {
      const [fullName, ...position] = r.split(',');
      return { fullName: fullName!.trim(), position: position.join(',').trim() };
    });
  }
  if (opts.file === undefined && (input.place === undefined || input.assessment === undefined || input.representatives === undefined)) {
    throw new UsageError(
      'biên bản cần --place, --representative và --assessment (hoặc --file)',
      'the minutes need --place, --representative and --assessment (or --file)',
      `pccovid-inspect visit minutes ${visitId} --place "…" --representative "Nguyễn Văn A, Giám đốc" --assessment "…"`,
    );
  }
  await withSession(env, async ({ service, actor }) => {
    const res = await service.draftMinutes(actor, { ...(input as CommandInput<'minutes.draft'>), visitId });
    env.out.result(res, () => env.out.say(`Đã lập biên bản cuộc kiểm tra ${visitId} (${res.state})`, `Drew up the minutes of visit ${visitId} (${res.state})`));
  });
}

/** @internal `visit sign <visitId>`: `minutes.sign` (the team lead, with the unit's representative). */
export async function visitSignCommand(env: CommandEnv, visitId: string, opts: { at?: string }): Promise<void> {
  await withSession(env, async ({ service, actor }) => {
    const res = await service.signMinutes(actor, { visitId, ...(opts.at === undefined ? {} : { signedAt: opts.at }) });
    env.out.result(res, () => env.out.say(`Biên bản ${visitId} đã ký (${res.state})`, `Minutes of ${visitId} signed (${res.state})`));
  });
}

/** @internal `visit refuse <visitId> --reason …`: `signature.refuse` (the unit's representative refused; the lead signs). */
export async function visitRefuseCommand(env: CommandEnv, visitId: string, opts: { reason: string; at?: string }): Promise<void> {
  await withSession(env, async ({ service, actor }) => {
    const res = await service.refuseSignature(actor, { visitId, reason: opts.reason, ...(opts.at === undefined ? {} : { recordedAt: opts.at }) });
    env.out.result(res, () =>
      env.out.say(`Đã ghi nhận đơn vị từ chối ký biên bản ${visitId} (${res.state})`, `Recorded the unit's refusal to sign the minutes of ${visitId} (${res.state})`),
    );
  });
}
