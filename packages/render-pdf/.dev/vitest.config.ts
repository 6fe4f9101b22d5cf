import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../../vitest.shared.ts';
import { fileURLToPath } from 'node:url';
const core = fileURLToPath(new URL('./core.ts', import.meta.url));
const aliases = [{ find: /^@pccovid-inspect\/core$/, replacement: core }, ...workspaceAliases()];
const project = (name: string) => ({
  resolve: { alias: aliases },
  test: { name: `dev-${name}`, root: fileURLToPath(new URL(`../../${name}`, import.meta.url)), include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 120000 },
});
export default defineConfig({ test: { projects: [project('render-pdf'), project('render-docx'), { ...project('core'), test: { ...project('core').test, name: 'dev-core' } }] } });
