import { defineProject } from 'vitest/config';
import { TIMEOUT_FLOOR, workspaceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: workspaceAliases() },
  test: { ...TIMEOUT_FLOOR, name: 'example-offline-visit', include: ['test/**/*.test.ts'], testTimeout: 120_000 },
});
