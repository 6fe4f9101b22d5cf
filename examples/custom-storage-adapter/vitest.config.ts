import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: workspaceAliases() },
  test: { name: 'example-custom-storage-adapter', include: ['test/**/*.test.ts'], testTimeout: 120_000 },
});
