import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// ESM only: jose 6 ships ESM only, and a server is started, not required.
export default defineConfig(packageBuild({ format: ['esm'] }));
