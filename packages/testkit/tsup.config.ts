import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { 'storage/index': 'src/storage/index.ts', 'renderer/index': 'src/renderer/index.ts', 'fixtures/index': 'src/fixtures/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: ['vitest', '@pccovid-inspect/core'],
});
