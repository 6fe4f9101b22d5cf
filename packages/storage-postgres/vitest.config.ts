import { defineProject } from 'vitest/config';
import { TIMEOUT_FLOOR, workspaceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: workspaceAliases() },
  test: {
    ...TIMEOUT_FLOOR,
    name: '@pccovid-inspect/storage-postgres',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Finds TEST_POSTGRES_URL, or starts a throwaway server in .pg/ (never in CI: there a missing server fails the run).
    globalSetup: ['test/postgres-server.ts'],
  },
});
