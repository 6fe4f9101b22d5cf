import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { buildPlanDocument, buildMinutesDocument, buildTeamDecisionDocument, buildResultsReportDocument, buildResultNoticeDocument, buildReminderLetterDocument, HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/core';
import { MINUTES_INPUT, TEAM_DECISION_INPUT, REPORT_INPUT, NOTICE_INPUT, REMINDER_INPUT } from '../../core/src/documents/builders/sample-inputs.test-support.js';
import { createPdfRenderer } from '../src/index.js';
it('renders all', async () => {
  const r = createPdfRenderer();
  const docs = {
    plan: buildPlanDocument(HA_TINH_2021_PLAN_INPUT),
    minutes: buildMinutesDocument(MINUTES_INPUT),
    refusal: buildMinutesDocument({ ...MINUTES_INPUT, refusal: { reason: 'chưa được Giám đốc ủy quyền ký' }, secretarySigns: true }),
    decision: buildTeamDecisionDocument(TEAM_DECISION_INPUT),
    report: buildResultsReportDocument(REPORT_INPUT),
    notice: buildResultNoticeDocument(NOTICE_INPUT),
    reminder: buildReminderLetterDocument(REMINDER_INPUT),
  };
  for (const [name, doc] of Object.entries(docs)) {
    const out = await r.render(doc, { creationDate: new Date('2021-11-26T01:00:00Z') });
    writeFileSync(`/tmp/out-${name}.pdf`, out.bytes);
  }
});
