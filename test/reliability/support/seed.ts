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
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
