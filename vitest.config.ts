import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace.ts';

// Under CI (CI=true) vitest also writes a JSON report, from which `.ci/run` prints a plain
// "N passed, N failed, N skipped" closing line.
const ci = process.env.CI === 'true' || process.env.CI === '1';

export default defineConfig({
  test: {
    projects,
    reporters: ci ? ['default', 'json'] : ['default'],
    outputFile: ci ? { json: 'out/vitest.json' } : undefined,
  },
});
