import { defineProject } from 'vitest/config';
import { TIMEOUT_FLOOR, workspaceAliases } from '../../vitest.shared.ts';

/** Checks of the repository as a whole (its tracked files), run from the root like any project. */
export default defineProject({
  resolve: { alias: workspaceAliases() },
  test: { ...TIMEOUT_FLOOR, name: 'repository', include: ['*.test.ts'] },
});
