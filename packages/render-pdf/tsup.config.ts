import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// `shims` lets the CJS build resolve the bundled fonts (it uses import.meta.url).
export default defineConfig(packageBuild({ shims: true }));
