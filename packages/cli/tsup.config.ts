import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// ESM only: the library entry (`runCli`), the executable (`pccovid-inspect`), and the render pool's
// worker (`dist/render-pool/render-worker.js`, loaded by file name in each worker thread).
export default defineConfig(packageBuild({ entry: ['src/index.ts', 'src/bin.ts', 'src/render-pool/render-worker.ts'], format: ['esm'] }));
