/** The first answer to a write, as it was sent. */
export interface StoredAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** What a store holds for one key: the body's fingerprint and the answer (`null` while the first request runs). */
export interface IdempotencyEntry {
  fingerprint: string;
  answer: StoredAnswer | null;
}

/**
 * Where `Idempotency-Key`s and first answers are kept. The default is in memory
 * ({@link createMemoryIdempotencyStore}): keys are lost on restart and not shared between
 * processes — a host running several processes, or wanting replays to survive a restart, gives
 * its own (a table with a unique key, Redis `SET NX`…). Keys arrive already scoped by subject and
 * endpoint.
 */
export interface IdempotencyStore {
  /** Claims `key` for a request with this body fingerprint; returns the existing entry when the key is known (then nothing is claimed). */
  claim(key: string, fingerprint: string): Promise<IdempotencyEntry | null>;
  /** Stores the first answer of a claimed key. */
  complete(key: string, answer: StoredAnswer): Promise<void>;
  /** Releases a claimed key whose request failed in a way worth retrying (5xx), so a retry runs again. */
  release(key: string): Promise<void>;
}

/** Options of {@link createMemoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /**
   * Most keys kept; the oldest go first.
   * @default 10000
   */
  maxEntries?: number;
  /**
   * How long a key is kept, in ms.
   * @default 86400000 (24 h)
   */
  ttlMs?: number;
  /**
   * The clock, in ms.
   * @default Date.now
   */
  now?: () => number;
}

/**
 * A bounded in-memory {@link IdempotencyStore} (insertion order, oldest evicted first, expiry by TTL).
 *
 * @example
 * ```ts
 * createInspectionServer({ service, jwt, idempotency: createMemoryIdempotencyStore({ maxEntries: 50_000 }) });
 * ```
 */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const max = options.maxEntries ?? 10_000;
  const ttl = options.ttlMs ?? 86_400_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, IdempotencyEntry & { at: number }>();
  const sweep = () => {
    const t = now();
    for (const [k, e] of entries) {
      if (entries.size <= max && t - e.at < ttl) break;
      entries.delete(k);
    }
  };
  return {
    claim(key, fingerprint) {
      const e = entries.get(key);
      if (e && now() - e.at < ttl) return Promise.resolve({ fingerprint: e.fingerprint, answer: e.answer });
      entries.delete(key);
      entries.set(key, { fingerprint, answer: null, at: now() });
      sweep();
      return Promise.resolve(null);
    },
    complete(key, answer) {
      const e = entries.get(key);
      if (e) e.answer = answer;
      return Promise.resolve();
    },
    release(key) {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}
