import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { buildPlanDocument, HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/core';
import { createPdfRenderer } from '../src/index.js';
it('renders the plan', async () => {
  const r = createPdfRenderer();
  const t0 = performance.now();
  const out = await r.render(buildPlanDocument(HA_TINH_2021_PLAN_INPUT), { creationDate: new Date('2021-11-26T01:00:00Z') });
  console.log('ms', performance.now() - t0, out.bytes.length);
  writeFileSync('/tmp/plan.pdf', out.bytes);
});
