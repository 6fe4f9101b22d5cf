/**
 * Regenerates the page images in this folder: runs the Hà Tĩnh 2021 round of the main job on
 * in-memory storage, renders one document of each type to PDF (fixed clock), and converts pages
 * to PNG with poppler's `pdftoppm -png -r 60` (poppler-utils must be installed; the tests do not
 * need it); then copies the report's DOCX charts — the pictures the DOCX renderer draws — out of
 * the file with `unzip`. From the repository root:
 *
 *   pnpm exec tsx --tsconfig tsconfig.json docs/images/render-images.mjs
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFixedClock } from '@pccovid-inspect/core';
import { createPdfRenderer } from '@pccovid-inspect/render-pdf';
import { createDocxRenderer } from '@pccovid-inspect/render-docx';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { runRound } from '../../examples/ha-tinh-2021/src/round.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** One document of each type, by file stem (see `listDocuments`), and the pages to show. */
const WANTED = [
  { stem: 'KH-ke-hoach', image: 'plan' },
  { stem: 'QD-thanh-lap-to-kiem-tra', image: 'team-decision' },
  { stem: 'BB-visit-03', image: 'minutes' },
  { stem: 'TB-visit-03', image: 'results-notice' },
  { stem: 'CV-nhac-nho-remediation-04-1', image: 'reminder-letter' },
  { stem: 'CV-de-nghi-xu-ly-remediation-04', image: 'sanction-proposal' },
  { stem: 'BC-bao-cao-ket-qua', image: 'results-report' },
];

const round = await runRound(createMemoryStorage(), () => {});
const reader = { role: 'director', id: 'p-dau-tung-lam' };
const renderer = createPdfRenderer({ clock: createFixedClock('2022-01-20T01:00:00.000Z') });
const work = mkdtempSync(join(tmpdir(), 'pcci-images-'));
const listings = await round.service.listDocuments(reader, { campaignId: round.campaignId });
for (const { stem, image } of WANTED) {
  const listing = listings.find((l) => l.fileStem === stem);
  if (listing === undefined) throw new Error(`the round has no document ${stem}`);
  const { bytes } = await renderer.render(await round.service.getDocument(reader, listing.ref));
  const pdf = join(work, `${image}.pdf`);
  writeFileSync(pdf, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(work, image)]);
  for (const file of readdirSync(work).filter((f) => f.startsWith(`${image}-`) && f.endsWith('.png'))) {
    // pdftoppm numbers pages "-1" or "-01" by page count; keep "-page1".
    const page = Number(/-(\d+)\.png$/.exec(file)?.[1]);
    renameSync(join(work, file), join(here, `${image}-page${page}.png`));
  }
}
// The DOCX report's charts, as Word and LibreOffice show them.
const report = listings.find((l) => l.fileStem === 'BC-bao-cao-ket-qua');
if (report === undefined) throw new Error('the round has no report');
const docx = join(work, 'report.docx');
writeFileSync(docx, (await createDocxRenderer({ clock: createFixedClock('2022-01-20T01:00:00.000Z') }).render(await round.service.getDocument(reader, report.ref))).bytes);
const media = execFileSync('unzip', ['-Z1', docx], { encoding: 'utf8' })
  .split('\n')
  .filter((n) => /^word\/media\/.+\.png$/.test(n));
media.sort().forEach((name, i) => writeFileSync(join(here, `results-report-docx-chart${i + 1}.png`), execFileSync('unzip', ['-p', docx, name])));
rmSync(work, { recursive: true, force: true });
console.log('written to', here);
