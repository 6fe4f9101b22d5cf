import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(packageBuild({ entry: { index: 'src/index.ts', 'browser/index': 'src/browser/index.ts' } }));
