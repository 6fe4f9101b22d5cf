import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// ESM only: the library entry (`runCli`) and the executable (`pccovid-inspect`).
export default defineConfig(packageBuild({ entry: ['src/index.ts', 'src/bin.ts'], format: ['esm'] }));
