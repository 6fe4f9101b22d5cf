import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: workspaceAliases() },
  test: { name: 'example-ha-tinh-2021', include: ['test/**/*.test.ts'], testTimeout: 120_000 },
});
