/**
 * Checklist validation: `validateChecklistResponse(PC_COVID_CHECKLIST_V1, response)` (parse +
 * NFC + the template's rules, answer types and required items, with the evaluation) over N
 * responses, against zod `ChecklistResponseSchema.parse` (the schema alone, from
 * `@pccovid-inspect/core/schemas`) over the same N. The responses are built untimed, a third
 * each compliant / old QR code posted / zero scans, each with its own ids and dates.
 *
 * Goal: ours ≤ 1.5× raw.
 */
import { PC_COVID_CHECKLIST_V1, validateChecklistResponse, type ChecklistResponse } from '@pccovid-inspect/core';
import { ChecklistResponseSchema } from '@pccovid-inspect/core/schemas';
import { pcCovidAnswers, type SampleOutcome } from '@pccovid-inspect/testkit/fixtures';
import { runBench, type BenchContext } from './harness.js';

const OUTCOMES: SampleOutcome[] = ['compliant', 'legacyQrPosted', 'zeroScans'];

function responses(ctx: BenchContext): ChecklistResponse[] {
  return Array.from({ length: ctx.size }, (_, i) => {
    const day = `2021-12-${String(6 + (i % 20)).padStart(2, '0')}`;
    return {
      templateId: PC_COVID_CHECKLIST_V1.id,
      templateVersion: PC_COVID_CHECKLIST_V1.version,
      targetId: `tg-${i}`,
      visitId: `visit-${i}`,
      answers: pcCovidAnswers(OUTCOMES[i % 3], day),
      answeredBy: 'p-secretary',
      answeredAt: `${day}T03:00:00.000Z`,
    };
  });
}

await runBench(
  {
    name: 'checklist',
    sizes: [10_000],
    quickSizes: [10_000],
    opsPerRun: (n) => n,
    opLabel: 'response',
    goalRatio: 1.5,
    capMs: 300_000,
    work: (n) =>
      `${n.toLocaleString('en')} PC-Covid checklist responses (8 items, evidence; ⅓ each compliant / old QR posted / zero scans): validateChecklistResponse vs ChecklistResponseSchema.parse`,
    ours: {
      setup: responses,
      run: (prepared, ctx) => {
        let compliant = 0;
        (prepared as ChecklistResponse[]).forEach((r, i) => {
          if (validateChecklistResponse(PC_COVID_CHECKLIST_V1, r).evaluation.unit.verdict === 'compliant') compliant++;
          if ((i & 1023) === 0) ctx.progress(i);
        });
        if (compliant !== Math.ceil(ctx.size / 3)) throw new Error(`compliant ${compliant}`);
      },
    },
    raw: {
      setup: responses,
      run: (prepared, ctx) => {
        let answered = 0;
        (prepared as ChecklistResponse[]).forEach((r, i) => {
          answered += Object.keys(ChecklistResponseSchema.parse(r).answers).length;
          if ((i & 1023) === 0) ctx.progress(i);
        });
        if (answered !== ctx.size * 8) throw new Error(`answered ${answered}`);
      },
    },
  },
  import.meta.url,
);
