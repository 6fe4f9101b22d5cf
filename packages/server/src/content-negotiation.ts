/**
 * @internal Picks the best of `available` media types for an `Accept` header (q-values, `type/*`
 * and `*\/*`); ties go to the earlier entry of `available`. No header: the first. `null`: none acceptable.
 */
export function negotiate(accept: string | undefined, available: readonly string[]): string | null {
  if (accept === undefined || accept.trim() === '') return available[0] ?? null;
  const ranges = accept.split(',').map((part) => {
    const [range = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    return { range: range.trim().toLowerCase(), q: Number.isFinite(value) ? value : 0 };
  });
  let best: string | null = null;
  let bestQ = 0;
  for (const type of available) {
    const [major] = type.split('/');
    const exact = ranges.find((r) => r.range === type);
    const partial = ranges.find((r) => r.range === `${major}/*`);
    const any = ranges.find((r) => r.range === '*/*');
    const q = (exact ?? partial ?? any)?.q ?? 0;
    if (q > bestQ) {
      best = type;
      bestQ = q;
    }
  }
  return best;
}
