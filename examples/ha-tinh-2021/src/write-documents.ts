import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixedClock, type Actor, type InspectionService } from '@pccovid-inspect/core';
import { createDocxRenderer } from '@pccovid-inspect/render-docx';
import { createPdfRenderer } from '@pccovid-inspect/render-pdf';

const READER: Actor = { role: 'director', id: 'p-dau-tung-lam' };

/**
 * Writes every document the campaign has — the plan, the team decision, each visit's minutes,
 * the report to the Provincial People's Committee, the results notices and the reminder letters —
 * as PDF and DOCX into `outDir`. A fixed clock makes the files byte-identical from run to run.
 * Returns the paths written.
 */
export async function writeDocuments(service: InspectionService, campaignId: string, outDir: string): Promise<string[]> {
  const clock = createFixedClock('2022-01-20T01:00:00.000Z');
  const renderers = [createPdfRenderer({ clock }), createDocxRenderer({ clock })];
  const written: string[] = [];
  for (const listing of await service.listDocuments(READER, { campaignId })) {
    const doc = await service.getDocument(READER, listing.ref);
    for (const renderer of renderers) {
      const { bytes, fileExtension } = await renderer.render(doc);
      const file = join(outDir, `${listing.fileStem}.${fileExtension.replace(/^\./, '')}`);
      writeFileSync(file, bytes);
      written.push(file);
    }
  }
  return written;
}
