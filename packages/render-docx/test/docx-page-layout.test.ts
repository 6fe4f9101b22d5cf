/**
 * The keep rules on the pages of the DOCX of every document type, as LibreOffice lays them out:
 * each DOCX is converted to PDF by `soffice` (all files in one call), and the text lines and their
 * positions are read back with pdfjs and checked as the PDF renderer's layout test checks its own
 * files — no page holds only the signature block or fewer than three body lines, and no heading or
 * caption is the last line of a page.
 *
 * LibreOffice is found on `PATH` as `soffice` (or at `$SOFFICE`). Without it the test is skipped
 * locally, with the reason printed, and fails under CI (`CI` set), where it must be installed:
 * `apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { keepRuleSweepDocuments, pdfLayoutProblems } from '@pccovid-inspect/testkit/renderer';
import { everyDocumentType } from '../../render-pdf/test/every-document-type.js';
import { createDocxRenderer } from '../src/index.js';

const APT_LINE = 'apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2';

/** The LibreOffice binary: `$SOFFICE`, else `soffice` on `PATH`, else null. */
function findSoffice(): string | null {
  const fromEnv = process.env['SOFFICE'];
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(fromEnv) ? fromEnv : null;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, 'soffice'))) return join(dir, 'soffice');
  }
  return null;
}

const soffice = findSoffice();
const inCi = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
if (soffice === null && !inCi) {
  console.warn(`DOCX page layout through LibreOffice skipped: soffice not found on PATH (nor $SOFFICE); to run it: ${APT_LINE}`);
}

/** The same DOCX without any keep rule: no keep-with-next, keep-lines-together or unsplittable row. */
function withoutKeepRules(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const part of ['word/document.xml', 'word/styles.xml']) {
    const xml = files[part];
    if (xml === undefined) continue;
    files[part] = strToU8(
      strFromU8(xml)
        .replace(/<w:keepNext(?:\s+w:val="[^"]*")?\s*\/>/g, '')
        .replace(/<w:keepLines(?:\s+w:val="[^"]*")?\s*\/>/g, '')
        .replace(/<w:cantSplit(?:\s+w:val="[^"]*")?\s*\/>/g, ''),
    );
  }
  return zipSync(files);
}

/**
 * Converts every DOCX in `dir` named by `names` (without extension) to PDF in one `soffice` run,
 * with its own user profile so parallel runs do not collide, and returns the PDFs by name.
 */
async function convertToPdf(binary: string, dir: string, names: readonly string[]): Promise<Map<string, Uint8Array>> {
  const profile = join(dir, 'lo-profile');
  const out = join(dir, 'pdf');
  await promisify(execFile)(
    binary,
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...names.map((n) => join(dir, `${n}.docx`))],
    { timeout: 220_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const pdfs = new Map<string, Uint8Array>();
  for (const n of names) {
    const file = join(out, `${n}.pdf`);
    if (existsSync(file)) pdfs.set(n, new Uint8Array(readFileSync(file)));
  }
  return pdfs;
}

interface Converted {
  name: string;
  doc: OfficialDocument;
  pdf: Uint8Array | undefined;
}

describe.skipIf(soffice === null && !inCi)('DOCX page layout of every document type, through LibreOffice', () => {
  // Made in beforeAll: a skipped suite still runs this body, but never its hooks.
  let dir = '';
  const converted: Converted[] = [];
  const stripped: Converted[] = [];
  const documents = [...everyDocumentType(), ...keepRuleSweepDocuments().map((doc, i) => ({ name: `sweep ${i} ${doc.kind}`, doc }))];
  // The check must be able to fail: the results notices of the sweep without their keep rules.
  const unkept = keepRuleSweepDocuments()
    .filter((d) => d.kind === 'TB')
    .map((doc, i) => ({ name: `notice ${i} without keep rules`, doc }));

  beforeAll(async () => {
    if (soffice === null) throw new Error(`CI is set but LibreOffice (soffice) is not on PATH nor at $SOFFICE: the CI image must run \`${APT_LINE}\``);
    dir = mkdtempSync(join(tmpdir(), `docx-layout-${process.pid}-`));
    const renderer = createDocxRenderer();
    const files: { file: string; target: Converted[]; name: string; doc: OfficialDocument }[] = [];
    for (const [k, { name, doc }] of documents.entries()) {
      writeFileSync(join(dir, `doc-${k}.docx`), (await renderer.render(doc)).bytes);
      files.push({ file: `doc-${k}`, target: converted, name, doc });
    }
    for (const [k, { name, doc }] of unkept.entries()) {
      writeFileSync(join(dir, `unkept-${k}.docx`), withoutKeepRules((await renderer.render(doc)).bytes));
      files.push({ file: `unkept-${k}`, target: stripped, name, doc });
    }
    const pdfs = await convertToPdf(
      soffice,
      dir,
      files.map((f) => f.file),
    );
    for (const f of files) f.target.push({ name: f.name, doc: f.doc, pdf: pdfs.get(f.file) });
  }, 240_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('converts every DOCX', () => {
    expect(converted.filter((c) => c.pdf === undefined).map((c) => c.name)).toEqual([]);
    expect(converted).toHaveLength(documents.length);
  });

  it('keeps signatures with the body, headings and captions with what follows, and leaves no widow page', async () => {
    const problems: string[] = [];
    for (const { name, doc, pdf } of converted) if (pdf !== undefined) problems.push(...(await pdfLayoutProblems(doc, pdf)).map((p) => `${name}: ${p}`));
    expect(problems).toEqual([]);
  }, 120_000);

  it('finds a signature alone on a page or a stranded heading when the keep rules are stripped from the DOCX', async () => {
    const problems: string[] = [];
    for (const { name, doc, pdf } of stripped) if (pdf !== undefined) problems.push(...(await pdfLayoutProblems(doc, pdf)).map((p) => `${name}: ${p}`));
    expect(stripped.every((s) => s.pdf !== undefined)).toBe(true);
    expect(problems.some((p) => /holds only the signature block|holds only [12] body line/.test(p))).toBe(true);
    expect(problems.some((p) => /ends with a heading or caption/.test(p))).toBe(true);
  }, 120_000);
});
