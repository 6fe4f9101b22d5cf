import { describeRendererConformance } from '@pccovid-inspect/testkit/renderer';
import { createDocxRenderer } from '../src/index.js';

describeRendererConformance({ name: 'docx (docx + raw WordprocessingML tables)', format: 'docx', createRenderer: () => createDocxRenderer() });
