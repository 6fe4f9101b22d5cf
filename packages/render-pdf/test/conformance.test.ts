import { describeRendererConformance } from '@pccovid-inspect/testkit/renderer';
import { createPdfRenderer } from '../src/index.js';

describeRendererConformance({ name: 'pdf (pdfmake, Tinos)', format: 'pdf', createRenderer: () => createPdfRenderer() });
