import { defineProject } from 'vitest/config';
import { TIMEOUT_FLOOR } from '../../vitest.shared.ts';

/** Checks of the repository as a whole (its tracked files), run from the root like any project. */
export default defineProject({
  test: { ...TIMEOUT_FLOOR, name: 'repository', include: ['*.test.ts'] },
});
