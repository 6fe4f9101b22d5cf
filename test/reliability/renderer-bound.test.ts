import { afterAll, describe, expect, it } from 'vitest';
import { InspectError, type OfficialDocument } from '@pccovid-inspect/core';
import { buildPlanDocument, officialDocumentPlainText, PlanDocumentInputSchema } from '@pccovid-inspect/core/documents';
import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
import { createDocxRenderer } from '@pccovid-inspect/render-docx';
import { createPdfRenderer } from '@pccovid-inspect/render-pdf';
import { maximize } from './support/maximal.js';
import { Tally } from './support/summary.js';

/**
 * Both renderers finish a document built from maximal inputs: the Hà Tĩnh plan with every text
 * field at the longest its schema accepts (INPUT_LIMITS), each holding a 300-character unbroken
 * word. No time is asserted here: the time goes to the summary table (bench/ states the bound).
 */
const tally = new Tally('renderer bound, maximal plan');
const notes: string[] = [];
afterAll(() => tally.record(notes.join('; ')));

let doc: OfficialDocument;

describe('maximal inputs through both renderers / văn bản dài nhất', () => {
  it('builds the plan from maximal inputs', () => {
    const { value, fields } = maximize(HA_TINH_2021_PLAN_INPUT, (c) => PlanDocumentInputSchema.safeParse(c).success);
    expect(fields).toBeGreaterThan(10);
    doc = buildPlanDocument(value);
    const text = officialDocumentPlainText(doc).join('\n');
    notes.push(`${fields} fields maximal, ${text.length.toLocaleString('en')} chars`);
    // The unbroken word reaches the document.
    expect(text).toContain('Đường'.repeat(60));
  });

  for (const [name, make] of [
    ['PDF', () => createPdfRenderer()],
    ['DOCX', () => createDocxRenderer()],
  ] as const) {
    it(`${name} renders it (or refuses it with a typed error)`, async () => {
      tally.runs++;
      const started = performance.now();
      try {
        const out = await make().render(doc, { creationDate: new Date('2021-11-26T01:00:00Z') });
        tally.rowsChecked++;
        expect(out.bytes.length).toBeGreaterThan(1000);
      } catch (e) {
        tally.faults++;
        if (!InspectError.isInstance(e)) tally.violation(`${name}: ${String(e)}`);
      }
      notes.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(tally.violations).toEqual([]);
    }, 600_000);
  }
});
