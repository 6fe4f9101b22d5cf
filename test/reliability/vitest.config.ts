import { defineProject } from 'vitest/config';
import { TIMEOUT_FLOOR } from '../../vitest.shared.ts';
import { reliabilityAliases } from './support/packages-root.ts';

/**
 * The reliability suite (issue 16): every command and query fuzzed at every stage of a round, the
 * public parsers alone, concurrent writers, SIGKILLed writers, maximal documents through both
 * renderers and stored data beyond the input limits. The global setup prints one summary table at
 * the end (runs, faults injected, rows checked, violations). Sized for ≤ 10 minutes on 2 busy
 * cores; `PCCI_FC_SEED` replays a run (the seed is printed).
 */
export default defineProject({
  resolve: { alias: reliabilityAliases() },
  test: {
    ...TIMEOUT_FLOOR,
    name: 'reliability',
    include: ['*.test.ts'],
    globalSetup: ['./support/global-setup.ts'],
    // Two cores shared with other work: at most two test files at once. Its own group, after the
    // other projects (vitest runs projects with another maxWorkers in a group of their own).
    maxWorkers: 2,
    sequence: { groupOrder: 1 },
  },
});
