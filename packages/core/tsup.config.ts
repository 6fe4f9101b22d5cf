import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

/** The root and its subpath entry points (see `exports` in package.json). */
export default defineConfig(
  packageBuild({
    entry: {
      index: 'src/index.ts',
      'schemas/index': 'src/schemas/index.ts',
      'documents/index': 'src/documents/index.ts',
      'lifecycle/index': 'src/lifecycle/index.ts',
      'adapter-kit/index': 'src/adapter-kit/index.ts',
      'text/index': 'src/text/index.ts',
    },
  }),
);
