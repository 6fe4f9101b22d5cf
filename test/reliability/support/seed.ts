import { mulberry32 } from '@pccovid-inspect/core';

/**
 * The fast-check seed of this run: `PCCI_FC_SEED` when set (to replay a failure), else one drawn
 * by the global setup and shared by every test file, so one number replays the whole run.
 */
export function runSeed(): number {
  const raw = process.env.PCCI_FC_SEED;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw new Error(`PCCI_FC_SEED must be an integer, got ${raw}`);
    return n;
  }
  return 42;
}

/** A small seeded PRNG (mulberry32) for choices outside fast-check (kill points, writer order). */
export const prng: (seed: number) => () => number = mulberry32;
