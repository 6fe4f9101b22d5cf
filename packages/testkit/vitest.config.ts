import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: workspaceAliases() },
  test: { name: '@pccovid-inspect/testkit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
