/**
 * Maximal documents (issue 16): the Hà Tĩnh plan built from maximal inputs — every text field at
 * the longest its schema accepts (`INPUT_LIMITS`), exactly as the reliability suite builds it
 * (`test/reliability/support/maximal.ts`) — rendered to PDF and to DOCX. Sizes are the length of
 * the unbroken word (no space) in each field:
 *
 * - `0`: the seed plan as it is (≈ 4,000 characters);
 * - `300`: the reliability suite's maximal plan (430,615 characters; each field holds one
 *   300-character word, the longest a short field takes);
 * - `10000`: the same, with every long field (10,000 characters) one unbroken word.
 *
 * PDF: ours = `createPdfRenderer().render(doc)` (parse, definition, pdfmake); raw = pdfmake
 * `createPdf(definition).getBuffer()` on the definition our renderer produces
 * (`toPdfDocumentDefinition`, built in the untimed setup), so the ratio is our overhead.
 * DOCX: ours = `createDocxRenderer().render(doc)`; raw = docx `Packer.toBuffer` on our own
 * generated `Document` (`toDocxDocument`, built in the untimed setup).
 * The bound stated in bench/README.md ("Maximal documents") is ours' absolute median at 10000.
 */
import { fileURLToPath } from 'node:url';
import type { DocumentRenderer, OfficialDocument } from '@pccovid-inspect/core';
import { runBench, type BenchDefinition } from './harness.js';

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('./render.tsconfig.json', import.meta.url));
const CREATED = new Date('2021-11-26T01:00:00Z');
const SIZES = [0, 300, 10_000] as const;
const FORMAT_ENV = 'PCCI_BENCH_MAXIMAL_FORMAT';

/** The plan of a size (see the file comment). */
async function maximalPlan(size: number): Promise<OfficialDocument> {
  const { INPUT_LIMITS } = await import('@pccovid-inspect/core/schemas');
  const { buildPlanDocument, PlanDocumentInputSchema } = await import('@pccovid-inspect/core/documents');
  const { HA_TINH_2021_PLAN_INPUT } = await import('@pccovid-inspect/province-ha-tinh');
  const { maximize, maximalText } = await import('../../test/reliability/support/maximal.js');
  if (size === 0) return buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
  const word = (n: number) => 'Nghiêng'.repeat(Math.ceil(n / 7)).slice(0, n);
  const text = size === INPUT_LIMITS.text.long ? (n: number) => (n === INPUT_LIMITS.text.long ? word(n) : maximalText(n)) : maximalText;
  const { value } = maximize(HA_TINH_2021_PLAN_INPUT, (c) => PlanDocumentInputSchema.safeParse(c).success, text);
  return buildPlanDocument(value);
}

const work = (format: string) => (size: number) =>
  `${format} of the Hà Tĩnh plan, ${size === 0 ? 'seed inputs' : `every text field at its maximum, ${size === 300 ? 'a 300-character unbroken word in each (the reliability suite)' : 'every long field one 10,000-character unbroken word'}`}; building the document is setup`;

function check(bytes: Uint8Array): void {
  if (bytes.length < 10_000) throw new Error('suspiciously small output');
}

const pdf: BenchDefinition = {
  name: 'render-maximal-pdf',
  work: work('PDF'),
  sizes: SIZES,
  ours: {
    setup: async ({ size }) => {
      const { createPdfRenderer } = await import('../../packages/render-pdf/src/index.js');
      return { doc: await maximalPlan(size), renderer: createPdfRenderer() };
    },
    run: async (prepared) => {
      const { doc, renderer } = prepared as { doc: OfficialDocument; renderer: DocumentRenderer };
      check((await renderer.render(doc, { creationDate: CREATED })).bytes);
    },
  },
  raw: {
    setup: async ({ size }) => {
      const { default: pdfmake } = await import('pdfmake');
      const { tinosFontFiles, toPdfDocumentDefinition } = await import('../../packages/render-pdf/src/index.js');
      const definition = toPdfDocumentDefinition(await maximalPlan(size), { creationDate: CREATED, producer: 'raw' });
      pdfmake.setFonts({ [definition.defaultStyle.font]: tinosFontFiles() });
      pdfmake.setUrlAccessPolicy(() => false);
      pdfmake.setLocalAccessPolicy(() => true);
      return { pdfmake, definition };
    },
    run: async (prepared) => {
      const { pdfmake, definition } = prepared as { pdfmake: { createPdf(definition: unknown): { getBuffer(): Promise<Uint8Array> } }; definition: unknown };
      check(await pdfmake.createPdf(definition).getBuffer());
    },
  },
};

/** docx as render-docx loads it (the same module instance as the Document it builds). */
const DOCX_MODULE = '../../packages/render-docx/node_modules/docx/dist/index.mjs';

const docx: BenchDefinition = {
  name: 'render-maximal-docx',
  work: work('DOCX'),
  sizes: SIZES,
  ours: {
    setup: async ({ size }) => {
      const { createDocxRenderer } = await import('../../packages/render-docx/src/index.js');
      return { doc: await maximalPlan(size), renderer: createDocxRenderer() };
    },
    run: async (prepared) => {
      const { doc, renderer } = prepared as { doc: OfficialDocument; renderer: DocumentRenderer };
      check((await renderer.render(doc, { creationDate: CREATED })).bytes);
    },
  },
  raw: {
    setup: async ({ size }) => {
      const { toDocxDocument } = await import('../../packages/render-docx/src/index.js');
      const { Packer } = (await import(DOCX_MODULE)) as { Packer: { toBuffer(document: unknown): Promise<Uint8Array> } };
      return { Packer, document: toDocxDocument(await maximalPlan(size), { fontFamily: 'Times New Roman' }).document };
    },
    run: async (prepared) => {
      const { Packer, document } = prepared as { Packer: { toBuffer(document: unknown): Promise<Uint8Array> }; document: unknown };
      check(await Packer.toBuffer(document));
    },
  },
};

// Two benches in one file: a child process runs only the one its parent was running.
for (const def of [pdf, docx]) {
  const format = def.name;
  if (process.env.PCCI_BENCH_CHILD === '1' && process.env[FORMAT_ENV] !== format) continue;
  process.env[FORMAT_ENV] = format;
  await runBench(def, import.meta.url);
}
