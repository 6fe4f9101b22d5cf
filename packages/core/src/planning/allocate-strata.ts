/** One stratum as allocation sees it. */
export interface StratumSize {
  key: string;
  population: number;
  /** Orders strata when minimums cannot all be met: higher first (e.g. the stratum's highest risk). */
  priority: number;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Allocates `size` units to strata (`size` ≤ total population), proportionally with a minimum:
 * - each stratum's floor is `min(minimum, population)`;
 * - when the floors fit in `size`, strata whose proportional quota falls below their floor are fixed
 *   at the floor and the rest is shared among the others in proportion to population, repeated until
 *   stable; whole units are then given by largest remainder (ties: larger population, then key);
 * - when the floors exceed `size`, units are dealt one round at a time — one to every stratum still
 *   under its floor, in order of priority (then key) — so strata differ by at most one unit and as
 *   many strata as possible are covered, the riskiest first.
 * Exact integer arithmetic: no rounding drift.
 *
 * @internal
 */
export function allocateStrata(strata: readonly StratumSize[], size: number, minimum: number): Map<string, number> {
  const floors = new Map(strata.map((s) => [s.key, Math.min(minimum, s.population)]));
  const floorOf = (key: string): number => floors.get(key) ?? 0;
  const allocation = new Map(strata.map((s) => [s.key, 0]));
  const totalFloors = strata.reduce((sum, s) => sum + floorOf(s.key), 0);

  if (totalFloors > size) {
    const order = [...strata].sort((a, b) => b.priority - a.priority || byKey(a.key, b.key));
    let left = size;
    for (let round = 1; left > 0; round += 1) {
      for (const s of order) {
        if (left === 0) break;
        if (floorOf(s.key) >= round) {
          allocation.set(s.key, round);
          left -= 1;
        }
      }
    }
    return allocation;
  }

  const fixed = new Set<string>();
  let free = strata.filter((s) => s.population > 0);
  for (;;) {
    const rest = size - [...fixed].reduce((sum, k) => sum + floorOf(k), 0);
    const pool = free.reduce((sum, s) => sum + s.population, 0);
    const below = free.filter((s) => rest * s.population < floorOf(s.key) * pool);
    if (below.length === 0) break;
    for (const s of below) fixed.add(s.key);
    free = free.filter((s) => !fixed.has(s.key));
  }
  for (const key of fixed) allocation.set(key, floorOf(key));
  const rest = size - [...fixed].reduce((sum, k) => sum + floorOf(k), 0);
  const pool = free.reduce((sum, s) => sum + s.population, 0);
  if (pool === 0) return allocation;
  const shares = free.map((s) => {
    const exact = rest * s.population;
    return { s, whole: Math.floor(exact / pool), remainder: exact % pool };
  });
  let left = rest - shares.reduce((sum, x) => sum + x.whole, 0);
  shares.sort((a, b) => b.remainder - a.remainder || b.s.population - a.s.population || byKey(a.s.key, b.s.key));
  for (const x of shares) {
    const extra = left > 0 ? 1 : 0;
    left -= extra;
    allocation.set(x.s.key, x.whole + extra);
  }
  return allocation;
}
