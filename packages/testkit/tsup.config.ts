import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(
  packageBuild({
    entry: { 'storage/index': 'src/storage/index.ts', 'renderer/index': 'src/renderer/index.ts', 'fixtures/index': 'src/fixtures/index.ts' },
    external: ['vitest', '@pccovid-inspect/core'],
  }),
);
