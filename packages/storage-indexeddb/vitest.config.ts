import { defineProject } from 'vitest/config';
import { TIMEOUT_FLOOR, workspaceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: workspaceAliases() },
  test: { ...TIMEOUT_FLOOR, name: '@pccovid-inspect/storage-indexeddb', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
