import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: workspaceAliases() },
  test: { name: '@pccovid-inspect/province-ha-tinh', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
