/**
 * Makes new record ids. Injected so tests and examples are deterministic.
 *
 * @example
 * ```ts
 * const ids: IdGenerator = { next: (prefix) => `${prefix}-${crypto.randomUUID()}` };
 * ```
 */
export interface IdGenerator {
  /** A new unique id that starts with `prefix` (e.g. `visit`). */
  next(prefix: string): string;
}

/** Random ids (`visit-3f2a…`) from Web Crypto, available in Node 20 and every browser. */
export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}-${globalThis.crypto.randomUUID()}`,
};

/**
 * Sequential ids (`visit-0001`, `visit-0002`…), per prefix: for tests and reproducible examples.
 *
 * @example
 * ```ts
 * const ids = createSequentialIds();
 * ids.next('visit'); // 'visit-0001'
 * ```
 */
export function createSequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${String(n).padStart(4, '0')}`;
    },
  };
}
