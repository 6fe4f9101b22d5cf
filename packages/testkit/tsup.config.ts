import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(
  packageBuild({
    // ESM only: the suites import vitest, which cannot be require()d, so a CJS build could never load.
    format: ['esm'],
    entry: {
      'storage/index': 'src/storage/index.ts',
      'renderer/index': 'src/renderer/index.ts',
      'notifier/index': 'src/notifier/index.ts',
      'fixtures/index': 'src/fixtures/index.ts',
    },
    external: ['vitest', '@pccovid-inspect/core'],
  }),
);
